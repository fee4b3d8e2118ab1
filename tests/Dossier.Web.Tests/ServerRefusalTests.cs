using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Dossier.Web.Tests;

[Collection(DemoServerCollection.Name)]
public sealed class ServerRefusalTests(DemoServer demo)
{
    [Theory]
    [InlineData("DELETE", "api/actors", "GET")]
    [InlineData("POST", "api/graph", "GET")]
    [InlineData("GET", "api/ingest", "POST")]
    public async Task A_wrong_method_on_an_api_path_is_405_with_the_allowed_methods(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(demo.Writable.Address, path));

        using var response = await demo.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains(allowed, response.Content.Headers.Allow);
        await AssertDetailAsync(response, allowed);
    }

    [Fact]
    public async Task Ingest_in_a_content_type_it_does_not_read_is_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(demo.Writable.Address, "api/ingest"))
        {
            Content = new StringContent("Fighting near Sirte", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("X-Dossier-Client", "test");
        request.Headers.Authorization = new("Bearer", DemoServer.Token);

        using var response = await demo.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await AssertDetailAsync(response, "application/json");
    }

    [Fact]
    public async Task An_unknown_path_is_still_404()
    {
        using var response = await demo.Client.PostAsJsonAsync(new Uri("api/no/such/path", UriKind.Relative), new { });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertDetailAsync(response, "no such API path");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST")]
    [InlineData("[::1]")]
    public async Task The_loopback_host_names_are_served_on_any_port(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(demo.ReadOnly.Address, "api/info"));
        request.Headers.Host = host + ":" + demo.ReadOnly.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await demo.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertDetailAsync(HttpResponseMessage response, string detail)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
