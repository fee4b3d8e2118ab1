using System.Net;
using System.Net.Http.Json;

namespace Dossier.Web.Tests;

[Collection(DemoServerCollection.Name)]
public sealed class ServerLogTests(DemoServer demo)
{
    private const string Token = "token-for-the-log-2468";

    [Fact]
    public async Task An_ingest_of_a_syndicated_copy_is_logged_as_a_copy_stored_not_as_nothing_stored()
    {
        var original = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "libya", "000_ac65af662f8ebc5c.txt"));
        var copy = original.Replace("The main goal of the group", "The chief goal of the group", StringComparison.Ordinal);
        Assert.NotEqual(original, copy);
        using var log = new StringWriter();
        await using var server = await DossierServer.StartAsync(new DossierWebOptions
        {
            DatabasePath = demo.CopyOfDemo("log.db"), Port = 0, AllowIngest = true, Token = Token, Log = log,
        }, CancellationToken.None);
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "api/ingest")) { Content = JsonContent.Create(new { text = copy, outlet = "Mirror Daily" }) };
        request.Headers.Add("X-Dossier-Client", "test");
        request.Headers.Authorization = new("Bearer", Token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = Assert.Single(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("ingest: 1 files, 0 articles stored, 1 near-duplicates stored as copies, 0 duplicates, 0 refused; the store holds 6 articles", line, StringComparison.Ordinal);
    }
}
