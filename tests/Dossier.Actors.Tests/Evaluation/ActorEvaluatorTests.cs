using Dossier.Actors.Evaluation;
using Dossier.Core.Actors;

namespace Dossier.Actors.Tests.Evaluation;

public sealed class ActorEvaluatorTests
{
    private static EntityMentionRow Row(string file, string text, string entity) => new($"/corpus/{file}", text, MentionForm.Name, entity);

    private static readonly GoldEntity[] Gold =
    [
        new("haftar", "PERSON", "Khalifa Haftar", [new("001", "Haftar"), new("002", "Khaftar"), new("002", "Khalifa Haftar")]),
        new("sarraj", "PERSON", "Fayez al-Sarraj", [new("001", "Sarraj")]),
    ];

    [Fact]
    public void A_perfect_clustering_scores_one()
    {
        var rows = new[] { Row("001_a.txt", "Haftar", "E1"), Row("002_b.txt", "Khaftar", "E1"), Row("002_b.txt", "Khalifa Haftar", "E1"), Row("001_a.txt", "Sarraj", "E2") };

        var result = ActorEvaluator.Evaluate(Gold, rows);

        Assert.Equal(1.0, result.BCubed.F1, 6);
        Assert.Equal(1.0, result.Pairwise.F1, 6);
        Assert.Equal(4, result.Found);
    }

    [Fact]
    public void A_false_merge_costs_precision_and_a_split_costs_recall()
    {
        // Khaftar split off; Sarraj wrongly merged into Haftar's entity.
        var rows = new[] { Row("001_a.txt", "Haftar", "E1"), Row("002_b.txt", "Khaftar", "E3"), Row("002_b.txt", "Khalifa Haftar", "E1"), Row("001_a.txt", "Sarraj", "E1") };

        var result = ActorEvaluator.Evaluate(Gold, rows);

        // B-cubed by hand: precision (2/3 + 1 + 2/3 + 1/3) / 4; recall (2/3 + 1/3 + 2/3 + 1) / 4.
        Assert.Equal((2.0 / 3 + 1 + 2.0 / 3 + 1.0 / 3) / 4, result.BCubed.Precision, 6);
        Assert.Equal((2.0 / 3 + 1.0 / 3 + 2.0 / 3 + 1) / 4, result.BCubed.Recall, 6);
        Assert.Equal(1.0 / 3, result.Pairwise.Precision, 6);
        Assert.Equal(1.0 / 3, result.Pairwise.Recall, 6);
        Assert.Contains(result.Merges, m => m.Entity == "E1");
        Assert.Contains(result.Splits, s => s.Gold == "haftar");
    }

    [Fact]
    public void A_form_the_store_never_found_is_a_cluster_of_its_own()
    {
        var rows = new[] { Row("001_a.txt", "Haftar", "E1"), Row("002_b.txt", "Khalifa Haftar", "E1"), Row("001_a.txt", "Sarraj", "E2") };

        var result = ActorEvaluator.Evaluate(Gold, rows);

        Assert.Equal(3, result.Found);
        Assert.Equal(1.0, result.BCubed.Precision, 6);
        Assert.True(result.BCubed.Recall < 1.0);
    }

    [Fact]
    public void A_form_written_with_or_without_a_leading_article_is_the_same_form()
    {
        // Before, the gold's "the Coalition" was never found when the store wrote "Coalition".
        GoldEntity[] gold = [new("coalition", "ARMED_GROUP", "Coalition", [new("001", "the Coalition"), new("002", "Coalition")])];
        var rows = new[] { Row("001_a.txt", "Coalition", "E1"), Row("002_b.txt", "the coalition", "E1") };

        var result = ActorEvaluator.Evaluate(gold, rows);

        Assert.Equal(2, result.Found);
        Assert.Equal(1.0, result.BCubed.F1, 6);
    }

    [Fact]
    public void An_actor_that_holds_no_gold_form_is_counted_as_spurious()
    {
        var rows = new[] { Row("001_a.txt", "Haftar", "E1"), Row("001_a.txt", "Thanksgiving Day", "E2"), Row("001_a.txt", "Sarraj", "E3") };
        EntitySummary[] entities = [new("E1", "Haftar", ActorKind.Person, 1, 1, []), new("E2", "Thanksgiving Day", ActorKind.Place, 1, 1, []), new("E3", "Sarraj", ActorKind.Place, 1, 1, [])];

        var result = ActorEvaluator.Evaluate(Gold, rows, entities);

        Assert.Equal(3, result.Actors);
        Assert.Equal(["Thanksgiving Day"], result.Spurious);
        Assert.Equal(1, result.KindsRight);
        Assert.Equal(2, result.KindsScored);
        Assert.Equal(("Sarraj", "PERSON", ActorKind.Place), Assert.Single(result.WrongKinds));
    }

    [Fact]
    public void A_gold_form_with_a_leading_article_is_held_by_the_actor_written_without_it()
    {
        GoldEntity[] gold = [new("dod", "ORGANIZATION", "the Department of Defense", [new("001", "the Department of Defense")])];
        var rows = new[] { Row("001_a.txt", "Department of Defense", "E1") };

        var result = ActorEvaluator.Evaluate(gold, rows, [new("E1", "Department of Defense", ActorKind.Government, 1, 1, [])]);

        Assert.Empty(result.Spurious);
    }

    [Theory]
    [InlineData("ORGANIZATION", ActorKind.ArmedGroup, true)]
    [InlineData("PLACE", ActorKind.State, true)]
    [InlineData("STATE", ActorKind.Place, false)]
    [InlineData("ORGANIZATION", ActorKind.State, true)]
    [InlineData("PERSON", ActorKind.Organization, false)]
    public void A_kind_fits_the_gold_types_that_cover_it(string type, ActorKind kind, bool fits)
        => Assert.Equal(fits, ActorEvaluator.KindFits(type, kind));

    [Fact]
    public void The_gold_reader_names_the_file_and_the_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gold-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{"entities": [{"id": "x", "type": "WIZARD", "mentions": []}]}""");
            var error = Assert.Throws<InvalidDataException>(() => ActorGold.Read(path));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Contains("WIZARD", error.Message, StringComparison.Ordinal);

            File.WriteAllText(path, """{"entities": [{"id": "x", "type": "STATE", "mentions": [{"doc": "001", "text": "Libya"}]}], "facts": []}""");
            Assert.Equal("Libya", Assert.Single(Assert.Single(ActorGold.Read(path)).Mentions).Text);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
