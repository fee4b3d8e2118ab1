using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dossier.Web.Tests;

/// <summary>
/// The token from a file or the environment, checked on the real server: a write without it is
/// refused, a write with it passes the check, and the log names the caller but never the token.
/// </summary>
[Collection(DemoServerCollection.Name)]
public sealed class ServerTokenTests(DemoServer demo)
{
    private const string Article = """
        Talks in Tripoli

        The Government of National Accord met envoys in Tripoli on Tuesday, a spokesman said.
        """;

    [Fact]
    public async Task A_token_file_gives_its_first_line_trimmed_and_the_server_requires_it()
    {
        const string Token = "token-from-file-5678";
        var file = Path.Combine(Path.GetTempPath(), $"dossier-token-{Environment.ProcessId}-file.txt");
        await File.WriteAllTextAsync(file, $"  {Token}  \nsecond line is ignored\n");
        try
        {
            Assert.Null(ServerToken.TryResolve(null, file, null, out var token));
            Assert.Equal(Token, token);

            await AssertServerRequiresAsync(token!, "token-file.db");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_environment_variable_gives_the_token_when_no_option_does_and_the_server_requires_it()
    {
        const string Token = "token-from-environment-9012";
        var before = Environment.GetEnvironmentVariable(ServerToken.EnvironmentVariable);
        Environment.SetEnvironmentVariable(ServerToken.EnvironmentVariable, Token);
        try
        {
            Assert.Null(ServerToken.TryResolve(null, null, Environment.GetEnvironmentVariable(ServerToken.EnvironmentVariable), out var token));
            Assert.Equal(Token, token);
            Assert.Null(ServerToken.TryResolve("token-from-option-3456", null, Environment.GetEnvironmentVariable(ServerToken.EnvironmentVariable), out var overridden));
            Assert.Equal("token-from-option-3456", overridden);

            await AssertServerRequiresAsync(token!, "token-environment.db");
        }
        finally
        {
            Environment.SetEnvironmentVariable(ServerToken.EnvironmentVariable, before);
        }
    }

    [Theory]
    [InlineData(false, "no such file")]
    [InlineData(true, "the first line is empty")]
    public async Task A_missing_or_empty_token_file_is_a_one_line_error(bool exists, string reason)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dossier-token-{Environment.ProcessId}-{exists}.txt");
        if (exists)
        {
            await File.WriteAllTextAsync(file, "   \nthe token is not on the second line\n");
        }

        try
        {
            var problem = ServerToken.TryResolve(null, file, "token-from-environment-9012", out var token);

            Assert.Null(token);
            Assert.Contains(reason, problem, StringComparison.Ordinal);
            Assert.StartsWith("--token-file " + file, problem, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", problem!, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_token_given_both_as_an_option_and_a_file_is_refused()
    {
        var problem = ServerToken.TryResolve("token-from-option-3456", "token.txt", null, out var token);

        Assert.Null(token);
        Assert.Contains("not both", problem, StringComparison.Ordinal);
    }

    private async Task AssertServerRequiresAsync(string token, string database)
    {
        using var log = new StringWriter();
        await using var server = await DossierServer.StartAsync(new DossierWebOptions
        {
            DatabasePath = demo.CopyOfDemo(database), Port = 0, AllowIngest = true, Token = token, Log = log,
        }, CancellationToken.None);
        using var client = new HttpClient();

        using var refused = await client.SendAsync(Post(server, Article, "not-the-token-0000"));
        using var ingested = await client.SendAsync(Post(server, Article, token));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ingested.StatusCode);
        var result = await ingested.Content.ReadFromJsonAsync<JsonElement>();
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("127.0.0.1 ingest refused (401)", lines[0], StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1 ingest: 1 files, {result.GetProperty("stored").GetInt32()} articles stored", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ", lines[1]);
        Assert.DoesNotContain(token, log.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token-0000", log.ToString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(DossierServer server, string text, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "api/ingest")) { Content = JsonContent.Create(new { text }) };
        request.Headers.Add("X-Dossier-Client", "test");
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }
}
