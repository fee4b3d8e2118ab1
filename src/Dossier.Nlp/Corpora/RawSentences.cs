namespace Dossier.Nlp.Corpora;

/// <summary>The words of a tokenized corpus, its annotations ignored: unlabelled text for word clusters.</summary>
public static class RawSentences
{
    /// <summary>Sentences of a CoNLL-U file (by its .conllu extension) or of a CoNLL/IOB file (word first on each line).</summary>
    public static IEnumerable<string[]> Read(string path) =>
        path.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase)
            ? ConlluReader.Read(path).Select(s => s.Words)
            : IobReader.Read(path).Select(s => s.Words);
}
