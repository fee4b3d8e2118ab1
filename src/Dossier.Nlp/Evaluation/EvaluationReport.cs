namespace Dossier.Nlp.Evaluation;

/// <summary>Precision, recall and F1 (or accuracy) of one type, or of all together.</summary>
public sealed record Score(double? Precision, double? Recall, double? F1, double? Accuracy, int Gold, int Predicted, int Correct)
{
    public static Score ForSpans(int gold, int predicted, int correct)
    {
        var precision = predicted == 0 ? 0 : (double)correct / predicted;
        var recall = gold == 0 ? 0 : (double)correct / gold;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(precision, recall, f1, null, gold, predicted, correct);
    }

    public static Score ForAccuracy(int total, int correct) =>
        new(null, null, null, total == 0 ? 0 : (double)correct / total, total, total, correct);
}

/// <summary>What <c>dossier eval</c> prints: the overall score, the score per type, and the speed.</summary>
public sealed record EvaluationReport(string Task, string GoldFile, Score Overall, IReadOnlyDictionary<string, Score> ByType, double WordsPerSecond, int Words, string? Note = null);
