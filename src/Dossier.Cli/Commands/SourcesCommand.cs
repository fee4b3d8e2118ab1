using System.CommandLine;
using Dossier.Cli.Output;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier sources</c>: outlets with their articles, copies and date range.</summary>
internal static class SourcesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format();
        var command = new Command("sources", "List the outlets in the store: articles, originals, copies of other articles, and the dates they span.")
        {
            database, format,
        };
        command.SetAction(parse => Run(environment, parse.GetValue(database)!, parse.GetValue(format)));
        return command;
    }

    public static int Run(CliEnvironment environment, string databasePath, OutputFormat format)
    {
        using var store = CommonOptions.OpenExistingStore(databasePath, environment);
        if (store is null)
        {
            return ExitCodes.Failure;
        }

        var sources = store.ListSources();
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(environment.Out, sources.Select(s => new
            {
                outlet = s.Outlet,
                articles = s.Articles,
                originals = s.Originals,
                copies = s.Copies,
                first_published = s.FirstPublished,
                last_published = s.LastPublished,
            }));
            return ExitCodes.Success;
        }

        if (sources.Count == 0)
        {
            environment.Out.WriteLine("The store has no articles yet.");
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Outlet", "Articles", "Originals", "Copies", "First published", "Last published");
        foreach (var source in sources)
        {
            table.AddRow(
                Markup.Escape(source.Outlet),
                Numbers.Format(source.Articles),
                Numbers.Format(source.Originals),
                Numbers.Format(source.Copies),
                source.FirstPublished ?? "-",
                source.LastPublished ?? "-");
        }

        environment.CreateConsole().Write(table);
        var total = sources.Sum(s => s.Articles);
        var copies = sources.Sum(s => s.Copies);
        environment.Out.WriteLine($"{Numbers.Format(total)} articles from {Numbers.Format(sources.Count)} outlets; {Numbers.Format(copies)} are copies of another article.");
        return ExitCodes.Success;
    }
}
