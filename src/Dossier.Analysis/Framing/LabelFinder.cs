using System.Text.RegularExpressions;
using Dossier.Core.Analysis;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Analysis;

/// <summary>
/// One use of a loaded label: the words, the actor it is applied to (or none when the text applies
/// it to no named actor: "36 terrorists were killed"), who uses it (the outlet in its own voice, or
/// a speaker it quotes), and the sentence it is in.
/// </summary>
public sealed record LabelUse(
    ArticleId Article,
    string Outlet,
    string Label,
    LabelTone Tone,
    string Words,
    string? EntityId,
    string? EntityName,
    string? Speaker,
    string Evidence,
    int Start,
    int End);

/// <summary>
/// Finds loaded labels and the actor each is applied to: the label is part of the actor's mention
/// ("the warlord"), stands before its name ("renegade Gen. Khalifa Haftar"), names its members
/// ("militants of the GNA", "GNA militants"), or is said of it ("Ziyad Balaam, was a terrorist").
/// A label inside a quote or reported speech is the speaker's, not the outlet's.
/// </summary>
public static partial class LabelFinder
{
    public static IEnumerable<LabelUse> Find(ArticleReading article, string outlet, IReadOnlyList<ClaimRow> claimsOfArticle)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(claimsOfArticle);
        var text = article.Text;
        var matches = Matches(text);
        var labelSpans = matches.Select(m => (m.Start, m.End)).ToList();

        // A mention inside a label ("former CIA asset") is part of the label, not what it labels.
        var named = article.Mentions
            .Where(m => m.Form != Core.Actors.MentionForm.Pronoun && !labelSpans.Any(l => l.Start <= m.Start && m.End <= l.End))
            .ToList();
        foreach (var (term, start, end) in matches)
        {
            // Part of a proper name ("Libyan National Army", "Islamic State") is the name, not a label.
            if (article.Mentions.Any(m => m.Form is not (Core.Actors.MentionForm.Description or Core.Actors.MentionForm.Pronoun) && m.Start <= start && end <= m.End))
            {
                continue;
            }

            var target = Target(text, named, start, end);
            var (sentenceStart, sentenceEnd) = Sentence(text, start);
            yield return new LabelUse(
                article.Id, outlet, term.Label, term.Tone, text[start..end], target?.EntityId, target?.EntityName, Speaker(text, claimsOfArticle, sentenceStart, start, end),
                text[sentenceStart..sentenceEnd].Trim(), start, end);
        }
    }

    /// <summary>Every label in the text, the longest first where two overlap, in text order.</summary>
    private static List<(LabelTerm Term, int Start, int End)> Matches(string text)
    {
        var all = LabelLexicon.Terms
            .SelectMany(term => term.Pattern.Matches(text).Select(m => (Term: term, Start: m.Index, End: m.Index + m.Length)))
            .OrderByDescending(m => m.End - m.Start)
            .ToList();
        var kept = new List<(LabelTerm Term, int Start, int End)>();
        foreach (var match in all)
        {
            if (!kept.Any(k => k.Start < match.End && match.Start < k.End))
            {
                kept.Add(match);
            }
        }

        return [.. kept.OrderBy(k => k.Start)];
    }

    /// <summary>
    /// Whose word a label is: the speaker's when it is in quotation marks (a direct quote, or a quoted
    /// word such as “warlord” inside reported speech); otherwise the outlet's own, paraphrase included.
    /// </summary>
    private static string? Speaker(string text, IReadOnlyList<ClaimRow> claims, int sentenceStart, int start, int end)
    {
        var before = text[sentenceStart..start];
        var quoted = before.Count(c => c is '“') > before.Count(c => c is '”') || before.Count(c => c == '"') % 2 == 1;
        return claims
            .Where(c => c.ContentStart <= start && end <= c.ContentEnd && (quoted || c.Form == ClaimForm.DirectQuote))
            .OrderBy(c => c.ContentEnd - c.ContentStart)
            .Select(c => c.SpeakerName ?? c.SpeakerText)
            .FirstOrDefault();
    }

    private static EntityMentionSpan? Target(string text, IReadOnlyList<EntityMentionSpan> mentions, int start, int end)
    {
        // Part of the mention itself: "the warlord", "the internationally recognized government".
        foreach (var mention in mentions)
        {
            if (mention.Start <= start && end <= mention.End)
            {
                return mention;
            }
        }

        // Before the name, with only titles, other labels and modifiers between.
        var after = mentions.Where(m => m.Start >= end && m.Start - end <= 60).OrderBy(m => m.Start).FirstOrDefault();
        if (after != default && (Premodifiers().IsMatch(text[end..after.Start]) || MembersOf().IsMatch(text[end..after.Start])))
        {
            return after;
        }

        // After the name: "GNA militants", "Haftar's militia", "Ziyad Balaam, was a terrorist".
        // A place or state before a label is where, not who ("Libya's internationally recognized government"), unless it is a nationality word ("Syrian mercenaries").
        var before = mentions.Where(m => m.End <= start && start - m.End <= 40).OrderByDescending(m => m.End).FirstOrDefault();
        if (before != default && before.Kind is Core.Actors.ActorKind.Place or Core.Actors.ActorKind.State or Core.Actors.ActorKind.Facility && before.Form != Core.Actors.MentionForm.Nationality)
        {
            return null;
        }

        if (before != default && (Possessor().IsMatch(text[before.End..start]) || SaidOf().IsMatch(text[before.End..start])))
        {
            return before;
        }

        return null;
    }

    /// <summary>The sentence around <paramref name="at"/>: from the last sentence end before it to the next, past titles and initials.</summary>
    internal static (int Start, int End) Sentence(string text, int at)
    {
        var start = at;
        while (start > 0 && !(text[start - 1] == '\n' || (start > 1 && text[start - 2] is '.' or '!' or '?' && text[start - 1] == ' ' && !Abbreviation(text, start - 2))))
        {
            start--;
        }

        var end = at;
        while (end < text.Length && text[end] != '\n' && !(text[end] is '.' or '!' or '?' && (end + 1 == text.Length || text[end + 1] is ' ' or '\n') && !Abbreviation(text, end)))
        {
            end++;
        }

        return (start, Math.Min(text.Length, end + 1));
    }

    /// <summary>Whether the full stop at <paramref name="dot"/> ends a title or an initial ("Gen.", "U.N.", "J."), not a sentence.</summary>
    private static bool Abbreviation(string text, int dot)
    {
        if (text[dot] != '.')
        {
            return false;
        }

        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length == 1 && char.IsUpper(word[0])
               || word.Contains('.', StringComparison.Ordinal)
               || Titles.Contains(word);
    }

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "Gen", "Col", "Lt", "Maj", "Capt", "Cpt", "Sgt", "Brig", "Adm", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "St", "Jr", "Sr", "No",
    };

    // Quotes, "and", titles, ranks, adjectives of place or time, and other labels: "renegade Gen. ", "strongman and former CIA asset ", "” and “war criminal” ".
    [GeneratedRegex(@"^(?:[\s“”""'’‘-]|(?i:and|former|the|a|an|libyan|eastern|western|rival|notorious|military|general|gen\.|col\.|colonel|marshall?|field|commander|retired|cia|asset|war|criminal|self-styled|so-called|de facto)|\p{Lu}[\w.-]*)*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Premodifiers();

    [GeneratedRegex(@"^\s+(?:of|from|loyal to|allied to|allied with|backed by|linked to)\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MembersOf();

    [GeneratedRegex(@"^(?:[’']s)?[\s-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Possessor();

    [GeneratedRegex(@"^(?:,?\s*(?:who\s+)?(?:(?:is|was|are|were|remains|became|has been|have been)\s+)?(?:a|an|the)\s+(?:(?!of\b)[\w-]+\s+){0,2}|,\s*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidOf();
}
