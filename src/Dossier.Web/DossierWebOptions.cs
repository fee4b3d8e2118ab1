namespace Dossier.Web;

/// <summary>How <c>dossier serve</c> runs: which store, where it listens, and whether anything may write.</summary>
public sealed record DossierWebOptions
{
    /// <summary>The SQLite store to serve. It must exist.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>The address to listen on; only loopback addresses are accepted.</summary>
    /// <value>The default value is 127.0.0.1.</value>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 lets the system choose a free one.</summary>
    /// <value>The default value is 5280.</value>
    public int Port { get; init; } = DefaultPort;

    public const int DefaultPort = 5280;

    /// <summary>Whether the ingest page and <c>POST /api/ingest</c> are open. The server is read-only without it.</summary>
    /// <value>The default value is false.</value>
    public bool AllowIngest { get; init; }

    /// <summary>When set, every request that writes must carry <c>Authorization: Bearer TOKEN</c>. See <see cref="ServerToken"/> for where it comes from.</summary>
    public string? Token { get; init; }

    /// <summary>The largest ingest request body.</summary>
    /// <value>The default value is 20 MB.</value>
    public long MaxUploadBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Ingest requests accepted per minute, across all clients.</summary>
    /// <value>The default value is 10.</value>
    public int IngestRequestsPerMinute { get; init; } = 10;

    /// <summary>Where the program's files live: the models, and web/ with the pages and the npm libraries.</summary>
    public string ApplicationDirectory { get; init; } = AppContext.BaseDirectory;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Where the server logs refused writes and ingests (who, when, how many articles); never the token.</summary>
    /// <value>The default value is <see cref="TextWriter.Null"/>; <c>dossier serve</c> gives its standard output.</value>
    public TextWriter Log { get; init; } = TextWriter.Null;
}
