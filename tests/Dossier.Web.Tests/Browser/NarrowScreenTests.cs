using static Microsoft.Playwright.Assertions;
using Dossier.Tests.Shared;

namespace Dossier.Web.Tests.Browser;

/// <summary>Every page on a phone's screen (390 by 844 CSS pixels): nothing wider than the screen, the graph on it.</summary>
[Trait(TestTier.Name, TestTier.Integration)]
[Collection(DemoServerCollection.Name)]
public sealed class NarrowScreenTests(DemoServer demo, BrowserSession browser) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const int Width = 390;
    private const int Height = 844;

    private WatchedPage tab = null!;

    public async Task InitializeAsync() => tab = await WatchedPage.OpenAsync(browser, Width, Height);

    public async Task DisposeAsync() => await tab.DisposeAsync();

    [Theory]
    [InlineData("/", "#graph[data-ready='true']")]
    [InlineData("/actor.html?id={haftar}", "#actor[data-ready='true']")]
    [InlineData("/article.html?id={article}", "#article[data-ready='true']")]
    [InlineData("/events.html", "main[data-ready='true']")]
    [InlineData("/sources.html", "#sources[data-ready='true']")]
    [InlineData("/disputes.html", "#disputes[data-ready='true']")]
    [InlineData("/search.html?q=Haftar", "#results[data-ready='true']")]
    [InlineData("/ingest.html", "#ingest-state:not(:has-text('Loading'))")]
    public async Task A_page_on_a_phone_is_no_wider_than_the_screen(string path, string ready)
    {
        await tab.GotoAsync(new Uri(demo.ReadOnly.Address, await ResolveAsync(path)));
        await tab.WaitReadyAsync(ready);
        await tab.Page.WaitForTimeoutAsync(200);

        var widths = await tab.Page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path}: the page is {widths[0]} px wide on a {widths[1]} px screen; widest: {await WidestAsync()}");
        await Expect(tab.Page.Locator("header.top")).ToBeInViewportAsync(new() { Ratio = 0.99f });
        await tab.ScreenshotAsync($"narrow{path.Split('?')[0].Replace('/', '-').Replace(".html", "", StringComparison.Ordinal)}.png");
        tab.AssertClean();
    }

    [Fact]
    public async Task The_graph_on_a_phone_is_on_the_screen_and_large_enough_to_use()
    {
        await tab.GotoAsync(new Uri(demo.ReadOnly.Address, "/"));
        await tab.WaitReadyAsync("#graph[data-ready='true']");

        var graph = tab.Page.Locator("#graph canvas").First;
        await Expect(graph).ToBeInViewportAsync(new() { Ratio = 0.5f });
        var box = await tab.Page.Locator("#graph").BoundingBoxAsync();
        Assert.True(box!.Width >= Width - 40 && box.Height >= 300, $"the graph is {box.Width}x{box.Height} at ({box.X}, {box.Y})");
        Assert.True(box.Y < Height / 2, $"the graph starts {box.Y} px down a {Height} px screen");
        tab.AssertClean();
    }

    private async Task<string> ResolveAsync(string path)
    {
        if (path.Contains("{haftar}", StringComparison.Ordinal))
        {
            var found = await demo.GetJsonAsync("/api/actors?q=Khalifa%20Haftar");
            return path.Replace("{haftar}", found.GetProperty("items")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
        }

        if (path.Contains("{article}", StringComparison.Ordinal))
        {
            var articles = await demo.GetJsonAsync("/api/articles?limit=1");
            return path.Replace("{article}", articles.GetProperty("items")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>The element that reaches furthest right, to say what overflows.</summary>
    private Task<string> WidestAsync() => tab.Page.EvaluateAsync<string>("""
        (() => {
          let widest = null, right = 0;
          for (const e of document.querySelectorAll('body *')) {
            const r = e.getBoundingClientRect().right;
            if (r > right) { right = r; widest = e; }
          }
          return widest ? `${widest.tagName.toLowerCase()}#${widest.id}.${widest.className} reaches ${Math.round(right)} px` : 'none';
        })()
        """);
}
