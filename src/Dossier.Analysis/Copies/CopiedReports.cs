using Dossier.Core.Documents;
using Dossier.Core.Storage;

namespace Dossier.Analysis.Copies;

/// <summary>A report as listed, with the reports of syndicated copies of its article that repeat it (each one more report of it, not a fact of its own).</summary>
public sealed record FoldedReport<T>(T Report, IReadOnlyList<T> Copies);

/// <summary>
/// The one rule for folding a copy's report into its original's: a report of a copy whose original
/// has a report with the same words (what "the same words" is, each kind of fact says) is one more
/// report of the original's, listed under it. A report only the copy makes (a sentence it added or
/// changed) stays its own; so does every report of a copy whose original's report is not in the
/// list given (a filter left it out), so that nothing a filter asks for goes missing.
/// </summary>
public static class CopiedReports
{
    /// <param name="reports">The reports in listing order.</param>
    /// <param name="copies">Which article copies which.</param>
    /// <param name="articleOf">The article a report comes from.</param>
    /// <param name="wordsOf">What two reports share when they say the same thing in the same words, apart from their article.</param>
    /// <returns>The reports not folded, in their order, each with the copies' reports folded into it in their order.</returns>
    public static IReadOnlyList<FoldedReport<T>> Fold<T, TKey>(IReadOnlyList<T> reports, ArticleCopies copies, Func<T, ArticleId> articleOf, Func<T, TKey> wordsOf)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentNullException.ThrowIfNull(articleOf);
        ArgumentNullException.ThrowIfNull(wordsOf);

        // Only the reports of copied articles and of copies are keyed: on a store of 800,000 event
        // reports with a few copies, the rest cost a lookup each, not a key and a list.
        var originals = new Dictionary<(ArticleId, TKey), List<int>>();
        for (var i = 0; i < reports.Count; i++)
        {
            var article = articleOf(reports[i]);
            if (copies.HasCopies(article) && copies.OriginalOf(article) is null)
            {
                var key = (article, wordsOf(reports[i]));
                if (!originals.TryGetValue(key, out var positions))
                {
                    originals[key] = positions = [];
                }

                positions.Add(i);
            }
        }

        // Copies are looked up after every original is known: a copy may be listed before its
        // original (dated earlier), and it is still the original's report. The n-th of a copy's
        // reports in some words goes to the n-th of its original's in the same words: one sentence
        // can state two facts that the words given do not tell apart.
        var copiesOf = new List<T>?[reports.Count];
        var folded = new bool[reports.Count];
        var seen = new Dictionary<(ArticleId, TKey), int>();
        for (var i = 0; i < reports.Count; i++)
        {
            var article = articleOf(reports[i]);
            if (copies.OriginalOf(article) is not { } original)
            {
                continue;
            }

            var words = wordsOf(reports[i]);
            if (originals.TryGetValue((original, words), out var positions))
            {
                var n = seen.GetValueOrDefault((article, words));
                seen[(article, words)] = n + 1;
                (copiesOf[positions[Math.Min(n, positions.Count - 1)]] ??= []).Add(reports[i]);
                folded[i] = true;
            }
        }

        var listed = new List<FoldedReport<T>>(reports.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            if (!folded[i])
            {
                listed.Add(new FoldedReport<T>(reports[i], copiesOf[i] is { } repeats ? repeats : []));
            }
        }

        return listed;
    }

    /// <summary>The outlets of copies' reports as the sources list names them, each once, in ordinal order.</summary>
    public static IReadOnlyList<string> OutletsOf(IEnumerable<string?> outlets)
    {
        ArgumentNullException.ThrowIfNull(outlets);
        return [.. outlets.Select(SourceSummary.ListedName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
