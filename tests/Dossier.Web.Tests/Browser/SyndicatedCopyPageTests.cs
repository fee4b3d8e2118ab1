using Dossier.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Web.Tests.Browser;

/// <summary>The dossier page on a store of one report and its syndicated copy, in Chromium.</summary>
[Trait(TestTier.Name, TestTier.Integration)]
public sealed class SyndicatedCopyPageTests(CopiedStoreServer copies, BrowserSession browser) : IClassFixture<CopiedStoreServer>, IClassFixture<BrowserSession>, IAsyncLifetime
{
    private WatchedPage tab = null!;

    public async Task InitializeAsync() => tab = await WatchedPage.OpenAsync(browser);

    public async Task DisposeAsync() => await tab.DisposeAsync();

    [Fact]
    public async Task A_dossier_shows_each_tie_sentence_the_copy_repeats_once_in_two_outlets_naming_the_copys_outlet()
    {
        var ties = (await copies.ItemsAsync("api/ties")).ToList();
        var actor = ties.SelectMany(t => new[] { t.GetProperty("source"), t.GetProperty("target") })
            .Select(a => a.GetProperty("id").GetString()).OfType<string>()
            .GroupBy(id => id, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var sentences = (await copies.GetJsonAsync($"api/actors/{actor}")).GetProperty("ties").GetArrayLength();

        await tab.GotoAsync(new Uri(copies.Server.Address, $"/actor.html?id={actor}"));
        await tab.WaitReadyAsync("#actor[data-ready='true']");

        var page = tab.Page;
        // The sentences are folded under their ties: read as text, not as what is shown.
        var evidence = page.Locator("#roles > li details .evidence-block, #ties > li details .evidence-block");
        Assert.Equal(sentences, await evidence.CountAsync());
        Assert.All(await page.Locator("#roles > li details summary, #ties > li details summary").AllInnerTextsAsync(),
            summary => Assert.EndsWith("in 2 outlets", summary, StringComparison.Ordinal));
        Assert.All(await evidence.Locator(".copied-by").AllTextContentsAsync(),
            line => Assert.Equal($"also in a copy by {CopiedStoreServer.Copier}", line));
        Assert.Equal(sentences, await evidence.Locator(".copied-by").CountAsync());
        await Expect(page.Locator("#ties-heading")).Not.ToContainTextAsync($"stated in {2 * sentences}");
        tab.AssertClean();
    }
}
