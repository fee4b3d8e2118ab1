namespace Dossier.Cli.Tests.Commands;

public sealed class DisputesCommandTests(ListingCommandTests.SampleStore samples) : IClassFixture<ListingCommandTests.SampleStore>
{
    [Fact]
    public void Disputes_put_the_two_tripoli_tolls_side_by_side_with_dates_and_sources()
    {
        var disputes = CliRun.Run("disputes", "--db", samples.Database, "--format", "json");

        Assert.True(disputes.ExitCode == 0, disputes.Error);
        var killed = Assert.Single(disputes.Json.EnumerateArray(), d => d.GetProperty("field").GetString() == "killed" && d.GetProperty("subject").GetString()!.Contains("Tripoli", StringComparison.Ordinal));
        var values = killed.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(2, values.Count);
        var mintPress = Assert.Single(values, v => v.GetProperty("value").GetString()!.Contains("150", StringComparison.Ordinal));
        Assert.Equal("MintPress News", mintPress.GetProperty("outlet").GetString());
        Assert.Equal("2019-04-16", mintPress.GetProperty("date").GetString());
        var who = Assert.Single(values, v => v.GetProperty("value").GetString()!.Contains("254", StringComparison.Ordinal));
        Assert.Contains("World Health Organization", who.GetProperty("speaker").GetString()!, StringComparison.Ordinal);
        Assert.Contains("undated", killed.GetProperty("why").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputes_pair_the_convoy_accusation_with_saiqa_denying_it()
    {
        var disputes = CliRun.Run("disputes", "--db", samples.Database, "--format", "json");

        var denial = Assert.Single(disputes.Json.EnumerateArray(), d => d.GetProperty("values").EnumerateArray().Any(v => v.GetProperty("speaker").GetString() == "Saiga Forces"));
        Assert.Equal("accusation and denial", denial.GetProperty("kind").GetString());
        var values = denial.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(["alleged", "denied"], values.Select(v => v.GetProperty("modality").GetString()));
        Assert.Contains("accusing the Saiga Forces", values[0].GetProperty("evidence").GetString()!, StringComparison.Ordinal);
        Assert.Contains("denied the allegation", values[1].GetProperty("evidence").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Disputes_filter_by_actor_and_refuse_an_unknown_one_or_incident()
    {
        var all = CliRun.Run("disputes", "--db", samples.Database, "--format", "json");
        var tripoli = CliRun.Run("disputes", "--db", samples.Database, "--actor", "Tripoli", "--format", "json");
        var nobody = CliRun.Run("disputes", "--db", samples.Database, "--actor", "Napoleon");
        var incident = CliRun.Run("disputes", "--db", samples.Database, "--event", "9999");
        var table = CliRun.Run("disputes", "--db", samples.Database);

        Assert.True(tripoli.ExitCode == 0, tripoli.Error);
        Assert.InRange(tripoli.Json.GetArrayLength(), 1, all.Json.GetArrayLength() - 1);
        Assert.Equal(2, tripoli.Json.EnumerateArray().Count(d => d.GetProperty("subject").GetString()!.Contains("toll of fighting at Tripoli", StringComparison.Ordinal)));
        Assert.DoesNotContain(tripoli.Json.EnumerateArray(), d => d.GetProperty("values").EnumerateArray().Any(v => v.GetProperty("speaker").GetString() == "Saiga Forces"));
        Assert.Equal(2, nobody.ExitCode);
        Assert.Contains("--actor Napoleon: no actor is called so", nobody.Error, StringComparison.Ordinal);
        Assert.Equal(2, incident.ExitCode);
        Assert.Contains("--event 9999: no such incident", incident.Error, StringComparison.Ordinal);
        Assert.Contains("accusation and denial", table.Out, StringComparison.Ordinal);
    }
}

public sealed class SourcesFramingCommandTests(ListingCommandTests.SampleStore samples) : IClassFixture<ListingCommandTests.SampleStore>
{
    [Fact]
    public void Framing_lists_each_outlets_labels_for_haftar_and_the_gna_with_evidence()
    {
        var framing = CliRun.Run("sources", "--framing", "--db", samples.Database, "--format", "json");

        Assert.True(framing.ExitCode == 0, framing.Error);
        var labels = framing.Json.GetProperty("labels").EnumerateArray().ToList();
        Assert.Contains(labels, l => l.GetProperty("actorName").GetString() == "Khalifa Haftar" && l.GetProperty("label").GetString() == "warlord"
            && l.GetProperty("uses").EnumerateArray().All(u => u.GetProperty("evidence").GetString()!.Contains("warlord", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(labels, l => l.GetProperty("actorName").GetString() == "Khalifa Haftar" && l.GetProperty("label").GetString() == "Field Marshal");
        Assert.Contains(labels, l => l.GetProperty("actorName").GetString() == "Government of National Accord" && l.GetProperty("label").GetString() == "militants"
            && l.GetProperty("outlet").GetString() == "Free West Media");
        Assert.Contains(labels, l => l.GetProperty("actorName").GetString() == "Government of National Accord" && l.GetProperty("tone").GetString() == "favourable");
        Assert.DoesNotContain(labels, l => l.GetProperty("label").GetString() == "national army" && l.GetProperty("actorName").GetString() == "Libyan National Army");
        Assert.Equal(2, framing.Json.GetProperty("sides").GetArrayLength());
        Assert.NotEmpty(framing.Json.GetProperty("alignments").EnumerateArray());
    }

    [Fact]
    public void Profile_counts_sourcing_signals_per_outlet_and_marks_the_op_ed()
    {
        var profile = CliRun.Run("sources", "--profile", "--db", samples.Database, "--format", "json");

        Assert.True(profile.ExitCode == 0, profile.Error);
        var articles = profile.Json.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(5, articles.Count);
        Assert.All(articles, a => Assert.Equal(
            a.GetProperty("facts").GetInt32(),
            a.GetProperty("namedSpeaker").GetInt32() + a.GetProperty("unnamedSource").GetInt32() + a.GetProperty("noSource").GetInt32()));
        var opEd = Assert.Single(articles, a => a.GetProperty("subject").GetString()!.Contains("Op-Ed", StringComparison.Ordinal));
        Assert.Contains(opEd.GetProperty("opinionMarkers").EnumerateArray(), m => m.GetProperty("kind").GetString() == "opinion_piece");
        Assert.Contains(articles, a => a.GetProperty("hedges").EnumerateArray().Any(h => h.GetProperty("kind").GetString() == "hearsay"));
        Assert.Contains(articles, a => a.GetProperty("disputedFacts").GetInt32() > 0);
        Assert.True(profile.Json.GetProperty("outlets").GetArrayLength() >= 3);
    }

    [Fact]
    public void Show_lists_the_labels_outlets_give_an_actor()
    {
        var show = CliRun.Run("show", "Hifter", "--db", samples.Database, "--format", "json");
        var table = CliRun.Run("show", "Hifter", "--db", samples.Database);

        Assert.Contains(show.Json.GetProperty("labels").EnumerateArray(), l => l.GetProperty("label").GetString() == "strongman");
        Assert.Contains("Labels", table.Out, StringComparison.Ordinal);
    }
}

public sealed class TimelineCommandTests(ListingCommandTests.SampleStore samples) : IClassFixture<ListingCommandTests.SampleStore>
{
    [Fact]
    public void Timeline_puts_dated_events_in_order_with_their_precision_and_sources()
    {
        var timeline = CliRun.Run("timeline", "--db", samples.Database, "--format", "json");
        var haftar = CliRun.Run("timeline", "--db", samples.Database, "--actor", "Khaftar", "--format", "json");

        Assert.True(timeline.ExitCode == 0, timeline.Error);
        var entries = timeline.Json.EnumerateArray().ToList();
        var dated = entries.TakeWhile(e => e.GetProperty("from").ValueKind != System.Text.Json.JsonValueKind.Null).Select(e => e.GetProperty("from").GetString()!).ToList();
        Assert.True(dated.Count >= 3);
        Assert.Equal(dated.Order(StringComparer.Ordinal), dated);
        Assert.All(entries.Skip(dated.Count), e => Assert.Equal("undated", e.GetProperty("precision").GetString()));
        Assert.Contains(entries, e => e.GetProperty("from").GetString() == "2020-03-18" && e.GetProperty("precision").GetString() == "day" && e.GetProperty("singleSource").GetBoolean());
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "relation");
        Assert.InRange(haftar.Json.GetArrayLength(), 1, entries.Count - 1);
    }

    [Fact]
    public void Timeline_and_framing_refuse_an_unknown_actor_with_one_line()
    {
        var timeline = CliRun.Run("timeline", "--db", samples.Database, "--actor", "Napoleon");
        var framing = CliRun.Run("sources", "--framing", "--db", samples.Database, "--actor", "Napoleon");

        Assert.Equal((2, 2), (timeline.ExitCode, framing.ExitCode));
        Assert.Equal(["dossier: --actor Napoleon: no actor is called so; dossier actors lists them"], timeline.ErrorLines);
        Assert.Equal(["dossier: --actor Napoleon: no actor is called so; dossier actors lists them"], framing.ErrorLines);
    }
}
