using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Dossier.Web.Tests;

[Collection(DemoServerCollection.Name)]
public sealed partial class DossierServerTests(DemoServer demo)
{
    private static readonly string[] Pages = ["/", "/actor.html", "/article.html", "/events.html", "/sources.html", "/disputes.html", "/search.html", "/ingest.html"];

    [Fact]
    public async Task A_response_asked_for_in_brotli_comes_in_brotli_smaller_than_the_raw_body_and_the_same_once_decoded()
    {
        var raw = await GetBytesAsync("api/graph", null);
        using var response = await GetAsync("api/graph", "br");
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True(compressed.Length < raw.Length, $"brotli body of {compressed.Length} bytes is not smaller than the raw {raw.Length}");
        using var decoded = new MemoryStream();
        await using (var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress))
        {
            await brotli.CopyToAsync(decoded);
        }

        Assert.Equal(raw, decoded.ToArray());
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/js/common.js", "text/javascript")]
    [InlineData("/css/app.css", "text/css")]
    [InlineData("/api/actors", "application/json")]
    [InlineData("/lib/world-atlas@2.0.2/countries-50m.json", "application/json")]
    public async Task Pages_scripts_styles_JSON_and_the_basemap_come_gzipped_when_asked(string path, string mediaType)
    {
        using var response = await GetAsync(path.TrimStart('/'), "gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(mediaType, response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Every_library_the_pages_load_is_addressed_by_its_version_and_cached_for_a_year()
    {
        var libraries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in Pages.Concat(["/js/graph.js", "/js/events.js"]))
        {
            var text = await demo.Client.GetStringAsync(new Uri(page, UriKind.Relative));
            foreach (Match match in LibraryUrl().Matches(text))
            {
                libraries.Add(match.Value);
            }
        }

        Assert.True(libraries.Count >= 6, "the pages load Cytoscape, Leaflet, markercluster, topojson-client and the basemap: " + string.Join(", ", libraries));
        foreach (var library in libraries)
        {
            Assert.Matches(@"^/lib/[a-z0-9.\-]+@\d+\.\d+\.\d+/", library);
            using var response = await GetAsync(library.TrimStart('/'), null);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{library}: {(int)response.StatusCode}");
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task A_library_under_a_version_that_is_not_installed_is_not_found_and_one_without_a_version_is_not_cached_for_long()
    {
        using var wrongVersion = await GetAsync("lib/leaflet@0.0.1/dist/leaflet.js", null);
        using var noVersion = await GetAsync("lib/leaflet/dist/leaflet.js", null);

        Assert.Equal(HttpStatusCode.NotFound, wrongVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noVersion.StatusCode);
        Assert.Equal("no-cache", noVersion.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/actor.html")]
    [InlineData("/js/common.js")]
    [InlineData("/css/app.css")]
    public async Task The_apps_own_pages_scripts_and_styles_are_revalidated_on_every_use(string path)
    {
        using var response = await GetAsync(path.TrimStart('/'), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? encoding)
    {
        // The shared client does not decompress, so the bytes and headers are the server's own.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        return await demo.Client.SendAsync(request);
    }

    private async Task<byte[]> GetBytesAsync(string path, string? encoding)
    {
        using var response = await GetAsync(path, encoding);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [GeneratedRegex(@"/lib/[^""'\s)]+")]
    private static partial Regex LibraryUrl();
}
