using System.Diagnostics;
using System.Globalization;
using Dossier.Testing;
using Microsoft.Playwright;

namespace Dossier.Bench;

/// <summary>
/// <c>web-graph [--actors N] [--ties M]</c>: a generated store of N actors and M ties (the browser
/// test's), served by the Release build of <c>dossier serve</c>; then, in headless Chromium, how
/// long the graph page takes until the graph is drawn, and how long frames take while the graph
/// is panned and zoomed (requestAnimationFrame intervals). Also <c>web-first-page</c> timing of the
/// 100,000-article store's first page is in <see cref="FirstPageAsync"/>.
/// </summary>
internal static class GraphBenchmark
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<int> RunAsync(int actors, int ties)
    {
        var database = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"bench-graph-{actors}-{ties}.db"));
        if (!File.Exists(database))
        {
            var watch = Stopwatch.StartNew();
            LargeGraphStore.Build(database + ".partial", actors, ties);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Move(database + ".partial", database);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {database} in {watch.Elapsed.TotalSeconds:0.0} s"));
        }

        await using var server = await ServedStore.StartAsync(database);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(10) };
        var started = Stopwatch.StartNew();
        var json = await client.GetStringAsync(new Uri("api/graph?limit=5000&maxTies=10000", UriKind.Relative));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server: graph read and laid out {started.Elapsed.TotalSeconds:0.00} s after start (once per store version); /api/graph is {json.Length / 1024.0:0} KB"));
        started.Restart();
        await client.GetStringAsync(new Uri("api/graph?limit=5000&maxTies=10000", UriKind.Relative));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server: /api/graph?limit=5000&maxTies=10000 again {started.Elapsed.TotalMilliseconds:0} ms"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        for (var run = 0; run < 3; run++)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var load = Stopwatch.StartNew();
            await page.GotoAsync(new Uri(server.Address, "/?limit=5000&maxTies=10000").ToString());
            await page.Locator("#graph[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });

            // One frame after ready: the first paint of the graph.
            await page.EvaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var drawn = load.Elapsed.TotalMilliseconds;
            var counts = await page.EvaluateAsync<int[]>("[window.dossierGraph.nodes().length, window.dossierGraph.edges().length]");
            var timings = await page.EvaluateAsync<double[]>("[window.dossierTimings.fetched, window.dossierTimings.built]");

            // Pan and zoom by script, 60 steps, one per animation frame, and record each frame's interval.
            var frames = await page.EvaluateAsync<double[]>(FramesWhile("""
                const cy = window.dossierGraph;
                const move = step => {
                  if (step < 30) cy.panBy({ x: 15, y: 10 });
                  else cy.zoom({ level: cy.zoom() * 1.04, renderedPosition: { x: 700, y: 450 } });
                };
                """));
            Array.Sort(frames);

            // A click on a node: time until the dossier page has its name.
            var hub = await page.EvaluateAsync<float[]>("""
                (() => { const cy = window.dossierGraph; const hub = cy.nodes().max(n => n.degree()).ele; cy.zoom({ level: 2, position: hub.position() }); cy.center(hub);
                         const p = hub.renderedPosition(); return [p.x, p.y]; })()
                """);
            var box = await page.Locator("#graph").BoundingBoxAsync();
            var click = Stopwatch.StartNew();
            await page.Mouse.ClickAsync(box!.X + hub[0], box.Y + hub[1]);
            await page.Locator("#actor-name").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            var opened = click.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run + 1}: {counts[0]:N0} nodes, {counts[1]:N0} edges drawn {drawn:0} ms after navigation (/api/graph fetched and parsed in {timings[0]:0} ms, Cytoscape built in {timings[1]:0} ms); pan/zoom frames median {Percentile(frames, 0.5):0.0} ms, p95 {Percentile(frames, 0.95):0.0} ms, max {frames[^1]:0.0} ms; node click to dossier {opened:0} ms"));
            await page.CloseAsync();
        }

        // The still picture alone (Cytoscape's module refused): frames while it is zoomed by the wheel, 60 steps.
        foreach (var (address, what) in new[] { ("/?limit=5000&maxTies=10000", $"{actors:N0} actors and {ties:N0} ties"), ("/", "the first page (300 actors, 600 ties)") })
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            await page.RouteAsync("**/cytoscape.esm.min.mjs", route => route.AbortAsync());
            await page.GotoAsync(new Uri(server.Address, address).ToString());
            await page.Locator("#graph[data-preview='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            var frames = await page.EvaluateAsync<double[]>(FramesWhile("""
                const canvas = document.querySelector('#graph canvas.graph-preview');
                const box = canvas.getBoundingClientRect();
                const move = step => canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: step < 30 ? -20 : 20, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, cancelable: true }));
                """));
            Array.Sort(frames);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"still picture of {what} zoomed by the wheel: frames median {Percentile(frames, 0.5):0.0} ms, p95 {Percentile(frames, 0.95):0.0} ms, max {frames[^1]:0.0} ms"));
            await page.CloseAsync();
        }

        var firstPage = await FirstPageAsync(server.Address, 5);
        Console.WriteLine($"first page (the default view: the 300 most mentioned actors, the 600 strongest ties), 5 loads: {firstPage}");
        return 0;
    }

    /// <summary>
    /// <c>web-first-page [--db STORE] [--runs N]</c>: only the first page of a served store (the graph
    /// benchmark's by default), once the server's caches are warm: for trying changes to the page.
    /// </summary>
    public static async Task<int> FirstPageOnlyAsync(string? database, int runs, bool profile = false)
    {
        database ??= Path.Combine(Path.GetTempPath(), "bench-graph-2000-10000.db");
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"{database} is missing: run the web-graph benchmark once, or give --db");
            return 2;
        }

        var started = Stopwatch.StartNew();
        await using var server = await ServedStore.StartAsync(database);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(30) };
        await client.GetStringAsync(new Uri("api/info", UriKind.Relative));
        await client.GetStringAsync(new Uri("api/graph", UriKind.Relative));

        // The analyses the server starts would take a core from the browser.
        await WebBenchmark.WaitForAnalysesAsync(client, started);
        if (profile)
        {
            await ProfileFirstPageAsync(server.Address);
            return 0;
        }

        var times = await FirstPageAsync(server.Address, runs);
        Console.WriteLine($"first page of {database}, {runs} loads: {times}");
        return 0;
    }

    /// <summary>Where the browser's main thread spends the first page: V8's sampling profiler, self time by function, top 30.</summary>
    private static async Task ProfileFirstPageAsync(Uri address)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("Profiler.enable");
        await session.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 200 });
        await session.SendAsync("Profiler.start");
        await page.GotoAsync(address.ToString());
        await page.Locator("#graph[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await page.EvaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        var result = await session.SendAsync("Profiler.stop");
        var profile = result!.Value.GetProperty("profile");
        var names = new Dictionary<int, string>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            var frame = node.GetProperty("callFrame");
            var url = frame.GetProperty("url").GetString() ?? "";
            names[node.GetProperty("id").GetInt32()] = $"{frame.GetProperty("functionName").GetString()} {url[(url.LastIndexOf('/') + 1)..]}:{frame.GetProperty("lineNumber").GetInt32()}:{frame.GetProperty("columnNumber").GetInt32()}";
        }

        var self = new Dictionary<string, double>();
        var samples = profile.GetProperty("samples").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(e => e.GetDouble()).ToList();
        for (var i = 1; i < samples.Count; i++)
        {
            var name = names[samples[i - 1]];
            self[name] = self.GetValueOrDefault(name) + deltas[i] / 1000.0;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sampled {deltas.Sum() / 1000.0:0} ms; self time by function:"));
        foreach (var (name, ms) in self.OrderByDescending(p => p.Value).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:0.0} ms  {name}"));
        }
    }

    /// <summary>
    /// The first page of a served store, as a user with a warm server meets it: time from navigation
    /// until the graph is visible (the still picture of a big graph, or Cytoscape's first frame) and
    /// until Cytoscape has drawn it and it pans and zooms, by the page's clock.
    /// </summary>
    public static async Task<FirstPageTimes> FirstPageAsync(Uri address, int runs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var visible = new List<double>();
        var ready = new List<double>();
        var answering = new List<double>();
        var blocked = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });

            // Every task that holds the page's thread for over 50 ms, from navigation on: input waits for it.
            await page.AddInitScriptAsync("""
                window.benchLongTasks = [];
                new PerformanceObserver(list => { for (const t of list.getEntries()) window.benchLongTasks.push([t.startTime, t.duration]); })
                  .observe({ type: 'longtask', buffered: true });
                """);
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(address.ToString());
            await page.Locator("#graph[data-ready='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            await page.EvaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var outside = watch.Elapsed.TotalMilliseconds;

            // The page's own clock (ms since navigation began): the benchmark's polling cannot see
            // the still picture while Cytoscape's building holds the page's only thread.
            var parts = await page.EvaluateAsync<double[]>("""
                (() => { const t = window.dossierTimings;
                         return [performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, t.started, t.fetched, t.built, t.visibleAt, t.drawnAt]; })()
                """);
            visible.Add(parts[4]);
            ready.Add(parts[5]);

            // Let the page settle, then: the longest task once the graph was visible, and when the last one ended.
            await page.WaitForTimeoutAsync(1500);
            var tasks = await page.EvaluateAsync<double[][]>("window.benchLongTasks");
            var afterVisible = tasks.Where(t => t[0] + t[1] > parts[4]).ToList();
            var longest = afterVisible.Count == 0 ? 0 : afterVisible.Max(t => t[1]);
            var quietFrom = tasks.Length == 0 ? 0 : tasks.Max(t => t[0] + t[1]);
            answering.Add(Math.Max(parts[4], quietFrom));
            blocked.Add(longest);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  load {run + 1}: visible at {parts[4]:0} ms, drawn by Cytoscape at {parts[5]:0} ms (seen by the benchmark at {outside:0} ms); page parsed at {parts[0]:0} ms, graph script started at {parts[1]:0} ms, graph data and Cytoscape ready {parts[2]:0} ms after that, Cytoscape built in {parts[3]:0} ms; "
                + $"tasks over 50 ms: {string.Join(", ", tasks.Select(t => $"{t[0]:0}+{t[1]:0}"))}; no task over 50 ms after {quietFrom:0} ms"));
            await page.CloseAsync();
        }

        visible.Sort();
        ready.Sort();
        answering.Sort();
        blocked.Sort();
        return new FirstPageTimes(visible[visible.Count / 2], visible[^1], ready[ready.Count / 2], ready[^1], answering[answering.Count / 2], answering[^1], blocked[blocked.Count / 2], blocked[^1]);
    }

    /// <summary>
    /// Medians and slowest of the first page's loads, in ms: until visible; until Cytoscape has drawn
    /// the graph; until the page answers input at once (visible, and no task over 50 ms after); and
    /// the longest task once the graph was visible (how long a click or a drag could wait).
    /// </summary>
    public readonly record struct FirstPageTimes(double VisibleMedian, double VisibleMax, double ReadyMedian, double ReadyMax, double AnsweringMedian, double AnsweringMax, double LongestTaskMedian, double LongestTaskMax)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"visible median {VisibleMedian:0} ms (slowest {VisibleMax:0} ms); drawn by Cytoscape median {ReadyMedian:0} ms (slowest {ReadyMax:0} ms); answers input at once from median {AnsweringMedian:0} ms (slowest {AnsweringMax:0} ms); longest task once visible median {LongestTaskMedian:0} ms (slowest {LongestTaskMax:0} ms)");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });

    /// <summary>
    /// A page script that defines <c>move(step)</c> with <paramref name="setUp"/>, calls it once per
    /// animation frame for 60 steps, and resolves to the frames' intervals (ms).
    /// </summary>
    private static string FramesWhile(string setUp) => $$"""
        (() => {
          {{setUp}}
          return new Promise(resolve => {
            const times = [];
            let last = performance.now();
            let step = 0;
            function frame(now) {
              times.push(now - last);
              last = now;
              move(step);
              if (++step < 60) requestAnimationFrame(frame); else resolve(times.slice(1));
            }
            requestAnimationFrame(frame);
          });
        })()
        """;

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>A store served by the Release build of <c>dossier serve</c> in a process of its own, on a free loopback port.</summary>
internal sealed class ServedStore : IAsyncDisposable
{
    private readonly Process process;

    private ServedStore(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServedStore> StartAsync(string database)
    {
        var dossier = Path.Combine(Program.RepositoryRoot(), "src", "Dossier.Cli", "bin", "Release", "net10.0", "dossier");
        if (!File.Exists(dossier))
        {
            throw new InvalidOperationException($"{dossier} is missing: dotnet build src/Dossier.Cli -c Release");
        }

        var port = WebBenchmark.FreePort();
        var process = Process.Start(new ProcessStartInfo(dossier, ["serve", "--db", database, "--port", port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = address };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"dossier serve exited: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                // The OpenAPI document answers as soon as the server listens, before its caches are warm.
                using var response = await client.GetAsync(new Uri("openapi/v1.json", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return new ServedStore(process, address);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
