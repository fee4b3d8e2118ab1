namespace Dossier.Cli.Tests.Commands;

public sealed class EventsCommandTests(ListingCommandTests.SampleStore samples) : IClassFixture<ListingCommandTests.SampleStore>
{
    [Fact]
    public void Events_lists_the_march_18_attack_in_ain_zara_with_its_toll_and_evidence()
    {
        var events = CliRun.Run("events", "--db", samples.Database, "--format", "json", "--from", "2020-03-01", "--to", "2020-03-31");

        Assert.True(events.ExitCode == 0, events.Error);
        var attack = Assert.Single(events.Json.EnumerateArray(), e => e.GetProperty("dateFirst").GetString() == "2020-03-18");
        Assert.Equal("attack", attack.GetProperty("type").GetString());
        Assert.Equal("Ain Zara", attack.GetProperty("place").GetString());
        var report = Assert.Single(attack.GetProperty("reports").EnumerateArray());
        var killed = Assert.Single(report.GetProperty("counts").EnumerateArray());
        Assert.Equal(36, killed.GetProperty("low").GetInt32());
        Assert.Contains("36", report.GetProperty("evidence").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_whose_actor_mentions_overlap_is_annotated_and_not_refused()
    {
        // Generated article 27,038 of the scale run: two actors' mentions overlap in one event's
        // sentence, which once made the event extractor slice the text backwards.
        using var workspace = new Workspace();
        var folder = Path.Combine(workspace.Root, "corpus");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "overlapping-mentions.txt"), Path.Combine(folder, "article.txt"));

        var ingest = CliRun.Run("ingest", folder, "--db", workspace.Database);
        var events = CliRun.Run("events", "--db", workspace.Database, "--format", "json");

        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.DoesNotContain("actors not found", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("Linked: 1 article", ingest.Out + ingest.Error, StringComparison.Ordinal);
        Assert.NotEmpty(events.Json.EnumerateArray());
    }

    [Fact]
    public void Events_filter_by_actor_and_type_and_print_acled_style_csv()
    {
        var escapes = CliRun.Run("events", "--db", samples.Database, "--type", "escape", "--format", "csv");
        var byHaftar = CliRun.Run("events", "--db", samples.Database, "--actor", "Hifter", "--format", "json");

        Assert.True(escapes.ExitCode == 0, escapes.Error);
        var lines = escapes.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("incident,event_date,date_precision,event_type,actor1,actor2,location,fatalities", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1).Where(l => char.IsDigit(l[0])), l => Assert.Contains(",escape,", l, StringComparison.Ordinal));
        Assert.True(byHaftar.ExitCode == 0, byHaftar.Error);
        Assert.All(byHaftar.Json.EnumerateArray(), e => Assert.Contains(
            e.GetProperty("agents").EnumerateArray().Concat(e.GetProperty("targets").EnumerateArray()),
            a => a.GetProperty("name").GetString() == "Khalifa Haftar"));
    }

    [Fact]
    public void Events_refuse_a_bad_date_or_type_with_a_clear_line()
    {
        var date = CliRun.Run("events", "--db", samples.Database, "--from", "18/03/2020");
        var type = CliRun.Run("events", "--db", samples.Database, "--type", "picnic");

        Assert.Equal(2, date.ExitCode);
        Assert.Contains("expected a date as YYYY-MM-DD", date.Error, StringComparison.Ordinal);
        Assert.Equal(2, type.ExitCode);
        Assert.Contains("unknown event type picnic", type.Error, StringComparison.Ordinal);
    }
}

public sealed class RelationsCommandTests(ListingCommandTests.SampleStore samples) : IClassFixture<ListingCommandTests.SampleStore>
{
    [Fact]
    public void Relations_show_that_haftar_leads_the_lna_and_mesmari_speaks_for_it()
    {
        var relations = CliRun.Run("relations", "--db", samples.Database, "--format", "json");
        var spokesmen = CliRun.Run("relations", "--db", samples.Database, "--kind", "spokesperson_of", "--format", "csv");
        var wrong = CliRun.Run("relations", "--db", samples.Database, "--kind", "loves");

        Assert.True(relations.ExitCode == 0, relations.Error);
        var rows = relations.Json.EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("kind").GetString() == "leads" && r.GetProperty("source").GetString() == "Khalifa Haftar" && r.GetProperty("target").GetString() == "Libyan National Army");
        Assert.All(rows, r => Assert.Contains(r.GetProperty("cue").GetString()!, r.GetProperty("evidence").GetString()!, StringComparison.Ordinal));
        Assert.Contains("Libyan National Army", spokesmen.Out, StringComparison.Ordinal);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("unknown relation kind loves", wrong.Error, StringComparison.Ordinal);
    }
}
