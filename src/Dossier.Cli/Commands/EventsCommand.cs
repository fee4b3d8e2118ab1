using System.CommandLine;
using System.Globalization;
using Dossier.Analysis.Copies;
using Dossier.Analysis.Incidents;
using Dossier.Cli.Output;
using Dossier.Core.Facts;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier events</c>: what happened, where, when, to whom, how many, and who says so.</summary>
internal static class EventsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format(csv: true);
        var actor = new Option<string?>("--actor") { Description = "Only events this actor took part in (any spelling).", HelpName = "ACTOR" };
        var place = new Option<string?>("--place") { Description = "Only events at this place (any spelling).", HelpName = "PLACE" };
        var from = new Option<string?>("--from") { Description = "Only events on or after this date (YYYY-MM-DD).", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Only events on or before this date (YYYY-MM-DD).", HelpName = "DATE" };
        var type = new Option<string?>("--type") { Description = $"Only events of this type: {EventTypes.AllNames}.", HelpName = "TYPE" };
        var command = new Command("events", "List events as an ACLED coder would: date and precision, type, place, actors, killed/injured/displaced/kidnapped, who says so; reports of one incident are joined.")
        {
            database, format, actor, place, from, to, type,
        };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryDates(environment, parse.GetValue(from), parse.GetValue(to), out var fromDate, out var toDate))
            {
                return ExitCodes.Failure;
            }

            EventType? wantedType = null;
            if (parse.GetValue(type) is { } typeText)
            {
                if (!EventTypes.TryParse(typeText, out var parsedType))
                {
                    environment.Error.WriteLine($"dossier: unknown event type {typeText}; types are {EventTypes.AllNames}");
                    return ExitCodes.Failure;
                }

                wantedType = parsedType;
            }

            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            string? actorId = null, placeId = null;
            foreach (var (option, value) in new[] { ("--actor", parse.GetValue(actor)), ("--place", parse.GetValue(place)) })
            {
                if (value is null)
                {
                    continue;
                }

                var entity = ActorCommands.FindQuietly(store, value);
                if (entity is null)
                {
                    environment.Error.WriteLine($"dossier: {option} {value}: no actor is called so; dossier actors lists them");
                    return ExitCodes.Failure;
                }

                (actorId, placeId) = option == "--actor" ? (entity.Id, placeId) : (actorId, entity.Id);
            }

            var reports = store.ListEvents()
                .Where(e => wantedType is null || e.Type == wantedType)
                .Where(e => actorId is null || e.Agents.Concat(e.Targets).Any(a => a.EntityId == actorId))
                .Where(e => placeId is null || e.Place?.EntityId == placeId)
                .Where(e => fromDate is null || (e.DateLast ?? e.DateFirst) >= fromDate)
                .Where(e => toDate is null || e.DateFirst <= toDate)
                .ToList();
            Print(environment, IncidentGrouper.Group(reports, ArticleCopies.Load(store)), parse.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Date(EventRow e) => e.DateFirst is not { } first
        ? "-"
        : e.DatePrecision == "day" || e.DateLast == first
            ? first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : $"{first:yyyy-MM-dd}..{e.DateLast:yyyy-MM-dd} ({e.DatePrecision})";

    private static string Count(EventRow e, CountKind kind)
        => e.Counts.FirstOrDefault(c => c.Kind == kind) is { } count
            ? count.High is { } high ? $"{count.Low}-{high}" : count.Bound == "atleast" ? $"{count.Low}+" : count.Low.ToString(CultureInfo.InvariantCulture)
            : "";

    private static string Names(IEnumerable<EventActor> actors) => string.Join(", ", actors.Select(a => a.Name));

    private static void Print(CliEnvironment environment, IReadOnlyList<Incident> incidents, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.Write(environment.Out, incidents.Select(i => new
                {
                    type = i.Event.Type.ToName(),
                    dateFirst = i.Event.DateFirst?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    dateLast = i.Event.DateLast?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    datePrecision = i.Event.DatePrecision,
                    place = i.Event.Place?.Name,
                    placeActor = i.Event.Place?.EntityId,
                    agents = i.Event.Agents.Select(a => new { name = a.Name, actor = a.EntityId }),
                    targets = i.Event.Targets.Select(a => new { name = a.Name, actor = a.EntityId }),
                    reports = i.Reports.Select(r => new
                    {
                        article = r.ArticleId.Value,
                        outlet = r.Outlet,
                        published = r.Published,
                        trigger = r.Trigger,
                        dateText = r.DateText,
                        counts = r.Counts.Select(c => new { kind = c.Kind.ToString().ToLowerInvariant(), low = c.Low, high = c.High, bound = c.Bound, text = c.Text }),
                        saidBy = r.SaidBy,
                        evidence = r.Evidence,
                    }),
                }));
                return;
            case OutputFormat.Csv or OutputFormat.Tsv:
                // ACLED-style: one row per report, the incident's number joining reports of one incident.
                CsvOutput.Write(environment.Out,
                    ["incident", "event_date", "date_precision", "event_type", "actor1", "actor2", "location", "fatalities", "injured", "displaced", "kidnapped", "source", "article", "said_by", "notes"],
                    incidents.SelectMany((incident, n) => incident.Reports.Select(r => (IReadOnlyList<string?>)
                    [
                        (n + 1).ToString(CultureInfo.InvariantCulture), r.DateFirst?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.DatePrecision, r.Type.ToName(),
                        Names(r.Agents), Names(r.Targets), r.Place?.Name, Count(r, CountKind.Killed), Count(r, CountKind.Injured), Count(r, CountKind.Displaced),
                        Count(r, CountKind.Kidnapped), r.Outlet, r.ArticleId.Value, r.SaidBy, r.Evidence,
                    ])), format);
                return;
        }

        if (incidents.Count == 0)
        {
            environment.Out.WriteLine("No events match.");
            return;
        }

        var console = environment.CreateConsole();
        var table = new Table().AddColumns("Date", "Type", "Place", "Who", "To whom", "Killed", "Injured", "Says who", "Evidence");
        foreach (var incident in incidents)
        {
            var e = incident.Event;
            var evidence = TableText.Clip(e.Evidence, console, 110);
            table.AddRow(
                Markup.Escape(Date(e)),
                e.Type.ToName(),
                Markup.Escape(e.Place?.Name ?? "-"),
                Markup.Escape(Names(e.Agents)),
                Markup.Escape(Names(e.Targets)),
                Markup.Escape(string.Join(" / ", incident.Reports.Select(r => Count(r, CountKind.Killed)).Where(c => c.Length > 0).Distinct())),
                Markup.Escape(string.Join(" / ", incident.Reports.Select(r => Count(r, CountKind.Injured)).Where(c => c.Length > 0).Distinct())),
                Markup.Escape(string.Join("; ", incident.Reports.Select(r => r.SaidBy ?? r.Outlet ?? "the article").Distinct())),
                Markup.Escape($"{e.ArticleId.Short}: {evidence}" + (incident.Reports.Count > 1 ? $" (+{incident.Reports.Count - 1} reports)" : "")));
        }

        TableText.Write(console, table);
        environment.Out.WriteLine($"{incidents.Count} events from {incidents.Sum(i => i.Reports.Count)} reports; --format json or csv gives each report's words.");
    }
}
