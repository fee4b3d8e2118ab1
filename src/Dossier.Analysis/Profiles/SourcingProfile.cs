using System.Text.RegularExpressions;
using Dossier.Core.Analysis;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Analysis;

/// <summary>One signal found in the text (a hedge or an opinion marker): its kind, the words, the sentence.</summary>
public sealed record Marker(string Kind, string Words, string Evidence);

/// <summary>
/// The signals a careful reader uses to weigh a report, for one article or one outlet, each with its
/// evidence and never collapsed into a score: who its facts are attributed to, how it hedges, how
/// loaded its labels are, how many of its facts no other source reports, and how many another
/// source disputes or denies.
/// </summary>
public sealed record SourcingProfile(
    string Subject,
    IReadOnlyList<ArticleId> Articles,
    int Words,
    int Facts,
    int NamedSpeaker,
    int UnnamedSource,
    int NoSource,
    IReadOnlyList<Marker> Hedges,
    int LoadedLabels,
    int SingleSourceFacts,
    int DisputedFacts,
    IReadOnlyList<Marker> OpinionMarkers)
{
    public double Share(int part) => Facts == 0 ? 0 : (double)part / Facts;

    public double LoadedLabelsPerThousandWords => Words == 0 ? 0 : LoadedLabels * 1000.0 / Words;
}

/// <summary>Builds sourcing profiles per article and per outlet.</summary>
public static partial class SourcingProfiles
{
    public static IReadOnlyList<SourcingProfile> PerArticle(CorpusFacts facts, FramingReport framing, IReadOnlyList<DisputeRow> disputes)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(framing);
        ArgumentNullException.ThrowIfNull(disputes);
        // Counted once per article up front: a profile per article must not scan every fact of the store.
        var single = SingleSourceArticles(facts).CountBy(a => a).ToDictionary();
        var disputed = disputes.SelectMany(d => d.Values.Select(v => v.Article)).CountBy(a => a).ToDictionary();
        var labels = framing.Uses.CountBy(u => u.Article).ToDictionary();
        var speakers = facts.Claims.Select(c => (c.ArticleId, Speaker: (string?)(c.SpeakerName ?? c.SpeakerText)))
            .Concat(facts.Events.Select(e => (e.ArticleId, Speaker: e.SaidBy)))
            .Concat(facts.Relations.Select(r => (r.ArticleId, Speaker: r.SaidBy)))
            .ToLookup(p => p.ArticleId, p => p.Speaker);
        return [.. facts.Articles.Select(article =>
        {
            var said = speakers[article.Id].ToList();
            return new SourcingProfile(
                $"{facts.Sources.OutletOf(article.Id)} · {article.Title ?? article.Id.Short}",
                [article.Id],
                article.WordCount,
                said.Count,
                said.Count(s => s is not null && !IsUnnamed(s)),
                said.Count(s => s is not null && IsUnnamed(s)),
                said.Count(s => s is null),
                Find(article, Hedges()),
                labels.GetValueOrDefault(article.Id),
                single.GetValueOrDefault(article.Id),
                disputed.GetValueOrDefault(article.Id),
                [.. Find(article, Opinions()), .. Titles(article)]);
        })];
    }

    public static IReadOnlyList<SourcingProfile> PerOutlet(CorpusFacts facts, IReadOnlyList<SourcingProfile> perArticle)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(perArticle);
        return [.. perArticle
            .GroupBy(p => facts.Sources.OutletOf(p.Articles[0]))
            .Select(g => new SourcingProfile(
                g.Key,
                [.. g.SelectMany(p => p.Articles)],
                g.Sum(p => p.Words),
                g.Sum(p => p.Facts),
                g.Sum(p => p.NamedSpeaker),
                g.Sum(p => p.UnnamedSource),
                g.Sum(p => p.NoSource),
                [.. g.SelectMany(p => p.Hedges)],
                g.Sum(p => p.LoadedLabels),
                g.Sum(p => p.SingleSourceFacts),
                g.Sum(p => p.DisputedFacts),
                [.. g.SelectMany(p => p.OpinionMarkers)]))
            .OrderByDescending(p => p.Articles.Count).ThenBy(p => p.Subject, StringComparer.Ordinal)];
    }

    /// <summary>A described source that names nobody: "diplomats", "LNA sources", "media close to Saraj", "witnesses".</summary>
    public static bool IsUnnamed(string speaker)
        => Unnamed().IsMatch(speaker ?? throw new ArgumentNullException(nameof(speaker)))
           && SourceIndependence.RelayedOutlet(speaker) is null;

    // One entry per report of a single-source fact, for each article that reports it.
    private static List<ArticleId> SingleSourceArticles(CorpusFacts facts)
        => [.. Corroboration.Incidents(facts).Where(i => i.Support.SingleSource).SelectMany(i => i.Incident.Reports.Select(r => r.ArticleId))
            .Concat(Corroboration.Relations(facts).Where(r => r.Support.SingleSource).SelectMany(r => r.Reports.Select(x => x.ArticleId)))
            .Concat(Corroboration.Claims(facts).Where(c => c.Support.SingleSource).SelectMany(c => c.Reports.Select(x => x.ArticleId)))];

    private static List<Marker> Find(ArticleReading article, Regex pattern)
        => [.. pattern.Matches(article.Text).Select(m => new Marker(
            m.Groups.Keys.FirstOrDefault(k => !char.IsDigit(k[0]) && m.Groups[k].Success) ?? "marker",
            m.Value,
            SentenceText(article.Text, m.Index)))];

    private static string SentenceText(string text, int at)
    {
        var (start, end) = LabelFinder.Sentence(text, at);
        return text[start..end].Trim();
    }

    // "Op-Ed:" as a title or heading marks the whole article as opinion.
    private static IEnumerable<Marker> Titles(ArticleReading article)
        => article.Title is { } title && OpinionTitle().Match(title) is { Success: true } match ? [new Marker("opinion_piece", match.Value, title)] : [];

    [GeneratedRegex(@"(?<hearsay>\b(?:reportedly|allegedly|purportedly|rumou?red)\b)|(?<possibility>\b(?:may|might|could) (?:have|be)\b)|(?<impersonal>\bit is (?:believed|said|understood|thought|claimed)\b)|(?<unverified>\b(?:unconfirmed|unverified|could not be (?:independently )?verified)\b)|(?<distancing>\bso-called\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hedges();

    [GeneratedRegex(@"(?<opinion_piece>\bOp-Ed\b)|(?<certainty>\b(?:obviously|clearly|of course|undoubtedly|no doubt|needless to say|without doubt)\b)|(?<judgement>\bit is (?:unlikely|likely|clear|obvious|evident|ironic)\b)|(?<first_person>\b(?:I believe|we believe|in my view|I think)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opinions();

    [GeneratedRegex(@"\b(?:Op-Ed|Opinion|Analysis|Commentary|Editorial)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OpinionTitle();

    [GeneratedRegex(@"\b(?:sources?|diplomats?|officials?|witnesses|residents|observers|analysts|experts|reports?|media|insiders?|activists|a spokes(?:man|woman|person)|some|others|circles|videos?|photos?|social media)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unnamed();
}
