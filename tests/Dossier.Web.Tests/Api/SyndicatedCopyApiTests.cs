using System.Text.Json;

namespace Dossier.Web.Tests.Api;

/// <summary>
/// The API on a store of one report and its syndicated copy: every list names the copy's outlet
/// as one more outlet reporting the original's sentence, never as a second sentence, and every
/// outlet filter finds the sentence through the copy's outlet.
/// </summary>
public sealed class SyndicatedCopyApiTests(CopiedStoreServer copies) : IClassFixture<CopiedStoreServer>
{
    private const string Copier = CopiedStoreServer.Copier;

    private static readonly string CopierQuery = Uri.EscapeDataString(Copier);

    [Fact]
    public async Task Ties_list_each_sentence_the_copy_repeats_once_under_the_original_with_the_copys_outlet()
    {
        var ties = await copies.ItemsAsync("api/ties");

        Assert.NotEmpty(ties);
        Assert.All(ties, UnderTheOriginalCopiedByTheCopier);
        Assert.Equal(ties.Count, ties.Select(TieKey).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Events_list_each_report_the_copy_repeats_once_under_the_original_with_the_copys_outlet()
    {
        var events = await copies.ItemsAsync("api/events");

        Assert.NotEmpty(events);
        Assert.All(events, UnderTheOriginalCopiedByTheCopier);
    }

    [Fact]
    public async Task Info_counts_the_copy_as_a_copy_and_each_tie_and_event_once()
    {
        var info = await copies.GetJsonAsync("api/info");
        var ties = await copies.GetJsonAsync("api/ties");
        var events = await copies.GetJsonAsync("api/events");

        Assert.Equal(2, info.GetProperty("articles").GetInt32());
        Assert.Equal(1, info.GetProperty("copies").GetInt32());
        Assert.Equal(ties.GetProperty("total").GetInt32(), info.GetProperty("relations").GetInt32());
        Assert.Equal(events.GetProperty("total").GetInt32(), info.GetProperty("events").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("&located=true")]
    [InlineData("&located=false")]
    [InlineData("&from=2000-01-01&to=2100-01-01")]
    public async Task The_events_outlet_filter_finds_a_report_through_the_outlet_of_the_copy_that_repeats_it(string more)
    {
        var all = await copies.ItemsAsync("api/events?x=" + more);
        var byCopier = await copies.ItemsAsync($"api/events?outlet={CopierQuery}{more}");

        Assert.Equal(Ids(all), Ids(byCopier));
    }

    [Fact]
    public async Task The_graph_counts_the_copys_report_of_a_tie_as_a_report_but_not_as_another_source()
    {
        var ties = await copies.ItemsAsync("api/ties");
        var graph = await copies.GetJsonAsync("api/graph?limit=5000&maxTies=100000");
        var corroborated = await copies.GetJsonAsync("api/graph?minSources=2");

        var sentences = SentencesByEdge(ties, graph);
        Assert.NotEmpty(sentences);
        Assert.Equal(sentences.ToDictionary(s => s.Key, s => 2 * s.Value), Edges(graph).ToDictionary(e => e.Id, e => e.Reports));
        Assert.All(Edges(graph), e => Assert.Equal(1, e.Outlets));
        Assert.Equal(0, corroborated.GetProperty("edges").GetArrayLength());
    }

    [Theory]
    [InlineData("outlet=" + "Mirror%20Daily")]
    [InlineData("from=" + CopiedStoreServer.CopyDay + "&to=" + CopiedStoreServer.CopyDay)]
    [InlineData("outlet=" + "South%20Front")]
    [InlineData("from=" + CopiedStoreServer.OriginalDay + "&to=" + CopiedStoreServer.OriginalDay)]
    public async Task The_graph_filtered_by_either_outlet_or_its_day_counts_one_report_of_each_sentence_from_one_source(string filter)
    {
        var ties = await copies.ItemsAsync("api/ties");
        var graph = await copies.GetJsonAsync($"api/graph?{filter}&limit=5000&maxTies=100000");

        var sentences = SentencesByEdge(ties, graph);
        Assert.NotEmpty(sentences);
        Assert.Equal(sentences, Edges(graph).ToDictionary(e => e.Id, e => e.Reports));
        Assert.All(Edges(graph), e => Assert.Equal(1, e.Outlets));
        Assert.Contains(Copier, Strings(graph.GetProperty("outlets")));
    }

    [Fact]
    public async Task A_dossier_lists_each_tie_sentence_once_with_the_copys_outlet_and_counts_them_once()
    {
        var ties = await copies.ItemsAsync("api/ties");
        var actor = ties.SelectMany(t => new[] { t.GetProperty("source"), t.GetProperty("target") })
            .Select(a => a.GetProperty("id").GetString()).OfType<string>()
            .GroupBy(id => id, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

        var dossier = await copies.GetJsonAsync($"api/actors/{actor}");

        var listed = dossier.GetProperty("ties").EnumerateArray().ToList();
        Assert.Equal(ties.Count(t => t.GetProperty("source").GetProperty("id").GetString() == actor || t.GetProperty("target").GetProperty("id").GetString() == actor), listed.Count);
        Assert.Equal(listed.Count, dossier.GetProperty("totals").GetProperty("ties").GetInt32());
        Assert.Equal(listed.Count, listed.Select(TieKey).Distinct(StringComparer.Ordinal).Count());
        Assert.All(listed, t => Assert.Equal([Copier], Strings(t.GetProperty("copiedBy"))));
        Assert.All(dossier.GetProperty("events").EnumerateArray(), e => Assert.Equal([Copier], Strings(e.GetProperty("copiedBy"))));
    }

    [Fact]
    public async Task Claims_list_each_claim_the_copy_repeats_once_with_the_copys_outlet()
    {
        var claims = await copies.ItemsAsync("api/claims");

        Assert.NotEmpty(claims);
        Assert.All(claims, UnderTheOriginalCopiedByTheCopier);
    }

    [Fact]
    public async Task The_dispute_ledger_holds_no_value_only_because_the_copy_repeats_it()
    {
        var disputes = await copies.ItemsAsync("api/disputes");

        Assert.DoesNotContain(disputes.SelectMany(d => d.GetProperty("values").EnumerateArray()), v => v.GetProperty("outlet").GetString() == Copier);
    }

    [Fact]
    public async Task The_sources_list_gives_the_copys_outlet_the_actors_of_the_reports_it_repeats()
    {
        var sources = await copies.ItemsAsync("api/sources");

        var original = Assert.Single(sources, s => s.GetProperty("outlet").GetString() == CopiedStoreServer.Original);
        var copier = Assert.Single(sources, s => s.GetProperty("outlet").GetString() == Copier);
        Assert.Equal(1, copier.GetProperty("copies").GetInt32());
        Assert.NotEmpty(copier.GetProperty("topActors").EnumerateArray());
        Assert.Equal(original.GetProperty("topActors").GetRawText(), copier.GetProperty("topActors").GetRawText());
    }

    /// <summary>An item listed once, under the original's outlet, with the copy's outlet in <c>copiedBy</c>.</summary>
    private static void UnderTheOriginalCopiedByTheCopier(JsonElement item)
    {
        Assert.Equal(CopiedStoreServer.Original, item.GetProperty("outlet").GetString());
        Assert.Equal([Copier], Strings(item.GetProperty("copiedBy")));
    }

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(o => o.GetString())];

    private static List<string?> Ids(List<JsonElement> events) => [.. events.Select(e => e.GetProperty("id").GetString())];

    private static string TieKey(JsonElement t) => string.Join("|",
        t.GetProperty("kind").GetString(), t.GetProperty("source").GetProperty("name").GetString(), t.GetProperty("target").GetProperty("name").GetString(), t.GetProperty("evidence").GetString());

    private static List<(string Id, int Reports, int Outlets)> Edges(JsonElement graph) =>
        [.. graph.GetProperty("edges").EnumerateArray().Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("reports").GetInt32(), e.GetProperty("outlets").GetInt32()))];

    /// <summary>How many of the listed tie sentences each edge of the graph's actors has.</summary>
    private static Dictionary<string, int> SentencesByEdge(IEnumerable<JsonElement> ties, JsonElement graph)
    {
        var shown = graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
        return ties
            .Select(t => (Source: t.GetProperty("source").GetProperty("id").GetString(), Target: t.GetProperty("target").GetProperty("id").GetString(), Kind: t.GetProperty("kind").GetString()))
            .Where(t => t.Source is not null && t.Target is not null && t.Source != t.Target && shown.Contains(t.Source) && shown.Contains(t.Target))
            .GroupBy(t => $"{t.Source}>{t.Kind}>{t.Target}")
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
