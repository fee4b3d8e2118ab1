using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Analysis.Copies;

namespace Dossier.Analysis.Tests.Copies;

public sealed class CopiedRelationsTests
{
    private static readonly ArticleId Original = new("a".PadLeft(32, '0'));
    private static readonly ArticleId Copy = new("b".PadLeft(32, '0'));
    private static readonly ArticleId CopyOfUnlisted = new("c".PadLeft(32, '0'));

    private static readonly ArticleCopies Copies = new(new Dictionary<ArticleId, ArticleId>
    {
        [Copy] = Original,
        [CopyOfUnlisted] = new ArticleId("d".PadLeft(32, '0')),
    });

    private static RelationRow Tie(ArticleId article, string? outlet, RelationKind kind, string source, string target, string sentence) =>
        new(article, outlet, kind, new EventActor(source, source), new EventActor(target, target), "backed", "asserted", null, sentence);

    [Fact]
    public void A_copys_tie_in_its_originals_sentence_is_listed_once_with_the_copys_outlet()
    {
        var backs = Tie(Original, "South Front", RelationKind.Supports, "turkey", "gna", "Turkey backed the GNA.");
        var copied = Tie(Copy, "Mirror Daily", RelationKind.Supports, "turkey", "gna", "Turkey backed the GNA.");

        var listed = CopiedRelations.Fold([copied, backs], Copies);

        var only = Assert.Single(listed);
        Assert.Equal(backs, only.Relation);
        Assert.Equal(["Mirror Daily"], only.CopiedBy);
    }

    [Fact]
    public void A_tie_only_the_copy_states_or_whose_original_is_not_listed_is_its_own()
    {
        var backs = Tie(Original, "South Front", RelationKind.Supports, "turkey", "gna", "Turkey backed the GNA.");
        var reworded = Tie(Copy, null, RelationKind.Supports, "turkey", "gna", "Turkey firmly backed the GNA.");
        var otherKind = Tie(Copy, null, RelationKind.Opposes, "turkey", "gna", "Turkey backed the GNA.");
        var unlisted = Tie(CopyOfUnlisted, "Echo", RelationKind.Supports, "turkey", "gna", "Turkey backed the GNA.");

        var listed = CopiedRelations.Fold([backs, reworded, otherKind, unlisted], Copies);

        Assert.Equal([backs, reworded, otherKind, unlisted], listed.Select(l => l.Relation));
        Assert.All(listed, l => Assert.Empty(l.CopiedBy));
    }

    [Fact]
    public void A_copy_without_an_outlet_is_named_as_the_sources_list_names_it()
    {
        var backs = Tie(Original, "South Front", RelationKind.Supports, "turkey", "gna", "Turkey backed the GNA.");
        var copied = Tie(Copy, null, RelationKind.Supports, "turkey", "gna", "Turkey backed the GNA.");

        var listed = CopiedRelations.Fold([backs, copied], Copies);

        Assert.Equal(["(unknown outlet)"], Assert.Single(listed).CopiedBy);
    }
}
