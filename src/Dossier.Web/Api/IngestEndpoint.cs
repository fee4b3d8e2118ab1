using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Storage;
using Dossier.Ingest;
using Dossier.Ingest.Jobs;
using Dossier.Nlp;
using Dossier.Pipeline;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dossier.Web.Api;

/// <summary>
/// <c>POST /api/ingest</c>: uploaded files or pasted text through the same reader, cleaner and
/// linking as <c>dossier ingest</c>, with its refusals. Closed unless the server allows ingest; with
/// a token, the request must carry it; always a custom header, which a page on another site cannot
/// send without a CORS preflight that this server never grants.
/// </summary>
internal static class IngestEndpoint
{
    public const string ClientHeader = "X-Dossier-Client";
    public const string RateLimitPolicy = "ingest";

    /// <summary>The name of the bearer token's security scheme in the OpenAPI document.</summary>
    public const string BearerScheme = "bearer";

    public static void Map(RouteGroupBuilder api, DossierWebOptions options)
    {
        api.MapPost("/ingest", (HttpContext context, StorePool pool, ServerLog log, CancellationToken cancellationToken) => IngestAndLogAsync(context, pool, log, options, cancellationToken))
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            // What routing lets in (another content type gets 415 from the API's fallback); the
            // document's body, each type with its own schema, is written by DescribeAsync.
            .Accepts<IngestText>("application/json", "multipart/form-data")
            .Produces<IngestResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Ingest uploaded files (multipart, field files) or pasted text (JSON {text, title, outlet}); needs --allow-ingest")
            .AddOpenApiOperationTransformer(DescribeAsync);
    }

    /// <summary>
    /// What the handler reads by hand, described here because no parameter of it says so: the body
    /// (a multipart upload or JSON, each with its own schema; one Accepts would give both the same),
    /// the client header, and the bearer token.
    /// </summary>
    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(IngestUpload), null, cancellationToken) },
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(IngestText), null, cancellationToken) },
            },
        };

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ClientHeader,
            In = ParameterLocation.Header,
            Required = true,
            Description = "Any value; a page on another site cannot send it without a CORS preflight, which this server never grants.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        if (context.Document is { } document)
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The --token given to dossier serve; needed only when the server was started with one (GET /api/info says so in tokenRequired).",
            };
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
        }
    }

    /// <summary>Ingests, and logs what was refused or stored and for whom; one place, so no refusal goes unlogged.</summary>
    private static async Task<IResult> IngestAndLogAsync(HttpContext context, StorePool pool, ServerLog log, DossierWebOptions options, CancellationToken cancellationToken)
    {
        var result = await IngestAsync(context, pool, options, cancellationToken);
        switch (result)
        {
            case ProblemHttpResult problem:
                log.Refused(context, "ingest", problem.StatusCode, problem.ProblemDetails.Detail);
                break;
            case Ok<IngestResult> { Value: { } ingested }:
                log.Ingested(context, ingested.Files, ingested.Stored, ingested.NearDuplicates, ingested.Duplicates, ingested.Refused, ingested.ArticlesInStore);
                break;
        }

        return result;
    }

    private static async Task<IResult> IngestAsync(HttpContext context, StorePool pool, DossierWebOptions options, CancellationToken cancellationToken)
    {
        if (!options.AllowIngest)
        {
            return Problems.Forbidden("this server is read-only; start it with dossier serve --allow-ingest to add articles");
        }

        if (options.Token is { } token && !TokenMatches(context.Request.Headers.Authorization.ToString(), token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Unauthorized("this server needs its access token: send Authorization: Bearer TOKEN (the token dossier serve was given: --token-file, --token or DOSSIER_TOKEN)");
        }

        if (string.IsNullOrEmpty(context.Request.Headers[ClientHeader]))
        {
            return Problems.Forbidden($"writes must carry the {ClientHeader} header (the ingest page sends it)");
        }

        if (context.Request.ContentLength > options.MaxUploadBytes)
        {
            return TooLarge(options);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.MaxUploadBytes;
        }

        var folder = Directory.CreateTempSubdirectory("dossier-upload-");
        try
        {
            var files = new List<string>();
            try
            {
                if (context.Request.HasFormContentType)
                {
                    var form = await context.Request.ReadFormAsync(cancellationToken);
                    var number = 0;
                    foreach (var file in form.Files)
                    {
                        var path = Path.Combine(folder.FullName, $"{++number:D4}-{SafeName(file.FileName)}");
                        await using var output = File.Create(path);
                        await file.CopyToAsync(output, cancellationToken);
                        files.Add(path);
                    }

                    if (form.TryGetValue("text", out var pasted) && !string.IsNullOrWhiteSpace(pasted.ToString()))
                    {
                        files.Add(await WritePastedAsync(folder.FullName, new IngestText(pasted.ToString(), form["title"].ToString(), form["outlet"].ToString()), cancellationToken));
                    }
                }
                else
                {
                    IngestText? body;
                    try
                    {
                        body = await context.Request.ReadFromJsonAsync<IngestText>(cancellationToken);
                    }
                    catch (JsonException exception)
                    {
                        return Problems.BadRequest($"the body is not an ingest request: {exception.Message}");
                    }

                    if (body is null || string.IsNullOrWhiteSpace(body.Text))
                    {
                        return Problems.BadRequest("nothing to ingest: send {\"text\": \"...\"} or upload files");
                    }

                    files.Add(await WritePastedAsync(folder.FullName, body, cancellationToken));
                }
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return TooLarge(options);
            }
            catch (InvalidDataException exception)
            {
                return Problems.BadRequest($"cannot read the upload: {exception.Message}");
            }

            if (files.Count == 0)
            {
                return Problems.BadRequest("nothing to ingest: upload files (field files) or paste text (field text)");
            }

            var (ran, result) = await pool.WriteAsync(store => Run(store, files, folder.FullName, options), TimeSpan.FromSeconds(30), cancellationToken);
            return ran ? Results.Ok(result) : Problems.Busy("another ingest is running; try again when it ends");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IResult TooLarge(DossierWebOptions options) =>
        Problems.TooLarge($"an ingest request may carry at most {options.MaxUploadBytes / (1024 * 1024)} MB; send fewer files at once or use dossier ingest");

    private static IngestResult Run(IDossierStore store, IReadOnlyList<string> files, string folder, DossierWebOptions options)
    {
        var observer = new Observer(folder);
        var readerOptions = new ReaderOptions { MaxFileBytes = options.MaxUploadBytes };
        var job = new IngestJob(store, new ArticleReader(readerOptions), new ArticleCleaner(), options.Clock, () => Stream.Null);
        var report = job.Run(files, observer, CancellationToken.None);
        var linking = AnnotationWorker.Open(store, NlpModels.DefaultDirectory(options.ApplicationDirectory));
        linking.Run(null, observer.Problem, CancellationToken.None);
        return new IngestResult(report.Files, report.Read, report.Stored, report.Duplicates, report.NearDuplicates, report.Refused,
            observer.Refusals, observer.Stored, store.GetStatistics().Articles);
    }

    private static async Task<string> WritePastedAsync(string folder, IngestText text, CancellationToken cancellationToken)
    {
        // As one JSON line, so a title and outlet typed on the page are declared, not guessed.
        var path = Path.Combine(folder, "pasted.jsonl");
        var line = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["text"] = text.Text,
            ["title"] = string.IsNullOrWhiteSpace(text.Title) ? null : text.Title,
            ["outlet"] = string.IsNullOrWhiteSpace(text.Outlet) ? null : text.Outlet,
        });
        await File.WriteAllTextAsync(path, line + "\n", new UTF8Encoding(false), cancellationToken);
        return path;
    }

    /// <summary>The upload's own name without any folder part or character a file system may refuse.</summary>
    internal static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string(file.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        return safe.Length == 0 ? "upload.txt" : safe[..Math.Min(safe.Length, 100)];
    }

    internal static bool TokenMatches(string authorization, string token)
    {
        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private sealed class Observer(string folder) : IIngestObserver
    {
        public List<string> Refusals { get; } = [];

        public List<string> Stored { get; } = [];

        public void Started(int files)
        {
        }

        public void FileStarted(string path)
        {
        }

        public void Added(Document document, AddResult result) => Stored.Add(result.Id.Value);

        // Refusals name the upload, not the temporary folder it was written to.
        public void Refused(string origin, string reason) => Refusals.Add($"{Strip(origin)}: {reason}");

        public void Noted(string origin, string note) => Refusals.Add($"{Strip(origin)}: {note}");

        public void Problem(string problem) => Refusals.Add(Strip(problem));

        private string Strip(string text) => text.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }
}
