using System.Globalization;
using Dossier.Core.Documents;

namespace Dossier.Facts.Evaluation;

/// <summary>
/// One attribution as an annotator marked it: the cue ("said", "according to"), the source (none
/// when the text does not name one) and the content, each a list of spans because brat spans may be
/// discontinuous.
/// </summary>
public sealed record GoldAttribution(IReadOnlyList<TextSpan> Cue, IReadOnlyList<TextSpan> Source, IReadOnlyList<TextSpan> Content)
{
    public bool HasSource => Source.Count > 0;
}

/// <summary>A text with its gold attributions, and the annotation file they were read from.</summary>
public sealed record AttributionText(string Name, string Text, string AnnotationFile, IReadOnlyList<GoldAttribution> Attributions);

/// <summary>
/// Reads attributions in brat standoff, as PolNeAR ships them: <c>text/NAME.txt</c> beside
/// <c>attributions/NAME_ANNOTATOR.ann</c>. A "T" line is a span (<c>T3\tContent 10 20;25 30\ttext</c>,
/// offsets in characters of the text, end-exclusive, fragments separated by ";"); an "E" line joins
/// one attribution's parts (<c>E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3</c>; the trigger is
/// <c>Attribution-no-source</c> when the text names no source; a role may carry a number,
/// "Content2"). A span's text may hold line breaks, so a line that starts no record is the rest of
/// the one before and is skipped; every other line kind (notes, relations) is ignored.
/// </summary>
public static class BratAttributions
{
    /// <summary>
    /// Every text of a folder holding <c>text/</c> and <c>attributions/</c> that has at least one
    /// annotation file, in ordinal order of name. Where several annotators marked a text, only the
    /// first file in ordinal order of file name is read, so each text counts once.
    /// </summary>
    public static IReadOnlyList<AttributionText> ReadDirectory(string directory)
    {
        var texts = Path.Combine(directory, "text");
        var annotations = Path.Combine(directory, "attributions");
        if (!Directory.Exists(texts) || !Directory.Exists(annotations))
        {
            throw new InvalidDataException($"{directory}: expected the folders text/ and attributions/");
        }

        var byText = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(annotations, "*.ann").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var cut = stem.LastIndexOf('_');
            var name = cut > 0 ? stem[..cut] : stem;
            if (!byText.ContainsKey(name) && File.Exists(Path.Combine(texts, name + ".txt")))
            {
                byText[name] = file;
            }
        }

        return [.. byText.Select(p =>
        {
            var text = File.ReadAllText(Path.Combine(texts, p.Key + ".txt"));
            return new AttributionText(p.Key, text, Path.GetFileName(p.Value), Read(File.ReadAllText(p.Value), text, p.Value));
        })];
    }

    /// <summary>The attributions of one annotation file over its text; <paramref name="origin"/> names the file in errors.</summary>
    public static IReadOnlyList<GoldAttribution> Read(string annotation, string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(text);
        var offsets = CodePointOffsets(text);
        var spans = new Dictionary<string, IReadOnlyList<TextSpan>>(StringComparer.Ordinal);
        var events = new List<(int Line, string[] Arguments)>();
        var number = 0;
        foreach (var line in annotation.Split('\n'))
        {
            number++;
            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length < 2 || fields[0].Length < 2 || !int.TryParse(fields[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            if (fields[0][0] == 'T')
            {
                var space = fields[1].IndexOf(' ', StringComparison.Ordinal);
                if (space < 0)
                {
                    throw new InvalidDataException($"{origin}: line {number}: a span with no offsets");
                }

                var fragments = new List<TextSpan>();
                foreach (var fragment in fields[1][(space + 1)..].Split(';'))
                {
                    var ends = fragment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (ends.Length != 2
                        || !int.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                        || !int.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                        || start > end || end >= offsets.Length)
                    {
                        throw new InvalidDataException($"{origin}: line {number}: \"{fragment}\" is not a span of the text");
                    }

                    fragments.Add(new TextSpan(offsets[start], offsets[end]));
                }

                spans[fields[0]] = fragments;
            }
            else if (fields[0][0] == 'E')
            {
                events.Add((number, fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        var attributions = new List<GoldAttribution>();
        foreach (var (line, arguments) in events)
        {
            List<TextSpan> cue = [], source = [], content = [];
            foreach (var argument in arguments.Skip(1))
            {
                var colon = argument.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !spans.TryGetValue(argument[(colon + 1)..], out var found))
                {
                    throw new InvalidDataException($"{origin}: line {line}: \"{argument}\" names no span");
                }

                // "Content2": a second part of the same role.
                switch (argument[..colon].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'))
                {
                    case "Cue":
                        cue.AddRange(found);
                        break;
                    case "Source":
                        source.AddRange(found);
                        break;
                    case "Content":
                        content.AddRange(found);
                        break;
                }
            }

            if (cue.Count > 0)
            {
                attributions.Add(new GoldAttribution(Sorted(cue), Sorted(source), Sorted(content)));
            }
        }

        return attributions;

        static List<TextSpan> Sorted(List<TextSpan> spans) => [.. spans.OrderBy(s => s.Start).ThenBy(s => s.End)];
    }

    /// <summary>brat counts characters as code points; C# strings count UTF-16 units. Index: code point offset, value: UTF-16 offset.</summary>
    private static int[] CodePointOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }
}
