namespace Dossier.Nlp.Linking;

/// <summary>
/// A name made ready for <see cref="NameVariantMatcher"/>: its significant core words (articles and
/// "of", "and", "the", "for" gone, particles normalised) and their phonetic keys. Build one per
/// distinct spelling and reuse it; comparing two keys allocates nothing but the result.
/// </summary>
public sealed class NameKey
{
    private NameKey(string name, string[] words, string[] keys)
    {
        Name = name;
        WordArray = words;
        KeyArray = keys;
        Joined = words.Length > 1 ? NameForms.Key(string.Concat(words)) : keys.Length == 1 ? keys[0] : string.Empty;
    }

    /// <summary>The name as given.</summary>
    public string Name { get; }

    /// <summary>The significant core words, lower case.</summary>
    public IReadOnlyList<string> Words => WordArray;

    /// <summary>The phonetic key of each word (<see cref="NameForms.Key"/>).</summary>
    public IReadOnlyList<string> Keys => KeyArray;

    internal string[] WordArray { get; }

    internal string[] KeyArray { get; }

    /// <summary>The key of the words written as one (Bu Khamada, Bukhamada).</summary>
    internal string Joined { get; }

    public static NameKey Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var core = NameForms.Core(name);
        var words = new List<string>(core.Count);
        foreach (var word in core)
        {
            if (core.Count == 1 || word is not ("of" or "and" or "the" or "for"))
            {
                words.Add(word);
            }
        }

        var keys = new string[words.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = NameForms.Key(words[i]);
        }

        return new NameKey(name, [.. words], keys);
    }

    public override string ToString() => Name;
}
