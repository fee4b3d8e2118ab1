using Dossier.Core.Facts;

namespace Dossier.Web.Api;

/// <summary>
/// Every claim's key in listing order, and the positions of the claims each entity makes (as
/// speaker or as the speaker's affiliation) and is named in: a claim list pages over positions and
/// reads only its page's rows from the store, however deep the page or rare the speaker.
/// </summary>
internal sealed class ClaimIndex
{
    private readonly IReadOnlyList<ClaimKey> keys;
    private readonly Dictionary<string, int[]> bySpeaker;
    private readonly Dictionary<string, int[]> about;

    public ClaimIndex(IReadOnlyList<ClaimKey> keys)
    {
        this.keys = keys;
        var speakers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var named = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        static void Add(Dictionary<string, List<int>> lists, string? entity, int position)
        {
            if (entity is null)
            {
                return;
            }

            if (!lists.TryGetValue(entity, out var list))
            {
                lists[entity] = list = [];
            }

            // A speaker who is also their own affiliation, or an entity named twice, counts once.
            if (list.Count == 0 || list[^1] != position)
            {
                list.Add(position);
            }
        }

        for (var i = 0; i < keys.Count; i++)
        {
            Add(speakers, keys[i].SpeakerEntityId, i);
            Add(speakers, keys[i].AffiliationEntityId, i);
            foreach (var entity in keys[i].AboutEntityIds)
            {
                Add(named, entity, i);
            }
        }

        bySpeaker = speakers.ToDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal);
        about = named.ToDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal);
    }

    public int Count => keys.Count;

    /// <summary>The keys of one page of the claims by a speaker and about an actor (either may be null), and how many claims pass in all.</summary>
    public (IReadOnlyList<ClaimKey> Page, int Total) Find(string? by, string? aboutEntity, int offset, int limit)
    {
        if (by is null && aboutEntity is null)
        {
            return (Slice(new AllPositions(keys.Count), offset, limit), keys.Count);
        }

        var spoken = by is null ? null : bySpeaker.GetValueOrDefault(by, []);
        var named = aboutEntity is null ? null : about.GetValueOrDefault(aboutEntity, []);
        if (spoken is null || named is null)
        {
            var only = spoken ?? named!;
            return (Slice(only, offset, limit), only.Length);
        }

        // Both: the positions in both lists, which are in order.
        var both = new List<int>();
        var (i, j) = (0, 0);
        while (i < spoken.Length && j < named.Length)
        {
            if (spoken[i] == named[j])
            {
                both.Add(spoken[i]);
                (i, j) = (i + 1, j + 1);
            }
            else if (spoken[i] < named[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (Slice(both, offset, limit), both.Count);
    }

    private List<ClaimKey> Slice(IReadOnlyList<int> positions, int offset, int limit)
    {
        var page = new List<ClaimKey>(Math.Max(0, Math.Min(limit, positions.Count - offset)));
        for (var p = offset; p < positions.Count && p < offset + limit; p++)
        {
            page.Add(keys[positions[p]]);
        }

        return page;
    }
}
