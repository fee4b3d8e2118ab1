using System.Text;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Identity;
using Dossier.Core.Storage;
using Dossier.Storage.Sqlite;

namespace Dossier.Export.Tests;

/// <summary>
/// A real SQLite store in a temporary folder, filled with articles and facts written by hand the way
/// the extractors would write them: actors are found by their words in the text, facts point at
/// sentences by offsets. Entities are made by joining actors of the same name across articles.
/// </summary>
internal sealed class HandBuiltFacts : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dossier-export-").FullName;

    public HandBuiltFacts() => Store = SqliteDossierStore.Open(Path.Combine(folder, "facts.db"));

    public IDossierStore Store { get; }

    /// <summary>Adds an article; <paramref name="facts"/> gets its text and actors and returns its facts.</summary>
    public AddResult Add(string text, string? outlet, string published, string[] actors, Func<ArticleText, (IReadOnlyList<Claim>, IReadOnlyList<ReportedEvent>, IReadOnlyList<Relation>)> facts)
    {
        PublicationDate.TryParseIso(published, out var date);
        var metadata = new ArticleMetadata { Outlet = outlet, Title = text[..Math.Min(40, text.Length)], Published = date };
        var document = new Document(new DocumentOrigin($"{outlet ?? "no-outlet"}-{published}.txt", SourceFormat.Text), text, metadata,
            new OffsetMap([new OffsetSegment(0, text.Length, 0, text.Length)]), [], []) { CleanerVersion = "test" };
        var result = Store.AddArticle(document, MinHashSignature.FromText(text));
        var article = new ArticleText(text, actors);
        var chains = actors.Select((name, chain) => new ArticleActor(chain, name, KindOf(name), "test",
            [.. Occurrences(text, name).Select(at => new ActorMention(at, at + name.Length, MentionForm.Name, "test"))])).ToList();
        var (claims, events, relations) = facts(article);
        Store.ReplaceArticleActors(result.Id, chains, claims, events, relations, "test");
        return result;
    }

    /// <summary>Joins every actor of the same name into one entity, its id the name in lower case with dashes.</summary>
    public void Link()
    {
        var entities = Store.ReadChains()
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(g => new ResolvedEntity(Id(g.Key), g.Key, g.First().Kind, "test",
                [.. g.Select(c => new ChainLink(c.ArticleSeq, c.Chain, "same-name", 1, g.Key))]))
            .ToList();
        Store.ReplaceEntities(entities);
    }

    public static string Id(string name) => name.ToLowerInvariant().Replace(' ', '-');

    /// <summary>Places are the names these tests use for places; every other name with a space is a person, the rest a group.</summary>
    private static ActorKind KindOf(string name) => name switch
    {
        "Tripoli" or "Benghazi" or "Ain Zara" => ActorKind.Place,
        "Reuters" => ActorKind.Media,
        _ when name.Contains(' ', StringComparison.Ordinal) => ActorKind.Person,
        _ => ActorKind.ArmedGroup,
    };

    private static IEnumerable<int> Occurrences(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
        {
            yield return at;
        }
    }

    /// <summary>Distinct filler sentences, so that different articles are not near-duplicates of each other.</summary>
    public static string Filler(int seed)
    {
        var random = new Random(seed);
        string[] words = ["convoy", "council", "ceasefire", "harbour", "militia", "envoy", "airport", "checkpoint", "talks", "supplies", "district", "warehouse"];
        var text = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            text.Append("Residents saw the ").Append(words[random.Next(words.Length)]).Append(" near the ")
                .Append(words[random.Next(words.Length)]).Append(" on day ").Append(random.Next(10_000)).Append(". ");
        }

        return text.ToString();
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>An article's text and actors, for building its facts by the words they cover.</summary>
internal sealed class ArticleText(string text, string[] actors)
{
    public string Text => text;

    public int Chain(string name) => Array.IndexOf(actors, name);

    /// <summary>Start and end of the first occurrence of <paramref name="words"/>.</summary>
    public (int Start, int End) Find(string words)
    {
        var at = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{words}' is not in the text");
        return (at, at + words.Length);
    }

    /// <summary>The sentence holding <paramref name="words"/>: from the last period before them to the next one.</summary>
    public (int Start, int End) Sentence(string words)
    {
        var (start, _) = Find(words);
        var from = text.LastIndexOf(". ", start, StringComparison.Ordinal);
        var to = text.IndexOf('.', start);
        return (from < 0 ? 0 : from + 2, to < 0 ? text.Length : to + 1);
    }

    public ReportedEvent Event(EventType type, string trigger, DateOnly? date, string? place, string[] agents, string[] targets, params (CountKind Kind, string Words, long Low)[] counts)
    {
        var (sentenceStart, sentenceEnd) = Sentence(trigger);
        var (triggerStart, triggerEnd) = Find(trigger);
        return new ReportedEvent(type, sentenceStart, sentenceEnd, triggerStart, triggerEnd, date, date, date is null ? null : "day", null, null,
            place is null ? null : Chain(place), [.. agents.Select(Chain)], [.. targets.Select(Chain)],
            [.. counts.Select(c => { var (s, e) = Find(c.Words); return new EventCount(c.Kind, c.Low, null, "exact", s, e); })], null);
    }

    public Relation Relation(RelationKind kind, string source, string target, string cue)
    {
        var (sentenceStart, sentenceEnd) = Sentence(cue);
        var (cueStart, cueEnd) = Find(cue);
        return new Relation(kind, Chain(source), Chain(target), sentenceStart, sentenceEnd, cueStart, cueEnd, null);
    }

    public Claim Claim(Modality modality, string speaker, string cue, string content)
    {
        var (sentenceStart, sentenceEnd) = Sentence(cue);
        var (cueStart, cueEnd) = Find(cue);
        var (contentStart, contentEnd) = Find(content);
        var (speakerStart, speakerEnd) = Find(speaker);
        return new Claim(sentenceStart, sentenceEnd, contentStart, contentEnd, cueStart, cueEnd, ClaimForm.IndirectSpeech, modality,
            speakerStart, speakerEnd, Chain(speaker) is >= 0 and var chain ? chain : null, null);
    }
}
