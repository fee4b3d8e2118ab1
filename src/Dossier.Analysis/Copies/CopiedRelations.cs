using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Storage;

namespace Dossier.Analysis.Copies;

/// <summary>
/// A tie as listed: its row, and the outlets of the syndicated copies of its article that state it
/// in the same sentence (each copy one more report of it, not a tie of its own).
/// </summary>
public sealed record ListedRelation(RelationRow Relation, IReadOnlyList<string> CopiedBy);

/// <summary>
/// Folds each copy's tie that its original states with the same kind, the same two actors and the
/// same sentence into the original's. A tie only the copy states (a sentence it added or changed)
/// is listed as its own; so is every tie of a copy whose original is not in the list given (a
/// filter left it out), so that nothing a filter asks for goes missing.
/// </summary>
public static class CopiedRelations
{
    public static IReadOnlyList<ListedRelation> Fold(IReadOnlyList<RelationRow> relations, ArticleCopies copies)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(copies);
        var first = new Dictionary<Key, int>();
        for (var i = 0; i < relations.Count; i++)
        {
            if (copies.OriginalOf(relations[i].ArticleId) is null)
            {
                first.TryAdd(KeyOf(relations[i], relations[i].ArticleId), i);
            }
        }

        // Copies are looked up after every original is known: a copy may be listed before its
        // original (dated earlier), and it is still the original's report.
        var copiedBy = new List<string>?[relations.Count];
        var folded = new bool[relations.Count];
        for (var i = 0; i < relations.Count; i++)
        {
            if (copies.OriginalOf(relations[i].ArticleId) is { } original && first.TryGetValue(KeyOf(relations[i], original), out var at))
            {
                var outlets = copiedBy[at] ??= [];
                var outlet = SourceSummary.ListedName(relations[i].Outlet);
                if (!outlets.Contains(outlet, StringComparer.Ordinal))
                {
                    outlets.Add(outlet);
                }

                folded[i] = true;
            }
        }

        var listed = new List<ListedRelation>(relations.Count);
        for (var i = 0; i < relations.Count; i++)
        {
            if (!folded[i])
            {
                listed.Add(new ListedRelation(relations[i], copiedBy[i] is { } outlets ? [.. outlets.Order(StringComparer.Ordinal)] : []));
            }
        }

        return listed;
    }

    private static Key KeyOf(RelationRow relation, ArticleId article)
        => new(article, relation.Kind, relation.Source.EntityId ?? relation.Source.Name, relation.Target.EntityId ?? relation.Target.Name, relation.Evidence);

    private readonly record struct Key(ArticleId Article, RelationKind Kind, string Source, string Target, string Evidence);
}
