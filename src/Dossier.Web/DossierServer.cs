using System.Net;
using System.Threading.RateLimiting;
using Dossier.Analysis.Places;
using Dossier.Storage;
using Dossier.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Dossier.Web;

/// <summary>
/// The web UI and JSON API over one store, on a loopback address. Pages are static files (our own
/// modules and the npm libraries beside the program); everything they show comes from /api.
/// </summary>
public sealed class DossierServer : IAsyncDisposable
{
    /// <summary>Where the OpenAPI document is served; kept stable for scripts.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    private readonly WebApplication app;
    private readonly StorePool pool;

    private DossierServer(WebApplication app, StorePool pool, Uri address)
    {
        this.app = app;
        this.pool = pool;
        Address = address;
    }

    /// <summary>The address the server listens on, with the port it got.</summary>
    public Uri Address { get; }

    /// <summary>Why these options cannot be served, or null when they can.</summary>
    public static string? Check(DossierWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsLoopback(options.Host))
        {
            return $"--host {options.Host} is not a loopback address; Dossier serves only this machine (127.0.0.1, ::1 or localhost)";
        }

        if (options.Port is < 0 or > 65535)
        {
            return $"--port {options.Port} is not a port number (0 to 65535; 0 picks a free one)";
        }

        if (options.Token is { Length: < 8 })
        {
            return "the token (--token, --token-file or " + ServerToken.EnvironmentVariable + ") must be at least 8 characters";
        }

        if (!DossierStores.Exists(options.DatabasePath))
        {
            return $"{options.DatabasePath}: no such store; run `dossier ingest PATH...` or `dossier demo` first";
        }

        if (!Directory.Exists(StaticDirectory(options)))
        {
            return $"the web pages are missing from {StaticDirectory(options)}; reinstall Dossier";
        }

        return null;
    }

    /// <summary>Starts serving; throws <see cref="InvalidOperationException"/> with a one-line reason when it cannot.</summary>
    public static async Task<DossierServer> StartAsync(DossierWebOptions options, CancellationToken cancellationToken)
    {
        if (Check(options) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        // Open once to check that the file is a store of ours before listening.
        try
        {
            using var store = DossierStores.Open(options.DatabasePath, options.Clock);
        }
        catch (StoreException exception)
        {
            throw new InvalidOperationException(exception.Message, exception);
        }

        var pool = new StorePool(options.DatabasePath, options.Clock);
        var app = Build(options, pool);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync();
            pool.Dispose();
            throw new InvalidOperationException($"cannot listen on {options.Host}:{options.Port}: {exception.Message} (choose another --port, or 0 for any free one)", exception);
        }

        // Read the lists and lay out the graph now, not on the first page's request: on a store of
        // 100,000 articles that takes a minute or two. Requests meanwhile wait for it. Then start
        // the analyses (disputes, framing), which read every article (two more minutes there), so
        // that the first dossier opened does not wait for them.
        _ = Task.Run(() =>
        {
            app.Services.GetRequiredService<CorpusCache>().Get();
            app.Services.GetRequiredService<AnalysisCache>().TryGet(TimeSpan.Zero);
        }, CancellationToken.None);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var host = options.Host.Contains(':', StringComparison.Ordinal) ? $"[{options.Host}]" : options.Host;
        return new DossierServer(app, pool, new Uri($"http://{host}:{port}/"));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        pool.Dispose();
    }

    /// <summary>The host names requests may carry; others are refused, against DNS rebinding.</summary>
    private static readonly string[] ServedHosts = ["127.0.0.1", "localhost", "[::1]"];

    private static string StaticDirectory(DossierWebOptions options) => Path.Combine(options.ApplicationDirectory, "web", "static");

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private static WebApplication Build(DossierWebOptions options, StorePool pool)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "Dossier.Web",
            ContentRootPath = options.ApplicationDirectory,
            EnvironmentName = "Production",
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes);

        // A page on another site that makes the browser send requests to 127.0.0.1 under its own
        // host name (DNS rebinding) is refused by RefuseOtherHosts. The framework's own host
        // filter (which the builder puts first) is opened, since its refusal is an HTML page with
        // no reason; ours is a problem document like every other refusal.
        builder.Services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = ["*"]);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = GiveEveryProblemADetail);

        // A query value that does not bind (limit=abc) throws, so that the problem can say which
        // parameter and value; otherwise the framework answers 400 with no reason at all.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);

        // Numbers are written as numbers; the web default also reads them from strings, and the
        // OpenAPI document would then type every count "integer or string".
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);

        // Plain HTTP on a loopback address, so EnableForHttps has no say; the body of a response never
        // holds the request's token, so compression gives a page on another site nothing to guess at.
        builder.Services.AddResponseCompression(compression =>
        {
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, .. CompressedMediaTypes];
        });
        // Nothing is compressed ahead, so each response is compressed as it is sent: Optimal is Brotli
        // quality 4 and gzip level 6 (about 0.1 s for the 756 KB basemap, which the browser then keeps a
        // year); Brotli's best, 11, is many times slower and meant for compressing once, ahead.
        builder.Services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Dossier API";
            document.Info.Description = "Actors, ties, events, claims and sources of a Dossier store. Lists take offset and limit; errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddFixedWindowLimiter(IngestEndpoint.RateLimitPolicy, window =>
            {
                window.PermitLimit = options.IngestRequestsPerMinute;
                window.Window = TimeSpan.FromMinutes(1);
                window.QueueLimit = 0;
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                context.HttpContext.RequestServices.GetRequiredService<ServerLog>().Refused(context.HttpContext, "ingest", StatusCodes.Status429TooManyRequests, "over the rate limit");
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"at most {options.IngestRequestsPerMinute} ingest requests a minute; try again in a minute",
                    },
                });
            };
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(pool);
        builder.Services.AddSingleton<ServerLog>();
        builder.Services.AddSingleton(PlaceCoordinates.ForApplication(options.ApplicationDirectory));
        builder.Services.AddSingleton<CorpusCache>();
        builder.Services.AddSingleton<AnalysisCache>();

        var app = builder.Build();
        app.UseHostFiltering();
        app.UseResponseCompression();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.Use(RefuseOtherHosts);
        app.Use(SecurityHeaders);
        app.UseRateLimiter();

        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".geojson"] = "application/geo+json";
        types.Mappings[".topojson"] = "application/json";
        var pages = new PhysicalFileProvider(StaticDirectory(options));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = pages,
            ContentTypeProvider = types,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = LibraryFiles.RevalidatedCacheControl,
        });
        var libraries = Path.Combine(options.ApplicationDirectory, "web", "node_modules");
        if (Directory.Exists(libraries))
        {
            app.Use(LibraryFiles.Read(libraries).StripVersion);
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(libraries),
                RequestPath = LibraryFiles.RequestPath,
                ContentTypeProvider = types,
                OnPrepareResponse = file => LibraryFiles.SetCacheControl(file.Context),
            });
        }

        app.MapOpenApi(OpenApiPath);
        var api = app.MapGroup("/api");
        ReadEndpoints.Map(api, options);
        IngestEndpoint.Map(api, options);
        api.MapFallback((HttpContext context) => ApiFallback.Answer(context, context.RequestServices.GetRequiredService<EndpointDataSource>()));
        return app;
    }

    /// <summary>What is compressed besides ASP.NET Core's defaults (HTML, CSS, JavaScript, JSON, XML, plain text).</summary>
    private static readonly string[] CompressedMediaTypes =
        ["text/javascript", "application/problem+json", "image/svg+xml", "application/geo+json"];

    /// <summary>
    /// Every problem says why: a request the framework refused (a query value that does not bind)
    /// gets the framework's reason, and any other problem without one gets its status's meaning.
    /// </summary>
    private static void GiveEveryProblemADetail(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var host = context.HttpContext.Request.Host.Host;
        problem.Detail = context.Exception is BadHttpRequestException bad ? bad.Message
            : status == StatusCodes.Status400BadRequest && !IsServedHost(context.HttpContext.Request.Host)
                ? $"{host} is not a host name this server answers to; open it as {string.Join(", ", ServedHosts)}"
            : $"{status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)}";
    }

    private static Task RefuseOtherHosts(HttpContext context, Func<Task> next)
    {
        if (IsServedHost(context.Request.Host))
        {
            return next();
        }

        // No body: the status code pages write the problem, with its detail from GiveEveryProblemADetail.
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    }

    /// <summary>One of <see cref="ServedHosts"/>, on any port; no Host at all (HTTP/1.0) passes, as the framework's filter lets it.</summary>
    private static bool IsServedHost(HostString host) =>
        !host.HasValue || ServedHosts.Contains(host.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// No inline script or style attribute may run: article text is shown through text nodes, and
    /// this policy stops anything that slips past. Nothing is loaded from another origin.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                                        "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        return next();
    }
}
