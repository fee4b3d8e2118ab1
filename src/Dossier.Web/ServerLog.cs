using System.Globalization;

namespace Dossier.Web;

/// <summary>
/// The server's log: one line for each refused write and each ingest, saying who (the remote
/// address), when and what. It never writes request headers, so the token cannot reach it.
/// </summary>
internal sealed class ServerLog(DossierWebOptions options)
{
    private readonly TextWriter writer = TextWriter.Synchronized(options.Log);

    public void Refused(HttpContext context, string what, int status, string? reason) =>
        Write(context, $"{what} refused ({status}): {reason ?? "no reason given"}");

    /// <param name="nearDuplicates">Articles stored as syndicated copies of one in the store: they grow the store as much as <paramref name="stored"/> ones.</param>
    public void Ingested(HttpContext context, int files, int stored, int nearDuplicates, int duplicates, int refused, int articles) =>
        Write(context, string.Create(CultureInfo.InvariantCulture,
            $"ingest: {files} files, {stored} articles stored, {nearDuplicates} near-duplicates stored as copies, {duplicates} duplicates, {refused} refused; the store holds {articles} articles"));

    private void Write(HttpContext context, string message)
    {
        var when = options.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var who = context.Connection.RemoteIpAddress?.ToString() ?? "an unknown address";
        writer.WriteLine($"{when} {who} {message}");
        writer.Flush();
    }
}
