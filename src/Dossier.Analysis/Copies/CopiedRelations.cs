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
        => [.. FoldReports(relations, copies).Select(f => new ListedRelation(f.Report, CopiedReports.OutletsOf(f.Copies.Select(c => c.Outlet))))];

    /// <summary>As <see cref="Fold"/>, with the copies' rows (their articles, outlets and dates) rather than their outlets' names.</summary>
    public static IReadOnlyList<FoldedReport<RelationRow>> FoldReports(IReadOnlyList<RelationRow> relations, ArticleCopies copies)
        => CopiedReports.Fold(relations, copies, r => r.ArticleId, SameWords);

    /// <summary>A tie in the same words: its kind, its two actors and its sentence.</summary>
    private static (RelationKind Kind, string Source, string Target, string Evidence) SameWords(RelationRow relation)
        => (relation.Kind, relation.Source.EntityId ?? relation.Source.Name, relation.Target.EntityId ?? relation.Target.Name, relation.Evidence);
}
