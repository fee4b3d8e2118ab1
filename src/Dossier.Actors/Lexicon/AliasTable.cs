using System.Text;
using System.Xml.Linq;
using Dossier.Nlp.Linking;

namespace Dossier.Actors.Lexicon;

/// <summary>One listed name of an organisation: the list's reference for it, its primary name, and this name.</summary>
public sealed record AliasEntry(string Reference, string Primary, string Name, string Quality);

/// <summary>
/// Names that open data says belong to one organisation (an armed group's former and other names,
/// "Al-Qaida in Iraq" and "Islamic State in Iraq and the Levant" on the UN Security Council list).
/// Built by <c>dossier train aliases</c> from the UN Security Council consolidated list and shipped as
/// a small TSV; the resolver joins two actors whose names are listed under one reference and keeps
/// the reference as the reason. Acronyms are left out: three letters name too many things
/// worldwide, and the article defines the ones it uses.
/// </summary>
public sealed class AliasTable
{
    public const string FileName = "un-sc-aliases.tsv";

    private readonly List<AliasEntry> entries;
    private readonly Dictionary<string, List<AliasEntry>> byKey = new(StringComparer.Ordinal);

    private AliasTable(List<AliasEntry> entries)
    {
        this.entries = entries;
        foreach (var entry in entries)
        {
            var key = Key(entry.Name);
            if (key.Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out var list))
            {
                list = [];
                byKey[key] = list;
            }

            if (!list.Exists(e => e.Reference == entry.Reference))
            {
                list.Add(entry);
            }
        }
    }

    public static AliasTable Empty { get; } = new([]);

    public int Count => entries.Count;

    public IReadOnlyList<AliasEntry> Entries => entries;

    /// <summary>
    /// What a name is compared by: its core words (articles and case set aside) as phonetic keys, so
    /// "al-Qaeda in Iraq" is "AL-QAIDA IN IRAQ". Names of one word are compared as written: one
    /// word's key says too little.
    /// </summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var core = NameForms.Core(name).Where(w => !LinkWords.Contains(w)).ToList();
        return core.Count switch
        {
            0 => "",
            1 => core[0],
            _ => string.Join(' ', core.Select(NameForms.Key)),
        };
    }

    // "Islamic State in Iraq and the Levant" is listed; news writes "of Iraq and the Levant".
    private static readonly HashSet<string> LinkWords = new(StringComparer.Ordinal) { "of", "in", "the", "and", "for", "fi", "wa", "&" };

    /// <summary>The one listed organisation a name is a name of, or null when none or several are.</summary>
    public AliasEntry? Find(string name)
        => byKey.TryGetValue(Key(name), out var list) && list.Count == 1 ? list[0] : null;

    /// <summary>
    /// Reads the entities (not the individuals) of the UN Security Council consolidated list XML:
    /// each one's primary name and its aliases of any quality the list gives (a.k.a., f.k.a.).
    /// </summary>
    public static AliasTable FromUnConsolidatedList(string path)
    {
        var document = XDocument.Load(path);
        var entries = new List<AliasEntry>();
        foreach (var entity in document.Descendants("ENTITY"))
        {
            var reference = entity.Element("REFERENCE_NUMBER")?.Value.Trim() ?? "";
            var primary = Clean(entity.Element("FIRST_NAME")?.Value ?? "");
            if (reference.Length == 0 || primary.Length == 0)
            {
                continue;
            }

            var names = new List<(string Name, string Quality)> { (primary, "primary") };
            foreach (var alias in entity.Elements("ENTITY_ALIAS"))
            {
                var name = Clean(alias.Element("ALIAS_NAME")?.Value ?? "");
                if (name.Length > 0)
                {
                    names.Add((name, alias.Element("QUALITY")?.Value.Trim() is { Length: > 0 } quality ? quality : "a.k.a."));
                }
            }

            foreach (var (name, quality) in names.DistinctBy(n => n.Name, StringComparer.OrdinalIgnoreCase))
            {
                if (!IsAcronym(name) && NameForms.Core(name).Count > 0)
                {
                    entries.Add(new AliasEntry(reference, primary, name, quality));
                }
            }
        }

        return new AliasTable(entries);
    }

    /// <summary>"PROPAGANDA AND AGITATION DEPARTMENT (PAD)": the name without the acronym after it, spaces made single.</summary>
    private static string Clean(string name)
    {
        var text = string.Join(' ', name.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim('"');
        if (text.EndsWith(')') && text.LastIndexOf(" (", StringComparison.Ordinal) is > 0 and var open && IsAcronym(text[(open + 2)..^1]))
        {
            text = text[..open];
        }

        return text.Trim();
    }

    private static bool IsAcronym(string name)
        => !name.Contains(' ', StringComparison.Ordinal) && name.Count(char.IsUpper) >= 2 && name.Count(char.IsLower) <= 1;

    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("# reference\tprimary\tname\tquality   (built by dossier train aliases from the UN Security Council consolidated list; see data/README.md)\n");
        foreach (var entry in entries.OrderBy(e => e.Reference, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            writer.Write($"{entry.Reference}\t{entry.Primary}\t{entry.Name}\t{entry.Quality}\n");
        }
    }

    public static AliasTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var entries = new List<AliasEntry>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw new InvalidDataException($"{path}:{number}: expected reference<TAB>primary<TAB>name<TAB>quality");
            }

            entries.Add(new AliasEntry(fields[0], fields[1], fields[2], fields[3]));
        }

        return new AliasTable(entries);
    }

    /// <summary>A table from entries given by hand, for tests.</summary>
    public static AliasTable Of(IEnumerable<AliasEntry> entries) => new([.. entries]);
}
