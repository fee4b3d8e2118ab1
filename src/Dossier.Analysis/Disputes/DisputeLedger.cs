using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Analysis;

/// <summary>How two sources' values differ.</summary>
public enum DisputeKind
{
    /// <summary>Said of the same moment, and they cannot both be right.</summary>
    Contradiction,

    /// <summary>A running figure or a state that changed: the later report supersedes the earlier.</summary>
    UpdateOverTime,

    /// <summary>They differ, but a date is missing, so an update cannot be told from a contradiction.</summary>
    Undetermined,

    /// <summary>One source accuses, another denies.</summary>
    Denial,
}

/// <summary>
/// One source's value in a dispute: what it says, who says it, where and when, and how it is put.
/// <see cref="CopiedBy"/> names the outlets of syndicated copies of its article that repeat the
/// value: more outlets reporting it, not more values.
/// </summary>
public sealed record DisputedValue(string Value, string? Speaker, string Outlet, ArticleId Article, Modality Modality, string? Date, string Evidence, IReadOnlyList<string> CopiedBy);

/// <summary>One row of the ledger: one field of one incident or actor, with every source's value side by side.</summary>
public sealed record DisputeRow(string Subject, string Field, DisputeKind Kind, string Why, IReadOnlyList<string> Actors, int? Incident, IReadOnlyList<DisputedValue> Values);

/// <summary>
/// The dispute ledger: casualty figures of one incident or one running toll, who attacked, who
/// controls a place, and accusations with their denials, each with every source's value side by side.
/// </summary>
public static partial class DisputeLedger
{
    public static IReadOnlyList<DisputeRow> Build(CorpusFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rows = new List<DisputeRow>();
        var incidents = Corroboration.Incidents(facts);
        rows.AddRange(Casualties(facts, incidents));
        rows.AddRange(Attackers(facts, incidents));
        rows.AddRange(Control(facts));
        rows.AddRange(Denials(facts));
        return rows;
    }

    private static IEnumerable<DisputeRow> Casualties(CorpusFacts facts, IReadOnlyList<CorroboratedIncident> incidents)
    {
        // Reports of one incident, and running tolls ("so far", "since the offensive began") at one place.
        var groups = incidents
            .Where(i => i.Incident.Reports.Select(r => r.ArticleId).Distinct().Count() > 1)
            .Select(i => (Subject: Describe(i.Incident.Event), Number: (int?)i.Number, Reports: (IReadOnlyList<EventRow>)i.Incident.Reports))
            .ToList();
        var numberOf = incidents.SelectMany(i => i.Incident.Reports.Select(r => (r, i.Number))).ToDictionary(p => p.r, p => p.Number);
        var tolls = facts.Events
            .Where(e => e.Counts.Count > 0 && e.Place is not null && IsViolence(e.Type) && RunningToll().IsMatch(e.Evidence))
            .GroupBy(e => e.Place!.EntityId ?? e.Place.Name)
            .Where(g => g.Select(e => e.ArticleId).Distinct().Count() > 1);
        // A running toll whose reports are all one incident told by several articles is that incident's row already.
        var toldBySeveral = groups.Select(g => g.Number).OfType<int>().ToHashSet();
        foreach (var toll in tolls)
        {
            var reports = toll.ToList();
            var incident = numberOf.TryGetValue(reports[0], out var first) ? first : -1;
            if (toldBySeveral.Contains(incident) && reports.All(r => numberOf.TryGetValue(r, out var n) && n == incident))
            {
                continue;
            }

            groups.Add(($"the running toll of fighting at {reports[0].Place!.Name}", numberOf.TryGetValue(reports[0], out var n) ? n : null, reports));
        }

        foreach (var (subject, number, reports) in groups)
        {
            foreach (var kind in Enum.GetValues<CountKind>())
            {
                var values = WithoutRepeatedCopies(facts,
                    reports.SelectMany(r => r.Counts.Where(c => c.Kind == kind).Select(c => (Report: r, Count: c))),
                    v => v.Report.ArticleId, v => CountText(v.Count), out var copiedBy);
                if (values.Select(v => v.Report.ArticleId).Distinct().Count() < 2 || values.Select(v => (v.Count.Low, v.Count.High)).Distinct().Count() < 2)
                {
                    continue;
                }

                var cells = values.Select(v => new DisputedValue(
                        CountText(v.Count), v.Report.SaidBy, facts.Sources.OutletOf(v.Report.ArticleId), v.Report.ArticleId,
                        Modality.Asserted, DateOf(v.Report), v.Report.Evidence, copiedBy(v)))
                    .ToList();
                var (disputeKind, why) = Classify(values.Select(v => (DateOf(v.Report), (double)v.Count.Low)).ToList(), running: true);
                if (values.Any(v => v.Count.Bound is "atleast") && disputeKind != DisputeKind.Contradiction)
                {
                    why += "; an 'at least' figure does not exclude a higher one";
                }

                yield return new DisputeRow(subject, kind.ToString().ToLowerInvariant(), disputeKind, why,
                    [.. reports.SelectMany(r => r.Agents.Concat(r.Targets).Append(r.Place)).Select(a => a?.EntityId).OfType<string>().Distinct()], number, cells);
            }
        }
    }

    private static IEnumerable<DisputeRow> Attackers(CorpusFacts facts, IReadOnlyList<CorroboratedIncident> incidents)
    {
        foreach (var incident in incidents)
        {
            var reports = WithoutRepeatedCopies(facts, incident.Incident.Reports.Where(r => r.Agents.Count > 0), r => r.ArticleId, AgentsKey, out var copiedBy);
            var versions = reports.GroupBy(AgentsKey).ToList();
            if (versions.Count < 2 || reports.Select(r => r.ArticleId).Distinct().Count() < 2)
            {
                continue;
            }

            var cells = reports.Select(r => new DisputedValue(
                string.Join(", ", r.Agents.Select(a => a.Name)), r.SaidBy, facts.Sources.OutletOf(r.ArticleId), r.ArticleId, Modality.Asserted, DateOf(r), r.Evidence, copiedBy(r))).ToList();
            yield return new DisputeRow(Describe(incident.Incident.Event), "attacker", DisputeKind.Contradiction, "the reports name different perpetrators of one incident",
                [.. reports.SelectMany(r => r.Agents).Select(a => a.EntityId).OfType<string>().Distinct()], incident.Number, cells);
        }
    }

    private static IEnumerable<DisputeRow> Control(CorpusFacts facts)
    {
        var byPlace = facts.Relations
            .Where(r => r.Kind == RelationKind.Controls && r.Polarity != "denied")
            .GroupBy(r => r.Target.EntityId ?? r.Target.Name);
        foreach (var place in byPlace)
        {
            var reports = WithoutRepeatedCopies(facts, place, r => r.ArticleId, r => r.Source.EntityId ?? r.Source.Name, out var copiedBy);
            if (reports.Select(r => r.Source.EntityId ?? r.Source.Name).Distinct().Count() < 2)
            {
                continue;
            }

            var dates = reports.Select(r => (Date: facts.ArticlesById.TryGetValue(r.ArticleId, out var a) ? Day(a.Published) : null, Value: 0.0)).ToList();
            var (kind, why) = Classify(dates, running: false);
            yield return new DisputeRow($"control of {reports[0].Target.Name}", "controlled by", kind, why,
                [.. reports.Select(r => r.Source.EntityId).Append(reports[0].Target.EntityId).OfType<string>().Distinct()], null,
                [.. reports.Select(r => new DisputedValue(r.Source.Name, r.SaidBy, facts.Sources.OutletOf(r.ArticleId), r.ArticleId, Modality.Asserted,
                    facts.ArticlesById.TryGetValue(r.ArticleId, out var a) ? Day(a.Published) : null, r.Evidence, copiedBy(r)))]);
        }
    }

    private static IEnumerable<DisputeRow> Denials(CorpusFacts facts)
    {
        var claims = facts.Claims;
        if (!claims.Any(c => c.Modality == Modality.Denied))
        {
            yield break;
        }

        var finder = new AccusationFinder(claims);
        for (var i = 0; i < claims.Count; i++)
        {
            var denial = claims[i];
            if (denial.Modality != Modality.Denied)
            {
                continue;
            }

            var accusation = finder.For(i, NamesAnAccusation().IsMatch(denial.Content));
            var values = new List<DisputedValue>();
            if (accusation is not null)
            {
                values.Add(Value(facts, accusation));
            }

            values.Add(Value(facts, denial));
            var actors = new[] { denial.SpeakerEntityId, denial.AffiliationEntityId, accusation?.SpeakerEntityId, accusation?.AffiliationEntityId }
                .Concat(MentionedIn(facts, accusation ?? denial))
                .OfType<string>().Distinct().ToList();
            var subject = accusation is null
                ? $"{denial.SpeakerName ?? denial.SpeakerText} denies: {denial.Content.Clip(90)}"
                : $"{accusation.SpeakerName ?? accusation.SpeakerText}: {accusation.Content.Clip(90)}";
            var why = accusation is null
                ? "a denial whose accusation the article does not state as a claim"
                : $"{denial.SpeakerName ?? denial.SpeakerText} {denial.Cue} what {accusation.SpeakerName ?? accusation.SpeakerText} {(accusation.Modality == Modality.Alleged ? "alleged" : "reported")}";
            yield return new DisputeRow(subject, "accusation", DisputeKind.Denial, why, actors, null, values);
        }
    }

    private static string AgentsKey(EventRow report) => string.Join("|", report.Agents.Select(a => a.EntityId ?? a.Name).Order(StringComparer.Ordinal));

    /// <summary>
    /// The reports without those of a syndicated copy that say what its original says: the copy is
    /// the original's report again, not a second value, and <paramref name="copiedBy"/> gives each
    /// kept report the outlets of the copies that repeat it. A copy that changed the figure stays,
    /// since that difference is real.
    /// </summary>
    private static List<T> WithoutRepeatedCopies<T>(CorpusFacts facts, IEnumerable<T> reports, Func<T, ArticleId> articleOf, Func<T, string> valueOf, out Func<T, IReadOnlyList<string>> copiedBy)
    {
        var all = reports.ToList();
        var said = all.Select(r => (articleOf(r), valueOf(r))).ToHashSet();
        var kept = new List<T>(all.Count);
        var repeatedBy = new Dictionary<(ArticleId, string), SortedSet<string>>();
        foreach (var r in all)
        {
            if (facts.ArticlesById.TryGetValue(articleOf(r), out var article) && article.CopyOf is { } original && said.Contains((original, valueOf(r))))
            {
                var key = (original, valueOf(r));
                (repeatedBy.TryGetValue(key, out var outlets) ? outlets : repeatedBy[key] = new SortedSet<string>(StringComparer.Ordinal)).Add(facts.Sources.OutletOf(article.Id));
            }
            else
            {
                kept.Add(r);
            }
        }

        copiedBy = r => repeatedBy.TryGetValue((articleOf(r), valueOf(r)), out var outlets) ? [.. outlets] : [];
        return kept;
    }

    private static IEnumerable<string?> MentionedIn(CorpusFacts facts, ClaimRow claim)
        => facts.ArticlesById.TryGetValue(claim.ArticleId, out var article)
            ? article.Mentions.Where(m => m.Start >= claim.ContentStart && m.End <= claim.ContentEnd).Select(m => (string?)m.EntityId)
            : [];

    private static DisputedValue Value(CorpusFacts facts, ClaimRow claim)
        => new(claim.Content, claim.SpeakerName ?? claim.SpeakerText, facts.Sources.OutletOf(claim.ArticleId), claim.ArticleId, claim.Modality, Day(claim.Published), claim.Sentence, claim.CopiedBy);

    /// <summary>Update or contradiction, from the dates of the values and, for running figures, whether they only grow.</summary>
    private static (DisputeKind Kind, string Why) Classify(IReadOnlyList<(string? Date, double Value)> values, bool running)
    {
        if (values.Any(v => v.Date is null))
        {
            return (DisputeKind.Undetermined, "a report is undated, so an update cannot be told from a contradiction");
        }

        var ordered = values.OrderBy(v => v.Date, StringComparer.Ordinal).ToList();
        if (ordered.Select(v => v.Date).Distinct().Count() == 1)
        {
            return (DisputeKind.Contradiction, $"different values on the same date, {ordered[0].Date}");
        }

        if (!running)
        {
            return (DisputeKind.UpdateOverTime, $"reported on different dates, {ordered[0].Date} to {ordered[^1].Date}: it may have changed");
        }

        var grows = ordered.Zip(ordered.Skip(1)).All(p => p.Second.Value >= p.First.Value);
        return grows
            ? (DisputeKind.UpdateOverTime, $"the figure grows from {ordered[0].Date} to {ordered[^1].Date}, as a running toll does")
            : (DisputeKind.Contradiction, $"a later report ({ordered[^1].Date}) gives a lower figure than an earlier one");
    }

    private static string? DateOf(EventRow report) => Day(report.Published);

    private static string? Day(string? published) => published is { Length: >= 10 } ? published[..10] : published;

    private static string CountText(EventCountRow count) => count.High is { } high
        ? $"{count.Low}-{high}"
        : count.Bound switch
        {
            "atleast" => $"at least {count.Low}",
            "atmost" => $"at most {count.Low}",
            "approximate" => $"about {count.Low}",
            _ => count.Low.ToString(CultureInfo.InvariantCulture),
        } + $" ({count.Text})";

    private static string Describe(EventRow e)
        => $"{e.Type.ToName()}{(e.Place is { } place ? " at " + place.Name : "")}{(e.DateFirst is { } date ? " on " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}";

    private static bool IsViolence(EventType type) => type is EventType.Attack or EventType.ArmedClash or EventType.AirstrikeOrShelling or EventType.Killing or EventType.Capture;

    [GeneratedRegex(@"\b(so far|to date|thus far|since|in total|overall|death toll|toll|altogether|at least \d[\d,]* people have)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RunningToll();

    [GeneratedRegex(@"\b(allegations?|accusations?|charges?|claims?|reports?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamesAnAccusation();
}
