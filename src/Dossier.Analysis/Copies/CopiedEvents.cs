using Dossier.Core.Facts;

namespace Dossier.Analysis.Copies;

/// <summary>
/// Folds each copy's report of an event that its original reports with the same type in the same
/// sentence into the original's, as <see cref="Incidents.IncidentGrouper"/> joins it to the original's
/// incident: the copy is one more report of the event, not another event.
/// </summary>
public static class CopiedEvents
{
    public static IReadOnlyList<FoldedReport<EventRow>> Fold(IReadOnlyList<EventRow> events, ArticleCopies copies)
        => CopiedReports.Fold(events, copies, e => e.ArticleId, e => (e.Type, e.Evidence));
}
