using Dossier.Nlp.Extraction;

namespace Dossier.Nlp.Tests.Extraction;

public sealed class DateExpressionResolverTests
{
    private static readonly DateOnly Published = new(2019, 4, 16);

    [Theory]
    [InlineData("Haftar met el-Sisi on Sunday as fighting slowed", "2019-04-14", "2019-04-14", TimePrecision.Day)]
    [InlineData("launched the offensive on April 4, promising", "2019-04-04", "2019-04-04", TimePrecision.Day)]
    [InlineData("Last week, Trump called Haftar", "2019-04-08", "2019-04-14", TimePrecision.Week)]
    [InlineData("in September 2012, as part of", "2012-09-01", "2012-09-30", TimePrecision.Month)]
    [InlineData("the escape at the dawn of Thursday", "2019-04-11", "2019-04-11", TimePrecision.Day)]
    [InlineData("On May 18, as a result", "2018-05-18", "2018-05-18", TimePrecision.Day)]
    [InlineData("on March 3 of this year, a combined", "2019-03-03", "2019-03-03", TimePrecision.Day)]
    [InlineData("operating in Libya since 2012", "2012-01-01", "2012-12-31", TimePrecision.Year)]
    public void Resolver_resolves_against_the_publication_date(string text, string first, string last, TimePrecision precision)
    {
        var time = Assert.Single(DateExpressionResolver.FindAll(text, Published));

        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), time.First);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), time.Last);
        Assert.Equal(precision, time.Precision);
    }

    [Fact]
    public void Resolver_pins_the_year_of_an_undated_article_by_the_weekday()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "libya", "000_ac65af662f8ebc5c.txt"));

        var ambush = DateExpressionResolver.FindAll(text, published: null, DateExpressionResolver.LatestYear(text))
            .First(t => t.Text.Contains("March 18", StringComparison.Ordinal));

        Assert.Equal(new DateOnly(2020, 3, 18), ambush.First);
        Assert.Contains("weekday pins the year", ambush.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolver_leaves_a_relative_date_unresolved_without_a_publication_date()
    {
        Assert.Empty(DateExpressionResolver.FindAll("Haftar met el-Sisi on Sunday", published: null));
    }
}
