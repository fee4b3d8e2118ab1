namespace Dossier.Storage;

/// <summary>
/// One string per distinct name while all article actors are read for joining: a large store has
/// millions of article actors but only thousands of spellings, and holding each spelling once keeps
/// the join of 100,000 articles within memory.
/// </summary>
internal sealed class NamePool
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public string Intern(string name)
    {
        if (names.TryGetValue(name, out var known))
        {
            return known;
        }

        names.Add(name, name);
        return name;
    }
}

/// <summary>An article actor gathered from its rows of mentions, one mention at a time.</summary>
internal sealed class StoredChainBuilder(long seq, ArticleId id, int chain, string name, ActorKind kind, bool weakKind)
{
    private List<string>? spellings;
    private List<string>? acronyms;
    private List<string>? descriptions;
    private int mentions;

    public long Seq => seq;

    public ArticleId ArticleId => id;

    public int Chain => chain;

    public void Add(string text, MentionForm form)
    {
        mentions++;
        var list = form switch
        {
            MentionForm.Acronym => acronyms ??= [],
            MentionForm.Name or MentionForm.PartialName => spellings ??= [],
            MentionForm.Description => descriptions ??= [],
            _ => null,
        };
        if (list is not null && !list.Contains(text, StringComparer.Ordinal))
        {
            list.Add(text);
        }
    }

    /// <summary>The actor, its lists trimmed to size since millions of them are held at once.</summary>
    public StoredChain Build() => new(seq, id, chain, name, kind, spellings?.ToArray() ?? [], acronyms?.ToArray() ?? [], mentions, weakKind, descriptions?.ToArray());
}
