using System.Net.Http.Json;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Core.Storage;
using Dossier.Ingest;
using Dossier.Ingest.Jobs;
using Dossier.Nlp;
using Dossier.Pipeline;
using Dossier.Storage.Sqlite;

namespace Dossier.Web.Tests;

/// <summary>
/// The bundled sample corpus in a fresh store, served twice by the real server on 127.0.0.1 with a
/// free port: read-only as `dossier demo` serves it, and on a copy with ingest allowed behind a token.
/// Built once for all the tests of a run.
/// </summary>
public sealed class DemoServer : IAsyncLifetime
{
    public const string Token = "test-token-1234";

    private readonly string root = Directory.CreateTempSubdirectory("dossier-web-").FullName;

    /// <summary>The demo store; tests that write copy it first.</summary>
    public string DemoDatabase => Path.Combine(root, "demo.db");

    public string CopyOfDemo(string name)
    {
        var path = Path.Combine(root, name);
        File.Copy(DemoDatabase, path);
        return path;
    }

    public DossierServer ReadOnly { get; private set; } = null!;

    public DossierServer Writable { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        var database = Path.Combine(root, "demo.db");
        BuildDemoStore(database);
        var writable = Path.Combine(root, "writable.db");
        File.Copy(database, writable);

        ReadOnly = await DossierServer.StartAsync(new DossierWebOptions { DatabasePath = database, Port = 0 }, CancellationToken.None);
        Writable = await DossierServer.StartAsync(new DossierWebOptions { DatabasePath = writable, Port = 0, AllowIngest = true, Token = Token, IngestRequestsPerMinute = 1000, MaxUploadBytes = 1024 * 1024 }, CancellationToken.None);
        Client = new HttpClient { BaseAddress = ReadOnly.Address };
        Directory.CreateDirectory(Artifacts);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await ReadOnly.DisposeAsync();
        await Writable.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>What `dossier demo` does before it serves: ingest the sample corpus and link its actors.</summary>
    private static void BuildDemoStore(string database)
    {
        var report = IngestAndLink(database, Path.Combine(AppContext.BaseDirectory, "samples", "libya"));
        Assert.Equal(5, report.Stored);
    }

    /// <summary>Ingests a file or folder into a new SQLite store, as `dossier ingest` does, and links its actors; anything refused fails the test.</summary>
    public static IngestReport IngestAndLink(string database, string path)
    {
        using var store = SqliteDossierStore.Open(database);
        var job = new IngestJob(store, new ArticleReader(new ReaderOptions()), new ArticleCleaner(), TimeProvider.System, () => Stream.Null);
        var report = job.Run([path], new NoObserver(), CancellationToken.None);
        AnnotationWorker.Open(store, NlpModels.DefaultDirectory(AppContext.BaseDirectory)).Run(null, null, CancellationToken.None);
        return report;
    }

    private sealed class NoObserver : IIngestObserver
    {
        public void Started(int files)
        {
        }

        public void FileStarted(string path)
        {
        }

        public void Added(Document document, AddResult result)
        {
        }

        public void Refused(string origin, string reason) => throw new InvalidOperationException($"{origin}: {reason}");

        public void Noted(string origin, string note) => throw new InvalidOperationException($"{origin}: {note}");
    }
}

[CollectionDefinition(Name)]
public sealed class DemoServerCollection : ICollectionFixture<DemoServer>
{
    public const string Name = "demo server";
}
