using Dossier.Analysis.Copies;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests.Copies;

public sealed class CopiedEventsTests
{
    private static readonly ArticleId Original = new("a".PadLeft(32, '0'));
    private static readonly ArticleId Copy = new("b".PadLeft(32, '0'));

    private static readonly ArticleCopies Copies = new(new Dictionary<ArticleId, ArticleId> { [Copy] = Original });

    private const string TwoAttacks = "Gunmen attacked a checkpoint in Sirte and a patrol in Derna.";

    private static EventRow Report(ArticleId article, string? outlet, EventType type, string place, string sentence) =>
        new(article, null, outlet, null, type, "attacked", null, null, null, null, new EventActor(place, place), [], [], [], null, sentence);

    [Fact]
    public void A_copys_report_in_its_originals_sentence_is_folded_into_the_original_even_listed_first()
    {
        var attack = Report(Original, "South Front", EventType.Attack, "sirte", "Gunmen attacked Sirte.");
        var copied = Report(Copy, "Mirror Daily", EventType.Attack, "sirte", "Gunmen attacked Sirte.");

        var listed = CopiedEvents.Fold([copied, attack], Copies);

        var only = Assert.Single(listed);
        Assert.Equal(attack, only.Report);
        Assert.Equal([copied], only.Copies);
    }

    [Fact]
    public void Two_reports_of_one_sentence_each_take_the_copys_report_in_the_same_place()
    {
        var sirte = Report(Original, "South Front", EventType.Attack, "sirte", TwoAttacks);
        var derna = Report(Original, "South Front", EventType.Attack, "derna", TwoAttacks);
        var copiedSirte = Report(Copy, "Mirror Daily", EventType.Attack, "sirte", TwoAttacks);
        var copiedDerna = Report(Copy, "Mirror Daily", EventType.Attack, "derna", TwoAttacks);

        var listed = CopiedEvents.Fold([sirte, derna, copiedSirte, copiedDerna], Copies);

        Assert.Equal([sirte, derna], listed.Select(l => l.Report));
        Assert.Equal([[copiedSirte], [copiedDerna]], listed.Select(l => l.Copies));
    }

    [Fact]
    public void A_report_only_the_copy_makes_is_its_own()
    {
        var attack = Report(Original, "South Front", EventType.Attack, "sirte", "Gunmen attacked Sirte.");
        var reworded = Report(Copy, "Mirror Daily", EventType.Attack, "sirte", "Gunmen stormed Sirte.");
        var otherType = Report(Copy, "Mirror Daily", EventType.ArmedClash, "sirte", "Gunmen attacked Sirte.");

        var listed = CopiedEvents.Fold([attack, reworded, otherType], Copies);

        Assert.Equal([attack, reworded, otherType], listed.Select(l => l.Report));
        Assert.All(listed, l => Assert.Empty(l.Copies));
    }

    [Fact]
    public void The_outlets_of_copies_are_named_once_each_as_the_sources_list_names_them()
    {
        Assert.Equal(["(unknown outlet)", "Echo", "Mirror Daily"], CopiedReports.OutletsOf(["Mirror Daily", null, "Echo", "Mirror Daily"]));
    }
}
