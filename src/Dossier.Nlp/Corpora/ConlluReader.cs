namespace Dossier.Nlp.Corpora;

/// <summary>One sentence of a treebank: its words, tags, and the document and paragraph it opens.</summary>
public sealed record TaggedSentence(string[] Words, string[] Universal, string[] Penn, string? Text, bool NewDocument, bool NewParagraph);

/// <summary>
/// One sentence of a treebank with its dependency tree: <c>Heads[i]</c> is the 0-based index of word
/// <c>i</c>'s head in the sentence, or -1 for the root; <c>Relations[i]</c> the UD relation with its
/// subtype ("nsubj:pass").
/// </summary>
public sealed record TreeSentence(string[] Words, string[] Universal, string[] Penn, int[] Heads, string[] Relations);

/// <summary>Reads CoNLL-U (Universal Dependencies): words with UPOS and XPOS, skipping multi-word ranges and empty nodes.</summary>
public static class ConlluReader
{
    /// <summary>
    /// Reads sentences with their basic dependency trees (HEAD and DEPREL columns). Multi-word
    /// ranges and empty nodes are skipped: word ids stay 1..n, so a head id maps to an index directly.
    /// </summary>
    public static IEnumerable<TreeSentence> ReadTrees(string path)
    {
        var words = new List<string>();
        var upos = new List<string>();
        var xpos = new List<string>();
        var heads = new List<int>();
        var relations = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return new TreeSentence([.. words], [.. upos], [.. xpos], [.. heads], [.. relations]);
                }

                words.Clear();
                upos.Clear();
                xpos.Clear();
                heads.Clear();
                relations.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length >= 1 && (fields[0].Contains('-', StringComparison.Ordinal) || fields[0].Contains('.', StringComparison.Ordinal)))
            {
                continue;
            }

            if (fields.Length < 8 || !int.TryParse(fields[6], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var head))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: a word line needs ten tab-separated fields with a numeric HEAD");
            }

            words.Add(fields[1]);
            upos.Add(fields[3]);
            xpos.Add(fields[4]);
            heads.Add(head - 1);
            relations.Add(fields[7]);
        }

        if (words.Count > 0)
        {
            yield return new TreeSentence([.. words], [.. upos], [.. xpos], [.. heads], [.. relations]);
        }
    }

    public static IEnumerable<TaggedSentence> Read(string path)
    {
        var words = new List<string>();
        var upos = new List<string>();
        var xpos = new List<string>();
        string? text = null;
        var newDocument = false;
        var newParagraph = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    yield return new TaggedSentence([.. words], [.. upos], [.. xpos], text, newDocument, newParagraph);
                }

                words.Clear();
                upos.Clear();
                xpos.Clear();
                text = null;
                newDocument = newParagraph = false;
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    text = line[9..];
                }
                else if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    newDocument = newParagraph = true;
                }
                else if (line.StartsWith("# newpar", StringComparison.Ordinal))
                {
                    newParagraph = true;
                }

                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 5 || fields[0].Contains('-', StringComparison.Ordinal) || fields[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            words.Add(fields[1]);
            upos.Add(fields[3]);
            xpos.Add(fields[4]);
        }

        if (words.Count > 0)
        {
            yield return new TaggedSentence([.. words], [.. upos], [.. xpos], text, newDocument, newParagraph);
        }
    }
}

/// <summary>One sentence with named-entity tags in IOB2 form (B-X, I-X, O).</summary>
public sealed record EntitySentence(string[] Words, string[] Tags)
{
    /// <summary>Whether the sentence opens a document (<c>-DOCSTART-</c> or <c># newdoc</c>); in a file without document marks every sentence is its own document.</summary>
    public bool NewDocument { get; init; }
}

/// <summary>
/// Reads the CoNLL-style entity files of the open corpora and CoNLL-2003: a word and its tag a line
/// (tag in the last column, or the third for Universal NER's id-word-tag layout), IOB1 or IOB2, blank
/// lines between sentences, <c>-DOCSTART-</c> lines skipped. Tags are returned in IOB2, with types
/// mapped to PER, ORG, LOC, MISC (others become O).
/// </summary>
public static class IobReader
{
    public static IEnumerable<EntitySentence> Read(string path)
    {
        var sentences = new List<EntitySentence>();
        var marked = false;
        var newDocument = false;
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            var docStart = line.StartsWith("-DOCSTART-", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal);
            if (line.Length == 0 || docStart)
            {
                if (words.Count > 0)
                {
                    sentences.Add(new EntitySentence([.. words], ToIob2(tags)) { NewDocument = newDocument });
                    newDocument = false;
                }

                if (docStart)
                {
                    marked = newDocument = true;
                }

                words.Clear();
                tags.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                continue;
            }

            var universalNer = fields.Length >= 3 && int.TryParse(fields[0], out _) && (fields.Length == 3 || fields[3] == "-");
            words.Add(universalNer ? fields[1] : fields[0]);
            tags.Add(universalNer ? fields[2] : fields[^1]);
        }

        if (words.Count > 0)
        {
            sentences.Add(new EntitySentence([.. words], ToIob2(tags)) { NewDocument = newDocument });
        }

        if (sentences.Count > 0)
        {
            sentences[0] = sentences[0] with { NewDocument = true };
        }

        return marked ? sentences : sentences.Select(s => s with { NewDocument = true });
    }

    private static string[] ToIob2(List<string> tags)
    {
        var result = new string[tags.Count];
        var previousType = "O";
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var dash = tag.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0 || tag == "O")
            {
                result[i] = "O";
                previousType = "O";
                continue;
            }

            var prefix = tag[..dash];
            var type = MapType(tag[(dash + 1)..]);
            if (type is null)
            {
                result[i] = "O";
                previousType = "O";
                continue;
            }

            // IOB1 starts an entity with I- unless it follows one of the same type.
            var begins = prefix == "B" || previousType != type;
            result[i] = (begins ? "B-" : "I-") + type;
            previousType = type;
        }

        return result;
    }

    private static string? MapType(string type) => type.ToUpperInvariant() switch
    {
        "PER" or "PERSON" => "PER",
        "ORG" or "ORGANIZATION" or "ORGANISATION" or "CORPORATION" or "GROUP" => "ORG",
        "LOC" or "LOCATION" or "GPE" => "LOC",
        "MISC" => "MISC",
        _ => null,
    };
}
