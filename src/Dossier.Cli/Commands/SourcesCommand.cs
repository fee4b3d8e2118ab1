using System.CommandLine;
using Dossier.Analysis;
using Dossier.Cli.Output;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier sources</c>: outlets with their articles, copies and date range; with <c>--framing</c>,
/// the labels each outlet and speaker gives each actor and each outlet's alignment; with
/// <c>--profile</c>, each outlet's and article's sourcing profile.
/// </summary>
internal static class SourcesCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format(csv: true);
        var framing = new Option<bool>("--framing") { Description = "The loaded labels (\"terrorists\", \"warlord\", \"internationally recognized government\") each outlet and each speaker it quotes gives each actor, with the sentences, and each outlet's alignment with the sides of the conflict." };
        var profile = new Option<bool>("--profile") { Description = "Each outlet's and article's sourcing profile: facts with a named speaker, an unnamed source or none; hedges; loaded labels per 1,000 words; single-source and disputed facts; opinion markers." };
        var actor = new Option<string?>("--actor") { Description = "With --framing: only the labels of this actor (any spelling).", HelpName = "ACTOR" };
        var command = new Command("sources", "List the outlets in the store: articles, originals, copies of other articles, and the dates they span; --framing and --profile show how each one reports.")
        {
            database, format, framing, profile, actor,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(database)!;
            if (!parse.GetValue(framing) && !parse.GetValue(profile))
            {
                return Run(environment, path, parse.GetValue(format));
            }

            if (parse.GetValue(framing) && parse.GetValue(profile) && parse.GetValue(format) is OutputFormat.Csv or OutputFormat.Tsv)
            {
                // Two tables of different columns in one file would be no spreadsheet.
                environment.Error.WriteLine($"dossier: --format {parse.GetValue(format).ToString().ToLowerInvariant()} prints one table: give --framing or --profile, not both");
                return ExitCodes.Failure;
            }

            using var store = CommonOptions.OpenExistingStore(path, environment);
            if (store is null || !AnalysisCommands.TryActor(environment, store, parse.GetValue(actor), out var actorId))
            {
                return ExitCodes.Failure;
            }

            var facts = CorpusFacts.Load(store);
            var report = FramingReport.Build(facts);
            if (parse.GetValue(framing))
            {
                FramingOutput.Print(environment, report, actorId, parse.GetValue(format));
            }

            if (parse.GetValue(profile))
            {
                var perArticle = SourcingProfiles.PerArticle(facts, report, DisputeLedger.Build(facts));
                FramingOutput.PrintProfiles(environment, SourcingProfiles.PerOutlet(facts, perArticle), perArticle, parse.GetValue(format));
            }

            return ExitCodes.Success;
        });
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
                firstPublished = s.FirstPublished,
                lastPublished = s.LastPublished,
            }));
            return ExitCodes.Success;
        }

        if (format is OutputFormat.Csv or OutputFormat.Tsv)
        {
            CsvOutput.Write(environment.Out, ["outlet", "articles", "originals", "copies", "first_published", "last_published"],
                sources.Select(s => (IReadOnlyList<string?>)[s.Outlet, Count(s.Articles), Count(s.Originals), Count(s.Copies), s.FirstPublished, s.LastPublished]), format);
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

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
