using Dossier.Testing;
using static Microsoft.Playwright.Assertions;

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
public sealed class LargeGraphTests(LargeGraphServer large, BrowserSession browser) : IClassFixture<LargeGraphServer>, IClassFixture<BrowserSession>, IAsyncLifetime
{
    private WatchedPage tab = null!;

    public async Task InitializeAsync() => tab = await WatchedPage.OpenAsync(browser);

    public async Task DisposeAsync() => await tab.DisposeAsync();

    [Fact]
    public async Task A_graph_of_2000_actors_and_10000_ties_is_drawn_at_the_server_positions_and_a_node_opens_its_dossier()
    {
        await tab.GotoAsync(new Uri(large.Server.Address, "/?limit=5000"));
        await tab.WaitReadyAsync("#graph[data-ready='true']");
        var page = tab.Page;

        Assert.Equal(LargeGraphServer.Actors, await page.EvaluateAsync<int>("window.dossierGraph.nodes().length"));
        Assert.Equal(LargeGraphServer.Ties, await page.EvaluateAsync<int>("window.dossierGraph.edges().length"));

        // Placed by the server's layout, not piled up: the nodes spread over an area many node widths across.
        var spread = await page.EvaluateAsync<double>("(() => { const b = window.dossierGraph.nodes().boundingBox(); return Math.min(b.w, b.h); })()");
        Assert.True(spread > 2_000, $"nodes spread over only {spread} units");
        var distinct = await page.EvaluateAsync<int>("new Set(window.dossierGraph.nodes().map(n => `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`)).size");
        Assert.True(distinct > LargeGraphServer.Actors * 0.99, $"{distinct} distinct positions for {LargeGraphServer.Actors} nodes");

        // Zoom in on the most connected actor so that it is big enough to hit, then click it.
        var target = await page.EvaluateAsync<string>("""
            (() => {
              const cy = window.dossierGraph;
              const hub = cy.nodes().max(n => n.degree()).ele;
              cy.zoom({ level: 2, position: hub.position() });
              cy.center(hub);
              return hub.id();
            })()
            """);
        var name = await page.EvaluateAsync<string>($"window.dossierGraph.getElementById('{target}').data('name')");
        var box = await page.Locator("#graph").BoundingBoxAsync();
        var at = await page.EvaluateAsync<float[]>($"(() => {{ const p = window.dossierGraph.getElementById('{target}').renderedPosition(); return [p.x, p.y]; }})()");
        await page.Mouse.ClickAsync(box!.X + at[0], box.Y + at[1]);

        await Expect(page.Locator("#actor-name")).ToHaveTextAsync(name);
        await Expect(page.Locator("#ties")).ToBeVisibleAsync();
        tab.AssertClean();
    }
}
