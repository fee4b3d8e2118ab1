using FsCheck;
using FsCheck.Fluent;

namespace Dossier.Nlp.Tests.Properties;

/// <summary>
/// Random texts for the property tests: mostly pieces of news prose that the tokenizer and the
/// splitter treat specially (titles, initials, numbers with separators, quotes, URLs, line breaks),
/// mixed with arbitrary characters, so that both the rules and what no rule expects get exercised.
/// </summary>
internal static class NewsLikeText
{
    private static readonly string[] Pieces =
    [
        "Gen.", "Mr.", "U.S.", "U.N.-backed", "p.m.", "Haftar", "Haftar's", "al-Sarraj", "Mus’ab", "the", "forces", "don't",
        "LNA", "Tripoli", "2 000", "13,600", "1.5", "3rd", "–", "—", "--", "...", "…", ".", ",", ";", ":", "?", "!", "'", "\"",
        "“", "”", "(", ")", "-", "https://example.org/a?b=1", "press@gna.gov.ly", "#Libya", "@UN", "2019", "said",
        " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00A0", "\u2009", "- ", "OIL TRIANGLE", "e.g.", "No.", "St.", "Jan.",
    ];

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Elements(Pieces),
        ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString()));

    /// <summary>Up to about a hundred pieces (FsCheck's size), nine in ten of them news prose.</summary>
    public static Arbitrary<string> Arbitrary { get; } = Arb.From(
        Gen.Frequency((9, Gen.Elements(Pieces)), (1, Piece)).ListOf().Select(pieces => string.Concat(pieces)),
        Shrink);

    // Shrinks by dropping characters from either end, so a failure is reported on a short text.
    private static IEnumerable<string> Shrink(string text) =>
        text.Length == 0 ? [] : [text[..(text.Length / 2)], text[(text.Length / 2)..], text[1..], text[..^1]];
}
