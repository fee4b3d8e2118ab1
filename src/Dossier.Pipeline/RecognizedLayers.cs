using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Microsoft.Win32.SafeHandles;

namespace Dossier.Pipeline;

/// <summary>
/// What the part-of-speech tagger, the entity recognizer and the dependency parser found in each
/// article of one linking run, kept for the second look so that it re-links an article without
/// running those models again (they are most of an article's cost). An article takes a few bytes a
/// token (a tag number for each token, the mentions' bounds, and a head and relation for each
/// parsed token), written to a temporary file that is deleted when this is disposed, so memory
/// stays flat however many articles the run annotates. Tokens and sentences are not kept: the rule
/// tokenizer and splitter make them again, cheaply and identically. The parse is kept beside the
/// tags because it depends on the words and tags alone, never on the linker: the second look's
/// linker may make more sentences worth parsing, but a sentence parsed once parses the same again.
/// </summary>
/// <remarks>
/// <see cref="Keep"/> is called from one thread; <see cref="TryRestore"/> from any number of
/// threads once keeping is over (positional reads of the file share no state).
/// </remarks>
internal sealed class RecognizedLayers : IDisposable
{
    private readonly SafeFileHandle file;
    private readonly Dictionary<ArticleId, (long Offset, int Length)> kept = [];
    private readonly List<string> labels = [];
    private readonly Dictionary<string, int> labelNumbers = new(StringComparer.Ordinal);
    private readonly MemoryStream buffer = new();
    private long end;

    public RecognizedLayers(string? folder = null)
    {
        var path = Path.Combine(folder ?? Path.GetTempPath(), $"dossier-recognized-{Guid.NewGuid():N}.bin");
        file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
    }

    public int Count => kept.Count;

    /// <summary>
    /// Keeps the tags, mentions and (when it has one) parse of an annotated document; a document
    /// without tags or mentions is skipped.
    /// </summary>
    public void Keep(ArticleId id, Document document)
    {
        if (document.Tokens is not { } tokens || document.PartsOfSpeech is not { } tags || document.Mentions is not { } mentions)
        {
            return;
        }

        buffer.SetLength(0);
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(tokens.Count);
            for (var i = 0; i < tokens.Count; i++)
            {
                writer.Write7BitEncodedInt(Number(tags.Universal[i]));
                writer.Write7BitEncodedInt(Number(tags.Penn[i]));
            }

            writer.Write7BitEncodedInt(mentions.Count);
            foreach (var mention in mentions)
            {
                writer.Write7BitEncodedInt(mention.TokenStart);
                writer.Write7BitEncodedInt(mention.TokenEnd - mention.TokenStart);
                writer.Write7BitEncodedInt(mention.Start);
                writer.Write7BitEncodedInt(mention.End - mention.Start);
                writer.Write7BitEncodedInt(Number(mention.Type));
            }

            // Per token: 0 when the parser did not read it, else its relation's number + 1 and its head + 1 (0: the root).
            var parse = document.Dependencies;
            writer.Write(parse is not null);
            for (var i = 0; parse is not null && i < tokens.Count; i++)
            {
                if (!parse.Parsed[i])
                {
                    writer.Write7BitEncodedInt(0);
                    continue;
                }

                writer.Write7BitEncodedInt(Number(parse.Relations[i]) + 1);
                writer.Write7BitEncodedInt(parse.Heads[i] + 1);
            }
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        RandomAccess.Write(file, bytes, end);
        kept[id] = (end, bytes.Length);
        end += bytes.Length;
    }

    /// <summary>
    /// Sets the kept tags and mentions on <paramref name="document"/>, which must hold the tokens
    /// and sentences of the same text already, and gives back the kept parse in
    /// <paramref name="earlierParse"/> (null when the article had none). The parse is not set on
    /// the document: which sentences count as parsed is the second look's parser's to decide
    /// (<see cref="Nlp.Parsing.DependencyParser.WithEarlierParse"/>). False when nothing was kept
    /// for the article, or what was kept does not fit its tokens (the caller then runs the models
    /// again).
    /// </summary>
    public bool TryRestore(ArticleId id, Document document, out DependencyLayer? earlierParse)
    {
        earlierParse = null;
        if (!kept.TryGetValue(id, out var where) || document.Tokens is not { } tokens)
        {
            return false;
        }

        var bytes = new byte[where.Length];
        if (RandomAccess.Read(file, bytes, where.Offset) != bytes.Length)
        {
            return false;
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        var count = reader.Read7BitEncodedInt();
        if (count != tokens.Count)
        {
            return false;
        }

        var universal = new string[count];
        var penn = new string[count];
        for (var i = 0; i < count; i++)
        {
            universal[i] = labels[reader.Read7BitEncodedInt()];
            penn[i] = labels[reader.Read7BitEncodedInt()];
        }

        var mentions = new EntityMention[reader.Read7BitEncodedInt()];
        for (var m = 0; m < mentions.Length; m++)
        {
            var tokenStart = reader.Read7BitEncodedInt();
            var tokenEnd = tokenStart + reader.Read7BitEncodedInt();
            var start = reader.Read7BitEncodedInt();
            var endCharacter = start + reader.Read7BitEncodedInt();
            mentions[m] = new EntityMention(tokenStart, tokenEnd, start, endCharacter, labels[reader.Read7BitEncodedInt()]);
        }

        if (reader.ReadBoolean())
        {
            var heads = new int[count];
            var relations = new string[count];
            var parsed = new bool[count];
            for (var i = 0; i < count; i++)
            {
                var relation = reader.Read7BitEncodedInt();
                if (relation == 0)
                {
                    heads[i] = -1;
                    relations[i] = string.Empty;
                    continue;
                }

                relations[i] = labels[relation - 1];
                heads[i] = reader.Read7BitEncodedInt() - 1;
                parsed[i] = true;
            }

            earlierParse = new DependencyLayer(heads, relations, parsed);
        }

        document.SetPartsOfSpeech(new PartOfSpeechLayer(universal, penn));
        document.SetMentions(mentions);
        return true;
    }

    private int Number(string label)
    {
        if (!labelNumbers.TryGetValue(label, out var number))
        {
            number = labels.Count;
            labels.Add(label);
            labelNumbers[label] = number;
        }

        return number;
    }

    public void Dispose()
    {
        file.Dispose();
        buffer.Dispose();
    }
}
