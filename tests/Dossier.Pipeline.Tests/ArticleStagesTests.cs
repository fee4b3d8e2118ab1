using System.Text.Json;
using Dossier.Actors.InArticle;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Nlp;

namespace Dossier.Pipeline.Tests;

public sealed class ArticleStagesTests
{
    private static readonly Lazy<NlpModels> Models = new(() => NlpModels.Load(NlpModels.DefaultDirectory(AppContext.BaseDirectory)));

    [Fact]
    public void A_second_look_that_reuses_the_first_looks_parse_finds_the_same_facts_as_one_that_parses_again()
    {
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "libya"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(samples);
        var firstLook = new ArticleStages(Models.Value, Articles.Countries, known: null);
        using var kept = new RecognizedLayers();
        var names = new List<(string Name, ActorKind Kind)>();
        var parsedFirst = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (var path in samples)
        {
            var document = Make(path);
            Assert.Null(firstLook.Pipeline.Run(document, CancellationToken.None));
            kept.Keep(IdOf(path), document);
            parsedFirst[path] = document.Dependencies!.Parsed;
            foreach (var actor in document.Actors!)
            {
                names.Add((actor.Name, actor.Kind));
                names.AddRange(actor.Mentions.Where(m => m.Form == MentionForm.Name).Select(m => (document.Text[m.Start..m.End], actor.Kind)));
            }

            // Names the corpus might know that the recognizer did not take here: capitalized words
            // inside the sentences the first look left unparsed, so that the second look wants some of them.
            foreach (var sentence in document.Sentences!.Where(s => s.TokenEnd > s.TokenStart && !document.Dependencies.Parsed[s.TokenStart]))
            {
                names.AddRange(Enumerable.Range(sentence.TokenStart + 1, sentence.TokenEnd - sentence.TokenStart - 1)
                    .Select(t => document.TextOf(document.Tokens![t]))
                    .Where(word => word.Length >= 4 && char.IsUpper(word[0]) && word.All(char.IsLetter))
                    .Select(word => (word, ActorKind.ArmedGroup)));
            }
        }

        // The second look knows every name any sample gave, as the corpus-wide look does.
        var secondLook = new ArticleStages(Models.Value, Articles.Countries, new KnownNames(names.Distinct()));
        int newlyParsed = 0, parsedBefore = 0;
        foreach (var path in samples)
        {
            var reused = Restore(secondLook, kept, path, out var earlierParse);
            var fresh = Restore(secondLook, kept, path, out _);
            Assert.NotNull(earlierParse);

            Assert.Null(secondLook.Relink(reused, earlierParse, CancellationToken.None));
            Assert.Null(secondLook.Relink(fresh, earlierParse: null, CancellationToken.None));

            Assert.Equal(fresh.Dependencies!.Heads, reused.Dependencies!.Heads);
            Assert.Equal(fresh.Dependencies.Relations, reused.Dependencies.Relations);
            Assert.Equal(fresh.Dependencies.Parsed, reused.Dependencies.Parsed);
            Assert.Equal(Json(fresh.Actors), Json(reused.Actors));
            Assert.Equal(Json(fresh.Claims), Json(reused.Claims));
            Assert.Equal(Json(fresh.Events), Json(reused.Events));
            Assert.Equal(Json(fresh.Relations), Json(reused.Relations));
            Assert.NotEmpty(reused.Claims!);
            var before = parsedFirst[path];
            newlyParsed += reused.Dependencies.Parsed.Where((parsed, i) => parsed && !before[i]).Count();
            parsedBefore += reused.Dependencies.Parsed.Where((parsed, i) => parsed && before[i]).Count();
        }

        // The known names make the second look want sentences the first did not parse: both the
        // copied parse and a fresh one are exercised.
        Assert.True(newlyParsed > 0, "the second look parsed no sentence the first had not");
        Assert.True(parsedBefore > 0, "the second look parsed no sentence the first had");
    }

    private static Document Restore(ArticleStages stages, RecognizedLayers kept, string path, out DependencyLayer? earlierParse)
    {
        var document = Make(path);
        Assert.Null(stages.Preparation.Run(document, CancellationToken.None));
        Assert.True(kept.TryRestore(IdOf(path), document, out earlierParse));
        return document;
    }

    private static Document Make(string path)
    {
        var text = File.ReadAllText(path);
        return new Document(new DocumentOrigin(path, SourceFormat.Text), text, ArticleMetadata.Empty, Offsets(text), [], []);
    }

    private static OffsetMap Offsets(string text) => new([new OffsetSegment(0, text.Length, 0, text.Length)]);

    private static ArticleId IdOf(string path) => new(Path.GetFileNameWithoutExtension(path));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
