using Dossier.Core.Documents;
using System.CommandLine;
using System.Globalization;
using Dossier.Analysis;
using Dossier.Cli.Output;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier disputes</c> and <c>dossier timeline</c>: what the sources disagree on, side by side,
/// and what happened in date order, each with the independent sources behind it.
/// </summary>
internal static class AnalysisCommands
{
    public static IEnumerable<Command> Create(CliEnvironment environment)
    {
        yield return Disputes(environment);
        yield return TimelineCommand(environment);
    }

    /// <summary>Resolves --actor to an entity id, or writes why it cannot and returns false.</summary>
    public static bool TryActor(CliEnvironment environment, IDossierStore store, string? wanted, out string? actorId)
    {
        ArgumentNullException.ThrowIfNull(environment);
        actorId = null;
        if (wanted is null)
        {
            return true;
        }

        var entity = ActorCommands.FindQuietly(store, wanted);
        if (entity is null)
        {
            environment.Error.WriteLine($"dossier: --actor {wanted}: no actor is called so; dossier actors lists them");
            return false;
        }

        actorId = entity.Id;
        return true;
    }

    private static Command Disputes(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format(csv: true);
        var actor = new Option<string?>("--actor") { Description = "Only disputes about this actor (any spelling).", HelpName = "ACTOR" };
        var incident = new Option<int?>("--event") { Description = "Only disputes about this incident (its number in dossier timeline).", HelpName = "N" };
        var command = new Command("disputes", "The dispute ledger: casualty figures, perpetrators, control of places, and accusations with their denials, every source's value side by side with its speaker, outlet, modality and date, and whether the difference is a contradiction or an update over time.")
        {
            database, format, actor, incident,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null || !TryActor(environment, store, parse.GetValue(actor), out var actorId))
            {
                return ExitCodes.Failure;
            }

            var facts = CorpusFacts.Load(store);
            var number = parse.GetValue(incident);
            if (number is { } n && (n < 1 || n > Corroboration.Incidents(facts).Count))
            {
                environment.Error.WriteLine($"dossier: --event {n}: no such incident; dossier timeline numbers them (1 to {Corroboration.Incidents(facts).Count})");
                return ExitCodes.Failure;
            }

            var rows = DisputeLedger.Build(facts)
                .Where(r => actorId is null || r.Actors.Contains(actorId))
                .Where(r => number is null || r.Incident == number)
                .ToList();
            PrintDisputes(environment, rows, parse.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    public static void PrintDisputes(CliEnvironment environment, IReadOnlyList<DisputeRow> rows, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(rows);
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(environment.Out, rows.Select(r => new
            {
                subject = r.Subject,
                field = r.Field,
                kind = Name(r.Kind),
                why = r.Why,
                incident = r.Incident,
                actors = r.Actors,
                values = r.Values.Select(v => new
                {
                    value = v.Value,
                    speaker = v.Speaker,
                    outlet = v.Outlet,
                    article = v.Article.Value,
                    modality = v.Modality.ToString().ToLowerInvariant(),
                    date = v.Date,
                    evidence = v.Evidence,
                    copiedBy = v.CopiedBy,
                }),
            }));
            return;
        }

        if (format is OutputFormat.Csv or OutputFormat.Tsv)
        {
            // One line per source's value, the dispute's own columns repeated: a spreadsheet filters
            // and sorts lines, and a dispute spread over a heading and a table would not survive that.
            CsvOutput.Write(environment.Out,
                ["dispute", "subject", "field", "kind", "why", "incident", "value", "said_by", "outlet", "article", "modality", "date", "evidence", "copied_by"],
                rows.SelectMany((r, n) => r.Values.Select(v => (IReadOnlyList<string?>)
                [
                    (n + 1).ToString(CultureInfo.InvariantCulture), r.Subject, r.Field, Name(r.Kind), r.Why, r.Incident?.ToString(CultureInfo.InvariantCulture),
                    v.Value, v.Speaker, v.Outlet, v.Article.Value, v.Modality.ToString().ToLowerInvariant(), v.Date, v.Evidence, string.Join("; ", v.CopiedBy),
                ])), format);
            return;
        }

        if (rows.Count == 0)
        {
            environment.Out.WriteLine("No disputes: no two sources give different values for one incident or actor.");
            return;
        }

        var console = environment.CreateConsole();
        foreach (var row in rows)
        {
            console.MarkupLine($"[bold]{Markup.Escape(row.Subject)}[/] · {Markup.Escape(row.Field)}{(row.Incident is { } n ? $" · incident {n}" : "")}");
            console.MarkupLine($"  [yellow]{Name(row.Kind)}[/]: {Markup.Escape(row.Why)}");
            var table = new Table().AddColumns("Value", "Says who", "Outlet", "Modality", "Date", "Evidence");
            foreach (var value in row.Values)
            {
                table.AddRow(
                    Markup.Escape(TextClipping.Clip(value.Value, 60)),
                    Markup.Escape(value.Speaker ?? "(the outlet)"),
                    Markup.Escape(value.Outlet + (value.CopiedBy.Count > 0 ? $" (copied by {string.Join(", ", value.CopiedBy)})" : "")),
                    value.Modality.ToString().ToLowerInvariant(),
                    value.Date ?? "undated",
                    Markup.Escape($"{value.Article.Short}: {TableText.Clip(value.Evidence, console, 110)}"));
            }

            TableText.Write(console, table);
        }

        environment.Out.WriteLine($"{rows.Count} disputes.");
    }

    private static Command TimelineCommand(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format(csv: true);
        var actor = new Option<string?>("--actor") { Description = "Only what this actor (any spelling) took part in.", HelpName = "ACTOR" };
        var command = new Command("timeline", "Events and ties between actors in date order, with each date's precision (day, week, month, year; a tie is dated by the report that states it) and the independent sources behind each; undated ones last.")
        {
            database, format, actor,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null || !TryActor(environment, store, parse.GetValue(actor), out var actorId))
            {
                return ExitCodes.Failure;
            }

            var entries = Timeline.Build(CorpusFacts.Load(store), actorId);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                JsonOutput.Write(environment.Out, entries.Select(e => new
                {
                    kind = e.Kind.ToString().ToLowerInvariant(),
                    from = Day(e.From),
                    to = Day(e.To),
                    precision = e.Precision,
                    what = e.What,
                    incident = e.Incident,
                    actors = e.Actors,
                    reports = e.Support.Reports,
                    independentSources = e.Support.IndependentSources,
                    singleSource = e.Support.SingleSource,
                    sources = e.Support.Sources,
                    evidence = e.Evidence,
                }));
                return ExitCodes.Success;
            }

            if (parse.GetValue(format) is OutputFormat.Csv or OutputFormat.Tsv)
            {
                CsvOutput.Write(environment.Out,
                    ["kind", "from", "to", "precision", "incident", "what", "reports", "independent_sources", "single_source", "sources", "evidence"],
                    entries.Select(e => (IReadOnlyList<string?>)
                    [
                        e.Kind.ToString().ToLowerInvariant(), Day(e.From), Day(e.To), e.Precision, e.Incident?.ToString(CultureInfo.InvariantCulture), e.What,
                        e.Support.Reports.ToString(CultureInfo.InvariantCulture), e.Support.IndependentSources.ToString(CultureInfo.InvariantCulture),
                        e.Support.SingleSource ? "yes" : "no", string.Join("; ", e.Support.Sources), e.Evidence,
                    ]), parse.GetValue(format));
                return ExitCodes.Success;
            }

            if (entries.Count == 0)
            {
                environment.Out.WriteLine(actorId is null ? "No events or ties found yet." : "No events or ties of this actor.");
                return ExitCodes.Success;
            }

            var console = environment.CreateConsole();
            var table = new Table().AddColumns("When", "Precision", "#", "What", "Sources", "Evidence");
            foreach (var entry in entries)
            {
                table.AddRow(
                    entry.From is null ? "undated" : entry.From == entry.To ? Day(entry.From)! : $"{Day(entry.From)}..{Day(entry.To)}",
                    entry.Precision,
                    entry.Incident?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(TableText.Clip(entry.What, console, 80)),
                    Markup.Escape(Sources(entry.Support)),
                    Markup.Escape(TableText.Clip(entry.Evidence, console, 90)));
            }

            TableText.Write(console, table);
            environment.Out.WriteLine($"{entries.Count} entries, {entries.Count(e => e.From is not null)} dated; {entries.Count(e => e.Support.SingleSource)} rest on a single independent source.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"2 independent (MintPress News, Reuters; 1 second-hand)", or "single source: X".</summary>
    public static string Sources(Support support)
    {
        ArgumentNullException.ThrowIfNull(support);
        var names = string.Join(", ", support.Sources);
        var secondHand = support.SecondHand > 0 ? $"; {support.SecondHand} second-hand" : "";
        return support.SingleSource ? $"single source: {names}{secondHand}" : $"{support.IndependentSources} independent ({names}{secondHand})";
    }

    public static string Name(DisputeKind kind) => kind switch
    {
        DisputeKind.Contradiction => "contradiction",
        DisputeKind.UpdateOverTime => "update over time",
        DisputeKind.Undetermined => "update or contradiction (undetermined)",
        _ => "accusation and denial",
    };

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
