using System.Collections.Frozen;
using System.Reflection;
using Dossier.Core.Identity;

namespace Dossier.Nlp.Lexicons;

/// <summary>
/// One word list or pattern table from <c>data/lexicons/</c>, built into this assembly so that every
/// stage reads the same rows, loaded once. Each file opens with comment lines (<c>#</c>) that say what
/// it is; every other non-blank line is a row of tab-separated columns. A stage's version includes
/// the <see cref="Hash"/> of each lexicon it loads, so editing a list annotates again exactly what
/// read it.
/// </summary>
public sealed class Lexicon
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Lexicon> Loaded = new(StringComparer.Ordinal);

    private Lexicon(string name, IReadOnlyList<string[]> rows, string hash)
    {
        Name = name;
        Rows = rows;
        Hash = hash;
        Words = rows.Select(r => r[0]).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The file's name without <c>.tsv</c>: "speech-cues", "tie-patterns" ...</summary>
    public string Name { get; }

    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The first column of every row.</summary>
    public IReadOnlySet<string> Words { get; }

    /// <summary>A short hash of the file's bytes, part of the version of every stage that reads it.</summary>
    public string Hash { get; }

    /// <summary>The lexicon <c>data/lexicons/NAME.tsv</c>, read once per process.</summary>
    public static Lexicon Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (Gate)
        {
            if (!Loaded.TryGetValue(name, out var lexicon))
            {
                lexicon = Read(name);
                Loaded[name] = lexicon;
            }

            return lexicon;
        }
    }

    /// <summary>Parses a lexicon's text: comment and blank lines skipped, columns split on tabs and trimmed.</summary>
    public static Lexicon Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<string[]>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            rows.Add([.. line.Split('\t').Select(c => c.Trim())]);
        }

        return new Lexicon(name, rows, StableHash.Of(text).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)[..8]);
    }

    /// <summary>The first column mapped to the second (later rows win).</summary>
    public IReadOnlyDictionary<string, string> Map()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            map[row[0]] = row.Length > 1 ? row[1] : "";
        }

        return map;
    }

    /// <summary>A version string over several lexicons: their names and hashes.</summary>
    public static string VersionOf(params Lexicon[] lexicons) => string.Join(",", lexicons.Select(l => $"{l.Name}:{l.Hash}"));

    private static Lexicon Read(string name)
    {
        var assembly = typeof(Lexicon).Assembly;
        var resource = $"lexicons/{name}.tsv";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"lexicon {name} is not built into {assembly.GetName().Name} (data/lexicons/{name}.tsv)");
        using var reader = new StreamReader(stream);
        return Parse(name, reader.ReadToEnd());
    }
}
