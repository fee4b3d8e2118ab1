using System.Collections.Concurrent;
using System.Diagnostics;
using Dossier.Core.Storage;
using Dossier.Storage;

namespace Dossier.Web;

/// <summary>
/// Store connections for concurrent requests. A store object holds one database connection (SQLite
/// or PostgreSQL) and its prepared commands, so it must never serve two requests at once: each
/// request rents one and gives it back. Readers see what writers committed. Writes (ingest) are one
/// at a time.
/// </summary>
internal sealed class StorePool(string path, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentBag<IDossierStore> idle = [];
    private readonly SemaphoreSlim writer = new(1, 1);
    private long version;

    /// <summary>
    /// Its own connection, kept open only to ask the store's data version: the number is per
    /// connection, so asking a pooled one would compare numbers of different connections.
    /// </summary>
    private IDossierStore? watcher;
    private long watchedVersion;
    private long lastLook;
    private readonly Lock watching = new();

    /// <summary>How often, at most, the store is asked whether another process wrote it.</summary>
    private static readonly TimeSpan LookInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Grows by one each time a write finishes, here or in another process (a `dossier ingest` or
    /// worker beside the server), so caches over the store know they are stale.
    /// </summary>
    public long Version
    {
        get
        {
            NoticeOtherWriters();
            return Interlocked.Read(ref version);
        }
    }

    private void NoticeOtherWriters()
    {
        lock (watching)
        {
            if (lastLook != 0 && Stopwatch.GetElapsedTime(lastLook) < LookInterval)
            {
                return;
            }

            lastLook = Stopwatch.GetTimestamp();
            watcher ??= DossierStores.Open(path, clock);
            var now = watcher.DataVersion();
            if (now != watchedVersion)
            {
                watchedVersion = now;
                Interlocked.Increment(ref version);
            }
        }
    }

    public string Path => path;

    public T Read<T>(Func<IDossierStore, T> read)
    {
        var store = idle.TryTake(out var existing) ? existing : DossierStores.Open(path, clock);
        try
        {
            return read(store);
        }
        finally
        {
            idle.Add(store);
        }
    }

    /// <summary>Runs one write at a time; false when another write holds the store past <paramref name="wait"/>.</summary>
    public async Task<(bool Ran, T? Result)> WriteAsync<T>(Func<IDossierStore, T> write, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!await writer.WaitAsync(wait, cancellationToken))
        {
            return (false, default);
        }

        try
        {
            using var store = DossierStores.Open(path, clock);
            var result = await Task.Run(() => write(store), cancellationToken);
            return (true, result);
        }
        finally
        {
            Interlocked.Increment(ref version);
            writer.Release();
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var store))
        {
            store.Dispose();
        }

        writer.Dispose();
        watcher?.Dispose();
    }
}
