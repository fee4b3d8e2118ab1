namespace Dossier.Cli.Tests.Commands;

public sealed class ListingCommandTests : IClassFixture<ListingCommandTests.SampleStore>
{
    private readonly SampleStore store;

    public ListingCommandTests(SampleStore store) => this.store = store;

    [Fact]
    public void Sources_lists_outlets_with_their_article_counts()
    {
        var sources = CliRun.Run("sources", "--db", store.Database, "--format", "json").Json;

        Assert.Equal(5, sources.EnumerateArray().Sum(s => s.GetProperty("articles").GetInt32()));
        var mint = sources.EnumerateArray().Single(s => s.GetProperty("outlet").GetString() == "MintPress News");
        Assert.Equal("2019-04-16T14:38", mint.GetProperty("firstPublished").GetString());
    }

    [Fact]
    public void Sources_as_a_table_has_a_row_per_outlet_and_a_total()
    {
        var sources = CliRun.Run("sources", "--db", store.Database);

        Assert.Equal(0, sources.ExitCode);
        Assert.Contains("Free West Media", sources.Out, StringComparison.Ordinal);
        Assert.Contains("5 articles from", sources.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_ranks_the_article_about_the_ambush_first()
    {
        var hits = CliRun.Run("search", "Ziyad Balaam", "--db", store.Database, "--format", "json").Json;

        Assert.Equal(1, hits.GetArrayLength());
        Assert.Contains("Balaam", hits[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Search_as_a_table_shows_title_and_snippet()
    {
        var hits = CliRun.Run("search", "Mismari", "--db", store.Database);

        Assert.Equal(0, hits.ExitCode);
        Assert.Contains("Mismari", hits.Out, StringComparison.Ordinal);
        Assert.Contains("1. ", hits.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_says_so_when_nothing_matches()
    {
        var hits = CliRun.Run("search", "zebra", "--db", store.Database);

        Assert.Equal(0, hits.ExitCode);
        Assert.Contains("No article matches", hits.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_shows_text_metadata_and_what_was_removed_and_why()
    {
        var id = FirstHit("Quagmire");

        var article = CliRun.Run("article", id[..10], "--db", store.Database, "--format", "json").Json;

        Assert.Equal(id, article.GetProperty("id").GetString());
        Assert.Equal("Alexander Rubinstein", article.GetProperty("author").GetString());
        Assert.Equal("minute", article.GetProperty("publishedPrecision").GetString());
        var removed = article.GetProperty("removed").EnumerateArray().ToList();
        Assert.Contains(removed, r => r.GetProperty("reason").GetString() == "RepeatedTitle");
        Assert.Contains(removed, r => r.GetProperty("reason").GetString() == "SyndicationNotice");
        Assert.Contains(removed, r => r.GetProperty("reason").GetString() == "Teaser");
        Assert.All(removed, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("rule").GetString())));
        var caption = Assert.Single(article.GetProperty("captions").EnumerateArray());
        Assert.StartsWith("Top photo", caption.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Article_as_a_table_lists_removed_parts()
    {
        var id = FirstHit("Quagmire");

        var article = CliRun.Run("article", id, "--db", store.Database);

        Assert.Equal(0, article.ExitCode);
        Assert.Contains("Removed", article.Out, StringComparison.Ordinal);
        Assert.Contains("SyndicationNotice", article.Out, StringComparison.Ordinal);
        Assert.Contains("TRIPOLI, LIBYA", article.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_with_an_unknown_id_is_a_clear_error()
    {
        var article = CliRun.Run("article", "0000000000", "--db", store.Database);

        Assert.Equal(2, article.ExitCode);
        Assert.Contains("no article with id 0000000000", article.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_a_store_that_does_not_exist_says_how_to_make_one()
    {
        var sources = CliRun.Run("sources", "--db", Path.Combine(store.Root, "nothing-here.db"));

        Assert.Equal(2, sources.ExitCode);
        Assert.Contains("dossier ingest", sources.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store.Root, "nothing-here.db")));
    }

    [Fact]
    public void Stats_counts_the_store()
    {
        var stats = CliRun.Run("stats", "--db", store.Database, "--format", "json").Json;
        var table = CliRun.Run("stats", "--db", store.Database).Out;

        Assert.Equal(5, stats.GetProperty("articles").GetInt32());
        Assert.True(stats.GetProperty("bytes").GetInt64() > 0);
        Assert.Equal(CliRun.Run("actors", "--db", store.Database, "--format", "json", "--top", "100000").Json.GetArrayLength(), stats.GetProperty("actors").GetInt32());
        Assert.Equal(CliRun.Run("claims", "--db", store.Database, "--format", "json", "--limit", "100000").Json.GetArrayLength(), stats.GetProperty("claims").GetInt32());
        Assert.True(stats.GetProperty("events").GetInt32() > 0);
        Assert.True(stats.GetProperty("ties").GetInt32() > 0);
        Assert.True(stats.TryGetProperty("lastIngest", out _));
        Assert.Contains("Actors ", table, StringComparison.Ordinal);
        Assert.Contains("Claims ", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Vacuum_gives_back_free_space_and_leaves_every_actor_and_event_in_place()
    {
        using var workspace = new Workspace();
        CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);
        // Joining the actors again rewrites their rows, leaving free pages behind.
        CliRun.Run("merge", "Khalifa Haftar", "Fayez al-Sarraj", "--db", workspace.Database);
        CliRun.Run("link", "--db", workspace.Database);
        var actors = CliRun.Run("actors", "--db", workspace.Database, "--format", "json").Out;
        var events = CliRun.Run("events", "--db", workspace.Database, "--format", "json").Out;
        Assert.Contains("Khalifa Haftar", actors, StringComparison.Ordinal);
        Assert.Contains("Tripoli", events, StringComparison.Ordinal);

        var vacuum = CliRun.Run("vacuum", "--db", workspace.Database);

        Assert.True(vacuum.ExitCode == 0, vacuum.Error);
        var sizes = System.Text.RegularExpressions.Regex.Matches(vacuum.Out, @"([\d.,]+) MB").Select(m => double.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, sizes.Count);
        Assert.True(sizes[1] <= sizes[0], vacuum.Out);
        Assert.Equal(actors, CliRun.Run("actors", "--db", workspace.Database, "--format", "json").Out);
        Assert.Equal(events, CliRun.Run("events", "--db", workspace.Database, "--format", "json").Out);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("claims")]
    [InlineData("disputes")]
    [InlineData("timeline")]
    [InlineData("actors")]
    public void Tables_fit_the_width_COLUMNS_asks_for_and_keep_each_row_to_a_few_lines(string listing)
    {
        var narrow = CliRun.RunWithWidth(80, listing, "--db", store.Database);
        var json = CliRun.Run(listing, "--db", store.Database, "--format", "json").Json.EnumerateArray().ToList();

        // A dispute is a heading of two lines and a table of its values; every other listing is one table.
        var rows = listing == "disputes" ? json.Sum(d => d.GetProperty("values").GetArrayLength() + 6) : json.Count;
        Assert.True(narrow.ExitCode == 0, narrow.Error);
        Assert.NotEmpty(json);
        Assert.All(narrow.Out.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, $"{line.Length} columns: {line}"));
        Assert.True(narrow.OutLines.Length <= 8 * rows + 10, $"{narrow.OutLines.Length} lines for {rows} rows");
    }

    [Theory]
    [InlineData("80")]
    [InlineData("120")]
    public async Task A_table_piped_out_of_the_real_command_fits_the_COLUMNS_it_is_given(string columns)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "dossier.dll"), "events", "--db", store.Database })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COLUMNS"] = columns;
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 5, output);
        Assert.All(lines, line => Assert.True(line.TrimEnd('\r').Length <= int.Parse(columns, System.Globalization.CultureInfo.InvariantCulture), $"{line.Length} columns: {line}"));
        Assert.Contains(lines, line => line.TrimEnd('\r').Length > int.Parse(columns, System.Globalization.CultureInfo.InvariantCulture) - 10);
    }

    [Theory]
    [InlineData("100", 100)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    [InlineData("5", null)]
    public void The_COLUMNS_variable_sets_the_table_width_when_it_is_a_sensible_number(string columns, int? width)
    {
        Assert.Equal(width, CliEnvironment.WidthFrom(columns));
    }

    [Theory]
    [InlineData("events")]
    [InlineData("claims")]
    [InlineData("relations")]
    [InlineData("actors")]
    [InlineData("sources")]
    [InlineData("disputes")]
    [InlineData("timeline")]
    [InlineData("search", "Haftar")]
    [InlineData("sources", "--framing")]
    [InlineData("sources", "--profile")]
    public void Listings_print_tsv_for_spreadsheets_one_record_a_line(string listing, string? argument = null)
    {
        string[] Arguments(string format) => [listing, .. argument is null ? Array.Empty<string>() : [argument], "--db", store.Database, "--format", format];
        var tsv = CliRun.Run(Arguments("tsv"));
        var csv = CliRun.Run(Arguments("csv"));

        Assert.True(tsv.ExitCode == 0, tsv.Error);
        var lines = tsv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var columns = lines[0].Split('\t').Length;
        Assert.True(columns > 3);
        Assert.Equal(csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[0], lines[0].Replace('\t', ','));
        Assert.True(lines.Length > 1);
        Assert.All(lines, line => Assert.Equal(columns, line.Split('\t').Length));
    }

    [Fact]
    public void Disputes_in_tsv_give_each_sources_value_a_line_with_its_disputes_number_and_kind()
    {
        var json = CliRun.Run("disputes", "--db", store.Database, "--format", "json").Json.EnumerateArray().ToList();
        var lines = CliRun.Run("disputes", "--db", store.Database, "--format", "tsv").OutLines.Skip(1).Select(l => l.Split('\t')).ToList();

        Assert.Equal(json.Sum(d => d.GetProperty("values").GetArrayLength()), lines.Count);
        Assert.Equal(json.Count, lines.Select(l => l[0]).Distinct().Count());
        Assert.All(lines, l => Assert.Equal(json[int.Parse(l[0], System.Globalization.CultureInfo.InvariantCulture) - 1].GetProperty("kind").GetString(), l[3]));
    }

    [Theory]
    [InlineData("actors")]
    [InlineData("sources")]
    [InlineData("claims")]
    [InlineData("events")]
    [InlineData("relations")]
    [InlineData("disputes")]
    [InlineData("timeline")]
    [InlineData("stats")]
    [InlineData("search", "Haftar")]
    [InlineData("show", "Haftar")]
    public void Every_listings_json_names_its_fields_in_camelCase_as_the_web_api_does(string listing, string? argument = null)
    {
        var run = CliRun.Run([listing, .. argument is null ? Array.Empty<string>() : [argument], "--db", store.Database, "--format", "json"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        CollectNames(run.Json, names);
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches("^[a-z][a-zA-Z0-9]*$", name));
    }

    private static void CollectNames(System.Text.Json.JsonElement element, SortedSet<string> names)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
                CollectNames(property.Value, names);
            }
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectNames(item, names);
            }
        }
    }

    [Fact]
    public void Sources_refuse_tsv_of_framing_and_profile_together_with_one_line()
    {
        var both = CliRun.Run("sources", "--framing", "--profile", "--db", store.Database, "--format", "tsv");

        Assert.Equal(2, both.ExitCode);
        Assert.Empty(both.Out);
        Assert.Equal("dossier: --format tsv prints one table: give --framing or --profile, not both", Assert.Single(both.ErrorLines));
    }

    [Fact]
    public void A_command_that_prints_no_rows_refuses_tsv_with_one_line()
    {
        var stats = CliRun.Run("stats", "--db", store.Database, "--format", "tsv");

        Assert.Equal(1, stats.ExitCode); // as every command-line error System.CommandLine reports
        Assert.DoesNotContain('\t', stats.Out);
        Assert.Contains("--format tsv is not available for this command", stats.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("vacuum")]
    [InlineData("link")]
    [InlineData("ingest")]
    [InlineData("sources")]
    [InlineData("article")]
    [InlineData("search")]
    [InlineData("stats")]
    [InlineData("demo")]
    [InlineData("serve")]
    public void Every_command_explains_itself_with_help(string command)
    {
        var help = CliRun.Run(command, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Out, StringComparison.Ordinal);
        Assert.Contains("--db", help.Out, StringComparison.Ordinal);
    }

    private string FirstHit(string query) =>
        CliRun.Run("search", query, "--db", store.Database, "--format", "json").Json[0].GetProperty("id").GetString()!;

    /// <summary>The sample corpus ingested once for all listing tests.</summary>
    public sealed class SampleStore : IDisposable
    {
        private readonly Workspace workspace = new();

        public SampleStore()
        {
            var ingest = CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);
            Assert.Equal(0, ingest.ExitCode);
        }

        public string Database => workspace.Database;

        public string Root => workspace.Root;

        public void Dispose() => workspace.Dispose();
    }
}
