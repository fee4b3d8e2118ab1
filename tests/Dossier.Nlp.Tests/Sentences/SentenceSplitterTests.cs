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
    public void Splitter_keeps_a_title_after_a_countrys_initials_in_the_sentence_but_ends_before_a_new_one()
    {
        Assert.Equal(
            ["Last week, U.S. President Donald Trump called Haftar.", "U.N. Secretary-General Antonio Guterres spoke after the talks in the U.S.", "Haftar left."],
            Split("Last week, U.S. President Donald Trump called Haftar. U.N. Secretary-General Antonio Guterres spoke after the talks in the U.S. Haftar left."));
    }

    [Fact]
    public void Splitter_keeps_a_name_whole_after_the_initials_a_title_gives_it()
    {
        Assert.Equal(
            ["Rep. G.K. Butterfield (D-N.C.), head of the caucus, said the bill was a disgrace.", "He left early."],
            Split("Rep. G.K. Butterfield (D-N.C.), head of the caucus, said the bill was a disgrace. He left early."));
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

    [Fact]
    public void Splitter_ends_at_a_lone_full_stop_before_lower_case_as_web_text_writes()
    {
        Assert.Equal(["It is small and cute.", "i knew someone."], Split("It is small and cute. i knew someone."));
    }

    [Fact]
    public void Splitter_keeps_a_shortened_word_before_lower_case_in_its_sentence()
    {
        Assert.Equal(["Rifles, mortars etc. and some tanks."], Split("Rifles, mortars etc. and some tanks."));
    }

    [Fact]
    public void Splitter_ends_mail_greetings_and_closings_without_a_full_stop()
    {
        Assert.Equal(["Vince,", "We are still trying."], Split("Vince, We are still trying."));
        Assert.Equal(["Thanks,", "Martin"], Split("Thanks, Martin"));
    }

    [Fact]
    public void Splitter_ends_before_a_word_that_opens_sentences_after_a_lower_case_word()
    {
        Assert.Equal(["make a mold from that", "They sell these kits."], Split("make a mold from that They sell these kits."));
        Assert.Equal(["Read We Are the World today."], Split("Read We Are the World today."));
    }
}
