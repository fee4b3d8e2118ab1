using System.Text.Json;

namespace Dossier.Web.Tests.Api;

/// <summary>The OpenAPI document checked against what the real server answers, so neither can drift from the other.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class OpenApiDocumentTests(DemoServer demo)
{
    [Fact]
    public async Task Every_GET_declares_a_200_schema_that_names_every_property_a_real_response_has()
    {
        var document = await demo.GetJsonAsync(DossierServer.OpenApiPath.TrimStart('/'));
        var gets = document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)).ToList();

        Assert.True(gets.Count >= 13, $"{gets.Count} GET paths");
        foreach (var path in gets)
        {
            var content = path.Value.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.True(content.TryGetProperty("application/json", out var json), $"{path.Name}: no application/json 200 response");
            Assert.True(json.TryGetProperty("schema", out var schema), $"{path.Name}: no 200 response schema");

            var answer = await demo.GetJsonAsync(await RealUrlAsync(path.Name));
            var undeclared = new List<string>();
            Compare(document, schema, answer, path.Name, undeclared);
            Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
        }
    }

    [Fact]
    public async Task Every_GET_with_parameters_declares_its_problem_responses()
    {
        var document = await demo.GetJsonAsync(DossierServer.OpenApiPath.TrimStart('/'));

        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)))
        {
            var get = path.Value.GetProperty("get");
            var responses = get.GetProperty("responses");
            if (get.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0)
            {
                var status = path.Name.Contains('{', StringComparison.Ordinal) ? "404" : "400";
                Assert.True(responses.TryGetProperty(status, out var problem), $"{path.Name}: no {status} response");
                Assert.True(problem.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{path.Name}: {status} is not a problem document");
            }
        }
    }

    [Fact]
    public async Task Ingest_is_described_as_a_multipart_upload_or_JSON_behind_the_bearer_token_and_the_client_header()
    {
        var document = await demo.GetJsonAsync(DossierServer.OpenApiPath.TrimStart('/'));
        var ingest = document.GetProperty("paths").GetProperty("/api/ingest").GetProperty("post");

        var multipart = Resolve(document, ingest.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema"));
        var fields = multipart.GetProperty("properties");
        Assert.Equal("binary", Resolve(document, fields.GetProperty("files").GetProperty("items")).GetProperty("format").GetString());
        Assert.True(fields.TryGetProperty("text", out _));
        Assert.True(fields.TryGetProperty("title", out _));
        Assert.True(fields.TryGetProperty("outlet", out _));
        Assert.False(multipart.TryGetProperty("required", out var required) && required.GetArrayLength() > 0, "no field of the upload is required on its own");

        var header = Assert.Single(ingest.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Dossier-Client");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.True(header.GetProperty("required").GetBoolean());

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var bearer = schemes.EnumerateObject().Single(s => s.Value.GetProperty("type").GetString() == "http");
        Assert.Equal("bearer", bearer.Value.GetProperty("scheme").GetString());
        Assert.Contains(ingest.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty(bearer.Name, out _));
        foreach (var status in new[] { "400", "401", "403", "413", "429" })
        {
            Assert.True(ingest.GetProperty("responses").TryGetProperty(status, out _), $"ingest: no {status} response");
        }
    }

    /// <summary>A URL for a documented path that the demo store answers with 200: real ids, and the words a search needs.</summary>
    private async Task<string> RealUrlAsync(string path)
    {
        var haftar = (await demo.GetJsonAsync("api/actors?q=Haftar")).GetProperty("items")[0].GetProperty("id").GetString();
        var article = (await demo.GetJsonAsync("api/articles?limit=1")).GetProperty("items")[0].GetProperty("id").GetString();
        var url = path.Replace("/api/actors/{id}", $"/api/actors/{haftar}", StringComparison.Ordinal)
                      .Replace("/api/articles/{id}", $"/api/articles/{article}", StringComparison.Ordinal);
        Assert.DoesNotContain("{", url, StringComparison.Ordinal);
        return url.TrimStart('/') + (path == "/api/search" ? "?q=Haftar" : "");
    }

    /// <summary>Every property of <paramref name="value"/>, at any depth, must be one its schema declares.</summary>
    private static void Compare(JsonElement document, JsonElement schema, JsonElement value, string where, List<string> undeclared)
    {
        schema = Resolve(document, schema);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (!schema.TryGetProperty("properties", out var properties))
                {
                    undeclared.Add($"{where}: an object whose schema declares no properties");
                    return;
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (properties.TryGetProperty(property.Name, out var declared))
                    {
                        Compare(document, declared, property.Value, $"{where}.{property.Name}", undeclared);
                    }
                    else
                    {
                        undeclared.Add($"{where}.{property.Name} is not in the schema");
                    }
                }

                break;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("items", out var items))
                {
                    foreach (var item in value.EnumerateArray().Take(3))
                    {
                        Compare(document, items, item, where + "[]", undeclared);
                    }
                }
                else
                {
                    undeclared.Add($"{where}: an array whose schema declares no items");
                }

                break;
            case JsonValueKind.String:
                ExpectType(schema, "string", where, undeclared);
                break;
            case JsonValueKind.Number:
                ExpectType(schema, value.TryGetInt64(out _) ? "integer" : "number", where, undeclared);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                ExpectType(schema, "boolean", where, undeclared);
                break;
        }
    }

    private static void ExpectType(JsonElement schema, string type, string where, List<string> undeclared)
    {
        if (!schema.TryGetProperty("type", out var declared))
        {
            undeclared.Add($"{where}: a {type} whose schema declares no type");
            return;
        }

        var types = declared.ValueKind == JsonValueKind.Array ? declared.EnumerateArray().Select(t => t.GetString()).ToList() : [declared.GetString()];
        if (!types.Contains(type) && !(type == "integer" && types.Contains("number")))
        {
            undeclared.Add($"{where}: a {type} declared as {string.Join(" or ", types)}");
        }
    }

    /// <summary>The schema itself: $ref followed into components, and a nullable's non-null branch.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (true)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!;
                Assert.StartsWith("#/components/schemas/", name, StringComparison.Ordinal);
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(Uri.UnescapeDataString(name["#/components/schemas/".Length..]));
            }
            else if (NonNullBranch(schema) is { } branch)
            {
                schema = branch;
            }
            else
            {
                return schema;
            }
        }
    }

    private static JsonElement? NonNullBranch(JsonElement schema)
    {
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var branches))
            {
                var real = branches.EnumerateArray().Where(b => !(b.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")).ToList();
                if (real.Count == 1)
                {
                    return real[0];
                }
            }
        }

        return null;
    }
}
