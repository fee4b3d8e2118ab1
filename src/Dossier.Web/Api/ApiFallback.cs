using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace Dossier.Web.Api;

/// <summary>
/// What an /api request that no endpoint took gets: 405 with <c>Allow</c> when the path exists for
/// other methods, 415 when it exists but does not read the body's content type, else 404.
/// </summary>
/// <remarks>
/// Routing would answer 405 and 415 itself, but the API's fallback also matches every path, so
/// without this a wrong method or content type looked like a missing path.
/// </remarks>
internal static class ApiFallback
{
    public static IResult Answer(HttpContext context, EndpointDataSource endpoints)
    {
        var path = context.Request.Path;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var accepted = new List<string>();
        var methodMatches = false;
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            // The fallback's own catch-all pattern matches everything; it says nothing of the path.
            if (endpoint.RoutePattern.Parameters.Any(p => p.IsCatchAll) ||
                !new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            allowed.UnionWith(methods);
            if (methods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                methodMatches = true;
                if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts)
                {
                    accepted.AddRange(accepts.ContentTypes);
                }
            }
        }

        if (allowed.Count > 0 && !methodMatches)
        {
            var methods = string.Join(", ", allowed);
            context.Response.Headers.Allow = methods;
            return Problems.MethodNotAllowed($"{context.Request.Method} is not allowed on {path}; use {methods}");
        }

        if (methodMatches && accepted.Count > 0 && !Accepts(accepted, context.Request.ContentType))
        {
            return Problems.UnsupportedMediaType($"{path} reads {string.Join(" or ", accepted)}, not {context.Request.ContentType ?? "a body without a content type"}");
        }

        return Problems.NotFound("no such API path; the OpenAPI document at " + DossierServer.OpenApiPath + " lists them");
    }

    private static bool Accepts(List<string> accepted, string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var given) &&
        accepted.Any(a => string.Equals(a, given.MediaType.Value, StringComparison.OrdinalIgnoreCase));
}
