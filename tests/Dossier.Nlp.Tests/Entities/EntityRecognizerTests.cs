using Dossier.Nlp.Entities;

namespace Dossier.Nlp.Tests.Entities;

public sealed class EntityRecognizerTests
{
    [Fact]
    public void Bilou_marks_single_tokens_as_units_and_ends_as_last()
    {
        Assert.Equal(
            ["B-PER", "L-PER", "O", "U-LOC", "B-ORG", "I-ORG", "L-ORG"],
            EntityRecognizer.ToBilou(["B-PER", "I-PER", "O", "B-LOC", "B-ORG", "I-ORG", "I-ORG"]));
    }

    [Fact]
    public void Spans_are_read_from_bilou_and_broken_runs_are_repaired()
    {
        Assert.Equal(
            [(0, 2, "PER"), (3, 4, "LOC"), (4, 6, "ORG"), (6, 7, "PER")],
            EntityRecognizer.Spans(["B-PER", "L-PER", "O", "U-LOC", "I-ORG", "L-ORG", "L-PER"]));
    }

    [Fact]
    public void Document_evidence_gives_a_defined_acronym_the_type_of_the_name_it_abbreviates()
    {
        string[][] words =
        [
            ["the", "Government", "of", "National", "Accord", "(", "GNA", ")", "said"],
            ["GNA", "forces", "left"],
        ];
        string[][] tags =
        [
            ["O", "B-ORG", "I-ORG", "I-ORG", "L-ORG", "O", "O", "O", "O"],
            ["O", "O", "O"],
        ];
        var contexts = words.Select(w => EntityContext.Of(w, [.. w.Select(_ => "X")], new Dictionary<string, string>(StringComparer.Ordinal), Gazetteer.Empty, WordClusters.Empty)).ToList();

        var evidence = DocumentEvidence.Of(words, contexts, tags);

        Assert.Equal(Dossier.Nlp.Learning.FeatureHash.Of("U-ORG"), evidence[1][0]);
        Assert.Equal(evidence[1][1], evidence[1][2]); // nothing known of "forces" or "left"
    }

    [Fact]
    public void Document_evidence_for_a_word_comes_from_its_other_occurrences_only()
    {
        string[][] words = [["Haftar", "spoke"], ["Haftar", "left"]];
        string[][] tags = [["U-PER", "O"], ["O", "O"]];
        var contexts = words.Select(w => EntityContext.Of(w, [.. w.Select(_ => "X")], new Dictionary<string, string>(StringComparer.Ordinal), Gazetteer.Empty, WordClusters.Empty)).ToList();

        var evidence = DocumentEvidence.Of(words, contexts, tags);

        Assert.Equal(Dossier.Nlp.Learning.FeatureHash.Of("U-PER"), evidence[1][0]); // from the first sentence
        Assert.NotEqual(Dossier.Nlp.Learning.FeatureHash.Of("U-PER"), evidence[0][0]); // its own tag is left out
    }
}
