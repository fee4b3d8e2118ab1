using Dossier.Actors.InArticle;
using Dossier.Core.Actors;

namespace Dossier.Actors.Tests.InArticle;

public sealed class KindDecisionTests
{
    [Fact]
    public void A_country_name_is_decided_a_state_that_carries_its_country()
    {
        var decision = new KindClassifier(Articles.Countries).Classify("Turkey", "LOC", hadPersonTitle: false);

        Assert.Equal(ActorKind.State, decision.Kind);
        Assert.NotNull(decision.State);
        Assert.False(decision.IsCapital);
        Assert.Equal($"a name of {decision.State}", decision.Reason);
    }

    [Fact]
    public void A_names_state_is_the_one_its_decision_carries_never_one_read_out_of_the_reason()
    {
        static NameMention Name(KindDecision kind) => new(0, 6, "Ankara", ["Ankara"], kind, new HashSet<string>(), false, "LOC", null);
        var worded = new KindDecision(ActorKind.State, $"{NameMention.StateReason}Turkey: Ankara, {NameMention.CapitalReason}", KindClassifier.CueWeight);

        Assert.Null(Name(worded).State);
        Assert.False(Name(worded).IsCapital);
        Assert.Equal("Turkey", Name(worded with { State = "Turkey", IsCapital = true }).State);
        Assert.True(Name(worded with { State = "Turkey", IsCapital = true }).IsCapital);
        Assert.Null(Name(worded with { Kind = ActorKind.Place, State = "Turkey" }).State);
    }
}
