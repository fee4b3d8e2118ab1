using System.Text.Json;
using System.Text.RegularExpressions;
using Dossier.Tests.Shared;
using static Microsoft.Playwright.Assertions;
using Microsoft.Playwright;

namespace Dossier.Web.Tests.Browser;

/// <summary>The pages on the demo corpus as a user sees them, clicked through in Chromium. Screenshots land in bin/.../artifacts.</summary>
[Trait(TestTier.Name, TestTier.Integration)]
[Collection(DemoServerCollection.Name)]
public sealed class PageTests(DemoServer demo, BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private WatchedPage tab = null!;

    private IPage Page => tab.Page;

    public async Task InitializeAsync() => tab = await WatchedPage.OpenAsync(browser);

    public async Task DisposeAsync() => await tab.DisposeAsync();

    private Uri At(string path) => new(demo.ReadOnly.Address, path);

    [Fact]
    public async Task The_graph_shows_actors_sized_and_coloured_and_a_tie_opens_its_evidence_and_article()
    {
        await tab.GotoAsync(At("/"));
        await tab.WaitReadyAsync("#graph[data-ready='true']");

        var nodes = await Page.EvaluateAsync<int>("window.dossierGraph.nodes().length");
        Assert.True(nodes >= 5, $"{nodes} nodes");
        await Expect(Page.Locator("#graph-summary")).ToContainTextAsync("actors with ties shown");
        await Page.WaitForTimeoutAsync(300);
        await tab.ScreenshotAsync("graph.png");

        // A tie whose midpoint is on the canvas and clear of every actor, so the click reaches the tie.
        await ClickGraphElementAsync(FreeTieMidpoint);
        var evidence = Page.Locator("#tie-evidence blockquote.evidence").First;
        await Expect(evidence).ToBeVisibleAsync();
        var sentence = await evidence.InnerTextAsync();

        await Page.Locator("#tie-evidence a.evidence-link").First.ClickAsync();
        var mark = Page.Locator("mark#evidence");
        await Expect(mark).ToBeVisibleAsync();
        Assert.Equal(Words(sentence), Words(await mark.InnerTextAsync()));
        await Expect(mark).ToBeInViewportAsync();
        tab.AssertClean();
    }

    [Fact]
    public async Task A_node_opens_the_dossier_with_names_reasons_ties_events_and_evidence_links()
    {
        await tab.GotoAsync(At("/"));
        await tab.WaitReadyAsync("#graph[data-ready='true']");
        await ClickGraphElementAsync("window.dossierGraph.nodes().filter(n => n.data('name') === 'Khalifa Haftar')[0].renderedPosition()");

        await Expect(Page.Locator("#actor-name")).ToHaveTextAsync("Khalifa Haftar");
        await Expect(Page.Locator("#actor-kind")).ToContainTextAsync("person");
        await Expect(Page.Locator("#names")).ToContainTextAsync("Hifter");
        Assert.True(await Page.Locator("#ties > li").CountAsync() > 0);
        Assert.True(await Page.Locator("#events > li").CountAsync() > 0);
        await Expect(Page.Locator("#labels")).ToContainTextAsync("warlord");
        await Expect(Page.Locator("#labels")).ToContainTextAsync("Field Marshal");
        await tab.ScreenshotAsync("dossier.png");

        var first = Page.Locator("#events blockquote.evidence").First;
        var sentence = await first.InnerTextAsync();
        await Page.Locator("#events a.evidence-link").First.ClickAsync();
        await Expect(Page.Locator("mark#evidence")).ToBeVisibleAsync();
        Assert.Equal(Words(sentence), Words(await Page.Locator("mark#evidence").InnerTextAsync()));
        await tab.ScreenshotAsync("article-highlight.png");
        tab.AssertClean();
    }

    [Fact]
    public async Task Events_show_on_a_timeline_and_an_offline_map_and_a_dot_opens_its_report()
    {
        await tab.GotoAsync(At("/events.html"));
        await tab.WaitReadyAsync("main[data-ready='true']");

        Assert.True(await Page.Locator("#timeline circle").CountAsync() > 3);
        Assert.True(await Page.Locator("#map .leaflet-overlay-pane path").CountAsync() > 100, "the Natural Earth countries are drawn");
        Assert.True(await Page.Locator("#map .leaflet-marker-icon").CountAsync() > 0, "events or clusters are on the map");
        await Expect(Page.Locator("#events-summary")).ToContainTextAsync("on the map");

        // A dated event in Benghazi: its dot selects it in the list and opens its popup on the map.
        var id = await Page.EvaluateAsync<string>("""
            [...document.querySelectorAll('#event-list > li')].find(li => /in Benghazi, \d{4}/.test(li.textContent)).id.replace('event-', '')
            """);
        await Page.Locator($"#dot-{id}").ClickAsync();
        await Expect(Page.Locator($"#event-{id}")).ToHaveClassAsync(new Regex("selected"));
        await Expect(Page.Locator(".leaflet-popup-content")).ToContainTextAsync("Benghazi");
        await tab.ScreenshotAsync("events.png");

        await Page.Locator(".leaflet-popup-content a.evidence-link").ClickAsync();
        await Expect(Page.Locator("mark#evidence")).ToBeVisibleAsync();
        tab.AssertClean();
    }

    [Fact]
    public async Task Sources_are_compared_side_by_side()
    {
        await tab.GotoAsync(At("/sources.html"));

        await Expect(Page.Locator("#sources-table")).ToContainTextAsync("MintPress News");
        Assert.True(await Page.Locator("#sources-table tbody tr").CountAsync() >= 3);
        await Expect(Page.Locator("#alignment-table")).ToContainTextAsync("Free West Media");
        await tab.ScreenshotAsync("sources.png");
        tab.AssertClean();
    }

    [Fact]
    public async Task The_unknown_outlet_row_of_the_sources_page_leads_to_its_articles_and_filters_the_graph()
    {
        const string Unknown = "(unknown outlet)";
        var expected = (await demo.GetJsonAsync("/api/articles?outlet=" + Uri.EscapeDataString(Unknown))).GetProperty("total").GetInt32();
        Assert.True(expected > 0, "the demo store has articles without an outlet");

        await tab.GotoAsync(At("/sources.html"));
        await Page.Locator("#sources-table a", new() { HasText = Unknown }).ClickAsync();
        await tab.WaitReadyAsync("#results[data-ready='true']");
        await Expect(Page.Locator("#results h2")).ToHaveTextAsync($"Articles from {Unknown} ({expected})");
        await Expect(Page.Locator("#article-hits > li")).ToHaveCountAsync(expected);

        // The graph filtered by it draws the ties the API gives for it, which are some.
        var edges = (await demo.GetJsonAsync("/api/graph?outlet=" + Uri.EscapeDataString(Unknown))).GetProperty("edges").GetArrayLength();
        var all = (await demo.GetJsonAsync("/api/graph")).GetProperty("edges").GetArrayLength();
        Assert.InRange(edges, 1, all - 1);
        await tab.GotoAsync(At("/"));
        await tab.WaitReadyAsync("#graph[data-ready='true']");
        await Page.Locator("#outlet").SelectOptionAsync(Unknown);
        await Page.Locator("#apply").ClickAsync();
        // Polled from here: Playwright's WaitForFunction polls with a function made from a string in
        // the page, which the page's CSP (no 'unsafe-eval') refuses whenever the first look fails.
        var drawn = -1;
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); drawn != edges && wait.Elapsed < TimeSpan.FromSeconds(15); await Task.Delay(100))
        {
            drawn = await Page.EvaluateAsync<int>("window.dossierGraph ? window.dossierGraph.edges().length : -1");
        }

        Assert.Equal(edges, drawn);
        await Expect(Page.Locator("#graph-empty")).ToHaveCountAsync(0);
        tab.AssertClean();
    }

    [Fact]
    public async Task The_search_box_finds_an_actor_under_another_spelling_and_articles()
    {
        await tab.GotoAsync(At("/"));
        await Page.Locator("header input[type='search']").FillAsync("Hifter");
        await Page.Locator("header input[type='search']").PressAsync("Enter");

        await Expect(Page.Locator("#actor-hits")).ToContainTextAsync("Khalifa Haftar");
        Assert.True(await Page.Locator("#article-hits > li").CountAsync() >= 1);
        await Page.Locator("#actor-hits a").First.ClickAsync();
        await Expect(Page.Locator("#actor-name")).ToHaveTextAsync("Khalifa Haftar");
        tab.AssertClean();
    }

    [Fact]
    public async Task Search_snippets_mark_the_words_found_instead_of_showing_the_stores_markers()
    {
        await tab.GotoAsync(At("/search.html?q=Haftar"));
        await tab.WaitReadyAsync("#results[data-ready='true']");

        var marks = Page.Locator("#article-hits .snippet mark");
        Assert.True(await marks.CountAsync() >= 1, "a hit is marked");
        await Expect(marks.First).ToHaveTextAsync(new Regex("^Haftar$", RegexOptions.IgnoreCase));
        var snippets = await Page.Locator("#article-hits .snippet").AllInnerTextsAsync();
        Assert.All(snippets, s => Assert.DoesNotContain('\u0002', s));
        Assert.All(snippets, s => Assert.DoesNotContain('\u0003', s));
        tab.AssertClean();
    }

    [Fact]
    public async Task The_ingest_page_says_it_is_off_on_a_read_only_server()
    {
        await tab.GotoAsync(At("/ingest.html"));

        await Expect(Page.Locator("#ingest-state")).ToContainTextAsync("Ingest is off");
        await Expect(Page.Locator("#ingest-form")).ToBeHiddenAsync();
        tab.AssertClean();
    }

    [Fact]
    public async Task Hostile_html_and_script_in_an_ingested_article_are_shown_as_text_and_never_run()
    {
        const string Hostile = """
            <script>window.__pwned = 'script'; alert('script')</script> <img src=x onerror="window.__pwned='img'; alert('img')">
            <b>Khalifa Haftar</b> met <i onmouseover="alert(1)">Fayez al-Sarraj</i> in Tripoli on Monday, officials said.
            "</blockquote><svg onload=alert('svg')>" said the spokesman of the Libyan National Army.
            """;
        await tab.GotoAsync(new Uri(demo.Writable.Address, "/ingest.html"));
        await Page.Locator("#text").FillAsync(Hostile);
        await Page.Locator("#title").FillAsync("<img src=x onerror=alert('title')> Hostile report");
        await Page.Locator("#token").FillAsync(DemoServer.Token);
        await Page.Locator("#ingest-form button[type='submit']").ClickAsync();
        await Expect(Page.Locator("#ingest-summary")).ToContainTextAsync("1 stored");

        await Page.Locator("#ingest-result a").First.ClickAsync();
        await Expect(Page.Locator("#article-title")).ToContainTextAsync("<img src=x onerror=alert('title')> Hostile report");
        var text = Page.Locator("#article-text");
        await Expect(text).ToContainTextAsync("window.__pwned");
        await Expect(text).ToContainTextAsync("<svg onload=alert('svg')>");
        Assert.Equal(0, await Page.Locator("#article-text *, #article-title *").CountAsync());
        Assert.Null(await Page.EvaluateAsync<string?>("window.__pwned ?? null"));

        await Page.GotoAsync(new Uri(demo.Writable.Address, "/search.html?q=Hostile").ToString());
        await Expect(Page.Locator("#article-hits")).ToContainTextAsync("onerror");
        Assert.Equal(0, await Page.Locator("#article-hits img, #article-hits script, #article-hits svg").CountAsync());
        // The snippet's only elements are the marks of the words searched for.
        Assert.True(await Page.Locator("#article-hits .snippet mark").CountAsync() >= 1);
        Assert.Equal(0, await Page.Locator("#article-hits .snippet *:not(mark), #article-hits .snippet mark *").CountAsync());
        await Page.WaitForTimeoutAsync(300);
        Assert.Null(await Page.EvaluateAsync<string?>("window.__pwned ?? null"));
        await tab.ScreenshotAsync("hostile-article.png");
        tab.AssertClean();
    }

    [Fact]
    public async Task An_article_page_without_an_id_says_what_is_missing_instead_of_loading_forever()
    {
        await tab.GotoAsync(At("/article.html"));

        await Expect(Page.Locator("#article .error")).ToContainTextAsync("No article given");
        tab.AssertClean();
    }

    [Fact]
    public async Task An_article_links_its_original_address_only_when_it_is_http()
    {
        var articles = """
            {"url": "https://news.example.org/libya/report-1", "title": "Linked report", "outlet": "Link Wire", "text": "Forces of the Libyan National Army entered Sirte on Tuesday, a spokesman for the army said in Benghazi."}
            {"url": "javascript:window.__pwned='url'", "title": "Scripted report", "outlet": "Link Wire", "text": "Militias loyal to the Government of National Accord shelled positions near Gharyan on Friday, residents said."}
            """;
        await tab.GotoAsync(new Uri(demo.Writable.Address, "/ingest.html"));
        await Page.Locator("#files").SetInputFilesAsync(new FilePayload { Name = "linked.jsonl", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(articles) });
        await Page.Locator("#token").FillAsync(DemoServer.Token);
        await Page.Locator("#ingest-form button[type='submit']").ClickAsync();
        await Expect(Page.Locator("#ingest-summary")).ToContainTextAsync("2 stored");
        var links = await Page.Locator("#ingest-result a[href^='article.html']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(2, links.Length);

        var shown = new Dictionary<string, string?>();
        foreach (var link in links)
        {
            await tab.GotoAsync(new Uri(demo.Writable.Address, "/" + link));
            await tab.WaitReadyAsync("#article[data-ready='true']");
            var title = await Page.Locator("#article-title").InnerTextAsync();
            shown[title] = await Page.Locator("#article a#original").CountAsync() == 1 ? await Page.Locator("#article a#original").GetAttributeAsync("href") : null;
            if (title == "Linked report")
            {
                Assert.Contains("noopener", await Page.Locator("#article a#original").GetAttributeAsync("rel") ?? "", StringComparison.Ordinal);
            }

            if (title == "Scripted report")
            {
                Assert.Equal(0, await Page.Locator("#article a[href^='javascript']").CountAsync());
                await Expect(Page.Locator("#article")).ToContainTextAsync("not a web address");
            }
        }

        Assert.Equal("https://news.example.org/libya/report-1", shown["Linked report"]);
        Assert.Null(shown["Scripted report"]);
        Assert.Null(await Page.EvaluateAsync<string?>("window.__pwned ?? null"));
        tab.AssertClean();
    }

    [Fact]
    public async Task The_disputes_page_lists_every_dispute_of_the_store_and_filters_them_by_kind()
    {
        var ledger = await demo.GetJsonAsync("/api/disputes?limit=1000");
        var disputes = ledger.GetProperty("items").EnumerateArray().ToList();
        Assert.True(disputes.Count >= 2, $"the demo store has {disputes.Count} disputes");

        await tab.GotoAsync(At("/"));
        await Page.Locator("header nav a", new() { HasText = "Disputes" }).ClickAsync();
        await tab.WaitReadyAsync("#disputes[data-ready='true']");
        Assert.Equal(disputes.Count, await Page.Locator("#disputes > li").CountAsync());
        await Expect(Page.Locator("#disputes-summary")).ToContainTextAsync($"{disputes.Count} of {disputes.Count} disputes");
        foreach (var dispute in disputes)
        {
            await Expect(Page.Locator("#disputes")).ToContainTextAsync(dispute.GetProperty("subject").GetString()!);
        }

        await tab.ScreenshotAsync("disputes.png");

        var kind = disputes[0].GetProperty("kind").GetString()!;
        var ofKind = disputes.Count(d => d.GetProperty("kind").GetString() == kind);
        await Page.Locator("#dispute-kind").SelectOptionAsync(kind);
        await Expect(Page.Locator("#disputes > li")).ToHaveCountAsync(ofKind);
        await Expect(Page.Locator("#disputes-summary")).ToContainTextAsync($"{ofKind} of {disputes.Count} disputes");

        // Each value opens its sentence in its article.
        await Page.Locator("#disputes a.evidence-link").First.ClickAsync();
        await Expect(Page.Locator("mark#evidence")).ToBeVisibleAsync();
        tab.AssertClean();
    }

    [Fact]
    public async Task The_sources_page_no_longer_says_framing_is_not_extracted_above_the_framing_table()
    {
        await tab.GotoAsync(At("/sources.html"));
        await tab.WaitReadyAsync("#sources[data-ready='true']");

        await Expect(Page.Locator("#alignment-table")).ToBeVisibleAsync();
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("not extracted yet");
        tab.AssertClean();
    }

    [Fact]
    public async Task A_dossier_groups_each_tie_with_its_sentences_folded_under_it_and_reads_passive_ties_as_phrases()
    {
        var haftar = await HaftarAsync();
        var dossier = await demo.GetJsonAsync($"/api/actors/{haftar}");
        var ties = dossier.GetProperty("ties").EnumerateArray().ToList();
        var roles = dossier.GetProperty("roles").EnumerateArray().ToList();
        string Key(JsonElement t) => string.Join('|', t.GetProperty("kind").GetString(), t.GetProperty("source").GetProperty("name").GetString(), t.GetProperty("target").GetProperty("name").GetString());
        var roleKeys = roles.Select(Key).ToHashSet();
        var otherTies = ties.Where(t => !roleKeys.Contains(Key(t))).ToList();
        var groups = otherTies.Select(Key).Distinct().Count();
        Assert.True(otherTies.Count > groups, $"some tie of the demo store is stated more than once ({otherTies.Count} sentences, {groups} ties)");
        var backer = ties.FirstOrDefault(t => t.GetProperty("kind").GetString() == "supports" && t.GetProperty("target").GetProperty("id").GetString() == haftar);
        Assert.True(backer.ValueKind == JsonValueKind.Object, "someone supports Haftar in the demo store");

        await tab.GotoAsync(At($"/actor.html?id={haftar}"));
        await tab.WaitReadyAsync("#actor[data-ready='true']");

        Assert.Equal(groups, await Page.Locator("#ties > li").CountAsync());
        Assert.Equal(otherTies.Count, await Page.Locator("#ties > li details blockquote.evidence").CountAsync());
        Assert.Equal(roles.Select(Key).Distinct().Count(), await Page.Locator("#roles > li").CountAsync());
        await Expect(Page.Locator("#ties-heading")).ToContainTextAsync($"Ties ({groups}, stated in {otherTies.Count} sentences)");
        await Expect(Page.Locator("#ties")).ToContainTextAsync($"backed by {backer.GetProperty("source").GetProperty("name").GetString()}");
        await Expect(Page.Locator("#actor")).Not.ToContainTextAsync("is the object of");

        // A tie's line says how its sentences that are not in the outlet's own voice put it.
        var tags = await Page.Locator("#roles > li .fact-head .tag, #ties > li .fact-head .tag").AllInnerTextsAsync();
        var notAsserted = ties.Count(t => t.GetProperty("polarity").GetString() != "asserted");
        Assert.Equal(notAsserted, tags.Sum(tag => Regex.Match(tag, @"×(\d+)$") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1));
        Assert.All(tags, tag => Assert.Matches(@"^(reported|alleged|hedged|denied)( ×\d+)?$", tag));

        // The sentences open under their tie.
        var first = Page.Locator("#ties > li details").First;
        await Expect(first.Locator("blockquote.evidence").First).Not.ToBeVisibleAsync();
        await first.Locator("summary").ClickAsync();
        await Expect(first.Locator("blockquote.evidence").First).ToBeVisibleAsync();

        // A short index of the sections, each link to a heading on the page.
        var index = await Page.Locator("nav#sections a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(index.Length >= 6, string.Join(", ", index));
        foreach (var target in index)
        {
            Assert.Equal(1, await Page.Locator(target).CountAsync());
        }

        tab.AssertClean();
    }

    [Fact]
    public async Task A_dossier_counts_mentions_and_ties_the_same_way_in_every_place()
    {
        var haftar = await HaftarAsync();
        var dossier = await demo.GetJsonAsync($"/api/actors/{haftar}");
        var mentions = dossier.GetProperty("actor").GetProperty("mentions").GetInt32();
        var names = dossier.GetProperty("names").EnumerateArray().Sum(n => n.GetProperty("count").GetInt32());
        var inArticles = dossier.GetProperty("articles").EnumerateArray().Sum(a => a.GetProperty("mentions").GetInt32());

        await tab.GotoAsync(At($"/actor.html?id={haftar}"));
        await tab.WaitReadyAsync("#actor[data-ready='true']");

        // Every count of mentions on the line is the actor's (its kind's reason counted pronouns too, as "104 of its 104 mentions").
        var kindLine = await Page.Locator("#actor-kind").InnerTextAsync();
        var counts = Regex.Matches(kindLine, @"(\d+) mentions").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, count => Assert.Equal(mentions, count));
        await Expect(Page.Locator("#names-heading")).ToContainTextAsync($"{names} uses");
        await Expect(Page.Locator("#articles-heading")).ToContainTextAsync($"{inArticles} mentions");
        tab.AssertClean();
    }

    [Fact]
    public async Task The_first_graph_opens_with_the_largest_group_of_actors_filling_the_canvas_and_readable_names()
    {
        await tab.GotoAsync(At("/"));
        await tab.WaitReadyAsync("#graph[data-ready='true']");

        // The demo store's graph has a main group and a few pairs apart from it; they are packed
        // beside it, so fitting the view leaves the main group most of the canvas.
        var view = await Page.EvaluateAsync<GraphView>("""
            (() => {
              const cy = window.dossierGraph;
              const parts = cy.elements().components().sort((a, b) => b.nodes().length - a.nodes().length);
              const box = parts[0].renderedBoundingBox({ includeLabels: false });
              const biggest = cy.nodes().max(n => n.data('mentions')).ele;
              return { components: parts.length, largest: parts[0].nodes().length, nodes: cy.nodes().length,
                       width: box.w, height: box.h, canvasWidth: cy.width(), canvasHeight: cy.height(),
                       biggestLabelPx: parseFloat(biggest.style('font-size')) * cy.zoom() };
            })()
            """);
        Assert.True(view.Components > 1, $"the demo graph has groups apart from the main one ({view.Components})");
        Assert.True(view.Width >= 0.5 * view.CanvasWidth || view.Height >= 0.5 * view.CanvasHeight,
            $"the largest group ({view.Largest} of {view.Nodes} actors) is {view.Width:F0}x{view.Height:F0} px on a {view.CanvasWidth:F0}x{view.CanvasHeight:F0} canvas");
        Assert.True(view.BiggestLabelPx >= 11, $"the most mentioned actor's name is {view.BiggestLabelPx:F1} px high");
        tab.AssertClean();
    }

    [Fact]
    public async Task A_graph_filter_that_matches_nothing_says_so_in_words()
    {
        await tab.GotoAsync(At("/"));
        await tab.WaitReadyAsync("#graph[data-ready='true']");

        await Page.Locator("#from").FillAsync("2100-01-01");
        await Page.Locator("#apply").ClickAsync();

        await Expect(Page.Locator("#graph-empty")).ToBeVisibleAsync();
        await Expect(Page.Locator("#graph-empty")).ToContainTextAsync("No actor");
        await Expect(Page.Locator("#graph-summary")).ToContainTextAsync("No actor");

        // Back to every actor, then no kind ticked at all: that matches nothing too, not everything.
        await Page.Locator("#from").FillAsync("");
        await Page.Locator("#apply").ClickAsync();
        await Expect(Page.Locator("#graph-empty")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#graph-summary")).ToContainTextAsync("actors with ties shown");
        foreach (var box in await Page.Locator("#kind-filter input[type='checkbox']").AllAsync())
        {
            await box.UncheckAsync();
        }

        await Page.Locator("#apply").ClickAsync();
        await Expect(Page.Locator("#graph-empty")).ToBeVisibleAsync();
        await Expect(Page.Locator("#graph-summary")).ToContainTextAsync("No actor");
        tab.AssertClean();
    }

    [Fact]
    public async Task The_event_list_is_shown_before_the_basemap_arrives_and_the_map_stays_in_view_beside_it()
    {
        var basemap = new TaskCompletionSource();
        await Page.RouteAsync("**/countries-50m.json", async route =>
        {
            await basemap.Task;
            await route.ContinueAsync();
        });
        await tab.GotoAsync(At("/events.html"));

        // The list does not wait for the 756 KB of countries.
        await Expect(Page.Locator("#event-list > li").First).ToBeVisibleAsync();
        Assert.True(await Page.Locator("#event-list > li").CountAsync() > 3);
        Assert.Equal(0, await Page.Locator("#map .leaflet-overlay-pane path").CountAsync());
        basemap.SetResult();
        await tab.WaitReadyAsync("main[data-ready='true']");
        Assert.True(await Page.Locator("#map .leaflet-overlay-pane path").CountAsync() > 100, "the countries are drawn once they arrive");

        // Down the list, the map is still in view; a marker clicked there keeps it in view.
        await Page.Locator("#event-list > li").Last.ScrollIntoViewIfNeededAsync();
        await Expect(Page.Locator("#map")).ToBeInViewportAsync(new() { Ratio = 0.9f });
        await Page.Locator("#map .leaflet-marker-icon").First.ClickAsync();
        await Page.WaitForTimeoutAsync(500);
        await Expect(Page.Locator("#map")).ToBeInViewportAsync(new() { Ratio = 0.9f });
        tab.AssertClean();
    }

    private async Task<string> HaftarAsync()
    {
        var found = await demo.GetJsonAsync("/api/actors?q=Khalifa%20Haftar");
        return found.GetProperty("items").EnumerateArray().First(a => a.GetProperty("name").GetString() == "Khalifa Haftar").GetProperty("id").GetString()!;
    }

    /// <summary>Clicks where Cytoscape draws a node or an edge (the graph is a canvas, not DOM elements).</summary>
    private const string FreeTieMidpoint = """
        (() => {
            const cy = window.dossierGraph;
            const clear = p => p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height()
                && !cy.nodes().some(n => { const b = n.renderedBoundingBox({ includeLabels: true }); return p.x >= b.x1 - 6 && p.x <= b.x2 + 6 && p.y >= b.y1 - 6 && p.y <= b.y2 + 6; });
            const edge = cy.edges().filter(e => clear(e.renderedMidpoint()))[0] ?? cy.edges()[0];
            return edge.renderedMidpoint();
        })()
        """;

    private async Task ClickGraphElementAsync(string renderedPositionScript)
    {
        var box = await Page.Locator("#graph").BoundingBoxAsync();
        var at = await Page.EvaluateAsync<Position>(renderedPositionScript);
        await Page.Mouse.ClickAsync(box!.X + at.X, box.Y + at.Y);
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class GraphView
    {
        public int Components { get; set; }

        public int Largest { get; set; }

        public int Nodes { get; set; }

        public float Width { get; set; }

        public float Height { get; set; }

        public float CanvasWidth { get; set; }

        public float CanvasHeight { get; set; }

        public float BiggestLabelPx { get; set; }
    }

    private sealed class Position
    {
        public float X { get; set; }

        public float Y { get; set; }
    }
}
