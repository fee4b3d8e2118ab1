namespace Dossier.Export;

/// <summary>The formats <c>dossier export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>Everything, each fact with its evidence (article, outlet, sentence, speaker).</summary>
    Json,

    /// <summary>Events, one row per incident, in ACLED's column layout plus Dossier's own columns.</summary>
    Csv,

    /// <summary>Actors and their ties as a GEXF 1.3 graph, for Gephi.</summary>
    Gexf,

    /// <summary>Actors and their ties as a GraphML graph.</summary>
    GraphML,

    /// <summary>A STIX 2.1 bundle.</summary>
    Stix,
}

public static class ExportFormats
{
    public static string ToName(this ExportFormat format) => format.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in Enum.GetValues<ExportFormat>())
        {
            if (string.Equals(candidate.ToName(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    public static string AllNames => string.Join(", ", Enum.GetValues<ExportFormat>().Select(f => f.ToName()));
}

/// <summary>
/// How an export runs. <see cref="Timestamp"/> is written wherever a format wants the time of
/// writing (STIX <c>created</c>, GEXF <c>lastmodifieddate</c>): pass a fixed one for reproducible files.
/// </summary>
public sealed record ExportOptions(DateTimeOffset Timestamp)
{
    /// <summary>Called now and then with what is being written and how many rows so far.</summary>
    /// <value>The default value is null: no progress is reported.</value>
    public Action<string, long>? Progress { get; init; }

    /// <summary>Rows between two calls of <see cref="Progress"/>.</summary>
    /// <value>The default value is 10,000 rows.</value>
    public int ProgressEvery { get; init; } = 10_000;

    /// <summary>
    /// Where event places are, by the rule the web map uses; the CSV's coordinates, country and ISO
    /// code come from it.
    /// </summary>
    /// <value>The default value is null: those columns are left empty, never guessed.</value>
    public Dossier.Analysis.Places.PlaceCoordinates? Places { get; init; }
}

/// <summary>What an export wrote: how many objects of each kind (articles, entities, events, ...).</summary>
public sealed record ExportSummary(IReadOnlyDictionary<string, long> Counts)
{
    public long Total => Counts.Values.Sum();
}
