using System.Net;
using Dossier.Core.Documents;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dossier.Ingest.Tests.Properties;

/// <summary>
/// The cleaner's offset map over random pages, plain text and HTML: every span the later stages
/// store (a mention, a quote, a removed range) is shown to analysts at its place in the raw page
/// through this map, so it must lead back to the very characters the clean text holds.
/// </summary>
public sealed class OffsetMapPropertyTests
{
    [Property]
    public Property Every_character_of_clean_plain_text_but_a_separator_is_the_raw_character_its_offset_maps_to() =>
        Prop.ForAll(RandomPages.PlainText, raw =>
        {
            var document = Clean(raw, html: false);
            OffsetMapChecks.ExactPiecesAreCopies(raw, document);
            for (var i = 0; i < document.Text.Length; i++)
            {
                if (document.Text[i] != '\n')
                {
                    Assert.Equal(document.Text[i], raw[document.OffsetMap.ToSource(i)]);
                }
            }
        });

    [Property]
    public Property Pieces_of_clean_html_map_inside_the_raw_page_and_verbatim_pieces_are_copies_in_order() =>
        Prop.ForAll(RandomPages.Html, raw => OffsetMapChecks.ExactPiecesAreCopies(raw, Clean(raw, html: true)));

    // A piece of HTML whose text was decoded or re-spaced maps to its element's start, a point, so
    // its words are looked for in the page from there on.
    [Property]
    public Property Words_of_a_decoded_html_piece_are_found_in_order_in_the_raw_page_from_where_it_maps_to() =>
        Prop.ForAll(RandomPages.Html, raw =>
        {
            var document = Clean(raw, html: true);
            foreach (var segment in document.OffsetMap.Segments.Where(s => !s.IsExact))
            {
                OffsetMapChecks.WordsInOrder(
                    document.Text.Substring(segment.CleanStart, segment.CleanLength),
                    WebUtility.HtmlDecode(raw[segment.SourceStart..]));
            }
        });

    // The checks must be able to fail: a map shifted by one character breaks them.
    [Fact]
    public void Offset_map_check_rejects_a_piece_mapped_one_character_off()
    {
        const string raw = "Menu\nGovernment forces retook the port.";
        var document = new Document(new DocumentOrigin("page.txt", SourceFormat.Text), "Government forces retook the port.", ArticleMetadata.Empty,
            new OffsetMap([new OffsetSegment(0, 34, 4, 34)]), [], []);

        Assert.ThrowsAny<Exception>(() => OffsetMapChecks.ExactPiecesAreCopies(raw, document));
        Assert.ThrowsAny<Exception>(() => OffsetMapChecks.WordsInOrder("forces retook Government", raw));
    }

    private static Document Clean(string raw, bool html) =>
        new ArticleCleaner().Clean(new RawDocument(new DocumentOrigin(html ? "page.html" : "page.txt", html ? SourceFormat.Html : SourceFormat.Text), raw, html, ArticleMetadata.Empty));
}

/// <summary>The invariants apart from the generators, so that they can be shown to fail.</summary>
internal static class OffsetMapChecks
{
    /// <summary>
    /// Pieces lie inside both texts; in the clean text in order, without overlap. An exact piece is a
    /// verbatim copy of its range, which comes after the range of the exact piece before. (A decoded
    /// piece maps to its element's start, which may be a paragraph holding the piece before.)
    /// </summary>
    public static void ExactPiecesAreCopies(string raw, Document document)
    {
        var cleanEnd = 0;
        var exactSourceEnd = 0;
        foreach (var segment in document.OffsetMap.Segments)
        {
            Assert.True(segment.CleanStart >= cleanEnd && segment.CleanStart + segment.CleanLength <= document.Text.Length, $"{segment} is outside the clean text or overlaps the piece before");
            Assert.True(segment.SourceStart >= 0 && segment.SourceStart + segment.SourceLength <= raw.Length, $"{segment} is outside the raw text");
            if (segment.IsExact)
            {
                Assert.True(segment.SourceStart >= exactSourceEnd, $"{segment} overlaps or comes before the exact piece before, which ends at {exactSourceEnd}");
                Assert.Equal(raw.Substring(segment.SourceStart, segment.SourceLength), document.Text.Substring(segment.CleanStart, segment.CleanLength));
                exactSourceEnd = segment.SourceStart + segment.SourceLength;
            }

            cleanEnd = segment.CleanStart + segment.CleanLength;
        }
    }

    /// <summary>Each run of letters and digits of <paramref name="clean"/> occurs in <paramref name="source"/>, after the one before.</summary>
    public static void WordsInOrder(string clean, string source)
    {
        var at = 0;
        foreach (var word in Words(clean))
        {
            var found = source.IndexOf(word, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{word}' of '{clean}' is not in '{source}' after offset {at}");
            at = found + word.Length;
        }
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}

/// <summary>Random saved pages: article prose among the chrome the cleaner removes.</summary>
internal static class RandomPages
{
    private static readonly string[] Sentences =
    [
        "Government forces retook the port of Zawiya on Monday after three days of fighting, the interior ministry said.",
        "Local doctors reported at least 14 dead, most of them fighters, and said the main hospital was short of blood.",
        "“We will not withdraw,” Gen. Khalifa Haftar told reporters in Benghazi.",
        "A ceasefire brokered by tribal elders collapsed within hours, residents said by telephone.",
        "The U.N.-backed government in Tripoli denied the claim.",
        "Some 13,600 people fled the town – about 2 000 of them children.",
    ];

    private static readonly string[] Chrome =
    [
        "Menu", "Share this article", "23 Comments", "Reply · 12 likes", "Ahmed K. · 2 hours ago", "By Jane Doe",
        "March 3, 2021", "Related Articles", "You might also like", "The post Zawiya retaken appeared first on Libya Review.",
        "Smoke rises over the old town. (Photo: AFP)", "Advertisement", "Zawiya port retaken",
    ];

    private static readonly Gen<string> Line = Gen.Frequency(
        (5, Gen.Elements(Sentences)), (3, Gen.Elements(Chrome)), (1, Gen.Constant("")));

    private static readonly Gen<string> Indent = Gen.Elements("", "", "", " ", "   ", "\t");

    private static readonly Gen<string> LineBreak = Gen.Elements("\n", "\n", "\n\n", "\r\n", "\n\n\n");

    /// <summary>Lines of prose and chrome, indented or not, with Unix and Windows line breaks.</summary>
    public static Arbitrary<string> PlainText { get; } = Arb.From(
        Gen.Zip(Gen.Zip(Indent, Line), Gen.Zip(Indent, LineBreak)).Select(p => p.Item1.Item1 + p.Item1.Item2 + p.Item2.Item1 + p.Item2.Item2)
            .ListOf().Select(lines => string.Concat(lines)));

    // A sentence's words, some followed by an entity, a line break or a newline, some wrapped whole
    // in an inline tag, as saved pages write them. The tags are well nested: for misnested ones the
    // parser makes elements of its own, which have no place in the source (their text maps to 0).
    private static readonly string[] Decorations = ["{0}", "{0}", "{0}", "{0}&amp;", "{0}&nbsp;", "{0}&#8217;", "<b>{0}</b>", "<a href=\"/x\">{0}</a>", "{0}<br>", "{0}\n  "];

    private static readonly Gen<string> Paragraph = Gen.Elements(Sentences).SelectMany(sentence =>
        Gen.Elements(Decorations).ArrayOf(sentence.Split(' ').Length)
            .Select(decorations => string.Join(' ', sentence.Split(' ').Zip(decorations, (word, decoration) => decoration.Replace("{0}", WebUtility.HtmlEncode(word), StringComparison.Ordinal)))));

    private static readonly Gen<string> Element = Gen.Frequency(
        (6, Paragraph.Select(p => $"<p>{p}</p>")),
        (1, Gen.Elements(Chrome).Select(c => $"<h2>{WebUtility.HtmlEncode(c)}</h2>")),
        (1, Gen.Constant("<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>")),
        (1, Gen.Constant("<script>var tracking = 1; if (a < b) { b = a; }</script>")),
        (1, Gen.Elements(Sentences).Select(s => $"<figure><img src=\"a.jpg\"><figcaption>{WebUtility.HtmlEncode(s)}</figcaption></figure>")),
        (1, Gen.Elements(Chrome).Select(c => $"<div class=\"comments\"><p>{WebUtility.HtmlEncode(c)}</p></div>")));

    /// <summary>Pages of paragraphs, headings, navigation, scripts, figures and comment boxes.</summary>
    public static Arbitrary<string> Html { get; } = Arb.From(
        Gen.Zip(Gen.Elements("\n", "", "\r\n  "), Element).Select(p => p.Item1 + p.Item2).ListOf()
            .Select(elements => $"<!doctype html><html><head><title>Zawiya port retaken</title></head><body><article>{string.Concat(elements)}</article></body></html>"));
}
