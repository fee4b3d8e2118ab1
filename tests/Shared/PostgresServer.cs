using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dossier.Tests.Shared;

/// <summary>
/// A real PostgreSQL server for the tests, started from Debian's binaries in a temporary data folder
/// on a free loopback port, and stopped and removed at the end. It never touches a cluster the
/// system runs (Debian's package may start one on 5432). PostgreSQL refuses to run as root, so
/// under root (as in CI) the folder belongs to the <c>postgres</c> user and the server runs as it.
/// <para>
/// <c>DOSSIER_TEST_POSTGRES</c> changes this: a connection string uses that server instead (each
/// test still gets a database of its own), and <c>skip</c> skips the PostgreSQL tests. Without
/// either, missing binaries fail the tests with a message saying what to install.
/// </para>
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string Variable = "DOSSIER_TEST_POSTGRES";

    private const string BinariesRoot = "/usr/lib/postgresql";

    private readonly string? folder;
    private readonly string? binaries;
    private readonly bool asPostgresUser;
    private readonly List<string> created = [];

    public PostgresServer()
    {
        var setting = Environment.GetEnvironmentVariable(Variable);
        if (SkipReason is not null)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(setting))
        {
            AdminConnectionString = setting;
            return;
        }

        binaries = FindBinaries() ?? throw new InvalidOperationException(
            $"the PostgreSQL tests need PostgreSQL's server binaries in {BinariesRoot}/VERSION/bin: install Debian's postgresql package " +
            $"(apt-get install -y postgresql), or set {Variable} to the connection string of a server to use, or to 'skip'");
        asPostgresUser = Environment.UserName == "root";
        folder = Directory.CreateTempSubdirectory("dossier-pg-").FullName;
        try
        {
            if (asPostgresUser)
            {
                Run("chown", ["postgres:postgres", folder]);
            }

            var port = FreePort();
            var data = Path.Combine(folder, "data");
            RunServerTool("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);

            // fsync off and no full-page writes: a test server's data is thrown away, so durability is not worth the time.
            RunServerTool("pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
                $"-F -c listen_addresses=127.0.0.1 -p {port} -k {folder} -c full_page_writes=off -c max_connections=200", "start"]);
            AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        }
        catch
        {
            Cleanup();
            throw;
        }
    }

    /// <summary>Why the PostgreSQL tests are skipped, when <c>DOSSIER_TEST_POSTGRES=skip</c>; otherwise null.</summary>
    public static string? SkipReason =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "skip", StringComparison.OrdinalIgnoreCase)
            ? $"{Variable}=skip"
            : null;

    /// <summary>A superuser connection to the server's maintenance database.</summary>
    public string AdminConnectionString { get; } = string.Empty;

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public string CreateDatabase()
    {
        if (SkipReason is not null)
        {
            throw new InvalidOperationException($"{Variable}=skip: no PostgreSQL server for this test");
        }

        // Names only need to be unique within this server's life; a GUID keeps parallel test classes apart.
        var name = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        lock (created)
        {
            created.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    private void Cleanup()
    {
        NpgsqlConnection.ClearAllPools();
        if (folder is null)
        {
            DropCreatedDatabases();
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                RunServerTool("pg_ctl", ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>On a server the tests did not start, removes what they made (never the server's own databases).</summary>
    private void DropCreatedDatabases()
    {
        if (created.Count == 0)
        {
            return;
        }

        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        foreach (var name in created)
        {
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }

    private static string? FindBinaries() =>
        !Directory.Exists(BinariesRoot)
            ? null
            : Directory.GetDirectories(BinariesRoot)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")) && File.Exists(Path.Combine(d.Folder, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunServerTool(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(binaries!, tool);
        if (asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}

/// <summary>A test that needs the PostgreSQL server: skipped when <c>DOSSIER_TEST_POSTGRES=skip</c>, run (and failing without a server) otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Marks a test class whose every test, inherited ones included, needs the PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgresAttribute : Attribute;
