using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Core.Documents;
using Dossier.Ingest;
using Dossier.Core.Actors;
using Dossier.Core.Facts;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier demo</c>: the bundled Libya sample corpus into a fresh store, then a tour of what was
/// found. Later stages (actors, events, the web UI) extend this tour.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultDatabase = "dossier-demo.db";

    public static Command Create(CliEnvironment environment)
    {
        var database = new Option<string>("--db")
        {
            Description = "Where to build the demo store. It is replaced if it exists and is a Dossier store.",
            HelpName = "PATH",
            DefaultValueFactory = _ => DefaultDatabase,
        };
        var noServe = new Option<bool>("--no-serve")
        {
            Description = "Stop after the tour instead of serving the web UI (for scripts and tests).",
        };
        var host = ServeCommand.Host();
        var port = ServeCommand.Port();
        var command = new Command("demo", "Ingest the bundled sample corpus (five reports on the war in Libya) into a fresh store, show what was found, then serve the web UI on 127.0.0.1.")
        {
            database, noServe, host, port,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(database)!;
            var exit = Run(environment, path, cancellationToken);
            if (exit == ExitCodes.Failure || parse.GetValue(noServe))
            {
                return exit;
            }

            environment.Out.WriteLine();
            var served = await ServeCommand.RunAsync(environment, new Web.DossierWebOptions
            {
                DatabasePath = path,
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                ApplicationDirectory = environment.ApplicationDirectory,
                Clock = environment.Clock,
                Log = environment.Out,
            }, cancellationToken);
            return served == ExitCodes.Success ? exit : served;
        });
        return command;
    }

    public static string SampleCorpus(CliEnvironment environment) => Path.Combine(environment.ApplicationDirectory, "samples", "libya");

    public static int Run(CliEnvironment environment, string databasePath, CancellationToken cancellationToken)
    {
        var corpus = SampleCorpus(environment);
        if (!Directory.Exists(corpus))
        {
            environment.Error.WriteLine($"dossier: the bundled sample corpus is missing from {corpus}; reinstall Dossier");
            return ExitCodes.Failure;
        }

        if (!RemoveOldDemoStore(environment, databasePath))
        {
            return ExitCodes.Failure;
        }

        var console = environment.CreateConsole();
        console.MarkupLine($"[bold]Dossier demo[/]: ingesting the bundled sample corpus ({Markup.Escape(corpus)}) into {Markup.Escape(databasePath)}");
        var exit = IngestCommand.Run(environment, databasePath, [corpus], new ReaderOptions(), OutputFormat.Table, cancellationToken, jobs: Environment.ProcessorCount);
        if (exit == ExitCodes.Failure)
        {
            return exit;
        }

        console.WriteLine();
        console.MarkupLine("[bold]The articles[/]");
        using (var store = CommonOptions.OpenExistingStore(databasePath, environment))
        {
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var number = 0;
            foreach (var hit in store.Search("libya", 100, 0).OrderBy(h => h.Id.Value, StringComparer.Ordinal))
            {
                if (store.FindArticle(hit.Id.Value) is not Core.Storage.ArticleLookup.Found found)
                {
                    continue;
                }

                var article = found.Article;
                var removed = string.Join(", ", article.Removed.GroupBy(r => r.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"));
                console.MarkupLine($"{++number}. [bold]{Markup.Escape(article.Metadata.Title ?? "(no title in the text)")}[/]");
                console.MarkupLine($"   id {article.Id.Short} · outlet {Markup.Escape(article.Metadata.Outlet ?? "-")} · author {Markup.Escape(article.Metadata.Author ?? "-")} · " +
                                   $"published {article.Metadata.Published?.ToIso() ?? "-"} · {Numbers.Format(article.WordCount)} words · {article.Captions.Count} captions");
                console.MarkupLine($"   removed: {Markup.Escape(removed.Length == 0 ? "nothing" : removed)}");
            }
        }

        ShowActors(environment, console, databasePath);
        console.WriteLine();
        console.MarkupLine("[bold]Sources[/]");
        SourcesCommand.Run(environment, databasePath, OutputFormat.Table);
        console.WriteLine();
        console.MarkupLine($"Next: [bold]dossier article ID --db {Markup.Escape(databasePath)}[/] shows an article and what was removed from it; " +
                           $"[bold]dossier search TEXT --db {Markup.Escape(databasePath)}[/] searches them; " +
                           $"[bold]dossier actors --db {Markup.Escape(databasePath)}[/] lists every actor and [bold]dossier show Hifter --db {Markup.Escape(databasePath)}[/] explains why each spelling was joined.");
        return exit;
    }

    /// <summary>Replaces an earlier demo store, but never a file that is not one of ours.</summary>
    private static bool RemoveOldDemoStore(CliEnvironment environment, string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return true;
        }

        using (var existing = CommonOptions.OpenStore(databasePath, environment))
        {
            if (existing is null)
            {
                environment.Error.WriteLine($"dossier: {databasePath} is not a Dossier store; not replacing it (choose another --db)");
                return false;
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(path);
        }

        return true;
    }

    /// <summary>The actors found most often, each once with all its spellings.</summary>
    private static void ShowActors(CliEnvironment environment, IAnsiConsole console, string databasePath)
    {
        using var store = CommonOptions.OpenExistingStore(databasePath, environment);
        if (store is null)
        {
            return;
        }

        console.WriteLine();
        console.MarkupLine("[bold]The actors[/] (one line per real-world actor, under every spelling the reports use)");
        var table = new Table().AddColumns("Actor", "Kind", "Mentions", "Articles", "Spellings");
        foreach (var actor in store.ListEntities(null, 20))
        {
            table.AddRow(
                Markup.Escape(actor.Name),
                actor.Kind.ToName(),
                Numbers.Format(actor.Mentions),
                Numbers.Format(actor.Articles),
                Markup.Escape(string.Join(", ", actor.Spellings.Where(s => !s.Text.StartsWith("the ", StringComparison.OrdinalIgnoreCase)).Take(8).Select(s => s.Text))));
        }

        console.Write(table);

        console.WriteLine();
        console.MarkupLine("[bold]Dated events[/] (dossier events lists them all with their evidence; dossier claims --by Mismari, who says what)");
        foreach (var incident in Dossier.Analysis.Incidents.IncidentGrouper.Group(store.ListEvents(), Dossier.Analysis.Copies.ArticleCopies.Load(store)).Where(i => i.Event.DateFirst is not null).Take(12))
        {
            var e = incident.Event;
            var killed = e.Counts.FirstOrDefault(c => c.Kind == Core.Facts.CountKind.Killed) is { } count ? $"; killed {count.Text}" : "";
            var sides = e.Agents.Count + e.Targets.Count == 0 ? "" : $": {string.Join(", ", e.Agents.Select(a => a.Name))} → {string.Join(", ", e.Targets.Select(a => a.Name))}";
            var who = e.SaidBy is { } said ? $" (says {said})" : "";
            console.MarkupLine(Markup.Escape($"  {e.DateFirst:yyyy-MM-dd} {e.Type.ToName()}{(e.Place is { } place ? " in " + place.Name : "")}{sides}{killed}{who}"));
        }
    }
}
