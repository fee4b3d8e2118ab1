using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Ingest;
using Xunit.Abstractions;

namespace Dossier.Nlp.Tests.Golden;

/// <summary>
/// The shipped models against hand-annotated entity mentions of two of the sample articles
/// (<c>sample-entities-gold.json</c>: CoNLL conventions, titles left out of names, nationalities
/// MISC). Unlike the golden test, which pins whatever the models find, this one says how right they are.
/// The gold ships in the repository, so this suite runs on a fresh clone.
/// </summary>
[Trait("Category", "Accuracy")]
public sealed class SampleEntitiesAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Accuracy_of_entities_on_the_annotated_sample_articles_holds()
    {
        var gold = JsonSerializer.Deserialize<Dictionary<string, string[]>>(
            File.ReadAllText(Path.Combine(SourceDirectory(), "Golden", "sample-entities-gold.json")))!;
        var models = NlpModels.Load(NlpModels.DefaultDirectory(AppContext.BaseDirectory));
        var pipeline = models.BuildPipeline();
        var counts = new SortedDictionary<string, (int Gold, int Predicted, int Correct)>(StringComparer.Ordinal);
        foreach (var (file, mentions) in gold.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(AppContext.BaseDirectory, "samples", "libya", file);
            var raw = new RawDocument(new DocumentOrigin(file, SourceFormat.Text), File.ReadAllText(path), false, ArticleMetadata.Empty);
            var document = new ArticleCleaner().Clean(raw);
            Assert.Null(pipeline.Run(document, CancellationToken.None));
            var expected = mentions.Select(Key).ToHashSet(StringComparer.Ordinal);
            var found = document.Mentions!.Select(m => $"{m.Start}-{m.End} {m.Type}").ToHashSet(StringComparer.Ordinal);
            foreach (var key in expected.Concat(found).Distinct(StringComparer.Ordinal))
            {
                var type = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                var entry = counts.GetValueOrDefault(type);
                counts[type] = (entry.Gold + (expected.Contains(key) ? 1 : 0), entry.Predicted + (found.Contains(key) ? 1 : 0),
                    entry.Correct + (expected.Contains(key) && found.Contains(key) ? 1 : 0));
            }
        }

        var total = (Gold: counts.Values.Sum(c => c.Gold), Predicted: counts.Values.Sum(c => c.Predicted), Correct: counts.Values.Sum(c => c.Correct));
        foreach (var (type, c) in counts)
        {
            output.WriteLine($"{type}: {Describe(c.Gold, c.Predicted, c.Correct)}");
        }

        var f1 = F1(total.Gold, total.Predicted, total.Correct);
        output.WriteLine($"overall: {Describe(total.Gold, total.Predicted, total.Correct)}");
        Assert.True(f1 >= 0.65, $"entity F1 on the annotated sample articles fell to {f1:0.0000}");
    }

    private static string Key(string mention)
    {
        // "153-183 ORG Government of National Accord" -> "153-183 ORG"
        var parts = mention.Split(' ', 3);
        return $"{parts[0]} {parts[1]}";
    }

    private static double F1(int gold, int predicted, int correct) =>
        correct == 0 ? 0 : 2.0 * correct / (gold + predicted);

    private static string Describe(int gold, int predicted, int correct) =>
        FormattableString.Invariant($"precision {(predicted == 0 ? 0 : (double)correct / predicted):0.000} recall {(gold == 0 ? 0 : (double)correct / gold):0.000} F1 {F1(gold, predicted, correct):0.000} (gold {gold}, predicted {predicted}, correct {correct})");

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
