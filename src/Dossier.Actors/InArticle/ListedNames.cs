using Dossier.Actors.Lexicon;
using Dossier.Core.Actors;
using Dossier.Nlp.Linking;

namespace Dossier.Actors.InArticle;

/// <summary>
/// The names of organisations that open data lists (the alias table: "Al-Qaida", "Islamic State of
/// Iraq", "Al Qaeda"; primary names and aliases), looked up in an article's text so that a listed name
/// the recognizer missed is still a name: the recognizer learned from web text, not from news of
/// armed groups. Only names of two words or more, or of one hyphenated word in two parts, and only where the text writes each of their words capitalized, so that a listed name made
/// of common words ("The Base") is never read into ordinary prose.
/// </summary>
public sealed class ListedNames
{
    private readonly KnownNames names;

    public ListedNames(AliasTable aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var listed = aliases.Entries.SelectMany(e => new[] { e.Name, e.Primary }).Where(IsDistinctive).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        names = new KnownNames(listed.Select(n => (n, ActorKind.Organization)));
        Version = Core.Identity.StableHash.Of(string.Join('\n', listed)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..8];
    }

    /// <summary>A short hash of the names looked for, part of the linker's version.</summary>
    public string Version { get; }

    public int Count => names.Count;

    /// <summary>Where listed names stand in <paramref name="text"/>, written as names.</summary>
    public IEnumerable<(int Start, int End)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return names.Find(text).Where(o => WrittenAsName(text[o.Start..o.End])).Select(o => (o.Start, o.End));
    }

    private static bool IsDistinctive(string name)
    {
        var core = NameForms.Core(name);
        var hyphenated = !name.Contains(' ', StringComparison.Ordinal) && name.Split('-').Count(p => p.Length > 1) >= 2;
        // "The Base" is one word with its article; "Al Qaeda" two, the first an Arabic article.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w.Equals("the", StringComparison.OrdinalIgnoreCase)).Count();
        return name.Length >= 6 && !name.Contains(';', StringComparison.Ordinal) && (core.Count >= 2 || words >= 2 || hyphenated);
    }

    /// <summary>"al-Qaida", "Al-Qaida in Iraq": every word but the short linking ones and an article prefix begins with a capital.</summary>
    private static bool WrittenAsName(string occurrence)
        => occurrence.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries).Last())
            .Where(w => w.Length > 3 || char.IsUpper(w[0]))
            .All(w => char.IsUpper(w[0]))
           && occurrence.Any(char.IsLower);
}
