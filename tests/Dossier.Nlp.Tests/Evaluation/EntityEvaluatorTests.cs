using Dossier.Nlp.Corpora;
using Dossier.Nlp.Evaluation;

namespace Dossier.Nlp.Tests.Evaluation;

public sealed class EntityEvaluatorTests
{
    [Fact]
    public void Scoring_counts_only_exact_span_and_type_matches_as_conlleval_does()
    {
        string[][] gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"]];
        string[][] predicted = [["B-PER", "I-PER", "O", "B-ORG", "O", "B-ORG"]];

        var report = EntityEvaluator.Score("gold", gold, predicted, 1, 6);

        Assert.Equal(2, report.Overall.Correct);
        Assert.Equal(3, report.Overall.Gold);
        Assert.Equal(3, report.Overall.Predicted);
        Assert.Equal(2.0 / 3, report.Overall.F1!.Value, 6);
        Assert.Equal(0, report.ByType["LOC"].Correct);
        Assert.Equal(0.5, report.ByType["ORG"].Precision!.Value, 6);
    }

    [Fact]
    public void Reader_turns_iob1_and_universal_ner_layouts_into_iob2()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\n# text = x\n1\tAl\tB-ORG\t-\tstephen\n2\t-\tI-ORG\t-\tstephen\n3\t:\tO\n");
        try
        {
            var sentences = IobReader.Read(path).ToList();

            Assert.Equal(["EU", "rejects", "German"], sentences[0].Words);
            Assert.Equal(["B-ORG", "O", "B-MISC"], sentences[0].Tags);
            Assert.Equal(["Al", "-", ":"], sentences[1].Words);
            Assert.Equal(["B-ORG", "I-ORG", "O"], sentences[1].Tags);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
