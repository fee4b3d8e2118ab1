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
}
