namespace Dossier.Nlp.Parsing;

/// <summary>
/// Makes a tree projective by lifting arcs (Nivre and Nilsson 2005, without encoding the lift in
/// the label): while some arc crosses another, the shortest crossing arc's dependent is moved up to
/// its head's head. Each lift keeps the word in its sentence and the tree a tree. The arc-hybrid
/// parser can only build projective trees and its dynamic oracle is exact only for them, so training
/// trees go through here; the ~0.5% of English EWT arcs that cross are learned at their lifted place.
/// </summary>
public static class Projectivizer
{
    /// <summary>Whether no two arcs cross. <paramref name="heads"/>: 0-based, -1 for the root.</summary>
    public static bool IsProjective(IReadOnlyList<int> heads) => FindShortestCrossing(heads) < 0;

    /// <summary>A projective copy of <paramref name="heads"/> and the number of arcs lifted (one per lift step).</summary>
    public static (int[] Heads, int Lifted) Projectivize(IReadOnlyList<int> heads)
    {
        ArgumentNullException.ThrowIfNull(heads);
        var result = heads.ToArray();
        var lifted = 0;
        int dependent;
        while ((dependent = FindShortestCrossing(result)) >= 0)
        {
            result[dependent] = result[result[dependent]];
            lifted++;
        }

        return (result, lifted);
    }

    /// <summary>The dependent of the shortest non-projective arc (leftmost among equals), or -1.</summary>
    private static int FindShortestCrossing(IReadOnlyList<int> heads)
    {
        var best = -1;
        var bestLength = int.MaxValue;
        for (var d = 0; d < heads.Count; d++)
        {
            var h = heads[d];
            if (h < 0)
            {
                continue;
            }

            var length = Math.Abs(h - d);
            if (length < bestLength && !IsProjectiveArc(heads, h, d))
            {
                best = d;
                bestLength = length;
            }
        }

        return best;
    }

    /// <summary>An arc is projective when its head dominates every word between head and dependent.</summary>
    private static bool IsProjectiveArc(IReadOnlyList<int> heads, int head, int dependent)
    {
        var from = Math.Min(head, dependent) + 1;
        var to = Math.Max(head, dependent);
        for (var i = from; i < to; i++)
        {
            var ancestor = i;
            var steps = 0;
            while (ancestor >= 0 && ancestor != head && steps++ <= heads.Count)
            {
                ancestor = heads[ancestor];
            }

            if (ancestor != head)
            {
                return false;
            }
        }

        return true;
    }
}
