using Dossier.Nlp.Corpora;

namespace Dossier.Nlp.Tests.Corpora;

public sealed class IobReaderTests
{
    [Fact]
    public void Reader_marks_the_sentences_that_open_documents()
    {
        var path = Write("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n");
        var sentences = IobReader.Read(path).ToList();

        Assert.Equal([true, false, true], sentences.Select(s => s.NewDocument));
        Assert.Equal(["B-ORG", "O"], sentences[0].Tags);
    }

    [Fact]
    public void Reader_makes_each_sentence_a_document_when_the_file_marks_none()
    {
        var path = Write("Obama B-PER\nwins O\n\nin O\nParis B-LOC\n");

        Assert.All(IobReader.Read(path), s => Assert.True(s.NewDocument));
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dossier-iob-{Environment.CurrentManagedThreadId}-{text.Length}.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
