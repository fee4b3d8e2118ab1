using System.Text;
using Dossier.Core.Documents;

namespace Dossier.Ingest.Tests.Reading;

public sealed class ArticleReaderTests : IDisposable
{
    private const string Body = "Government forces retook the port of Zawiya on Monday after three days of fighting, the interior ministry said.";

    private readonly string folder = Directory.CreateTempSubdirectory("dossier-read-").FullName;

    private List<ReadOutcome> ReadFile(string name, byte[] content, ReaderOptions? options = null)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return [.. new ArticleReader(options ?? new ReaderOptions()).Read(new InputFile(path, false), CancellationToken.None)];
    }

    private List<ReadOutcome> ReadFile(string name, string content) => ReadFile(name, Encoding.UTF8.GetBytes(content));

    [Fact]
    public void Reader_reads_plain_text_with_or_without_a_byte_order_mark()
    {
        var plain = Assert.IsType<ReadOutcome.Article>(Assert.Single(ReadFile("a.txt", Body)));
        var bom = Assert.IsType<ReadOutcome.Article>(Assert.Single(ReadFile("b.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Body)])));

        Assert.Equal(Body, plain.Raw.SourceText);
        Assert.Equal(Body, bom.Raw.SourceText);
        Assert.False(plain.Raw.SourceIsHtml);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reader_reads_utf16_with_a_byte_order_mark(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        var article = Assert.IsType<ReadOutcome.Article>(Assert.Single(ReadFile("u16.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(Body + " Ḥaftar’s men.")])));

        Assert.EndsWith("Ḥaftar’s men.", article.Raw.SourceText, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_refuses_invalid_utf8_and_names_the_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("Caf" + "X" + " in Tripoli");
        bytes[3] = 0xE9; // Latin-1 é

        var refused = Assert.IsType<ReadOutcome.Refused>(Assert.Single(ReadFile("latin1.txt", bytes)));

        Assert.Equal("not valid UTF-8 (byte offset 3)", refused.Reason);
    }

    [Fact]
    public void Reader_refuses_binary_and_empty_files()
    {
        Assert.Equal("binary file, not text", Assert.IsType<ReadOutcome.Refused>(Assert.Single(ReadFile("x.pdf", [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]))).Reason);
        Assert.Equal("empty file", Assert.IsType<ReadOutcome.Refused>(Assert.Single(ReadFile("e.txt", []))).Reason);
        Assert.StartsWith("empty file", Assert.IsType<ReadOutcome.Refused>(Assert.Single(ReadFile("w.txt", " \n\t\r\n"))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_refuses_a_file_over_the_size_limit_without_reading_it()
    {
        var refused = Assert.IsType<ReadOutcome.Refused>(Assert.Single(ReadFile("big.txt", new byte[3 * 1024 * 1024], new ReaderOptions { MaxFileBytes = 1024 * 1024 })));

        Assert.Equal("file is 3.0 MB, over the 1 MB limit (--max-file-size)", refused.Reason);
    }

    [Fact]
    public void Reader_streams_json_lines_refusing_bad_lines_by_number_and_keeping_the_good()
    {
        var lines = string.Join('\n',
            "{\"title\":\"One\",\"text\":\"" + Body + "\",\"outlet\":\"Wire\",\"published\":\"2021-03-03T10:05:00Z\",\"author\":\"Jane Doe\",\"url\":\"https://example.org/1\"}",
            string.Empty,
            "{\"title\": oops}",
            "[1, 2]",
            "{\"title\":\"No body\"}",
            "{\"html\":\"<p>" + Body + "</p>\",\"extra\":{\"ignored\":true}}");

        var outcomes = ReadFile("feed.jsonl", lines);

        Assert.Equal(5, outcomes.Count);
        var first = Assert.IsType<ReadOutcome.Article>(outcomes[0]);
        Assert.Equal("Wire", first.Raw.Declared.Outlet);
        Assert.Equal("Jane Doe", first.Raw.Declared.Author);
        Assert.Equal("2021-03-03T10:05", first.Raw.Declared.Published?.ToIso());
        Assert.Equal(1, first.Raw.Origin.Line);
        Assert.StartsWith("malformed JSON", Assert.IsType<ReadOutcome.Refused>(outcomes[1]).Reason, StringComparison.Ordinal);
        Assert.EndsWith("feed.jsonl:3", Assert.IsType<ReadOutcome.Refused>(outcomes[1]).Origin, StringComparison.Ordinal);
        Assert.Contains("expected a JSON object", Assert.IsType<ReadOutcome.Refused>(outcomes[2]).Reason, StringComparison.Ordinal);
        Assert.Contains("no article body", Assert.IsType<ReadOutcome.Refused>(outcomes[3]).Reason, StringComparison.Ordinal);
        Assert.True(Assert.IsType<ReadOutcome.Article>(outcomes[4]).Raw.SourceIsHtml);
    }

    [Fact]
    public void Reader_refuses_an_over_long_json_line_and_reads_the_next()
    {
        var lines = "{\"text\":\"" + new string('a', 5000) + "\"}\n{\"text\":\"" + Body + "\"}\n";

        var outcomes = ReadFile("long.jsonl", Encoding.UTF8.GetBytes(lines), new ReaderOptions { MaxLineBytes = 1000 });

        Assert.IsType<ReadOutcome.Refused>(outcomes[0]);
        Assert.IsType<ReadOutcome.Article>(outcomes[1]);
    }

    [Fact]
    public void Reader_recognises_json_lines_by_content_without_the_extension()
    {
        var outcomes = ReadFile("export.txt", "{\"text\":\"" + Body + "\"}\n{\"text\":\"" + Body + " Again.\"}\n");

        Assert.Equal(2, outcomes.OfType<ReadOutcome.Article>().Count());
    }

    [Fact]
    public void Reader_reads_a_json_array_of_articles()
    {
        var outcomes = ReadFile("all.json", "[{\"text\":\"" + Body + "\"},{\"title\":\"x\"}]");

        Assert.IsType<ReadOutcome.Article>(outcomes[0]);
        Assert.EndsWith("all.json#2", Assert.IsType<ReadOutcome.Refused>(outcomes[1]).Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_reads_each_rss_item_as_an_article_with_its_metadata()
    {
        var outcomes = ReadFile("news.rss", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Desert Wire</title>
            <item><title>Zawiya port retaken</title><link>https://example.org/zawiya</link><pubDate>Tue, 16 Apr 2019 14:38:00 +0000</pubDate>
              <dc:creator>Jane Doe</dc:creator><description>&lt;p&gt;{Body}&lt;/p&gt;</description></item>
            <item><title>Second</title><description>{Body} A second report.</description></item>
            <item><title>Empty</title></item>
            </channel></rss>
            """);

        var first = Assert.IsType<ReadOutcome.Article>(outcomes[0]);
        Assert.Equal("Desert Wire", first.Raw.Declared.Outlet);
        Assert.Equal("Zawiya port retaken", first.Raw.Declared.Title);
        Assert.Equal("Jane Doe", first.Raw.Declared.Author);
        Assert.Equal("https://example.org/zawiya", first.Raw.Declared.Url);
        Assert.Equal("2019-04-16T14:38", first.Raw.Declared.Published?.ToIso());
        Assert.True(first.Raw.SourceIsHtml);
        Assert.Equal(SourceFormat.Rss, first.Raw.Origin.Format);
        Assert.False(Assert.IsType<ReadOutcome.Article>(outcomes[1]).Raw.SourceIsHtml);
        Assert.EndsWith("news.rss#3", Assert.IsType<ReadOutcome.Refused>(outcomes[2]).Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_reads_atom_entries()
    {
        var outcomes = ReadFile("news.atom", $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Monitor</title>
            <entry><title>Clashes in Derna</title><link rel="alternate" href="https://example.org/derna"/>
              <published>2020-05-01T08:00:00Z</published><author><name>John Smith</name></author>
              <content type="html">&lt;p&gt;{Body}&lt;/p&gt;</content></entry>
            <entry><title>Second</title><updated>2020-05-02</updated><summary>{Body} Later.</summary></entry>
            </feed>
            """);

        var first = Assert.IsType<ReadOutcome.Article>(outcomes[0]);
        Assert.Equal("Sahel Monitor", first.Raw.Declared.Outlet);
        Assert.Equal("John Smith", first.Raw.Declared.Author);
        Assert.Equal("https://example.org/derna", first.Raw.Declared.Url);
        Assert.Equal("2020-05-01T08:00", first.Raw.Declared.Published?.ToIso());
        Assert.Equal("2020-05-02", Assert.IsType<ReadOutcome.Article>(outcomes[1]).Raw.Declared.Published?.ToIso());
    }

    [Fact]
    public void Reader_refuses_a_feed_with_an_entity_bomb_or_external_entities()
    {
        var outcomes = ReadFile("bomb.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>T</title><item><title>&b;</title><description>&x;</description></item></channel></rss>
            """);

        var refused = Assert.IsType<ReadOutcome.Refused>(Assert.Single(outcomes));
        Assert.Contains("malformed feed XML", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_reads_html_by_extension_or_content()
    {
        Assert.True(Assert.IsType<ReadOutcome.Article>(Assert.Single(ReadFile("p.html", $"<p>{Body}</p>"))).Raw.SourceIsHtml);
        Assert.True(Assert.IsType<ReadOutcome.Article>(Assert.Single(ReadFile("saved", $"<!DOCTYPE html><html><body><p>{Body}</p></body></html>"))).Raw.SourceIsHtml);
    }

    [Fact]
    public void Reader_reads_a_txt_file_that_quotes_tags_as_text()
    {
        const string Text = "Hackers defaced the ministry site\n\nThe page showed a <script> tag and the words <b>free Libya</b> in bold.\n\n" +
                            "A <div> and a <p> were left open, the ministry said.\n\nThe site was restored on Friday.";

        var article = Assert.IsType<ReadOutcome.Article>(Assert.Single(ReadFile("defaced.txt", Text)));

        Assert.False(article.Raw.SourceIsHtml);
        Assert.Equal(SourceFormat.Text, article.Raw.Origin.Format);
    }

    [Fact]
    public void Reader_reads_content_as_html_only_when_it_is_an_html_document()
    {
        const string Quoting = "The page showed a <script> tag, a <div> and a <p> tag, and <b>free Libya</b> in bold, the ministry said.";

        var quoting = Assert.IsType<ReadOutcome.Article>(Assert.Single(ReadFile("saved-note", Quoting)));
        var fragment = Assert.IsType<ReadOutcome.Article>(Assert.Single(ReadFile("fragment", $"<div><p>{Body}</p><p>{Body}</p></div>")));

        Assert.False(quoting.Raw.SourceIsHtml);
        Assert.True(fragment.Raw.SourceIsHtml);
    }

    [Fact]
    public void Reader_keeps_the_complete_items_of_a_feed_cut_off_inside_its_third_item()
    {
        var outcomes = ReadFile("cut.rss", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Desert Wire</title>
            <item><title>One</title><description>{Body}</description></item>
            <item><title>Two</title><description>{Body} A second report.</description></item>
            <item><title>Three</title><description>{Body} A thi
            """);

        Assert.Equal(3, outcomes.Count);
        Assert.Equal("One", Assert.IsType<ReadOutcome.Article>(outcomes[0]).Raw.Declared.Title);
        Assert.Equal("Desert Wire", Assert.IsType<ReadOutcome.Article>(outcomes[1]).Raw.Declared.Outlet);
        var refused = Assert.IsType<ReadOutcome.Refused>(outcomes[2]);
        Assert.EndsWith("cut.rss#3", refused.Origin, StringComparison.Ordinal);
        Assert.StartsWith("malformed feed XML at line", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("after item 2", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_keeps_the_complete_entries_of_an_atom_feed_cut_off_between_entries()
    {
        var outcomes = ReadFile("cut.atom", $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Monitor</title>
            <entry><title>One</title><summary>{Body}</summary></entry>
            """);

        Assert.Equal("Sahel Monitor", Assert.IsType<ReadOutcome.Article>(outcomes[0]).Raw.Declared.Outlet);
        var refused = Assert.IsType<ReadOutcome.Refused>(outcomes[1]);
        Assert.EndsWith("cut.atom", refused.Origin, StringComparison.Ordinal);
        Assert.Contains("after item 1", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, "little-endian")]
    [InlineData(true, "big-endian")]
    public void Reader_says_utf16_without_a_byte_order_mark_looks_like_utf16(bool bigEndian, string byteOrder)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Body);

        var refused = Assert.IsType<ReadOutcome.Refused>(Assert.Single(ReadFile("u16-nobom.txt", bytes)));

        Assert.StartsWith($"looks like UTF-16 ({byteOrder}) without a byte-order mark", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_reads_standard_input_with_the_size_limit_enforced_while_reading()
    {
        var reader = new ArticleReader(new ReaderOptions { MaxFileBytes = 1000 });

        var small = reader.Read(InputFile.StandardInput, new MemoryStream(Encoding.UTF8.GetBytes(Body)), CancellationToken.None).Single();
        var large = reader.Read(InputFile.StandardInput, new MemoryStream(new byte[200_000]), CancellationToken.None).Single();

        Assert.IsType<ReadOutcome.Article>(small);
        Assert.Contains("over the", Assert.IsType<ReadOutcome.Refused>(large).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Expander_walks_folders_in_order_skipping_hidden_ones_and_matches_globs()
    {
        Directory.CreateDirectory(Path.Combine(folder, "news", "b"));
        Directory.CreateDirectory(Path.Combine(folder, "news", "a", "deep"));
        Directory.CreateDirectory(Path.Combine(folder, "news", ".git"));
        File.WriteAllText(Path.Combine(folder, "news", "b", "2.txt"), Body);
        File.WriteAllText(Path.Combine(folder, "news", "a", "1.txt"), Body);
        File.WriteAllText(Path.Combine(folder, "news", "a", "deep", "3.html"), Body);
        File.WriteAllText(Path.Combine(folder, "news", ".git", "HEAD"), "ref");

        var all = InputExpander.Expand([Path.Combine(folder, "news")]).OfType<ExpandOutcome.File>().Select(f => Path.GetFileName(f.Input.Path)).ToList();
        var txt = InputExpander.Expand([Path.Combine(folder, "news", "**", "*.txt")]).OfType<ExpandOutcome.File>().Select(f => Path.GetFileName(f.Input.Path)).ToList();
        var none = InputExpander.Expand([Path.Combine(folder, "news", "*.pdf"), Path.Combine(folder, "missing")]).ToList();
        var twice = InputExpander.Expand([Path.Combine(folder, "news"), Path.Combine(folder, "news", "a", "1.txt")]).Count();

        Assert.Equal(["1.txt", "3.html", "2.txt"], all);
        Assert.Equal(["1.txt", "2.txt"], txt);
        Assert.All(none, o => Assert.IsType<ExpandOutcome.Refused>(o));
        Assert.Equal(3, twice);
    }

    [Fact]
    public void Reader_refuses_a_broken_link_with_its_reason()
    {
        var link = Path.Combine(folder, "broken.txt");
        File.CreateSymbolicLink(link, Path.Combine(folder, "gone.txt"));

        var refused = Assert.IsType<ReadOutcome.Refused>(Assert.Single(new ArticleReader(new ReaderOptions()).Read(new InputFile(link, false), CancellationToken.None)));

        Assert.Contains("broken link", refused.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
