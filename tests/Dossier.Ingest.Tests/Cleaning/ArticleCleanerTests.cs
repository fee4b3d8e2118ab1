using Dossier.Core.Documents;

namespace Dossier.Ingest.Tests.Cleaning;

public sealed class ArticleCleanerTests
{
    private const string Body1 = "Government forces retook the port of Zawiya on Monday after three days of fighting, the interior ministry said in a statement.";
    private const string Body2 = "Local doctors reported at least 14 dead, most of them fighters, and said the main hospital was running short of blood.";
    private const string Body3 = "A ceasefire brokered by tribal elders collapsed within hours, residents told reporters by telephone from the old town.";

    private static Document CleanText(string text) =>
        new ArticleCleaner().Clean(new RawDocument(new DocumentOrigin("page.txt", SourceFormat.Text), text, false, ArticleMetadata.Empty));

    private static Document CleanHtml(string html, ArticleMetadata? declared = null) =>
        new ArticleCleaner().Clean(new RawDocument(new DocumentOrigin("page.html", SourceFormat.Html), html, true, declared ?? ArticleMetadata.Empty));

    [Fact]
    public void Cleaner_removes_a_comment_section_and_every_comment_under_it()
    {
        var document = CleanText($"""
            Zawiya port retaken
            {Body1}
            {Body2}
            23 Comments
            Ahmed K. · 2 hours ago
            This is all propaganda, nobody believes the ministry.
            Reply · 12 likes
            The comment was deleted.
            """);

        Assert.EndsWith(Body2, document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("propaganda", document.Text, StringComparison.Ordinal);
        Assert.All(document.Removed.Where(r => r.Start > document.Text.Length), r => Assert.Equal(RemovalReason.Comments, r.Reason));
        Assert.Contains(document.Removed, r => r.Reason == RemovalReason.Comments && r.Rule == "comment-section-heading");
    }

    [Theory]
    [InlineData("Leave a Reply")]
    [InlineData("Comments (4)")]
    [InlineData("Join the discussion")]
    [InlineData("12 thoughts on “Zawiya port retaken”")]
    public void Cleaner_knows_comment_headings_in_several_styles(string heading)
    {
        var document = CleanText($"{Body1}\n{Body2}\n{heading}\nFirst! Great article.\n");

        Assert.DoesNotContain("First!", document.Text, StringComparison.Ordinal);
        Assert.Contains(Body2, document.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Read more:")]
    [InlineData("More from Libya Herald")]
    [InlineData("Recommended for you")]
    [InlineData("Related Stories")]
    [InlineData("You might also like")]
    public void Cleaner_removes_teaser_lists_and_the_unrelated_stories_under_them(string heading)
    {
        var document = CleanText($"{Body1}\n\n{Body2}\n\n{heading}\n\nPop star announces world tour after surprise wedding\n\nTen recipes for a quick summer dinner\n");

        Assert.DoesNotContain("Pop star", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("recipes", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Removed, r => r.Reason == RemovalReason.Teaser && r.Preview.Contains("Pop star", StringComparison.Ordinal));
    }

    [Fact]
    public void Cleaner_keeps_the_body_whole_including_section_headings()
    {
        var document = CleanText($"{Body1}\n\nWHAT COMES NEXT\n\n{Body2}\n\n{Body3}\n");

        Assert.Equal($"{Body1}\n\nWHAT COMES NEXT\n\n{Body2}\n\n{Body3}", document.Text);
        Assert.Empty(document.Removed);
    }

    [Fact]
    public void Cleaner_reads_title_byline_and_date_lines_at_the_top()
    {
        var document = CleanText($"""
            Menu
            Home | World | Africa | Opinion
            Zawiya port retaken after three days of fighting
            By Jane Doe
            Published: 3 March 2021
            {Body1}
            {Body2}
            """);

        Assert.Equal("Zawiya port retaken after three days of fighting", document.Metadata.Title);
        Assert.Equal("Jane Doe", document.Metadata.Author);
        Assert.Equal("2021-03-03", document.Metadata.Published?.ToIso());
        Assert.StartsWith("Zawiya port retaken after three days of fighting\n\n" + Body1, document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Menu", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Published", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane Doe", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaner_reads_a_byline_with_a_date_on_the_same_line()
    {
        var document = CleanText($"Zawiya port retaken\nBy John Smith | March 3, 2021 10:05 am\n{Body1}\n{Body2}");

        Assert.Equal("John Smith", document.Metadata.Author);
        Assert.Equal("2021-03-03T10:05", document.Metadata.Published?.ToIso());
    }

    [Fact]
    public void Cleaner_keeps_the_title_once_and_removes_its_repeats()
    {
        var document = CleanText($"Zawiya port retaken\n\nZawiya port retaken\n\n{Body1}\n\nZawiya port retaken\n\n{Body2}");

        Assert.Equal($"Zawiya port retaken\n\n{Body1}\n\n{Body2}", document.Text);
        Assert.Equal(2, document.Removed.Count(r => r.Reason == RemovalReason.RepeatedTitle));
    }

    [Fact]
    public void Cleaner_cuts_a_title_glued_to_the_first_paragraph()
    {
        const string source = "Zawiya port retaken\n\nZawiya port retakenGovernment forces retook the port of Zawiya on Monday after three days of fighting.";

        var document = CleanText(source);

        Assert.Equal("Zawiya port retaken\n\nGovernment forces retook the port of Zawiya on Monday after three days of fighting.", document.Text);
        var cut = Assert.Single(document.Removed, r => r.Rule == "title-glued-to-paragraph");
        Assert.Equal("Zawiya port retaken", source[cut.Start..cut.End]);
    }

    [Fact]
    public void Cleaner_takes_the_outlet_from_a_copyright_line_and_removes_it()
    {
        var document = CleanText($"{Body1}\n{Body2}\n© 2021 Sahel Monitor. All rights reserved.");

        Assert.Equal("Sahel Monitor", document.Metadata.Outlet);
        Assert.DoesNotContain("rights", document.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaner_takes_author_and_outlet_from_a_biography_and_an_appeared_first_notice()
    {
        var document = CleanText($"""
            {Body1}
            {Body2}
            {Body3}
            Jane Doe is a senior correspondent for Desert Wire covering North Africa.
            The post Zawiya port retaken appeared first on Desert Wire.
            """);

        Assert.Equal("Jane Doe", document.Metadata.Author);
        Assert.Equal("Desert Wire", document.Metadata.Outlet);
        Assert.EndsWith(Body3, document.Text, StringComparison.Ordinal);
        Assert.Contains(document.Removed, r => r.Reason == RemovalReason.AuthorBio);
        Assert.Contains(document.Removed, r => r.Reason == RemovalReason.SyndicationNotice);
    }

    [Fact]
    public void Cleaner_does_not_take_a_person_described_in_the_body_for_an_author_bio()
    {
        var document = CleanText($"Jason Pak is a well-known analyst for a London think tank, and he said the offensive had stalled for now.\n{Body1}\n{Body2}\n{Body3}");

        Assert.Contains("Jason Pak", document.Text, StringComparison.Ordinal);
        Assert.Null(document.Metadata.Author);
    }

    [Theory]
    [InlineData("Top photo | Fighters gather near the port of Zawiya, March 1, 2021. Jane Doe | AP")]
    [InlineData("A fighter stands guard at a checkpoint near Zawiya. / AFP PHOTO / MAHMUD TURKIA")]
    [InlineData("Smoke rises over the old town on Monday. (Photo credit should read STR/AFP via Getty Images)")]
    public void Cleaner_keeps_photo_captions_but_marks_them(string caption)
    {
        var document = CleanText($"{Body1}\n{caption}\n{Body2}");

        var span = Assert.Single(document.Captions);
        Assert.Equal(caption, document.Text[span.Start..span.End]);
    }

    [Fact]
    public void Cleaner_maps_every_clean_character_back_to_the_same_source_character()
    {
        var source = $"Menu\nZawiya port retaken\n   {Body1}   \n\n\n{Body2}\n3 comments\nNo way.";

        var document = CleanText(source);

        for (var i = 0; i < document.Text.Length; i++)
        {
            if (document.Text[i] != '\n')
            {
                Assert.Equal(document.Text[i], source[document.OffsetMap.ToSource(i)]);
            }
        }
    }

    [Fact]
    public void Cleaner_removes_scripts_navigation_and_comment_containers_from_html()
    {
        var document = CleanHtml($"""
            <!doctype html><html><head><title>Zawiya port retaken | Desert Wire</title>
            <meta property="og:site_name" content="Desert Wire"><meta property="og:title" content="Zawiya port retaken">
            <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2021-03-03T10:05:00Z">
            <script>var tracking = 1;</script><style>.x -color-red </style></head>
            <body><header class="site-header"><a href="/">Home</a> <a href="/world">World</a></header>
            <nav>Africa Europe Opinion</nav>
            <article><h1>Zawiya port retaken</h1><p>{Body1}</p>
            <figure><img src="a.jpg"><figcaption>Fighters near the port.</figcaption></figure>
            <p>{Body2} <script>document.write("ad")</script></p>
            <div class="share-buttons">Share on Facebook Share on Twitter</div>
            <div class="related-articles"><h3>Related</h3><p>Pop star announces world tour after surprise wedding</p></div>
            </article>
            <section id="comments"><h2>3 Comments</h2><p>This is all propaganda.</p></section>
            <footer>© 2021 Desert Wire. All rights reserved.</footer></body></html>
            """);

        Assert.Equal($"Zawiya port retaken\n\n{Body1}\n\nFighters near the port.\n\n{Body2}", document.Text);
        Assert.Equal("Desert Wire", document.Metadata.Outlet);
        Assert.Equal("Jane Doe", document.Metadata.Author);
        Assert.Equal("Zawiya port retaken", document.Metadata.Title);
        Assert.Equal("2021-03-03T10:05", document.Metadata.Published?.ToIso());
        Assert.Single(document.Captions);
        Assert.Contains(document.Removed, r => r.Reason == RemovalReason.Markup && r.Rule == "html-script");
        Assert.Contains(document.Removed, r => r.Reason == RemovalReason.Comments);
        Assert.Contains(document.Removed, r => r.Reason == RemovalReason.Teaser);
    }

    [Fact]
    public void Cleaner_marks_sentences_swallowed_by_an_unclosed_script_as_hidden_text()
    {
        var document = CleanHtml($"<html><body><p>{Body1}</p><script>{Body2} {Body3}</body></html>");

        Assert.Equal(Body1, document.Text);
        var hidden = Assert.Single(document.Removed, r => r.Reason == RemovalReason.HiddenText);
        Assert.Equal("html-script", hidden.Rule);
        Assert.StartsWith("Local doctors reported", hidden.Preview, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaner_does_not_take_code_styles_or_json_ld_for_hidden_text()
    {
        var document = CleanHtml($$"""
            <html><head><style>body { margin: 0; } p { color: red; }</style></head><body><p>{{Body1}}</p>
            <script>var reporting = document.querySelector('#report'); if (reporting) { reporting.textContent = 'Loading the latest report from the wire'; }</script>
            <script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "{{Body2}}"}</script>
            </body></html>
            """);

        Assert.DoesNotContain(document.Removed, r => r.Reason == RemovalReason.HiddenText);
        Assert.Contains(document.Removed, r => r.Reason == RemovalReason.Markup && r.Rule == "html-script");
    }

    [Fact]
    public void Cleaner_lets_declared_metadata_win_over_what_it_finds()
    {
        var declared = new ArticleMetadata { Title = "Declared title", Outlet = "Declared Outlet", Published = PublicationDate.OfDay(2020, 1, 2) };

        var document = CleanHtml($"<html><head><meta property=\"og:site_name\" content=\"Meta Outlet\"></head><body><p>{Body1}</p></body></html>", declared);

        Assert.Equal("Declared Outlet", document.Metadata.Outlet);
        Assert.Equal("Declared title", document.Metadata.Title);
        Assert.Equal("2020-01-02", document.Metadata.Published?.ToIso());
    }

    [Fact]
    public void Cleaner_never_throws_on_junk_and_keeps_offsets_in_bounds()
    {
        var random = new Random(12345);
        const string alphabet = "ab <>/&;\n\t|©’“”-–—:.0123456789ABCDEFZ#!?\"'=";
        for (var run = 0; run < 500; run++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var junk = new string(chars);
            foreach (var html in new[] { false, true })
            {
                var document = new ArticleCleaner().Clean(new RawDocument(new DocumentOrigin("junk", SourceFormat.Text), junk, html, ArticleMetadata.Empty));
                Assert.All(document.Removed, r => Assert.InRange(r.Start, 0, Math.Max(0, junk.Length)));
                Assert.All(document.Captions, c => Assert.InRange(c.End, c.Start, document.Text.Length));
                for (var i = 0; i < document.Text.Length; i += 7)
                {
                    Assert.InRange(document.OffsetMap.ToSource(i), 0, junk.Length);
                }
            }
        }
    }
}
