using System.Text;
using System.Text.Json;

namespace Dossier.Cli.Tests;

/// <summary>The result of one in-process run of the real <c>dossier</c> command.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the CLI in-process, exactly as <c>Program</c> does, over string writers.</summary>
internal static class CliRun
{
    public static CliResult RunWithInput(string stdin, params string[] args) => Run(stdin, null, args);

    /// <summary>Runs with output going to a pipe whose terminal is <paramref name="columns"/> wide (COLUMNS set).</summary>
    public static CliResult RunWithWidth(int columns, params string[] args) => Run(string.Empty, columns, args);

    private static CliResult Run(string stdin, int? columns, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)),
            IsInteractive = false,
            Width = columns,
        };
        var exit = DossierCli.Run(args, environment);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static CliResult Run(params string[] args) => RunWithInput(string.Empty, args);
}

/// <summary>A temporary folder for one test's files and store, removed afterwards.</summary>
internal sealed class Workspace : IDisposable
{
    public Workspace() => Root = Directory.CreateTempSubdirectory("dossier-cli-").FullName;

    public string Root { get; }

    public string Database => Path.Combine(Root, "test.db");

    public string SampleCorpus => Path.Combine(AppContext.BaseDirectory, "samples", "libya");

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
