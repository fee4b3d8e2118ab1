using System.Collections.Concurrent;
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

    /// <summary>Grows by one each time a write finishes, so caches over the store know they are stale.</summary>
    public long Version => Interlocked.Read(ref version);

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
    }
}
