using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Storage.Tests;

/// <summary>
/// Two hand-built reports with actors, a claim, events and relations, the way the linker and the
/// extractors would leave them: every offset points into the article's text.
/// </summary>
internal static class Reports
{
    public const string Capture = "Khalifa Haftar said the LNA captured Gharyan on 2 April.";

    public const string Attack = "Fayez al-Sarraj condemned the LNA attack on Tripoli, in which 12 people were killed.";

    public const string Meeting = "Fayez al-Sarraj met envoys in Tunis.";

    /// <summary>Published 2019-04-05: Haftar (0) says the LNA (1) captured Gharyan (2); al-Sarraj (3) condemns its attack on Tripoli (4).</summary>
    public static Document Offensive() => Offensive(string.Empty, "Libya Observer", "offensive.txt");

    /// <summary>The offensive report syndicated by Desert Wire: the same text with a line added at the end, so every fact sits where it did.</summary>
    public static Document OffensiveCopy() => Offensive(" Republished by Desert Wire.", "Desert Wire", "offensive-copy.txt");

    private static Document Offensive(string added, string outlet, string path)
    {
        var text = Capture + " " + Attack + " " + Documents.Story(50) + added;
        var document = Documents.Make(text, outlet: outlet, title: "Haftar takes Gharyan", published: "2019-04-05", path: path);
        var attack = Capture.Length + 1;
        var lna = Name(text, "LNA", MentionForm.Acronym, "initials");
        document.SetActors(
        [
            new ArticleActor(0, "Khalifa Haftar", ActorKind.Person, "the recognizer found a person", [Name(text, "Khalifa Haftar")]),
            new ArticleActor(1, "Libyan National Army", ActorKind.ArmedGroup, "\"Army\"", [lna, Name(text, "LNA", MentionForm.Acronym, "initials", from: lna.End)]),
            new ArticleActor(2, "Gharyan", ActorKind.Place, "gazetteer", [Name(text, "Gharyan")]),
            new ArticleActor(3, "Fayez al-Sarraj", ActorKind.Person, "the recognizer found a person", [Name(text, "Fayez al-Sarraj")]),
            new ArticleActor(4, "Tripoli", ActorKind.Place, "gazetteer", [Name(text, "Tripoli")]),
        ], "test-linker");
        var content = Find(text, "the LNA captured Gharyan on 2 April");
        var cue = Find(text, "said");
        var speaker = Find(text, "Khalifa Haftar");
        var day = Find(text, "2 April");
        var killed = Find(text, "12 people");
        document.SetClaims([new Claim(0, Capture.Length, content.Start, content.End, cue.Start, cue.End, ClaimForm.IndirectSpeech, Modality.Asserted, speaker.Start, speaker.End, 0, 1)]);
        document.SetEvents(
            [
                new ReportedEvent(EventType.Capture, 0, Capture.Length, Find(text, "captured").Start, Find(text, "captured").End,
                    new DateOnly(2019, 4, 2), new DateOnly(2019, 4, 2), "day", day.Start, day.End, 2, [1], [], [], 0),
                new ReportedEvent(EventType.Attack, attack, attack + Attack.Length, Find(text, "attack").Start, Find(text, "attack").End,
                    null, null, null, null, null, 4, [1], [], [new EventCount(CountKind.Killed, 12, null, "exact", killed.Start, killed.End)], null),
            ]);
        document.SetRelations([new Relation(RelationKind.Opposes, 3, 1, attack, attack + Attack.Length, Find(text, "condemned").Start, Find(text, "condemned").End, null)]);
        return document;
    }

    /// <summary>Published 2019-06-01: al-Sarraj (0) meets envoys; no facts.</summary>
    public static Document Visit()
    {
        var text = Meeting + " " + Documents.Story(51);
        var document = Documents.Make(text, outlet: "Reuters", title: "Envoys in Tunis", published: "2019-06-01", path: "visit.txt");
        document.SetActors([new ArticleActor(0, "Fayez al-Sarraj", ActorKind.Person, "the recognizer found a person", [Name(text, "Fayez al-Sarraj")])], "test-linker");
        document.SetClaims([]);
        document.SetEvents([]);
        document.SetRelations([]);
        return document;
    }

    /// <summary>Entities for both reports, as linking would make them: al-Sarraj is one entity across the two.</summary>
    public static IReadOnlyList<ResolvedEntity> Entities(IReadOnlyList<StoredChain> chains)
    {
        ChainLink Link(StoredChain chain) => new(chain.ArticleSeq, chain.Chain, "same-name", 1.0, "test");
        return chains.GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(g => new ResolvedEntity(Id(g.Key), g.Key, g.First().Kind, "test", [.. g.Select(Link)]))
            .ToList();
    }

    /// <summary>The entity id the tests give a chain name: "e-" and its last word, lower-cased.</summary>
    public static string Id(string name) => "e-" + name.Split(' ', '-')[^1].ToLowerInvariant();

    public static TextSpan Find(string text, string words, int from = 0)
    {
        var start = text.IndexOf(words, from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{words}' is not in the report");
        return new TextSpan(start, start + words.Length);
    }

    private static ActorMention Name(string text, string words, MentionForm form = MentionForm.Name, string reason = "first mention", int from = 0)
    {
        var span = Find(text, words, from);
        return new ActorMention(span.Start, span.End, form, reason);
    }
}
