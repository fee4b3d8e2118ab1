using System.Text.Json;

namespace Dossier.Web;

/// <summary>
/// The npm packages served under <see cref="RequestPath"/>, addressed by name and version
/// (<c>/lib/leaflet@1.9.4/dist/leaflet.js</c>). A URL that names the installed version never
/// changes its bytes, so browsers may keep it a year without asking; a new version is a new URL.
/// </summary>
internal sealed class LibraryFiles
{
    public const string RequestPath = "/lib";

    /// <summary>For a year, never revalidated: only for URLs that carry the installed version.</summary>
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";

    /// <summary>Kept but asked about on every use: our own pages and scripts, and a library URL without its version.</summary>
    public const string RevalidatedCacheControl = "no-cache";

    private static readonly object VersionedKey = new();

    private readonly Dictionary<string, string> versions;

    private LibraryFiles(Dictionary<string, string> versions) => this.versions = versions;

    /// <summary>The version of each package in <paramref name="directory"/> (web/node_modules), read from its package.json.</summary>
    public static LibraryFiles Read(string directory)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var manifest in Directory.EnumerateFiles(directory, "package.json", SearchOption.AllDirectories))
        {
            var package = Path.GetRelativePath(directory, Path.GetDirectoryName(manifest)!).Replace('\\', '/');

            // A package's own nested folders may hold a package.json too (module markers); only the package's top counts.
            if (package.Split('/').Length != (package.StartsWith('@') ? 2 : 1))
            {
                continue;
            }

            using var json = JsonDocument.Parse(File.ReadAllBytes(manifest));
            if (json.RootElement.TryGetProperty("version", out var version) && version.GetString() is { Length: > 0 } text)
            {
                versions[package] = text;
            }
        }

        return new LibraryFiles(versions);
    }

    /// <summary>
    /// Turns <c>/lib/NAME@VERSION/FILE</c> into the file's place, <c>/lib/NAME/FILE</c>, when VERSION is the
    /// installed one, and marks the request for the long cache. Any other version is left alone and not found.
    /// </summary>
    public Task StripVersion(HttpContext context, Func<Task> next)
    {
        if (context.Request.Path.StartsWithSegments(RequestPath, StringComparison.Ordinal, out var rest) && rest.Value is { } path)
        {
            // "/leaflet@1.9.4/dist/leaflet.js" or "/@scope/name@1.0.0/file"
            var nameEnd = path.IndexOf('/', path.StartsWith("/@", StringComparison.Ordinal) ? path.IndexOf('/', 2) + 1 : 1);
            var at = nameEnd < 0 ? -1 : path.LastIndexOf('@', nameEnd);
            if (at > 1 && versions.TryGetValue(path[1..at], out var installed) && string.Equals(path[(at + 1)..nameEnd], installed, StringComparison.Ordinal))
            {
                context.Request.Path = new PathString(RequestPath + path[..at] + path[nameEnd..]);
                context.Items[VersionedKey] = true;
            }
        }

        return next();
    }

    /// <summary>The Cache-Control of a library file, set as it is served.</summary>
    public static void SetCacheControl(HttpContext context) =>
        context.Response.Headers.CacheControl = context.Items.ContainsKey(VersionedKey) ? VersionedCacheControl : RevalidatedCacheControl;
}
