using Dossier.Analysis;

namespace Dossier.Web.Api;

/// <summary>One label as the dossier lists it: which outlet (or speaker it quotes) gives it, how often, and where.</summary>
public sealed record LabelItem(string Outlet, string? Speaker, string Label, string Tone, int Count, IReadOnlyList<LabelEvidence> Uses);

public sealed record LabelEvidence(string ArticleId, string Words, string Sentence);

/// <summary>One source's value in a dispute.</summary>
public sealed record DisputeValueItem(string Value, string? Speaker, string Outlet, string ArticleId, string Modality, string? Date, string Evidence);

/// <summary>One row of the dispute ledger: a field of an incident or an actor, with every source's value side by side.</summary>
public sealed record DisputeItem(string Subject, string Field, string Kind, string Why, int? Incident, IReadOnlyList<string> Actors, IReadOnlyList<DisputeValueItem> Values);

public sealed record SideTreatmentItem(string Side, int FavourableLabels, int UnfavourableLabels, int CasualtyReports, int NamedPerpetrator);

/// <summary>How one outlet treats each side of the conflict.</summary>
public sealed record AlignmentItem(string Outlet, string Reading, IReadOnlyList<SideTreatmentItem> Sides);

public sealed record SideItem(string Name, string LeaderId, int Members);

/// <summary>The sides of the conflict and each outlet's alignment with them.</summary>
public sealed record FramingOverview(IReadOnlyList<SideItem> Sides, IReadOnlyList<AlignmentItem> Alignments);

/// <summary>
/// The analyses (dispute ledger, framing) of the store, computed once per store version on first
/// use, since they read every article's text.
/// </summary>
internal sealed class AnalysisCache(StorePool pool)
{
    private readonly VersionedCache<Computed> cache = new(pool, store =>
    {
        var facts = CorpusFacts.Load(store);
        return new Computed(DisputeLedger.Build(facts).Select(ToItem).ToList(), FramingReport.Build(facts));
    });

    public Computed Get() => cache.Get();

    public Computed? TryGet(TimeSpan wait) => cache.TryGet(wait);

    public static LabelItem ToItem(LabelCount count) => new(
        count.Outlet, count.Speaker, count.Label, count.Tone.ToName(), count.Count,
        [.. count.Uses.Select(u => new LabelEvidence(u.Article.Value, u.Words, u.Evidence))]);

    public static FramingOverview Overview(FramingReport report) => new(
        [.. report.Sides.Select(s => new SideItem(s.Name, s.LeaderId, s.Members.Count))],
        [.. report.Alignments.Select(a => new AlignmentItem(a.Outlet, a.Reading,
            [.. a.Sides.Select(s => new SideTreatmentItem(s.Side, s.Favourable, s.Unfavourable, s.CasualtyReports, s.NamedPerpetrator))]))]);

    private static DisputeItem ToItem(DisputeRow row) => new(
        row.Subject, row.Field, KindName(row.Kind), row.Why, row.Incident, row.Actors,
        [.. row.Values.Select(v => new DisputeValueItem(v.Value, v.Speaker, v.Outlet, v.Article.Value, v.Modality.ToString().ToLowerInvariant(), v.Date, v.Evidence))]);

    private static string KindName(DisputeKind kind) => kind switch
    {
        DisputeKind.Contradiction => "contradiction",
        DisputeKind.UpdateOverTime => "update",
        DisputeKind.Undetermined => "undetermined",
        _ => "denial",
    };

    /// <summary>What one store version's analyses found.</summary>
    internal sealed record Computed(IReadOnlyList<DisputeItem> Disputes, FramingReport Framing);
}
