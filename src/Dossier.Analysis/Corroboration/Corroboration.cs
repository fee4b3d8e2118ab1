using Dossier.Analysis.Incidents;
using Dossier.Core.Facts;

namespace Dossier.Analysis;

/// <summary>An incident (every report of one event) with the independent sources behind it.</summary>
public sealed record CorroboratedIncident(int Number, Incident Incident, Support Support);

/// <summary>One tie between two actors, as every report states it, with the independent sources behind it.</summary>
public sealed record CorroboratedRelation(RelationKind Kind, EventActor Source, EventActor Target, IReadOnlyList<RelationRow> Reports, Support Support);

/// <summary>One thing said by one speaker, as every article reports it, with the independent sources behind it.</summary>
public sealed record CorroboratedClaim(string Speaker, string? SpeakerEntityId, IReadOnlyList<ClaimRow> Reports, Support Support);

/// <summary>
/// For every event, relation and claim: which independent outlets and speakers report it. A fact
/// with one independent source is flagged as such, never dropped.
/// </summary>
public static class Corroboration
{
    // Two reports of one speaker's words are the same claim when they share this much of their content words.
    private const double SameContent = 0.5;

    public static IReadOnlyList<CorroboratedIncident> Incidents(CorpusFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [.. IncidentGrouper.Group(facts.Events, facts.Copies).Select((incident, n) => new CorroboratedIncident(
            n + 1,
            incident,
            facts.Sources.Weigh([.. incident.Reports.Select(r => new FactReport(r.ArticleId, r.Published, r.SaidBy, Modality.Asserted, r.Evidence))])))];
    }

    public static IReadOnlyList<CorroboratedRelation> Relations(CorpusFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return [.. facts.Relations
            .GroupBy(r => (r.Kind, Source: r.Source.EntityId ?? r.Source.Name, Target: r.Target.EntityId ?? r.Target.Name))
            .Select(group =>
            {
                var reports = group.ToList();
                var support = facts.Sources.Weigh([.. reports.Select(r => new FactReport(r.ArticleId, null, r.SaidBy, Modality.Asserted, r.Evidence))]);
                return new CorroboratedRelation(group.Key.Kind, reports[0].Source, reports[0].Target, reports, support);
            })
            .OrderByDescending(r => r.Support.IndependentSources).ThenByDescending(r => r.Reports.Count)];
    }

    public static IReadOnlyList<CorroboratedClaim> Claims(CorpusFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        // Only one speaker's claims can be the same claim, so each is compared with that speaker's groups alone.
        var groups = new List<List<ClaimRow>>();
        var bySpeaker = new Dictionary<string, List<(List<ClaimRow> Group, HashSet<string> Words)>>(StringComparer.Ordinal);
        foreach (var claim in facts.Claims)
        {
            var words = ContentWords(claim.Content);
            var key = claim.SpeakerEntityId ?? "text:" + claim.SpeakerText.ToLowerInvariant();
            if (!bySpeaker.TryGetValue(key, out var speakerGroups))
            {
                bySpeaker[key] = speakerGroups = [];
            }

            var same = speakerGroups.FirstOrDefault(g => Overlap(g.Words, words) >= SameContent).Group;
            if (same is null)
            {
                List<ClaimRow> group = [claim];
                groups.Add(group);
                speakerGroups.Add((group, words));
            }
            else
            {
                same.Add(claim);
            }
        }

        return [.. groups.Select(group => new CorroboratedClaim(
            group[0].SpeakerName ?? group[0].SpeakerText,
            group[0].SpeakerEntityId,
            group,
            facts.Sources.Weigh([.. group.Select(c => new FactReport(c.ArticleId, c.Published, c.SpeakerName ?? c.SpeakerText, c.Modality, c.Sentence))])))];
    }

    internal static HashSet<string> ContentWords(string text)
        => [.. text.Split([' ', ',', '.', ';', ':', '“', '”', '"', '(', ')', '—', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant())
            .Where(w => w.Length > 3 && !FunctionWords.Contains(w))];

    private static readonly HashSet<string> FunctionWords =
    [
        "that", "this", "these", "those", "with", "from", "have", "has", "had", "been", "were", "more", "than", "they", "their", "them",
        "after", "over", "which", "would", "will", "said", "says", "also", "into", "about", "there", "what", "when", "where", "some",
    ];

    /// <summary>Shared content words over the smaller set's size; zero when fewer than <paramref name="atLeast"/> are shared.</summary>
    internal static double Overlap(HashSet<string> a, HashSet<string> b, int atLeast = 2)
    {
        var shared = a.Count(b.Contains);
        return shared < atLeast ? 0 : (double)shared / Math.Min(a.Count, b.Count);
    }
}
