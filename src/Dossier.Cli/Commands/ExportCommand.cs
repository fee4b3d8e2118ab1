using System.CommandLine;
using System.Globalization;
using System.Text;
using Dossier.Core.Export;
using Dossier.Export;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier export</c>: the store, or one actor's or one period's part of it, in a format other tools read.</summary>
internal static class ExportCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = new Option<string>("--format")
        {
            Description = $"What to write: {ExportFormats.AllNames}.",
            HelpName = "FORMAT",
            Required = true,
        };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output.", HelpName = "PATH" };
        var actor = new Option<string?>("--actor") { Description = "Only what concerns this actor (any spelling).", HelpName = "NAME" };
        var from = new Option<string?>("--from") { Description = "Only facts on or after this date (YYYY-MM-DD): events by their date, the rest by publication date.", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Only facts on or before this date (YYYY-MM-DD).", HelpName = "DATE" };
        var command = new Command("export", "Export actors, ties, events and claims with their evidence: json (everything), csv (ACLED-style events), gexf and graphml (actor graph for Gephi), stix (STIX 2.1 bundle).")
        {
            database, format, output, actor, from, to,
        };
        command.SetAction(parse =>
        {
            var formatText = parse.GetValue(format)!;
            if (!ExportFormats.TryParse(formatText, out var chosen))
            {
                environment.Error.WriteLine($"dossier: unknown export format {formatText}; formats are {ExportFormats.AllNames}");
                return ExitCodes.Failure;
            }

            if (!CommonOptions.TryDates(environment, parse.GetValue(from), parse.GetValue(to), out var fromDate, out var toDate))
            {
                return ExitCodes.Failure;
            }

            if (fromDate > toDate)
            {
                environment.Error.WriteLine($"dossier: --from {fromDate:yyyy-MM-dd} is after --to {toDate:yyyy-MM-dd}");
                return ExitCodes.Failure;
            }

            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            string? entityId = null;
            if (parse.GetValue(actor) is { } name)
            {
                var entity = ActorCommands.FindQuietly(store, name);
                if (entity is null)
                {
                    environment.Error.WriteLine($"dossier: --actor {name}: no actor is called so; dossier actors lists them");
                    return ExitCodes.Failure;
                }

                entityId = entity.Id;
            }

            var filter = new ExportFilter(entityId, fromDate, toDate);
            var showProgress = environment.IsInteractive || (ReferenceEquals(environment.Error, Console.Error) && !Console.IsErrorRedirected);
            var options = new ExportOptions(environment.Clock.GetUtcNow())
            {
                Progress = showProgress ? (kind, rows) => environment.Error.Write($"\rexporting: {rows:N0} objects ({kind})   ") : null,
                Places = Analysis.Places.PlaceCoordinates.ForApplication(AppContext.BaseDirectory),
            };

            var path = parse.GetValue(output);
            ExportSummary summary;
            try
            {
                summary = Run(environment, store, chosen, filter, options, path);
            }
            catch (IOException exception)
            {
                environment.Error.WriteLine($"dossier: {path ?? "standard output"}: {exception.Message}");
                return ExitCodes.Failure;
            }
            catch (UnauthorizedAccessException exception)
            {
                environment.Error.WriteLine($"dossier: {path}: {exception.Message}");
                return ExitCodes.Failure;
            }

            if (showProgress)
            {
                environment.Error.Write("\r");
            }

            if (path is not null || showProgress)
            {
                var counts = string.Join(", ", summary.Counts.Select(c => $"{c.Value:N0} {c.Key}"));
                environment.Error.WriteLine($"Exported {(counts.Length == 0 ? "nothing" : counts)} as {chosen.ToName()}{(path is null ? "" : " to " + path)}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static ExportSummary Run(CliEnvironment environment, Core.Storage.IDossierStore store, ExportFormat format, ExportFilter filter, ExportOptions options, string? path)
    {
        if (path is not null)
        {
            // Written beside the target and moved over it at the end: a failed export leaves no half file.
            var partial = path + ".partial";
            ExportSummary summary;
            using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                summary = DossierExporter.Export(store, format, filter, file, options);
            }

            File.Move(partial, path, overwrite: true);
            return summary;
        }

        if (ReferenceEquals(environment.Out, Console.Out))
        {
            using var stdout = Console.OpenStandardOutput();
            return DossierExporter.Export(store, format, filter, stdout, options);
        }

        // In-process runs (tests) print to a writer, not a stream.
        using var buffer = new MemoryStream();
        var result = DossierExporter.Export(store, format, filter, buffer, options);
        environment.Out.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        return result;
    }
}
