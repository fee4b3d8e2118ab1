using System.Text.Json;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// A syndicated copy, as a user meets it: one sample report and a copy of it under another outlet
/// with one word changed, ingested into a real SQLite store. Every listing counts the copy as
/// one more report of the original's facts, never as facts of its own.
/// </summary>
public sealed class SyndicatedCopyListingTests : IClassFixture<SyndicatedCopyListingTests.CopiedStore>
{
    private const string Copier = "Mirror Daily";

    private readonly CopiedStore store;

    public SyndicatedCopyListingTests(CopiedStore store) => this.store = store;

    private List<JsonElement> Json(string listing, params string[] options)
    {
        string[] paging = listing == "claims" ? ["--limit", "100000"] : [];
        var run = CliRun.Run([listing, .. options, .. paging, "--db", store.Database, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. run.Json.EnumerateArray()];
    }

    [Fact]
    public void The_store_holds_the_copy_as_a_copy()
    {
        var sources = Json("sources");

        Assert.Equal(1, sources.Single(s => s.GetProperty("outlet").GetString() == Copier).GetProperty("copies").GetInt32());
    }

    [Fact]
    public void Claims_list_a_claim_the_copy_repeats_once_with_the_copys_outlet()
    {
        var claims = Json("claims");

        Assert.NotEmpty(claims);
        Assert.DoesNotContain(claims, c => c.GetProperty("outlet").GetString() == Copier);
        Assert.All(claims, c => Assert.Equal([Copier], c.GetProperty("copiedBy").EnumerateArray().Select(o => o.GetString()!)));
    }

    [Fact]
    public void Relations_list_a_tie_the_copy_repeats_once_with_the_copys_outlet()
    {
        var relations = Json("relations");
        var tsv = CliRun.Run("relations", "--db", store.Database, "--format", "tsv").OutLines;

        Assert.NotEmpty(relations);
        Assert.DoesNotContain(relations, r => r.GetProperty("outlet").GetString() == Copier);
        Assert.All(relations, r => Assert.Equal([Copier], r.GetProperty("copiedBy").EnumerateArray().Select(o => o.GetString()!)));
        Assert.Equal(relations.Count + 1, tsv.Length);
        Assert.EndsWith("\tcopied_by", tsv[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Events_put_each_report_the_copy_repeats_in_its_originals_incident_even_undated()
    {
        var events = Json("events");
        var reports = events.SelectMany(e => e.GetProperty("reports").EnumerateArray()).ToList();

        // Every incident holds the original's report and the copy's, never the copy's alone.
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            var outlets = e.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("outlet").GetString()).ToList();
            Assert.Contains(Copier, outlets);
            Assert.Contains(store.Original, outlets);
        });
        Assert.Contains(events, e => e.GetProperty("dateFirst").ValueKind == JsonValueKind.Null);
        Assert.Equal(reports.Count(r => r.GetProperty("outlet").GetString() == Copier), reports.Count(r => r.GetProperty("outlet").GetString() == store.Original));
    }

    [Fact]
    public void The_timeline_lists_each_event_and_tie_once_with_one_independent_source()
    {
        var timeline = Json("timeline");

        Assert.NotEmpty(timeline);
        Assert.Equal(timeline.Count, timeline.Select(e => (e.GetProperty("what").GetString(), e.GetProperty("evidence").GetString())).Distinct().Count());
        Assert.All(timeline, e => Assert.Equal(1, e.GetProperty("independentSources").GetInt32()));
    }

    [Fact]
    public void Disputes_hold_no_value_the_copy_repeats()
    {
        var disputes = Json("disputes");

        Assert.DoesNotContain(disputes.SelectMany(d => d.GetProperty("values").EnumerateArray()), v => v.GetProperty("outlet").GetString() == Copier);
    }

    [Fact]
    public void Show_counts_the_sentences_of_a_tie_the_copy_repeats_once()
    {
        var actor = Json("relations").GroupBy(r => r.GetProperty("sourceActor").GetString()!).OrderByDescending(g => g.Count()).First();
        var name = actor.First().GetProperty("source").GetString()!;
        var ties = Json("relations", "--actor", name);

        var show = CliRun.Run("show", name, "--db", store.Database);

        Assert.True(show.ExitCode == 0, show.Error);
        var text = System.Text.RegularExpressions.Regex.Replace(show.Out, @"\s+", " ");
        var sentences = System.Text.RegularExpressions.Regex.Match(text, @"stated in (\d+) sentences?");
        Assert.True(sentences.Success, text);
        Assert.Equal(ties.Count, int.Parse(sentences.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Sample report 000 under its outlet and a copy of it under another, with one word changed.</summary>
    public sealed class CopiedStore : IDisposable
    {
        private readonly Workspace workspace = new();

        public CopiedStore()
        {
            var text = File.ReadAllText(Path.Combine(workspace.SampleCorpus, "000_ac65af662f8ebc5c.txt"));
            // A word changed in a sentence no extractor reads a fact from: the copy repeats every
            // fact of its original, and is near its original, not the same text.
            var copy = text.Replace("The main goal of the group", "The chief goal of the group", StringComparison.Ordinal);
            Assert.NotEqual(text, copy);
            var lines = new[]
            {
                JsonSerializer.Serialize(new { title = "LNA ambush", outlet = Original, published = "2020-03-20", text }),
                JsonSerializer.Serialize(new { title = "LNA ambush (syndicated)", outlet = Copier, published = "2020-03-21", text = copy }),
            };
            var file = workspace.Write("copies.jsonl", string.Join('\n', lines) + "\n");
            var ingest = CliRun.Run("ingest", file, "--db", workspace.Database, "--format", "json");
            Assert.True(ingest.ExitCode == 0, ingest.Error);
            Assert.Equal(1, ingest.Json.GetProperty("nearDuplicates").GetInt32());
        }

        public string Original => "South Front";

        public string Database => workspace.Database;

        public void Dispose() => workspace.Dispose();
    }
}
