using System.Text.RegularExpressions;
using Dossier.Core.Analysis;
using Dossier.Core.Documents;

namespace Dossier.Analysis;

/// <summary>Where a report of a fact comes from: the article, its outlet and date, who said it, and whose report it relays.</summary>
public sealed record FactReport(ArticleId Article, string? Published, string? Speaker, Core.Facts.Modality Modality, string Evidence);

/// <summary>
/// How many independent sources stand behind a fact: reports counted once per origin, where a
/// near-duplicate copy counts as its original's outlet, a syndicated article ("appeared first on X")
/// as X, and a report that relays another outlet ("Reuters reported", "according to the Libya
/// Observer") as that outlet, second-hand.
/// </summary>
public sealed record Support(
    int Reports,
    int Articles,
    int IndependentSources,
    int FirstHand,
    int SecondHand,
    IReadOnlyList<string> Sources)
{
    /// <summary>One independent source only: shown, flagged, never dropped.</summary>
    public bool SingleSource => IndependentSources <= 1;
}

/// <summary>Tells which reports share an origin, from the articles' outlets, copies and relayed outlets.</summary>
public sealed partial class SourceIndependence
{
    // Outlets and agencies that other outlets relay; matched as whole words in a speaker's name.
    private static readonly string[] KnownOutlets =
    [
        "Reuters", "AFP", "Agence France-Presse", "Associated Press", "AP", "Anadolu", "Xinhua", "TASS", "RIA Novosti", "Sputnik",
        "BBC", "CNN", "Al Jazeera", "Al-Jazeera", "Al Arabiya", "Sky News", "Bloomberg", "WION", "Defense One", "Libya Observer",
        "Libya Herald", "Libya Review", "Wall Street Journal", "New York Times", "Washington Post", "Guardian", "Times", "Telegraph",
        "Middle East Eye", "Asharq Al-Awsat", "Interfax", "RT", "Fox News", "NPR", "Politico", "Le Monde", "Der Spiegel",
    ];

    // Each outlet's pattern made once: building a regex per speaker and outlet was most of the time
    // weighing the sources of a large store's facts.
    private static readonly (string Outlet, Regex Pattern)[] KnownOutletPatterns =
        [.. KnownOutlets.Select(o => (o, new Regex($@"(?<![\w-]){Regex.Escape(o)}(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.Compiled)))];

    private static readonly Regex OutletWords = MediaWords();

    private readonly Dictionary<ArticleId, ArticleReading> articles;

    public SourceIndependence(IEnumerable<ArticleReading> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        this.articles = articles.ToDictionary(a => a.Id);
    }

    /// <summary>The outlet an article is shown under: its own, or its title when the outlet is unknown.</summary>
    public string OutletOf(ArticleId article)
        => articles.TryGetValue(article, out var reading)
            ? reading.Outlet ?? $"(unknown outlet: {Short(reading.Title) ?? reading.Id.Short})"
            : article.Short;

    /// <summary>
    /// The origin an article's own reporting counts under: the outlet of the article it copies, the
    /// outlet a syndication notice names, its own outlet, or the article itself when no outlet is known.
    /// </summary>
    public string OriginOf(ArticleId article)
    {
        if (!articles.TryGetValue(article, out var reading))
        {
            return "article:" + article.Value;
        }

        if (reading.CopyOf is { } original && articles.TryGetValue(original, out var originalReading))
        {
            reading = originalReading;
        }

        foreach (var notice in reading.SyndicationNotices)
        {
            if (AppearedFirst().Match(notice) is { Success: true } match)
            {
                return "outlet:" + Key(match.Groups["outlet"].Value);
            }
        }

        return reading.Outlet is { } outlet ? "outlet:" + Key(outlet) : "article:" + reading.Id.Value;
    }

    /// <summary>The outlet a speaker names when the speaker is an outlet relaying a report, or null.</summary>
    public static string? RelayedOutlet(string? speaker)
    {
        if (string.IsNullOrWhiteSpace(speaker))
        {
            return null;
        }

        foreach (var (outlet, pattern) in KnownOutletPatterns)
        {
            if (pattern.IsMatch(speaker))
            {
                return outlet;
            }
        }

        var words = OutletWords.Match(speaker);
        return words.Success ? Tidy(speaker) : null;
    }

    public Support Weigh(IReadOnlyCollection<FactReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var origins = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int firstHand = 0, secondHand = 0;
        foreach (var report in reports)
        {
            var relayed = RelayedOutlet(report.Speaker);
            if (relayed is not null)
            {
                secondHand++;
                origins.TryAdd("outlet:" + Key(relayed), relayed);
            }
            else
            {
                firstHand++;
                origins.TryAdd(OriginOf(report.Article), OutletOf(report.Article));
            }
        }

        return new Support(reports.Count, reports.Select(r => r.Article).Distinct().Count(), origins.Count, firstHand, secondHand, [.. origins.Values]);
    }

    private static string Key(string outlet)
        => string.Join(' ', outlet.Trim().TrimEnd('.').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "the"));

    private static string Tidy(string speaker)
    {
        var text = speaker.Trim();
        foreach (var lead in new[] { "However, ", "But ", "And " })
        {
            if (text.StartsWith(lead, StringComparison.Ordinal))
            {
                text = text[lead.Length..];
            }
        }

        return text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
    }

    private static string? Short(string? title) => title is null ? null : title.Length <= 32 ? title : title[..31] + "…";

    [GeneratedRegex(@"appeared first on\s+(?<outlet>[^.\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppearedFirst();

    // A speaker that is itself a publication: "the Libya Observer", "India's World Is One News", "state television".
    [GeneratedRegex(@"\b(Observer|Herald|Times|Post|Journal|Gazette|Tribune|News|Press|Agency|Television|TV|Radio|Newspaper|Daily|Magazine|Review|Monitor|(?i:television|newspaper|radio|news agency|broadcaster))\b", RegexOptions.CultureInvariant)]
    private static partial Regex MediaWords();
}
