using Microsoft.Playwright;

namespace Dossier.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, with every request that leaves 127.0.0.1
/// refused and recorded, and every console error, page error and dialog recorded: a page that
/// loads something from the internet, breaks its CSP or runs injected script fails its test.
/// Playwright never downloads a browser here: the executable is given.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"the browser tests need Chromium at {Chromium}: apt-get install -y chromium (.ci/run does)");
        }

        // CI shares two cores with the build of other test assemblies: give pages time to settle.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>One page with its problems recorded.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext context;

    private WatchedPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> Problems { get; } = [];

    public List<string> Dialogs { get; } = [];

    /// <summary>A page 1400 by 900 CSS pixels unless told otherwise (a phone is 390 by 844).</summary>
    public static async Task<WatchedPage> OpenAsync(BrowserSession session, int width = 1400, int height = 900)
    {
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var watched = new WatchedPage(context, page);
        await context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "127.0.0.1" or "localhost" || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                watched.Problems.Add($"request to another host: {route.Request.Url}");
                await route.AbortAsync();
            }
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watched.Problems.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => watched.Problems.Add($"page error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            watched.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        return watched;
    }

    public async Task GotoAsync(Uri address)
    {
        var response = await Page.GotoAsync(address.ToString());
        Assert.True(response is { Ok: true }, $"{address}: {response?.Status}");
    }

    /// <summary>Waits for a page's script to mark it ready; if it never does, says what went wrong on the page.</summary>
    public async Task WaitReadyAsync(string selector, float timeout = 15000)
    {
        try
        {
            await Page.Locator(selector).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = timeout });
        }
        catch (TimeoutException exception)
        {
            throw new InvalidOperationException($"{Page.Url} never became ready ({selector}): {string.Join("; ", Problems)} / page says: {await Page.Locator("body").InnerTextAsync()}", exception);
        }
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "artifacts", name), FullPage = false });

    /// <summary>No request left this machine, nothing was logged as an error, no dialog opened.</summary>
    public void AssertClean()
    {
        Assert.True(Problems.Count == 0, string.Join("\n", Problems));
        Assert.True(Dialogs.Count == 0, "dialogs opened: " + string.Join("\n", Dialogs));
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
