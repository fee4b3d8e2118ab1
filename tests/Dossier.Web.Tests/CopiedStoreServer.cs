using System.Net.Http.Json;
using System.Text.Json;

namespace Dossier.Web.Tests;

/// <summary>
/// A syndicated copy as a user meets it: sample report 000 under its outlet and, a day later, a copy
/// of it under another outlet with one word changed, ingested into a real SQLite store (which
/// marks the second as a copy of the first) and served by the real server, read-only.
/// </summary>
public sealed class CopiedStoreServer : IAsyncLifetime
{
    public const string Original = "South Front";

    public const string Copier = "Mirror Daily";

    public const string OriginalDay = "2020-03-20";

    public const string CopyDay = "2020-03-21";

    private readonly string root = Directory.CreateTempSubdirectory("dossier-web-copies-").FullName;

    public DossierServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "libya", "000_ac65af662f8ebc5c.txt"));

        // A word changed in a sentence no extractor reads a fact from: the copy repeats every fact
        // of its original, and is near its original, not the same text.
        var copy = text.Replace("The main goal of the group", "The chief goal of the group", StringComparison.Ordinal);
        Assert.NotEqual(text, copy);
        var feed = Path.Combine(root, "copies.jsonl");
        await File.WriteAllLinesAsync(feed,
        [
            JsonSerializer.Serialize(new { title = "LNA ambush", outlet = Original, published = OriginalDay, text }),
            JsonSerializer.Serialize(new { title = "LNA ambush (syndicated)", outlet = Copier, published = CopyDay, text = copy }),
        ]);
        var database = Path.Combine(root, "copies.db");
        var report = DemoServer.IngestAndLink(database, feed);
        // A near-duplicate is stored too, as a copy of its original.
        Assert.Equal((1, 1), (report.Stored, report.NearDuplicates));

        Server = await DossierServer.StartAsync(new DossierWebOptions { DatabasePath = database, Port = 0 }, CancellationToken.None);
        Client = new HttpClient { BaseAddress = Server.Address };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The items of a paged list, all of them.</summary>
    public async Task<List<JsonElement>> ItemsAsync(string path)
    {
        var page = await GetJsonAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=1000");
        Assert.False(page.GetProperty("more").GetBoolean(), path);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
