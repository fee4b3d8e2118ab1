using Dossier.Core.Actors;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Framing;

public sealed class FramingReportTests
{
    [Fact]
    public void The_sides_come_from_who_fights_and_who_leads_and_an_outlet_leans_by_its_own_labels()
    {
        var corpus = new TestCorpus();
        var lna = corpus.Entity("lna", "LNA", ActorKind.ArmedGroup);
        var gna = corpus.Entity("gna", "GNA", ActorKind.Government);
        var haftar = corpus.Entity("haftar", "Haftar", ActorKind.Person);
        var sarraj = corpus.Entity("sarraj", "Sarraj", ActorKind.Person);
        var text = "The warlord Haftar and his LNA attacked the legitimate GNA of Sarraj. The renegade Haftar failed.";
        var article = corpus.Article(text, outlet: "Breitbart", mentions:
            [("Haftar", "haftar", MentionForm.Name), ("LNA", "lna", MentionForm.Acronym), ("GNA", "gna", MentionForm.Acronym), ("Sarraj", "sarraj", MentionForm.Name)]);
        corpus.Relation(article, RelationKind.Attacked, lna, gna);
        corpus.Relation(article, RelationKind.Leads, haftar, lna);
        corpus.Relation(article, RelationKind.Leads, sarraj, gna);

        var report = FramingReport.Build(corpus.Build());

        Assert.Equal(2, report.Sides.Count);
        Assert.Contains(report.Sides, s => s.Members.SetEquals(["lna", "haftar"]));
        Assert.Contains(report.Sides, s => s.Members.SetEquals(["gna", "sarraj"]));
        var alignment = Assert.Single(report.Alignments);
        Assert.Contains("GNA's side more favourably", alignment.Reading, StringComparison.Ordinal);
        var haftarLabels = report.Counts.Where(c => c.EntityId == "haftar").Select(c => c.Label).Order(StringComparer.Ordinal);
        Assert.Equal(["renegade", "warlord"], haftarLabels);
    }

    [Fact]
    public void With_no_fighting_reported_there_are_no_sides_and_no_lean()
    {
        var corpus = new TestCorpus();
        corpus.Entity("haftar", "Haftar", ActorKind.Person);
        corpus.Article("The warlord Haftar spoke.", outlet: "A", mentions: ("Haftar", "haftar", MentionForm.Name));

        var report = FramingReport.Build(corpus.Build());

        Assert.Empty(report.Sides);
        Assert.Equal("no sides found", Assert.Single(report.Alignments).Reading);
        Assert.Single(report.Counts);
    }
}
