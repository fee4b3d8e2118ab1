using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Export.Sources;

namespace Dossier.Export.Graph;

/// <summary>
/// A tie between two actors: every report of one kind of relation from one entity to another.
/// <see cref="Reports"/> is the edge weight; <see cref="Evidence"/> counts distinct sentences, so the
/// same sentence in a syndicated copy adds a report but no evidence.
/// </summary>
internal sealed record Tie(string Source, string Target, RelationKind Kind, int Reports, int Evidence, int IndependentSources);

/// <summary>Folds the store's relations, which come ordered by source, target and kind, into ties, one at a time.</summary>
internal static class TieAggregator
{
    public static IEnumerable<Tie> Read(IDossierStore store, ExportFilter filter)
    {
        (string Source, string Target, RelationKind Kind)? key = null;
        var reports = 0;
        var sentences = new HashSet<string>(StringComparer.Ordinal);
        var sources = new IndependentSourceCounter();
        foreach (var relation in store.ReadRelations(filter))
        {
            // A tie needs both ends linked to entities: an unlinked chain is no node of the graph.
            if (relation.From.EntityId is not { } from || relation.To.EntityId is not { } to || string.Equals(from, to, StringComparison.Ordinal))
            {
                continue;
            }

            var next = (from, to, relation.Kind);
            if (key is { } current && current != next)
            {
                yield return new Tie(current.Source, current.Target, current.Kind, reports, sentences.Count, sources.IndependentSources);
                reports = 0;
                sentences.Clear();
                sources.Clear();
            }

            key = next;
            reports++;
            sentences.Add(relation.Sentence);
            sources.Add(relation.Source, relation.Speaker?.Text);
        }

        if (key is { } last)
        {
            yield return new Tie(last.Source, last.Target, last.Kind, reports, sentences.Count, sources.IndependentSources);
        }
    }
}
