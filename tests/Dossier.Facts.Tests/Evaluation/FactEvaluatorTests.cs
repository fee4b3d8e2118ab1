using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Facts.Evaluation;

namespace Dossier.Facts.Tests.Evaluation;

public sealed class FactEvaluatorTests
{
    private const string Text = "Egypt backs the Coalition against the Brigade. The Brigade shelled the port of Sirte. Talks were held.";

    private static readonly ArticleId Article = new("a1");

    private static readonly IReadOnlyDictionary<string, EvaluatedArticle> Articles = new Dictionary<string, EvaluatedArticle>(StringComparer.Ordinal)
    {
        ["a1"] = new("001_report.txt", Text),
    };

    private static readonly Dictionary<string, GoldNames> Entities = new(StringComparer.Ordinal)
    {
        ["egypt"] = Names("egypt", "Egypt"),
        ["coalition"] = Names("coalition", "the Coalition"),
        ["brigade"] = Names("brigade", "Brigade"),
        ["sirte"] = Names("sirte", "Sirte"),
    };

    private static GoldNames Names(string id, params string[] names) => new(id, names.ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static EventActor Actor(string name) => new(null, name);

    private static RelationRow Tie(RelationKind kind, string source, string target, string evidence = "Egypt backs the Coalition against the Brigade")
        => new(Article, null, kind, Actor(source), Actor(target), "backs", "asserted", null, evidence);

    private static EventRow Event(EventType type, string[] agents, string[] targets, string evidence = "The Brigade shelled the port of Sirte")
        => new(Article, null, null, null, type, "shelled", null, null, null, null, null, [.. agents.Select(Actor)], [.. targets.Select(Actor)], [], null, evidence);

    private static FactEvaluation Score(IReadOnlyList<GoldRelation>? relations = null, IReadOnlyList<GoldEvent>? events = null,
        IReadOnlyList<RelationRow>? systemRelations = null, IReadOnlyList<EventRow>? systemEvents = null)
        => FactEvaluator.Evaluate(new FactGold(null, events, relations, Entities), Articles, [], systemEvents ?? [], systemRelations ?? [], _ => new HashSet<string>());

    private static GoldRelation GoldTie(string type, string source, string target) => new("001", type, source, target, "Egypt backs the Coalition", null);

    private static GoldEvent GoldShelling(string[] agents, string[] targets)
        => new("001", "airstrike_or_shelling", null, null, agents, targets, null, null, "The Brigade shelled the port", null);

    [Fact]
    public void A_tie_with_the_right_kind_direction_and_ends_is_found()
    {
        var result = Score([GoldTie("supports", "egypt", "coalition")], systemRelations: [Tie(RelationKind.Supports, "Egypt", "Coalition")]);

        Assert.Equal(1, result.Relations!.Matched);
        Assert.Equal(1.0, result.Relations.F1, 6);
    }

    [Fact]
    public void A_tie_of_the_wrong_kind_is_not_found_though_its_kind_field_is_still_scored()
    {
        // Counted as found before the stricter rule: the pair shared evidence and both ends.
        var result = Score([GoldTie("supports", "egypt", "coalition")], systemRelations: [Tie(RelationKind.AlliedWith, "Egypt", "Coalition")]);

        Assert.Equal(0, result.Relations!.Matched);
        Assert.Equal(0.0, result.Relations.Fields["kind"], 6);
        Assert.Equal(1.0, result.Relations.Fields["direction"], 6);
        Assert.Contains(result.Relations.Missed, m => m.Contains("supports egypt -> coalition", StringComparison.Ordinal) && m.Contains("(stated: allied_with Egypt -> Coalition)", StringComparison.Ordinal));
        Assert.Contains(result.Relations.FalseHits, f => f.Contains("allied_with Egypt -> Coalition", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tie_turned_round_is_not_found_unless_it_is_an_alliance()
    {
        var reversed = Score([GoldTie("supports", "egypt", "coalition")], systemRelations: [Tie(RelationKind.Supports, "Coalition", "Egypt")]);
        var alliance = Score([GoldTie("allied_with", "egypt", "coalition")], systemRelations: [Tie(RelationKind.AlliedWith, "Coalition", "Egypt")]);

        Assert.Equal(0, reversed.Relations!.Matched);
        Assert.Equal(0.0, reversed.Relations.Fields["direction"], 6);
        Assert.Equal(1, alliance.Relations!.Matched);
    }

    [Fact]
    public void A_tie_with_one_wrong_end_is_not_found()
    {
        var result = Score([GoldTie("supports", "egypt", "coalition")], systemRelations: [Tie(RelationKind.Supports, "Egypt", "Brigade")]);

        Assert.Equal(0, result.Relations!.Matched);
        Assert.Single(result.Relations.FalseHits);
    }

    [Fact]
    public void An_event_needs_its_type_and_one_actor_in_its_role()
    {
        var gold = GoldShelling(["brigade"], ["sirte"]);

        var right = Score(events: [gold], systemEvents: [Event(EventType.AirstrikeOrShelling, ["Brigade"], [])]);
        var wrongType = Score(events: [gold], systemEvents: [Event(EventType.Attack, ["Brigade"], ["Sirte"])]);
        var rolesSwapped = Score(events: [gold], systemEvents: [Event(EventType.AirstrikeOrShelling, ["Sirte"], ["Brigade"])]);

        Assert.Equal(1, right.Events!.Matched);
        Assert.Equal(0, wrongType.Events!.Matched);
        Assert.Equal(0.0, wrongType.Events.Fields["type"], 6);
        Assert.Equal(0, rolesSwapped.Events!.Matched);
        Assert.Contains(rolesSwapped.Events.Missed, m => m.Contains("(stated: airstrike-or-shelling [Sirte] -> [Brigade])", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_whose_gold_names_no_actor_needs_its_type_only()
    {
        var result = Score(events: [GoldShelling([], [])], systemEvents: [Event(EventType.AirstrikeOrShelling, ["Brigade"], [])]);

        Assert.Equal(1, result.Events!.Matched);
        Assert.Equal(0.0, result.Events.Fields["agents"], 6);
    }

    [Fact]
    public void Forms_that_differ_by_a_leading_article_name_the_same_actor()
    {
        // The gold writes "the Coalition"; the system names it "Coalition", and the other way round.
        var gold = new Dictionary<string, GoldNames>(Entities, StringComparer.Ordinal) { ["coalition"] = Names("coalition", "Coalition") };
        var plain = Score([GoldTie("supports", "egypt", "coalition")], systemRelations: [Tie(RelationKind.Supports, "Egypt", "the Coalition")]);
        var written = FactEvaluator.Evaluate(new FactGold(null, null, [GoldTie("supports", "egypt", "coalition")], gold), Articles, [], [],
            [Tie(RelationKind.Supports, "Egypt", "The  Coalition")], _ => new HashSet<string>());

        Assert.Equal(1, plain.Relations!.Matched);
        Assert.Equal(1, written.Relations!.Matched);
    }

    [Fact]
    public void An_article_only_the_relation_gold_names_still_scores_the_events_stated_in_it()
    {
        // Events were scored before relations, so an article named only by a relation was out of the events' scope.
        var result = Score([GoldTie("supports", "egypt", "coalition")], events: [], systemEvents: [Event(EventType.AirstrikeOrShelling, ["Brigade"], ["Sirte"])]);

        Assert.Equal(1, result.Events!.Predicted);
        Assert.Single(result.Events.FalseHits);
    }
}
