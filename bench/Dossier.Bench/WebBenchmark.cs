using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dossier.Bench;

/// <summary>
/// <c>web [--articles N] [--requests R] [--concurrency C]</c>: the export benchmark's store of N
/// generated articles (built once, cached in the temp folder) copied to a store of its own, served
/// by the Release build of <c>dossier serve</c> in a process of its own, then every list of the
/// API hit R times by C concurrent clients over loopback. Prints the time until the server answers
/// with warm caches, and per endpoint the median, 95th and 99th percentile latency and the size.
/// </summary>
internal static class WebBenchmark
{
    public static async Task<int> RunAsync(int articles, int seed, int requests, int concurrency, string? only)
    {
        var exportStore = ExportBenchmark.EnsureStore(articles, seed);

        // A copy: the server may migrate the store it opens, and the export benchmark's store stays as that benchmark wrote it.
        var database = Path.Combine(Path.GetTempPath(), $"bench-web-{articles}-{seed}.db");
        if (!File.Exists(database))
        {
            File.Copy(exportStore, database + ".partial", overwrite: true);
            File.Move(database + ".partial", database);
        }

        var started = Stopwatch.StartNew();
        await using var server = await ServedStore.StartAsync(database);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(30) };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store {database}: {articles:N0} articles; server listening after {started.Elapsed.TotalSeconds:0.0} s"));

        // The server reads its lists and lays out the graph in the background as it starts; requests meanwhile wait.
        await client.GetStringAsync(new Uri("api/info", UriKind.Relative));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"caches warm (lists read, graph laid out) {started.Elapsed.TotalSeconds:0.0} s after start"));

        // The server starts the analyses once its lists are read; they keep a core busy for a few
        // minutes on a big store, so the pages are timed once they are done, as an analyst meets them later.
        await WaitForAnalysesAsync(client, started);
        var firstPage = await GraphBenchmark.FirstPageAsync(server.Address, 5);
        Console.WriteLine($"first page (graph page: HTML, scripts, /api/graph, drawn), Chromium headless, 5 loads: {firstPage}");

        var endpoints = await EndpointsAsync(client);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{requests} requests per endpoint, {concurrency} concurrent clients, loopback, after 3 warm-up requests each"));
        Console.WriteLine();
        Console.WriteLine("| endpoint | median ms | p95 ms | p99 ms | KB |");
        Console.WriteLine("|---|---|---|---|---|");
        var failed = false;
        foreach (var (name, path) in endpoints.Where(e => only is null || e.Name.Contains(only, StringComparison.Ordinal)))
        {
            if (name == "disputes")
            {
                await WaitForAnalysesAsync(client, started);
            }

            var result = await MeasureAsync(client, path, requests, concurrency);
            failed |= result.Failures > 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{name}` | {result.Median:0.0} | {result.P95:0.0} | {result.P99:0.0} | {result.Bytes / 1024.0:0.#} |{(result.Failures > 0 ? $" {result.Failures} failed: {result.Failure}" : "")}"));
        }

        return failed ? 1 : 0;
    }

    /// <summary>Every list the UI reads, with ids found in the store: the most mentioned actor, an article, deep pages.</summary>
    private static async Task<List<(string Name, string Path)>> EndpointsAsync(HttpClient client)
    {
        var actors = await client.GetFromJsonAsync<JsonElement>(new Uri("api/actors?limit=1", UriKind.Relative));
        var actor = actors.GetProperty("items")[0].GetProperty("id").GetString()!;
        var people = await client.GetFromJsonAsync<JsonElement>(new Uri("api/actors?kind=person&limit=1", UriKind.Relative));
        var speaker = Uri.EscapeDataString(people.GetProperty("items")[0].GetProperty("id").GetString()!);
        var articles = await client.GetFromJsonAsync<JsonElement>(new Uri("api/articles?limit=1&offset=5000", UriKind.Relative));
        var article = articles.GetProperty("items")[0].GetProperty("id").GetString()!;
        var events = await client.GetFromJsonAsync<JsonElement>(new Uri("api/events?limit=1", UriKind.Relative));
        var outlet = events.GetProperty("items")[0].GetProperty("outlet").GetString()!;
        var a = Uri.EscapeDataString(actor);
        var o = Uri.EscapeDataString(outlet);
        return
        [
            ("info", "api/info"),
            ("actors", "api/actors"),
            ("actors?q=", "api/actors?q=haftar"),
            ("graph", "api/graph"),
            ("graph?kinds&from&to", "api/graph?kinds=armed-group,person&from=2019-06-01&to=2019-12-31"),
            ("graph?outlet&minSources", $"api/graph?outlet={o}&minSources=1"),
            ("events", "api/events"),
            ("events?offset=400000", "api/events?offset=400000"),
            ("events?actor", $"api/events?actor={a}"),
            ("events?type&from&to (timeline)", "api/events?type=attack&from=2019-03-01&to=2019-04-30&limit=200"),
            ("events?located (map)", "api/events?located=true&limit=1000"),
            ("ties", "api/ties"),
            ("ties?actor", $"api/ties?actor={a}"),
            ("claims", "api/claims"),
            ("claims?offset=100000", "api/claims?offset=100000"),
            ("claims?by (most mentioned person)", $"api/claims?by={speaker}"),
            ("claims?by (an actor who never speaks)", $"api/claims?by={a}"),
            ("claims?about", $"api/claims?about={a}"),
            ("sources", "api/sources"),
            ("articles", "api/articles"),
            ("articles?offset=90000", "api/articles?offset=90000"),
            ("articles?outlet", $"api/articles?outlet={o}"),
            ("search", "api/search?q=shelled"),
            ("search rare", "api/search?q=%22Report%2012345%22"),
            ("articles/{id}", $"api/articles/{Uri.EscapeDataString(article)}"),

            // Last: these start the analyses (disputes, framing), which read every article in the background.
            ($"actors/{{id}} (most mentioned)", $"api/actors/{a}"),
            ("disputes", "api/disputes"),
            ("framing", "api/framing"),
        ];
    }

    /// <summary>The analyses (disputes, framing) run in the background once per store version; until they are done those lists answer 503. Waits up to an hour.</summary>
    internal static async Task WaitForAnalysesAsync(HttpClient client, Stopwatch started)
    {
        var waiting = Stopwatch.StartNew();
        while (waiting.Elapsed < TimeSpan.FromHours(1))
        {
            using var response = await client.GetAsync(new Uri("api/disputes?limit=1", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| (analyses ready {started.Elapsed.TotalSeconds:0} s after the server started) | | | | |"));
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    private sealed record Result(double Median, double P95, double P99, long Bytes, int Failures, string? Failure);

    private static async Task<Result> MeasureAsync(HttpClient client, string path, int requests, int concurrency)
    {
        var uri = new Uri(path, UriKind.Relative);
        var failures = 0;
        string? failure = null;
        long bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            using var warm = await client.GetAsync(uri);
            bytes = (await warm.Content.ReadAsByteArrayAsync()).Length;
            if (!warm.IsSuccessStatusCode)
            {
                return new Result(double.NaN, double.NaN, double.NaN, bytes, 1, $"{(int)warm.StatusCode} {await warm.Content.ReadAsStringAsync()}");
            }
        }

        var times = new double[requests];
        var next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
                await response.Content.ReadAsByteArrayAsync();
                times[i] = watch.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    failure = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        Array.Sort(times);
        return new Result(Percentile(times, 0.5), Percentile(times, 0.95), Percentile(times, 0.99), bytes, failures, failure);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
