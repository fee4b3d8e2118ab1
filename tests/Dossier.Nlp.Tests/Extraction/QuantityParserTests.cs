using Dossier.Nlp.Extraction;

namespace Dossier.Nlp.Tests.Extraction;

public sealed class QuantityParserTests
{
    [Theory]
    [InlineData("eliminated 36 terrorists", 36L, null, QuantityBound.Exact)]
    [InlineData("nearly 2 400 Syrian mercenaries", 2400L, null, QuantityBound.AtMost)]
    [InlineData("about 1 700 other recruits", 1700L, null, QuantityBound.Approximate)]
    [InlineData("a salary of 2 000 to 2 500 USD", 2000L, 2500L, QuantityBound.Range)]
    [InlineData("some 13,600 people have fled", 13600L, null, QuantityBound.Approximate)]
    [InlineData("more than 150 people", 150L, null, QuantityBound.AtLeast)]
    [InlineData("affected 1.5 million people", 1500000L, null, QuantityBound.Exact)]
    [InlineData("“Dozens” of ISIS fighters", 12L, null, QuantityBound.AtLeast)]
    [InlineData("kidnapped “a dozen people,”", 12L, null, QuantityBound.Exact)]
    [InlineData("two soldiers being killed", 2L, null, QuantityBound.Exact)]
    public void Parser_reads_counts_with_their_bounds(string text, long low, long? high, QuantityBound bound)
    {
        var quantity = QuantityParser.Parse(text);

        Assert.NotNull(quantity);
        Assert.Equal(low, quantity.Low);
        Assert.Equal(high, quantity.High);
        Assert.Equal(bound, quantity.Bound);
        Assert.Equal(quantity.Text, text[quantity.Start..quantity.End]);
    }

    [Fact]
    public void Parser_finds_every_count_in_a_sentence()
    {
        var all = QuantityParser.FindAll("the fighting has killed 254 people and injured another 1,228");

        Assert.Equal([254L, 1228L], all.Select(q => q.Low));
    }
}
