using System.Text;

namespace Dossier.Cli.Tests.Commands;

public sealed class IngestCommandTests
{
    private const string Article = """
        Fighting resumes south of Tripoli

        Forces loyal to the Government of National Accord pushed back an assault on the airport road on Tuesday, a spokesman said.
        The Libyan National Army said it had taken two checkpoints near Ain Zara and lost four fighters.
        Residents reported shelling through the night, and more than 300 families fled toward the city centre.
        """;

    [Fact]
    public void Ingest_of_the_same_folder_twice_reports_duplicates_and_stores_nothing_new()
    {
        using var workspace = new Workspace();
        var first = CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database, "--format", "json");

        var second = CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database, "--format", "json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(5, first.Json.GetProperty("stored").GetInt32());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(5, second.Json.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, second.Json.GetProperty("stored").GetInt32());
        Assert.Equal(5, second.Json.GetProperty("articlesInStore").GetInt32());
    }

    [Fact]
    public void Ingest_refuses_each_bad_file_with_one_line_and_stores_the_good_ones()
    {
        using var workspace = new Workspace();
        workspace.Write("in/good.txt", Article);
        workspace.WriteBytes("in/binary.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E]);
        workspace.WriteBytes("in/latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 r\u00e9sistance in Tripoli, said the spokesman, on Tuesday evening."));
        workspace.Write("in/empty.txt", string.Empty);
        workspace.Write("in/blank.txt", "  \n\t \n");
        workspace.Write("in/feed.jsonl",
            "{\"title\":\"One\",\"text\":\"" + Article.ReplaceLineEndings("\\n").Replace("Tuesday", "Monday", StringComparison.Ordinal) + "\",\"outlet\":\"Wire\"}\n" +
            "{\"title\": broken json\n" +
            "{\"title\":\"No body\"}\n");

        var ingest = CliRun.Run("ingest", Path.Combine(workspace.Root, "in"), "--db", workspace.Database, "--format", "json");

        Assert.Equal(1, ingest.ExitCode);
        Assert.Equal(2, ingest.Json.GetProperty("stored").GetInt32() + ingest.Json.GetProperty("nearDuplicates").GetInt32());
        var lines = ingest.ErrorLines;
        Assert.Contains(lines, l => l.Contains("binary.txt:", StringComparison.Ordinal) && l.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("latin1.txt:", StringComparison.Ordinal) && l.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("empty.txt:", StringComparison.Ordinal) && l.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("blank.txt:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("feed.jsonl:2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("feed.jsonl:3", StringComparison.Ordinal));
        Assert.Equal(6, lines.Length);
        Assert.Equal(6, ingest.Json.GetProperty("refused").GetInt32());
    }

    [Fact]
    public void Ingest_refuses_a_huge_file_by_its_size_without_reading_it()
    {
        using var workspace = new Workspace();
        var huge = Path.Combine(workspace.Root, "huge.txt");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        var ingest = CliRun.Run("ingest", huge, "--db", workspace.Database);

        Assert.Equal(1, ingest.ExitCode);
        var line = Assert.Single(ingest.ErrorLines);
        Assert.Contains("huge.txt:", line, StringComparison.Ordinal);
        Assert.Contains("200", line, StringComparison.Ordinal);
        Assert.Contains("MB", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_survives_hostile_and_deeply_nested_html()
    {
        using var workspace = new Workspace();
        var nested = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++)
        {
            nested.Append("<div>");
        }

        nested.Append("<p>Deep inside the markup, a report on fighting near Sirte said two soldiers were killed.</p>");
        workspace.Write("pages/deep.html", nested.ToString());
        workspace.Write("pages/hostile.html", """
            <html><head><title>Clashes in Derna</title><script>alert('x')</script><style>p{}</style></head>
            <body><nav>Home | World | Sport</nav><article><h1>Clashes in Derna</h1>
            <p>Clashes broke out in Derna on Friday, local officials said, after a convoy was ambushed on the coast road.</p>
            <p onclick="steal()">Three people were wounded <script>document.write('evil')</script> and taken to hospital.</p>
            </article><footer>© 2020 Example News. All rights reserved.</footer></body></html>
            """);

        var ingest = CliRun.Run("ingest", Path.Combine(workspace.Root, "pages"), "--db", workspace.Database, "--format", "json");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(2, ingest.Json.GetProperty("stored").GetInt32());
        var hits = CliRun.Run("search", "Derna", "--db", workspace.Database, "--format", "json").Json;
        var id = hits[0].GetProperty("id").GetString()!;
        var text = CliRun.Run("article", id, "--db", workspace.Database, "--format", "json").Json.GetProperty("text").GetString()!;
        Assert.Contains("Three people were wounded", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home | World", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_keeps_the_title_and_every_sentence_of_a_txt_that_quotes_tags()
    {
        using var workspace = new Workspace();
        workspace.Write("in/defaced.txt", """
            Hackers deface the Libyan interior ministry site

            The page showed a <script> tag and the words <b>free Libya</b> in bold, a spokesman said on Tuesday.

            A <div> and a <p> were left open on the front page for three hours before technicians took the site down.

            The ministry said no data was taken and the site was restored on Wednesday.
            """);

        var ingest = CliRun.Run("ingest", Path.Combine(workspace.Root, "in"), "--db", workspace.Database, "--format", "json", "--no-link");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Empty(ingest.ErrorLines);
        var id = CliRun.Run("search", "ministry", "--db", workspace.Database, "--format", "json").Json[0].GetProperty("id").GetString()!;
        var article = CliRun.Run("article", id, "--db", workspace.Database, "--format", "json").Json;
        Assert.Equal("Hackers deface the Libyan interior ministry site", article.GetProperty("title").GetString());
        var text = article.GetProperty("text").GetString()!;
        Assert.Contains("<script> tag and the words <b>free Libya</b>", text, StringComparison.Ordinal);
        Assert.Contains("before technicians took the site down", text, StringComparison.Ordinal);
        Assert.Contains("restored on Wednesday", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_reports_sentences_an_unclosed_script_hid_in_an_html_page()
    {
        using var workspace = new Workspace();
        workspace.Write("in/broken.html", """
            <html><body><article><h1>Clashes in Derna</h1>
            <p>Clashes broke out in Derna on Friday, local officials said, after a convoy was ambushed on the coast road.</p>
            <script>Three people were wounded and taken to hospital, the officials said, and the road was closed until Saturday.
            </article></body></html>
            """);

        var ingest = CliRun.Run("ingest", Path.Combine(workspace.Root, "in"), "--db", workspace.Database, "--format", "json", "--no-link");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(1, ingest.Json.GetProperty("stored").GetInt32());
        var line = Assert.Single(ingest.ErrorLines);
        Assert.Contains("broken.html: stored without text found inside <script>", line, StringComparison.Ordinal);
        Assert.Contains("Three people were wounded", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_refuses_an_article_past_the_word_limit_by_its_file_or_line_and_stores_the_rest()
    {
        using var workspace = new Workspace();
        var longText = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"Convoy {i} reached the checkpoint near Sirte at dawn."));
        workspace.Write("in/long.txt", "Convoys on the coast road\n\n" + longText);
        workspace.Write("in/short.txt", Article);
        workspace.Write("in/feed.jsonl",
            "{\"title\":\"Long\",\"text\":\"" + longText + "\"}\n" +
            "{\"title\":\"Short\",\"text\":\"" + Article.ReplaceLineEndings("\\n").Replace("Tuesday", "Friday", StringComparison.Ordinal) + "\"}\n");

        var ingest = CliRun.Run("ingest", Path.Combine(workspace.Root, "in"), "--db", workspace.Database, "--format", "json", "--no-link", "--max-article-words", "500");

        Assert.Equal(1, ingest.ExitCode);
        Assert.Equal(2, ingest.Json.GetProperty("articlesInStore").GetInt32());
        Assert.Equal(2, ingest.Json.GetProperty("refused").GetInt32());
        Assert.Equal(2, ingest.ErrorLines.Length);
        Assert.Contains(ingest.ErrorLines, l => l.Contains("long.txt: article has ", StringComparison.Ordinal) && l.Contains(" words, over the 500-word limit (--max-article-words)", StringComparison.Ordinal));
        Assert.Contains(ingest.ErrorLines, l => l.Contains("feed.jsonl:1: article has ", StringComparison.Ordinal) && l.Contains("500-word limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_help_describes_the_word_limit_and_a_limit_of_zero_is_refused()
    {
        using var workspace = new Workspace();

        var help = CliRun.Run("ingest", "--help");
        var zero = CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database, "--max-article-words", "0");

        Assert.Contains("--max-article-words", help.Out, StringComparison.Ordinal);
        Assert.Contains("200000", help.Out, StringComparison.Ordinal);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--max-article-words must be a positive number", zero.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Database));
    }

    [Fact]
    public void Ingest_of_a_path_that_does_not_exist_creates_no_store()
    {
        using var workspace = new Workspace();

        var ingest = CliRun.Run("ingest", Path.Combine(workspace.Root, "missing"), "--db", workspace.Database);

        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains(ingest.ErrorLines, l => l.Contains("missing: no such file or folder", StringComparison.Ordinal));
        Assert.Contains(ingest.ErrorLines, l => l.Contains("was not created", StringComparison.Ordinal));
        Assert.False(File.Exists(workspace.Database));
    }

    [Fact]
    public void Ingest_reads_standard_input()
    {
        using var workspace = new Workspace();

        var ingest = CliRun.RunWithInput(Article, "ingest", "-", "--db", workspace.Database, "--format", "json");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(1, ingest.Json.GetProperty("stored").GetInt32());
    }

    [Fact]
    public void Ingest_reads_a_glob_and_reports_paths_that_match_nothing()
    {
        using var workspace = new Workspace();
        workspace.Write("news/a/one.txt", Article);
        workspace.Write("news/b/two.txt", Article.Replace("Tuesday", "Sunday", StringComparison.Ordinal).Replace("300", "about 450", StringComparison.Ordinal) + "\nA second report added that the airport was closed to civilian flights until further notice.\n");
        workspace.Write("news/b/skip.md", "not matched by the glob");

        var ingest = CliRun.Run("ingest", Path.Combine(workspace.Root, "news", "**", "*.txt"), Path.Combine(workspace.Root, "missing"), "--db", workspace.Database, "--format", "json");

        Assert.Equal(1, ingest.ExitCode);
        Assert.Equal(2, ingest.Json.GetProperty("read").GetInt32());
        Assert.Contains(ingest.ErrorLines, l => l.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_into_a_file_that_is_not_a_database_fails_with_one_line_and_leaves_it_alone()
    {
        using var workspace = new Workspace();
        var notDatabase = workspace.Write("notes.db", new string('n', 5000));

        var ingest = CliRun.Run("ingest", workspace.SampleCorpus, "--db", notDatabase);

        Assert.Equal(2, ingest.ExitCode);
        var line = Assert.Single(ingest.ErrorLines);
        Assert.Contains("not a SQLite database", line, StringComparison.Ordinal);
        Assert.Equal(new string('n', 5000), File.ReadAllText(notDatabase));
    }

    [Fact]
    public void Ingest_prints_a_readable_summary()
    {
        using var workspace = new Workspace();

        var ingest = CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);

        Assert.Contains("stored                  5", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("refused                 0", ingest.Out, StringComparison.Ordinal);
    }
}
