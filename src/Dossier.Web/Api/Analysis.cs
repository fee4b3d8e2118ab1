using Dossier.Analysis;

namespace Dossier.Web.Api;

/// <summary>One label as the dossier lists it: which outlet (or speaker it quotes) gives it, how often, and where.</summary>
public sealed record LabelItem(string Outlet, string? Speaker, string Label, string Tone, int Count, IReadOnlyList<LabelEvidence> Uses);

public sealed record LabelEvidence(string ArticleId, string Words, string Sentence);

/// <summary>One source's value in a dispute; <see cref="CopiedBy"/> names the outlets of the syndicated copies of its article that repeat it.</summary>
public sealed record DisputeValueItem(string Value, string? Speaker, string Outlet, string ArticleId, string Modality, string? Date, string Evidence, IReadOnlyList<string> CopiedBy);

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
        return Computed.Of(DisputeLedger.Build(facts).Select(ToItem).ToList(), FramingReport.Build(facts));
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
        [.. row.Values.Select(v => new DisputeValueItem(v.Value, v.Speaker, v.Outlet, v.Article.Value, v.Modality.ToString().ToLowerInvariant(), v.Date, v.Evidence, v.CopiedBy))]);

    private static string KindName(DisputeKind kind) => kind switch
    {
        DisputeKind.Contradiction => "contradiction",
        DisputeKind.UpdateOverTime => "update",
        DisputeKind.Undetermined => "undetermined",
        _ => "denial",
    };

    /// <summary>What one store version's analyses found, with each actor's labels and disputes ready for its dossier.</summary>
    internal sealed record Computed(IReadOnlyList<DisputeItem> Disputes, FramingReport Framing)
    {
        /// <summary>How many sentences a dossier shows for each label (the page shows three); its count is of all.</summary>
        public const int UsesShown = 10;

        private IReadOnlyDictionary<string, List<LabelItem>> LabelsByActor { get; init; } = new Dictionary<string, List<LabelItem>>();

        private IReadOnlyDictionary<string, List<DisputeItem>> DisputesByActor { get; init; } = new Dictionary<string, List<DisputeItem>>();

        public static Computed Of(IReadOnlyList<DisputeItem> disputes, FramingReport framing)
        {
            // Grouped by actor once: a dossier used to filter every label and dispute of the store.
            var labels = new Dictionary<string, List<LabelItem>>(StringComparer.Ordinal);
            foreach (var count in framing.Counts)
            {
                if (count.EntityId is { } id)
                {
                    var item = ToItem(count);
                    (labels.TryGetValue(id, out var list) ? list : labels[id] = []).Add(item with { Uses = [.. item.Uses.Take(UsesShown)] });
                }
            }

            var byActor = new Dictionary<string, List<DisputeItem>>(StringComparer.Ordinal);
            foreach (var dispute in disputes)
            {
                foreach (var actor in dispute.Actors.Distinct(StringComparer.Ordinal))
                {
                    (byActor.TryGetValue(actor, out var list) ? list : byActor[actor] = []).Add(dispute);
                }
            }

            return new Computed(disputes, framing) { LabelsByActor = labels, DisputesByActor = byActor };
        }

        /// <summary>The labels given to an actor, each with its first <see cref="UsesShown"/> sentences.</summary>
        public IReadOnlyList<LabelItem> LabelsOf(string actor) => LabelsByActor.GetValueOrDefault(actor, []);

        /// <summary>The disputes an actor is part of, in ledger order.</summary>
        public IReadOnlyList<DisputeItem> DisputesOf(string actor) => DisputesByActor.GetValueOrDefault(actor, []);
    }
}
