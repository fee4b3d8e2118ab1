using Dossier.Core.Facts;
using Dossier.Core.Storage;

namespace Dossier.Export.Tests;

/// <summary>
/// Three reports of one clash in Tripoli, built by hand: Reuters says 150 were killed, Al Jazeera 254,
/// and the Libya Observer runs a near-copy of the Reuters story. Reuters and its copy also carry the
/// GNA's accusation and the LNA's denial; all three say that Khalifa Haftar leads the LNA.
/// </summary>
internal static class TripoliReports
{
    public static readonly DateOnly Day = new(2019, 4, 8);

    private const string ReutersLead =
        "Clashes in Tripoli killed 150 people on Monday, April 8. Khalifa Haftar leads the LNA. " +
        "The GNA accused the LNA of shelling the convoy. The LNA denied the accusation. ";

    public static HandBuiltFacts Build()
    {
        var facts = new HandBuiltFacts();
        string[] actors = ["Tripoli", "Khalifa Haftar", "LNA", "GNA"];
        var reuters = facts.Add(ReutersLead + HandBuiltFacts.Filler(1), "Reuters", "2019-04-08", actors, ReutersFacts);
        Assert.Equal(AddOutcome.Stored, reuters.Outcome);
        var aljazeera = facts.Add("Fighting in Tripoli killed 254 people on Monday, April 8. Khalifa Haftar leads the LNA, the group said. " + HandBuiltFacts.Filler(2),
            "Al Jazeera", "2019-04-09", actors, a => (
                [],
                [a.Event(EventType.ArmedClash, "Fighting", Day, "Tripoli", [], [], (CountKind.Killed, "254", 254))],
                [a.Relation(RelationKind.Leads, "Khalifa Haftar", "LNA", "leads")]));
        Assert.Equal(AddOutcome.Stored, aljazeera.Outcome);
        var copy = facts.Add(ReutersLead + HandBuiltFacts.Filler(1) + "The Libya Observer republished this story.",
            "Libya Observer", "2019-04-10", actors, ReutersFacts);
        Assert.Equal(AddOutcome.NearDuplicate, copy.Outcome);
        facts.Link();
        return facts;
    }

    private static (IReadOnlyList<Claim>, IReadOnlyList<ReportedEvent>, IReadOnlyList<Relation>) ReutersFacts(ArticleText a) => (
        [
            a.Claim(Modality.Alleged, "GNA", "accused", "the LNA of shelling the convoy"),
            a.Claim(Modality.Denied, "LNA", "denied", "the accusation"),
        ],
        [a.Event(EventType.ArmedClash, "Clashes", Day, "Tripoli", [], [], (CountKind.Killed, "150", 150))],
        [a.Relation(RelationKind.Leads, "Khalifa Haftar", "LNA", "leads")]);
}
