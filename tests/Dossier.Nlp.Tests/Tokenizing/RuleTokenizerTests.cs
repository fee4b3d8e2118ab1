using Dossier.Nlp.Tokenizing;

namespace Dossier.Nlp.Tests.Tokenizing;

public sealed class RuleTokenizerTests
{
    private static string[] Words(string text) => [.. RuleTokenizer.Tokenize(text).Select(t => text[t.Start..t.End])];

    [Theory]
    [InlineData("Haftar's forces", new[] { "Haftar", "'s", "forces" })]
    [InlineData("the GNA’s men", new[] { "the", "GNA", "’s", "men" })]
    [InlineData("they don't stop", new[] { "they", "do", "n't", "stop" })]
    [InlineData("Mus’ab Abu Qarin", new[] { "Mus’ab", "Abu", "Qarin" })]
    public void Tokenizer_splits_possessives_and_contractions_but_not_names(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
    }

    [Theory]
    [InlineData("Gen. Khalifa Haftar", new[] { "Gen.", "Khalifa", "Haftar" })]
    [InlineData("the U.N.-backed government", new[] { "the", "U.N.-backed", "government" })]
    [InlineData("Mr. Haftar and Col. Salah", new[] { "Mr.", "Haftar", "and", "Col.", "Salah" })]
    [InlineData("the U.S. and the U.N. said", new[] { "the", "U.S.", "and", "the", "U.N.", "said" })]
    [InlineData("Rep. Jim Clyburn (D-S.C.) added", new[] { "Rep.", "Jim", "Clyburn", "(", "D-S.C.", ")", "added" })]
    [InlineData("a well-known X-ray.", new[] { "a", "well-known", "X-ray", "." })]
    public void Tokenizer_keeps_abbreviations_and_titles_whole(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
    }

    [Theory]
    [InlineData("a salary of 2 000 to 2 500 USD", new[] { "a", "salary", "of", "2 000", "to", "2 500", "USD" })]
    [InlineData("some 13,600 people", new[] { "some", "13,600", "people" })]
    [InlineData("300 – 350 km", new[] { "300", "–", "350", "km" })]
    [InlineData("1.5 million on the 3rd day", new[] { "1.5", "million", "on", "the", "3rd", "day" })]
    [InlineData("nearly 2\u2009400 fighters", new[] { "nearly", "2\u2009400", "fighters" })]
    [InlineData("in 2012 300 people", new[] { "in", "2012", "300", "people" })]
    public void Tokenizer_keeps_numbers_with_separators_whole(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
    }

    [Theory]
    [InlineData("al-Sarraj and Abu Abdullah al-Libi", new[] { "al-Sarraj", "and", "Abu", "Abdullah", "al-Libi" })]
    [InlineData("Ras- Lanufe and Sidre", new[] { "Ras", "-", "Lanufe", "and", "Sidre" })]
    [InlineData("smaller Kaida ”and the", new[] { "smaller", "Kaida", "”", "and", "the" })]
    [InlineData("“Operation Dignity” began", new[] { "“", "Operation", "Dignity", "”", "began" })]
    public void Tokenizer_handles_arabic_names_and_bad_translation_spacing(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
    }

    [Theory]
    [InlineData("see https://example.org/a?b=1. Then", new[] { "see", "https://example.org/a?b=1", ".", "Then" })]
    [InlineData("mail press@gna.gov.ly, now", new[] { "mail", "press@gna.gov.ly", ",", "now" })]
    [InlineData("wait... what", new[] { "wait", "...", "what" })]
    [InlineData("fighting -- and then—nothing", new[] { "fighting", "--", "and", "then", "—", "nothing" })]
    public void Tokenizer_keeps_urls_emails_and_ellipses_whole(string text, string[] expected)
    {
        Assert.Equal(expected, Words(text));
    }

    [Fact]
    public void Tokenizer_gives_ordered_non_empty_in_bounds_tokens_for_any_input()
    {
        var random = new Random(7);
        const string alphabet = "aZ09 .,'’-–—\u2009\u00a0\n\t@/:?!\"“”()…Ⅻﬁ😀\ud800";
        for (var run = 0; run < 2000; run++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var tokens = RuleTokenizer.Tokenize(text);
            var previousEnd = 0;
            foreach (var token in tokens)
            {
                Assert.True(token.Start >= previousEnd, $"overlap in {text}");
                Assert.True(token.End > token.Start, $"empty token in {text}");
                Assert.True(token.End <= text.Length, $"out of bounds in {text}");
                Assert.False(char.IsWhiteSpace(text[token.Start]), $"token starts with space in {text}");
                previousEnd = token.End;
            }
        }
    }
}
