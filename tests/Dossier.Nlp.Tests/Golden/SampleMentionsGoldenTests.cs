using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Ingest;
using Dossier.Nlp;
using Dossier.Tests.Shared;
using Xunit.Abstractions;

namespace Dossier.Nlp.Tests.Golden;

/// <summary>
/// Pins the entity mentions the shipped models find in the five sample articles. A change in the
/// models or the stages shows up here as a diff to review; regenerate on purpose with UPDATE_GOLDEN=1.
/// </summary>
public sealed class SampleMentionsGoldenTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Golden_entity_mentions_of_the_sample_articles_are_unchanged()
    {
        var models = NlpModels.Load(NlpModels.DefaultDirectory(AppContext.BaseDirectory));
        var pipeline = models.BuildPipeline();
        var cleaner = new ArticleCleaner();
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples", "libya"), "*.txt").Order(StringComparer.Ordinal))
        {
            var raw = new RawDocument(new DocumentOrigin(Path.GetFileName(file), SourceFormat.Text), File.ReadAllText(file), false, ArticleMetadata.Empty);
            var document = cleaner.Clean(raw);
            Assert.Null(pipeline.Run(document, CancellationToken.None));
            result[Path.GetFileName(file)] = [.. document.Mentions!.Select(m => $"{m.Start}-{m.End} {m.Type} {document.Text[m.Start..m.End]}")];
        }

        GoldenFile.Check(Path.Combine(SourceDirectory(), "Golden", "sample-mentions.json"), JsonSerializer.Serialize(result, Json), output);
    }

    [Fact]
    public void Pipeline_finds_the_main_actors_of_a_sample_article()
    {
        var models = NlpModels.Load(NlpModels.DefaultDirectory(AppContext.BaseDirectory));
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "libya", "003_5239a062d73ba755.txt"));
        var document = new ArticleCleaner().Clean(new RawDocument(new DocumentOrigin("003", SourceFormat.Text), text, false, ArticleMetadata.Empty));

        Assert.Null(models.BuildPipeline().Run(document, CancellationToken.None));

        var names = document.Mentions!.Select(m => document.Text[m.Start..m.End]).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Khalifa Haftar", names);
        Assert.Contains("Tripoli", names);
        Assert.True(document.Sentences!.Count > 20);
        Assert.Equal(document.Tokens!.Count, document.PartsOfSpeech!.Universal.Length);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
