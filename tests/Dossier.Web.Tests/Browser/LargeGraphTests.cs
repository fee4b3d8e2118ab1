using Dossier.Testing;
using static Microsoft.Playwright.Assertions;
using Dossier.Tests.Shared;

namespace Dossier.Web.Tests.Browser;

/// <summary>A generated store of 2,000 actors and 10,000 ties, served by the real server.</summary>
public sealed class LargeGraphServer : IAsyncLifetime
{
    public const int Actors = 2_000;
    public const int Ties = 10_000;

    private readonly string root = Directory.CreateTempSubdirectory("dossier-graph-").FullName;

    public DossierServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = Path.Combine(root, "graph.db");
        LargeGraphStore.Build(database, Actors, Ties);
        Server = await DossierServer.StartAsync(new DossierWebOptions { DatabasePath = database, Port = 0 }, CancellationToken.None);

        // Wait for the server's lists and layout, so that the page test waits only for the page.
        using var client = new HttpClient { BaseAddress = Server.Address, Timeout = TimeSpan.FromMinutes(5) };
        (await client.GetAsync(new Uri("/api/info", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}

/// <summary>
/// The graph page on 2,000 actors and 10,000 ties: all of them drawn at the server's positions,
/// and still answering clicks. Correctness only; how fast it draws is measured by the benchmark
/// (dossier-bench web-graph), not here.
/// </summary>
[Trait(TestTier.Name, TestTier.Integration)]
public sealed class LargeGraphTests(LargeGraphServer large, BrowserSession browser) : IClassFixture<LargeGraphServer>, IClassFixture<BrowserSession>, IAsyncLifetime
{
    private WatchedPage tab = null!;

    public async Task InitializeAsync() => tab = await WatchedPage.OpenAsync(browser);

    public async Task DisposeAsync() => await tab.DisposeAsync();

    [Fact]
    public async Task The_first_page_shows_a_still_picture_of_a_big_graph_that_pans_zooms_and_opens_dossiers_until_cytoscape_draws_it()
    {
        var page = tab.Page;

        // Cytoscape never arrives: the picture stays, and it still opens a dossier.
        await page.RouteAsync("**/cytoscape.esm.min.mjs", route => route.AbortAsync());
        await page.GotoAsync(new Uri(large.Server.Address, "/").ToString());
        await tab.WaitReadyAsync("#graph[data-preview='true']", timeout: 120_000);
        Assert.Equal(1, await page.Locator("#graph canvas.graph-preview").CountAsync());
        var found = await page.EvaluateAsync<string[]>("""
            (async () => {
              const data = await (await fetch('/api/graph')).json();
              const hub = data.nodes.reduce((a, b) => (b.mentions > a.mentions ? b : a));
              const [x, y] = window.dossierPreview.positionOf(hub.id);
              const top = data.nodes.find(n => n.id === window.dossierPreview.nodeAt(x, y));
              return [top.id, top.name];
            })()
            """);
        var (target, name) = (found[0], found[1]);
        var box = await page.Locator("#graph canvas.graph-preview").BoundingBoxAsync();
        var before = await PictureAsync(page, target);

        // A drag pans the picture and opens nothing.
        await page.Mouse.MoveAsync((float)(box!.X + before.X), (float)(box.Y + before.Y));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(box.X + before.X + 60), (float)(box.Y + before.Y + 30), new() { Steps = 5 });
        await page.Mouse.UpAsync();
        var dragged = await PictureAsync(page, target);
        Assert.Equal(before.X + 60, dragged.X, 1.0);
        Assert.Equal(before.Y + 30, dragged.Y, 1.0);
        Assert.Equal(before.Zoom, dragged.Zoom, 6);
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);

        // The wheel zooms in about the pointer: the actor under it stays put.
        await page.Mouse.MoveAsync((float)(box.X + dragged.X), (float)(box.Y + dragged.Y));
        await page.Mouse.WheelAsync(0, -500);
        await page.WaitForTimeoutAsync(200);
        var zoomed = await PictureAsync(page, target);
        Assert.Equal(dragged.Zoom * 2, zoomed.Zoom, 3);
        Assert.Equal(dragged.X, zoomed.X, 1.0);
        Assert.Equal(dragged.Y, zoomed.Y, 1.0);

        // The pointer names the actor under it; a click opens its dossier.
        await page.Mouse.MoveAsync((float)(box.X + zoomed.X + 1), (float)(box.Y + zoomed.Y));
        Assert.Equal(name, await page.Locator("#graph canvas.graph-preview").GetAttributeAsync("title"));
        await page.Mouse.ClickAsync((float)(box.X + zoomed.X), (float)(box.Y + zoomed.Y));
        await Expect(page.Locator("#actor-name")).ToHaveTextAsync(name, new() { Timeout = 60_000 });

        // With Cytoscape (held back until the picture has been panned), its first frame takes the
        // picture's place, at the view the picture was left at: nothing moves.
        await page.UnrouteAllAsync();
        var release = await OpenWithCytoscapeHeldAsync(page);
        var start = await PictureAsync(page, target);
        await page.Mouse.MoveAsync((float)(box.X + 20), (float)(box.Y + 20));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)(box.X + 100), (float)(box.Y + 60), new() { Steps = 4 });
        await page.Mouse.UpAsync();
        release.SetResult();
        await tab.WaitReadyAsync("#graph[data-ready='true']", timeout: 120_000);
        await Expect(page.Locator("#graph canvas.graph-preview")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        Assert.True(await page.EvaluateAsync<bool>("window.dossierTimings.visibleAt <= window.dossierTimings.drawnAt"));
        var drawn = await page.EvaluateAsync<float[]>($"(() => {{ const p = window.dossierGraph.getElementById('{target}').renderedPosition(); return [p.x, p.y]; }})()");
        Assert.Equal(start.X + 80, drawn[0], 1.0);
        Assert.Equal(start.Y + 40, drawn[1], 1.0);
    }

    /// <summary>
    /// Opens the first page with Cytoscape's module held back until the returned source is set;
    /// returns once the still picture is shown.
    /// </summary>
    private async Task<TaskCompletionSource> OpenWithCytoscapeHeldAsync(Microsoft.Playwright.IPage page)
    {
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/cytoscape.esm.min.mjs", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(new Uri(large.Server.Address, "/").ToString());
        await tab.WaitReadyAsync("#graph[data-preview='true']", timeout: 120_000);
        return release;
    }

    /// <summary>Where the still picture draws an actor (px from its corner), and its zoom.</summary>
    private static async Task<(double X, double Y, double Zoom)> PictureAsync(Microsoft.Playwright.IPage page, string actor)
    {
        var at = await page.EvaluateAsync<double[]>($"[...window.dossierPreview.positionOf('{actor}'), window.dossierPreview.view.zoom]");
        return (at[0], at[1], at[2]);
    }

    [Fact]
    public async Task Filters_applied_while_a_big_graph_is_still_being_built_show_only_the_filtered_graph()
    {
        var page = tab.Page;

        // Cytoscape arrives only once the filters are applied, so the first graph's build (in slices)
        // and the filtered graph's load run at the same time.
        var release = await OpenWithCytoscapeHeldAsync(page);
        await page.FillAsync("#max-actors", "20");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#apply"), response => response.Url.Contains("limit=20", StringComparison.Ordinal));
        release.SetResult();

        // Once both loads are over: one Cytoscape in the container, the filtered one, and no picture.
        await tab.WaitReadyAsync("#graph[data-ready='true'][data-loading='0']", timeout: 60_000);
        await Expect(page.Locator("#graph-summary")).ToContainTextAsync("20 actors with ties shown");
        Assert.Equal(20, await page.EvaluateAsync<int>("window.dossierGraph.nodes().length"));
        Assert.Equal(1, await page.Locator("#graph > div").CountAsync());
        await Expect(page.Locator("#graph canvas.graph-preview")).ToHaveCountAsync(0);
        tab.AssertClean();
    }

    [Fact]
    public async Task A_graph_of_2000_actors_and_10000_ties_is_drawn_at_the_server_positions_and_a_node_opens_its_dossier()
    {
        await tab.GotoAsync(new Uri(large.Server.Address, "/?limit=5000&maxTies=10000"));
        // Generous: the test machine may be busy, and this test checks what is drawn, not how fast.
        await tab.WaitReadyAsync("#graph[data-ready='true']", timeout: 120_000);
        var page = tab.Page;

        Assert.Equal(LargeGraphServer.Actors, await page.EvaluateAsync<int>("window.dossierGraph.nodes().length"));
        Assert.Equal(LargeGraphServer.Ties, await page.EvaluateAsync<int>("window.dossierGraph.edges().length"));

        // Placed by the server's layout, not piled up: the nodes spread over an area many node widths across.
        var spread = await page.EvaluateAsync<double>("(() => { const b = window.dossierGraph.nodes().boundingBox(); return Math.min(b.w, b.h); })()");
        Assert.True(spread > 2_000, $"nodes spread over only {spread} units");
        var distinct = await page.EvaluateAsync<int>("new Set(window.dossierGraph.nodes().map(n => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`)).size");
        Assert.True(distinct > LargeGraphServer.Actors * 0.99, $"{distinct} distinct positions for {LargeGraphServer.Actors} nodes");

        // Zoom in on the actor that stands furthest from any other, so that no neighbour covers it, then click it.
        var target = await page.EvaluateAsync<string>("""
            (() => {
              const cy = window.dossierGraph;
              const nodes = cy.nodes().map(n => [n, n.position('x'), n.position('y')]);
              let best = null, bestGap = -1;
              for (const [n, x, y] of nodes) {
                let gap = Infinity;
                for (const [m, u, v] of nodes) if (m !== n) gap = Math.min(gap, (x - u) ** 2 + (y - v) ** 2);
                if (gap > bestGap) { bestGap = gap; best = n; }
              }
              cy.zoom(2);
              cy.center(best);
              return best.id();
            })()
            """);
        var name = await page.EvaluateAsync<string>($"window.dossierGraph.getElementById('{target}').data('name')");
        var box = await page.Locator("#graph").BoundingBoxAsync();
        var at = await page.EvaluateAsync<float[]>($"(() => {{ const p = window.dossierGraph.getElementById('{target}').renderedPosition(); return [p.x, p.y]; }})()");
        await page.Mouse.ClickAsync((float)(box!.X + at[0]), (float)(box.Y + at[1]));

        await Expect(page.Locator("#actor-name")).ToHaveTextAsync(name, new() { Timeout = 60_000 });
        await Expect(page.Locator("#ties")).ToBeVisibleAsync();
        tab.AssertClean();
    }
}
