using Dossier.Core.Export;

namespace Dossier.Export.Sources;

/// <summary>
/// The sources of one fact: the outlets of the articles that report it, and how many of them are
/// independent. A near-duplicate copy (a syndicated or lightly edited article) counts for the outlet
/// of the article it copies, so three outlets running one wire story are one independent source.
/// </summary>
/// <remarks>
/// The only place exports count sources. A report whose speaker is itself an outlet ("Reuters
/// reported") counts for that outlet, second-hand, as the corroboration analysis counts it
/// (<see cref="Dossier.Analysis.SourceIndependence"/>), so two outlets relaying Reuters are one source.
/// </remarks>
public sealed class IndependentSourceCounter
{
    private readonly SortedSet<string> outlets = new(StringComparer.Ordinal);
    private readonly HashSet<string> origins = new(StringComparer.Ordinal);

    /// <summary>Every outlet that reports the fact, copies included, in ordinal order.</summary>
    public IReadOnlyCollection<string> Outlets => outlets;

    /// <summary>Distinct outlets of the original articles behind the reports.</summary>
    public int IndependentSources => origins.Count;

    public void Add(ReportSource source, string? speaker = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Dossier.Analysis.SourceIndependence.RelayedOutlet(speaker) is { } relayed)
        {
            outlets.Add(source.Outlet ?? source.ArticleId.Value);
            origins.Add("relayed:" + relayed.ToLowerInvariant());
            return;
        }

        // An article with no known outlet stands for itself: it cannot be matched with another.
        outlets.Add(source.Outlet ?? source.ArticleId.Value);
        origins.Add(source.CopyOf is { } original ? source.CopyOfOutlet ?? original.Value : source.Outlet ?? source.ArticleId.Value);
    }

    public void Clear()
    {
        outlets.Clear();
        origins.Clear();
    }
}
