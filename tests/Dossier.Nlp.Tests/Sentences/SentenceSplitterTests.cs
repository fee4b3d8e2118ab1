using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tokenizing;

namespace Dossier.Nlp.Tests.Sentences;

public sealed class SentenceSplitterTests
{
    private static string[] Split(string text) =>
        [.. SentenceSplitter.Split(text, RuleTokenizer.Tokenize(text)).Select(s => text[s.Start..s.End])];

    [Fact]
    public void Splitter_does_not_end_a_sentence_at_a_title_or_abbreviation()
    {
        Assert.Equal(
            ["Gen. Khalifa Haftar met Mr. Sisi in the U.S. capital on Sunday.", "Talks followed."],
            Split("Gen. Khalifa Haftar met Mr. Sisi in the U.S. capital on Sunday. Talks followed."));
    }

    [Fact]
    public void Splitter_keeps_a_closing_quote_with_its_sentence()
    {
        Assert.Equal(
            ["He said: “We have won the political battle.”", "Then he left."],
            Split("He said: “We have won the political battle.” Then he left."));
    }

    [Fact]
    public void Splitter_ends_headlines_and_list_items_at_line_breaks()
    {
        Assert.Equal(
            ["OIL TRIANGLE", "If LNA decides to go to the capital, it may.", "- first item", "- second item"],
            Split("OIL TRIANGLE\n\nIf LNA decides to go to the capital, it may.\n- first item\n- second item"));
    }

    [Fact]
    public void Splitter_does_not_split_inside_numbers_or_before_lower_case_after_a_full_stop()
    {
        Assert.Equal(["It cost 1.5 million at 3 p.m. local time."], Split("It cost 1.5 million at 3 p.m. local time."));
    }

    [Fact]
    public void Splitter_ends_at_a_question_mark_even_before_lower_case()
    {
        Assert.Equal(["Who finances Haftar?", "nobody knows."], Split("Who finances Haftar? nobody knows."));
    }
}
