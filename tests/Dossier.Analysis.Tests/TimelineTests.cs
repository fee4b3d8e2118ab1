using Dossier.Core.Actors;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests;

public sealed class TimelineTests
{
    [Fact]
    public void The_timeline_orders_dated_entries_first_and_filters_by_actor()
    {
        var corpus = new TestCorpus();
        var zara = corpus.Entity("zara", "Ain Zara", ActorKind.Place);
        var gna = corpus.Entity("gna", "GNA", ActorKind.Government);
        var lna = corpus.Entity("lna", "LNA", ActorKind.ArmedGroup);
        var haftar = corpus.Entity("haftar", "Haftar", ActorKind.Person);
        var article = corpus.Article("a", outlet: "A", published: "2019-04-16T14:38");
        corpus.Event(article, EventType.Attack, zara, "Undated attack.", agents: [gna]);
        corpus.Event(article, EventType.Attack, zara, "Later attack.", new DateOnly(2020, 3, 18), agents: [gna]);
        corpus.Event(article, EventType.Attack, zara, "Earlier attack.", new DateOnly(2019, 4, 4), agents: [lna]);
        corpus.Relation(article, RelationKind.Leads, haftar, lna);

        var all = Timeline.Build(corpus.Build());
        var ofGna = Timeline.Build(corpus.Build(), "gna");

        Assert.Equal(["2019-04-04", "2019-04-16", "2020-03-18", null], all.Select(e => e.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["day", "reported", "day", "undated"], all.Select(e => e.Precision));
        Assert.Equal(TimelineEntryKind.Relation, all[1].Kind);
        Assert.Equal(2, ofGna.Count);
    }
}
