using Dossier.Core.Facts;

namespace Dossier.Analysis;

/// <summary>How often one outlet (or a speaker it quotes) gives one actor one label, with the sentences.</summary>
public sealed record LabelCount(string Outlet, string? Speaker, string? EntityId, string? EntityName, string Label, LabelTone Tone, int Count, IReadOnlyList<LabelUse> Uses);

/// <summary>How one outlet treats one side: labels for its actors, casualties it reports among them, and how often it names them as perpetrators.</summary>
public sealed record SideTreatment(string Side, int Favourable, int Unfavourable, int CasualtyReports, int NamedPerpetrator);

/// <summary>One outlet's alignment: its treatment of each side, and where it leans by its own labels, if anywhere.</summary>
public sealed record OutletAlignment(string Outlet, IReadOnlyList<SideTreatment> Sides, string Reading);

/// <summary>Labels per outlet, per speaker and per actor, and each outlet's alignment with the sides of the conflict.</summary>
public sealed record FramingReport(IReadOnlyList<LabelUse> Uses, IReadOnlyList<LabelCount> Counts, IReadOnlyList<ConflictSide> Sides, IReadOnlyList<OutletAlignment> Alignments)
{
    public static FramingReport Build(CorpusFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var uses = FindUses(facts);
        var counts = Count(uses);
        var sides = ConflictSides.Find(facts);
        // Each outlet's labels and events grouped once: filtering all of them per outlet grew with
        // outlets times events, and a store of articles without outlets has an outlet per article.
        var ownVoice = uses.Where(u => u.Speaker is null).ToLookup(u => u.Outlet, StringComparer.Ordinal);
        var eventsOf = facts.Events.ToLookup(e => facts.Sources.OutletOf(e.ArticleId), StringComparer.Ordinal);
        var alignments = facts.Articles.Select(a => facts.Sources.OutletOf(a.Id)).Distinct()
            .Select(outlet => Align(outlet, [.. ownVoice[outlet]], [.. eventsOf[outlet]], sides))
            .ToList();
        return new FramingReport(uses, counts, sides, alignments);
    }

    /// <summary>The labels given to one actor, by outlet and speaker, with their sentences.</summary>
    public static IReadOnlyList<LabelCount> LabelsOf(CorpusFacts facts, string entityId)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Count([.. FindUses(facts).Where(u => u.EntityId == entityId)]);
    }

    private static List<LabelUse> FindUses(CorpusFacts facts)
    {
        var claimsByArticle = facts.Claims.ToLookup(c => c.ArticleId);
        return [.. facts.Articles.SelectMany(a => LabelFinder.Find(a, facts.Sources.OutletOf(a.Id), [.. claimsByArticle[a.Id]]))];
    }

    private static List<LabelCount> Count(List<LabelUse> uses)
        => uses
            .GroupBy(u => (u.Outlet, u.Speaker, u.EntityId, u.Label))
            .Select(g => new LabelCount(g.Key.Outlet, g.Key.Speaker, g.Key.EntityId, g.First().EntityName, g.Key.Label, g.First().Tone, g.Count(), [.. g]))
            .OrderBy(c => c.Outlet, StringComparer.Ordinal).ThenByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToList();

    private static OutletAlignment Align(string outlet, IReadOnlyList<LabelUse> ownVoice, IReadOnlyList<EventRow> events, IReadOnlyList<ConflictSide> sides)
    {
        var treatments = sides.Select(side => new SideTreatment(
            side.Name,
            ownVoice.Count(u => u.EntityId is { } id && side.Members.Contains(id) && u.Tone == LabelTone.Favourable),
            ownVoice.Count(u => u.EntityId is { } id && side.Members.Contains(id) && u.Tone == LabelTone.Unfavourable),
            events.Count(e => e.Counts.Any(c => c.Kind is CountKind.Killed or CountKind.Injured) && e.Targets.Any(t => t.EntityId is { } id && side.Members.Contains(id))),
            events.Count(e => e.Agents.Any(a => a.EntityId is { } id && side.Members.Contains(id)))))
            .ToList();
        return new OutletAlignment(outlet, treatments, Reading(treatments));
    }

    /// <summary>A lean is read only from labels in the outlet's own voice, and only when one side is clearly treated better.</summary>
    private static string Reading(IReadOnlyList<SideTreatment> sides)
    {
        if (sides.Count != 2)
        {
            return "no sides found";
        }

        var net = sides.Select(s => s.Favourable - s.Unfavourable).ToList();
        if (sides.All(s => s.Favourable + s.Unfavourable == 0))
        {
            return "labels neither side";
        }

        return Math.Abs(net[0] - net[1]) < 2
            ? "no clear lean in its labels"
            : $"labels {sides[net[0] > net[1] ? 0 : 1].Side}'s side more favourably ({net[0]:+0;-0;0} vs {net[1]:+0;-0;0})";
    }
}
