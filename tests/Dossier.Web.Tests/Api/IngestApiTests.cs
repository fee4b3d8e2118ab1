using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dossier.Web.Tests.Api;

[Collection(DemoServerCollection.Name)]
public sealed class IngestApiTests(DemoServer demo)
{
    private const string Article = """
        Fighting near Sirte

        Forces of the Libyan National Army clashed with militias near Sirte on Monday, a spokesman said.
        "We will not stop," the spokesman told reporters in Benghazi.
        """;

    [Fact]
    public async Task A_read_only_server_refuses_ingest()
    {
        using var response = await demo.Client.SendAsync(Post(demo.ReadOnly, new { text = Article }, DemoServer.Token));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "--allow-ingest");
    }

    [Theory]
    [InlineData(null, "Authorization: Bearer")]
    [InlineData("wrong-token-000", "Authorization: Bearer")]
    public async Task Ingest_without_the_token_is_unauthorized(string? token, string detail)
    {
        using var client = new HttpClient();
        using var response = await client.SendAsync(Post(demo.Writable, new { text = Article }, token));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, detail);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task Ingest_without_the_client_header_is_forbidden_so_other_sites_cannot_post_forms()
    {
        using var client = new HttpClient();
        var request = Post(demo.Writable, new { text = Article }, DemoServer.Token);
        request.Headers.Remove("X-Dossier-Client");

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "X-Dossier-Client");
    }

    [Fact]
    public async Task Ingest_larger_than_the_limit_is_refused()
    {
        using var client = new HttpClient();
        using var response = await client.SendAsync(Post(demo.Writable, new { text = new string('x', 1_200_000) }, DemoServer.Token));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "at most 1 MB");
    }

    [Fact]
    public async Task Pasted_text_is_stored_linked_and_searchable()
    {
        using var client = new HttpClient();
        using var response = await client.SendAsync(Post(demo.Writable, new { text = Article, title = "Fighting near Sirte", outlet = "Test Wire" }, DemoServer.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("stored").GetInt32() + result.GetProperty("duplicates").GetInt32());
        var search = await client.GetFromJsonAsync<JsonElement>(new Uri(demo.Writable.Address, "api/search?q=Sirte"));
        Assert.Contains(search.GetProperty("articles").GetProperty("items").EnumerateArray(), a => a.GetProperty("title").GetString() == "Fighting near Sirte");
    }

    [Fact]
    public async Task Uploaded_files_are_read_like_the_cli_reads_them_with_refusals_named_by_file()
    {
        using var client = new HttpClient();
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Libya report\n\nThe Government of National Accord met in Tripoli on Tuesday to discuss the war with the Libyan National Army.")), "files", "../../report.txt" },
            { new ByteArrayContent([]), "files", "empty.txt" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(demo.Writable.Address, "api/ingest")) { Content = form };
        request.Headers.Add("X-Dossier-Client", "test");
        request.Headers.Authorization = new("Bearer", DemoServer.Token);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("files").GetInt32());
        var refusals = result.GetProperty("refusals").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(refusals, r => r.Contains("empty.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(refusals, r => r.Contains("dossier-upload-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_beyond_the_rate_limit_is_told_to_wait()
    {
        var database = demo.CopyOfDemo("rate-limited.db");
        await using var server = await DossierServer.StartAsync(new DossierWebOptions { DatabasePath = database, Port = 0, AllowIngest = true, IngestRequestsPerMinute = 1 }, CancellationToken.None);
        using var client = new HttpClient();

        using var first = await client.SendAsync(Post(server, new { text = "" }, null));
        using var second = await client.SendAsync(Post(server, new { text = "" }, null));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.TooManyRequests, "ingest requests a minute");
    }

    [Theory]
    [InlineData("192.168.1.5", "not a loopback address")]
    [InlineData("0.0.0.0", "not a loopback address")]
    public void The_server_refuses_to_listen_beyond_this_machine(string host, string reason)
    {
        var problem = DossierServer.Check(new DossierWebOptions { DatabasePath = demo.DemoDatabase, Host = host });

        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(DossierServer server, object body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "api/ingest")) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Dossier-Client", "test");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
