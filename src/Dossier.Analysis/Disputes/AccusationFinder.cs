using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Analysis;

/// <summary>
/// What each denial answers, found without comparing the denial with every claim of the store (which
/// took hours at 100,000 articles): the claims of its own article come from an index by article, and
/// other articles' claims through an index of their content words. Every claim's content words are
/// worked out once.
/// </summary>
internal sealed class AccusationFinder
{
    private readonly IReadOnlyList<ClaimRow> claims;
    private readonly string[][] words;
    private readonly Dictionary<ArticleId, List<int>> byArticle = [];
    private readonly Dictionary<string, List<int>> claimsWithWord = new(StringComparer.Ordinal);

    // For each claim, the denial (its index + 1) it was last weighed for.
    private readonly int[] weighedFor;

    // A word in more claims than this says little about which claim a denial answers, and reading
    // its claims for every denial would make the work grow with the square of the store; a claim
    // must share at least one rarer word to be weighed. Small stores have no such words.
    private const int CommonWord = 1_000;

    public AccusationFinder(IReadOnlyList<ClaimRow> claims)
    {
        this.claims = claims;
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        words = new string[claims.Count][];
        weighedFor = new int[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            words[i] = [.. Corroboration.ContentWords(claims[i].Content).Select(w => pool.TryGetValue(w, out var same) ? same : pool[w] = w).Order(StringComparer.Ordinal)];
            if (!byArticle.TryGetValue(claims[i].ArticleId, out var ofArticle))
            {
                byArticle[claims[i].ArticleId] = ofArticle = [];
            }

            ofArticle.Add(i);
            if (claims[i].Modality == Modality.Denied)
            {
                continue;
            }

            foreach (var word in words[i])
            {
                if (!claimsWithWord.TryGetValue(word, out var list))
                {
                    claimsWithWord[word] = list = [];
                }

                list.Add(i);
            }
        }
    }

    /// <summary>
    /// What the denial at <paramref name="denialIndex"/> answers: in the same article, the nearest
    /// earlier claim by another speaker, an accusation first when the denial names one ("denied the
    /// allegation"), else the one sharing most words; else another article's claim that shares most
    /// of its words; else the nearest earlier claim.
    /// </summary>
    public ClaimRow? For(int denialIndex, bool namesAnAccusation)
    {
        var denial = claims[denialIndex];
        var earlier = byArticle[denial.ArticleId]
            .Where(c => c < denialIndex)
            .Where(c => claims[c].ContentStart < denial.ContentStart && denial.ContentStart - claims[c].ContentStart < 2000)
            .Where(c => claims[c].Modality != Modality.Denied && !SameSpeaker(claims[c], denial))
            .Reverse()
            .ToList();
        if (namesAnAccusation && earlier.FirstOrDefault(c => claims[c].Modality == Modality.Alleged, -1) is >= 0 and var allegation)
        {
            return claims[allegation];
        }

        // Each claim's words were worked out once, when the finder was made.
        var closest = earlier
            .Select(c => (Claim: c, Overlap: Overlap(words[denialIndex], words[c], atLeast: 2)))
            .Where(p => p.Overlap >= 0.2)
            .OrderByDescending(p => p.Overlap)
            .Select(p => claims[p.Claim])
            .FirstOrDefault();
        return closest ?? Elsewhere(denialIndex) ?? (earlier.Count > 0 ? claims[earlier[0]] : null);
    }

    /// <summary>Another article's claim by another speaker that shares at least three and half of the denial's content words: the one sharing most, the first of equals.</summary>
    private ClaimRow? Elsewhere(int denialIndex)
    {
        var denial = claims[denialIndex];
        var (best, bestOverlap) = (-1, 0.0);
        foreach (var word in words[denialIndex])
        {
            if (!claimsWithWord.TryGetValue(word, out var list) || list.Count > CommonWord)
            {
                continue;
            }

            foreach (var c in list)
            {
                // Each candidate is weighed once per denial.
                if (weighedFor[c] == denialIndex + 1)
                {
                    continue;
                }

                weighedFor[c] = denialIndex + 1;
                var claim = claims[c];
                if (claim.ArticleId == denial.ArticleId || SameSpeaker(claim, denial))
                {
                    continue;
                }

                var overlap = Overlap(words[denialIndex], words[c], atLeast: 3);
                if (overlap >= 0.5 && (overlap > bestOverlap || (overlap == bestOverlap && c < best)))
                {
                    (best, bestOverlap) = (c, overlap);
                }
            }
        }

        return best < 0 ? null : claims[best];
    }

    private static bool SameSpeaker(ClaimRow a, ClaimRow b)
        => (a.SpeakerEntityId is { } id && id == b.SpeakerEntityId) || string.Equals(a.SpeakerText, b.SpeakerText, StringComparison.OrdinalIgnoreCase);

    /// <summary>Shared words of two sorted word lists over the shorter one's length; zero when fewer than <paramref name="atLeast"/> are shared.</summary>
    private static double Overlap(string[] a, string[] b, int atLeast)
    {
        var (i, j, shared) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            var order = string.CompareOrdinal(a[i], b[j]);
            if (order == 0)
            {
                shared++;
                (i, j) = (i + 1, j + 1);
            }
            else if (order < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared < atLeast ? 0 : (double)shared / Math.Min(a.Length, b.Length);
    }
}
