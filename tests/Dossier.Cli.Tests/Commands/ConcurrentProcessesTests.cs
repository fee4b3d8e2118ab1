using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// Several real <c>dossier</c> processes on one SQLite file: writers take turns for the write lock
/// instead of failing on it, and a running server shows what another process wrote.
/// </summary>
public sealed class ConcurrentProcessesTests
{
    [Fact]
    public async Task Two_ingests_into_one_file_at_once_both_finish_and_store_each_article_once()
    {
        using var workspace = new Workspace();
        var corpus = Path.Combine(workspace.Root, "corpus");
        IngestInterruptionTests.WriteCorpus(corpus, 400);
        var files = Directory.GetFiles(corpus).Order(StringComparer.Ordinal).ToArray();

        // Overlapping halves: the 200 articles in both are stored by whichever process comes first.
        var first = CopyInto(Path.Combine(workspace.Root, "first"), files[..300]);
        var second = CopyInto(Path.Combine(workspace.Root, "second"), files[100..]);

        using var one = IngestInterruptionTests.StartDossier("ingest", first, "--db", workspace.Database, "--jobs", "1");
        using var two = IngestInterruptionTests.StartDossier("ingest", second, "--db", workspace.Database, "--jobs", "1");
        await Task.WhenAll(one.WaitForExitAsync(), two.WaitForExitAsync());

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, two.ExitCode);
        Assert.Equal(400L, SqliteFile.Scalar(workspace.Database, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(400L, SqliteFile.Scalar(workspace.Database, "SELECT COUNT(DISTINCT id) FROM articles"));
        Assert.Equal("ok", SqliteFile.Scalar(workspace.Database, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task An_ingest_waits_for_a_write_lock_another_process_holds_for_40_seconds_and_finishes()
    {
        using var workspace = new Workspace();
        Assert.Equal(0, CliRun.Run("ingest", Directory.GetFiles(workspace.SampleCorpus).Order(StringComparer.Ordinal).First(), "--db", workspace.Database, "--no-link").ExitCode);
        using var holder = new SqliteConnection($"Data Source={workspace.Database};Pooling=False");
        holder.Open();
        using (var write = holder.BeginTransaction())
        {
            // Longer than SQLite's busy timeout (10 s) and the driver's default retry time (30 s) together.
            using var ingest = IngestInterruptionTests.StartDossier("ingest", workspace.SampleCorpus, "--db", workspace.Database, "--no-link");
            await Task.Delay(TimeSpan.FromSeconds(40));
            Assert.False(ingest.HasExited, "the ingest did not wait for the write lock");
            write.Commit();
            await ingest.WaitForExitAsync();
            Assert.Equal(0, ingest.ExitCode);
        }

        Assert.Equal(5L, SqliteFile.Scalar(workspace.Database, "SELECT COUNT(*) FROM articles"));
    }

    [Fact]
    public async Task A_running_server_shows_the_articles_another_process_ingested()
    {
        using var workspace = new Workspace();
        var samples = Directory.GetFiles(workspace.SampleCorpus).Order(StringComparer.Ordinal).ToArray();
        var early = CopyInto(Path.Combine(workspace.Root, "early"), samples[..3]);
        var late = CopyInto(Path.Combine(workspace.Root, "late"), samples[3..]);
        Assert.Equal(0, CliRun.Run("ingest", early, "--db", workspace.Database).ExitCode);

        using var server = StartServer(workspace.Database, out var address);
        using var client = new HttpClient { BaseAddress = await address, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            Assert.Equal(3, await Articles(client));

            using (var ingest = IngestInterruptionTests.StartDossier("ingest", late, "--db", workspace.Database))
            {
                await ingest.WaitForExitAsync();
                Assert.Equal(0, ingest.ExitCode);
            }

            // The server looks at the store's data version at most every 200 ms.
            var seen = await Articles(client);
            for (var tries = 0; seen != samples.Length && tries < 50; tries++)
            {
                await Task.Delay(100);
                seen = await Articles(client);
            }

            Assert.Equal(samples.Length, seen);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<int> Articles(HttpClient client)
    {
        var info = await client.GetFromJsonAsync<JsonElement>("api/info");
        return info.GetProperty("articles").GetInt32();
    }

    /// <summary>Starts <c>dossier serve</c> on a free port; the address comes from the line it prints.</summary>
    private static Process StartServer(string database, out Task<Uri> address)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "dossier.dll"), "serve", "--db", database, "--port", "0" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var found = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && text.StartsWith("Serving ", StringComparison.Ordinal) && text.LastIndexOf(" at ", StringComparison.Ordinal) is > 0 and var at)
            {
                found.TrySetResult(new Uri(text[(at + 4)..].Trim()));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        address = found.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return process;
    }

    private static string CopyInto(string folder, IEnumerable<string> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }

}
