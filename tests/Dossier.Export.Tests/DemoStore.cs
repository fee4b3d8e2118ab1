using System.Text;
using Dossier.Cli;

namespace Dossier.Export.Tests;

/// <summary>
/// The bundled sample corpus, ingested and linked by the real <c>dossier demo</c> into one store that
/// every test reading it shares (read only), built once per test run.
/// </summary>
internal static class DemoStore
{
    private static readonly Lazy<string> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Built.Value;

    private static string Build()
    {
        var folder = Directory.CreateTempSubdirectory("dossier-export-demo-").FullName;
        var database = System.IO.Path.Combine(folder, "demo.db");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = DossierCli.Run(["demo", "--no-serve", "--db", database], new CliEnvironment
        {
            Out = output,
            Error = error,
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes("")),
            IsInteractive = false,
        });
        Assert.True(exit == 0, error.ToString());
        return database;
    }
}

/// <summary>Runs an export into memory and gives back its bytes.</summary>
internal static class Exported
{
    public static readonly DateTimeOffset Stamp = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static byte[] Bytes(Core.Storage.IDossierStore store, ExportFormat format, Core.Export.ExportFilter? filter = null, ExportOptions? options = null)
    {
        using var buffer = new MemoryStream();
        DossierExporter.Export(store, format, filter ?? Core.Export.ExportFilter.All, buffer, options ?? new ExportOptions(Stamp));
        return buffer.ToArray();
    }

    public static string Text(Core.Storage.IDossierStore store, ExportFormat format, Core.Export.ExportFilter? filter = null, ExportOptions? options = null) =>
        Encoding.UTF8.GetString(Bytes(store, format, filter, options));

    public static string SchemaFolder(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Schemas", .. parts]);
}
