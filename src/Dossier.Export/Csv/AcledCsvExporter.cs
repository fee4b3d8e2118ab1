using System.Globalization;
using System.Text;
using Dossier.Analysis.Incidents;
using Dossier.Analysis.Places;
using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Export.Sources;

namespace Dossier.Export.Csv;

/// <summary>
/// Events as ACLED lays them out, one row per incident (reports of the same kind of event at the same
/// place on overlapping dates are one incident: <see cref="IncidentRule"/>, applied as the store's
/// events stream by in date order), followed by Dossier's own columns. ACLED codes the
/// lowest fatality figure and notes the others; so do we, and the notes say which report gave which.
/// The place is put where the web map puts it (<see cref="PlaceCoordinates"/>): coordinates, country,
/// ISO 3166-1 numeric code, admin1 for a town (the first-level division GeoNames puts it in, by
/// GeoNames' spelling: "Banghazi"), and geo_precision 1 for a town or 3 for a country's centroid.
/// Columns we do not fill (admin1 of a place put at its country's centroid; admin2, which GeoNames
/// leaves empty for every Libyan town; admin3, which it lacks; actor type codes) are left empty,
/// never guessed. An article without an outlet is named in <c>source</c> and the notes by its
/// title, or its file name when it has none, never by its hash.
/// </summary>
internal static class AcledCsvExporter
{
    public static readonly IReadOnlyList<string> Header =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
        "injured", "displaced", "speakers", "modality", "independent_sources", "reports",
    ];

    public static void Write(IDossierStore store, ExportFilter filter, Stream output, PlaceCoordinates? places, ExportCounter counter)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        var csv = new CsvWriter(text);
        csv.Row(Header);
        var unknownOutlets = UnknownOutletNames(store, filter);
        var states = places is null ? [] : PlaceCoordinates.StateMentions(store.ListEntities(null, int.MaxValue));
        var articleNames = places is null ? [] : PlaceContext.ArticleNamesOf(store.ReadChains());
        var placed = new Dictionary<(string Place, ArticleId Article), PlaceMatch?>();
        string?[] Row(IncidentSummary incident)
        {
            PlaceMatch? place = null;
            var article = incident.Best.Source.ArticleId;
            if (places is not null && incident.Best.Place is { } p && !placed.TryGetValue((p.Name, article), out place))
            {
                var context = new PlaceContext(articleNames.GetValueOrDefault(article) ?? [], states);
                placed[(p.Name, article)] = place = places.Resolve(p.Name, context).Match;
            }

            return AcledCsvExporter.Row(incident, place, unknownOutlets);
        }

        var grouper = new StreamingIncidentGrouper<IncidentSummary>(report => new IncidentSummary(report));
        foreach (var report in store.ReadEvents(filter, byDate: true))
        {
            foreach (var closed in grouper.Add(report))
            {
                csv.Row(Row(closed));
                counter.Count("events");
            }
        }

        foreach (var closed in grouper.Finish())
        {
            csv.Row(Row(closed));
            counter.Count("events");
        }

        text.Flush();
    }

    /// <summary>
    /// What the articles without an outlet are called in <c>source</c> and the notes: the label the
    /// analyses use, "(unknown outlet: TITLE)", with the file name when there is no title. Only those
    /// articles are held, so memory follows them, not the store.
    /// </summary>
    private static Dictionary<ArticleId, string> UnknownOutletNames(IDossierStore store, ExportFilter filter)
    {
        var names = new Dictionary<ArticleId, string>();
        foreach (var article in store.ReadArticles(filter))
        {
            if (article.Outlet is null)
            {
                var title = string.IsNullOrWhiteSpace(article.Title) ? Path.GetFileName(article.OriginPath) : article.Title.Trim();
                names[article.Id] = $"(unknown outlet: {title})";
            }
        }

        return names;
    }

    private static string?[] Row(IncidentSummary incident, PlaceMatch? place, IReadOnlyDictionary<ArticleId, string> unknownOutlets)
    {
        string OutletName(ArticleId article, string? outlet) => outlet ?? unknownOutlets.GetValueOrDefault(article) ?? SourceSummary.UnknownOutlet;
        var best = incident.Best;
        var (disorder, type, subType) = AcledEventTypes.Of(best.Type, best.Trigger);
        var date = best.DateFirst;
        var killed = incident.Figures(CountKind.Killed);
        var notes = new StringBuilder(best.Sentence);
        if (killed.Count > 1)
        {
            notes.Append(" [fatalities as reported: ")
                 .AppendJoin("; ", killed.Select(k => $"{k.Text} ({OutletName(k.Article, k.Outlet)})"))
                 .Append(']');
        }

        return
        [
            incident.Id,
            date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            date?.Year.ToString(CultureInfo.InvariantCulture),
            AcledEventTypes.TimePrecision(best.DatePrecision),
            disorder, type, subType,
            best.Agents.FirstOrDefault()?.Name, string.Join("; ", best.Agents.Skip(1).Select(a => a.Name)), "",
            best.Targets.FirstOrDefault()?.Name, string.Join("; ", best.Targets.Skip(1).Select(a => a.Name)), "",
            "", "",
            place?.CountryNumericCode, "", place?.CountryName, place?.Admin1, "", "",
            best.Place?.Name,
            place?.Latitude.ToString("0.#####", CultureInfo.InvariantCulture),
            place?.Longitude.ToString("0.#####", CultureInfo.InvariantCulture),
            place is null ? "" : place.IsTown ? "1" : "3",
            string.Join("; ", incident.SourceArticles.Select(s => OutletName(s.ArticleId, s.Outlet)).Distinct().Order(StringComparer.Ordinal)), "",
            notes.ToString(),
            Lowest(incident, CountKind.Killed) ?? "0",
            "",
            "",
            Lowest(incident, CountKind.Injured),
            Lowest(incident, CountKind.Displaced),
            string.Join("; ", incident.Speakers),
            string.Join("; ", incident.Modalities.Select(m => m.ToString().ToLowerInvariant())),
            incident.Sources.IndependentSources.ToString(CultureInfo.InvariantCulture),
            incident.Reports.ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static string? Lowest(IncidentSummary incident, CountKind kind) =>
        incident.Figures(kind) is { Count: > 0 } figures ? figures.Min(f => f.Low).ToString(CultureInfo.InvariantCulture) : null;
}

/// <summary>One figure as one report gave it.</summary>
internal sealed record ReportedFigure(CountKind Kind, long Low, string Text, ArticleId Article, string? Outlet);

/// <summary>An incident as the CSV needs it: its best report, every report's figures, sources, speakers and modalities.</summary>
internal sealed class IncidentSummary(ExportEvent first) : IStreamedIncident
{
    private readonly List<ReportedFigure> figures = [];

    public string Id { get; } = string.Create(CultureInfo.InvariantCulture, $"DOS-{first.Source.ArticleId.Short}-{first.Ordinal}");

    public ExportEvent Best { get; private set; } = first;

    public DateOnly? LastDate { get; private set; } = first.DateLast ?? first.DateFirst;

    public IndependentSourceCounter Sources { get; } = new();

    /// <summary>Every report's article, to name its outlet in <c>source</c>.</summary>
    public List<ReportSource> SourceArticles { get; } = [];

    public SortedSet<string> Speakers { get; } = new(StringComparer.Ordinal);

    public SortedSet<Modality> Modalities { get; } = [];

    public int Reports { get; private set; }

    public List<ReportedFigure> Figures(CountKind kind) => [.. figures.Where(f => f.Kind == kind)];

    public void Add(ExportEvent report)
    {
        Reports++;
        Sources.Add(report.Source, report.Speaker?.Text);
        SourceArticles.Add(report.Source);
        Modalities.Add(report.Modality);
        if (report.Speaker is { } speaker)
        {
            Speakers.Add(speaker.Name ?? speaker.Text);
        }

        foreach (var count in report.Counts)
        {
            figures.Add(new ReportedFigure(count.Kind, count.Low, count.Text, report.Source.ArticleId, report.Source.Outlet));
        }

        if ((report.DateLast ?? report.DateFirst) is { } last && (LastDate is null || last > LastDate))
        {
            LastDate = last;
        }

        if (Reports > 1 && IncidentRule.SaysMore(IncidentReport.Of(report), IncidentReport.Of(Best)))
        {
            Best = report;
        }
    }
}
