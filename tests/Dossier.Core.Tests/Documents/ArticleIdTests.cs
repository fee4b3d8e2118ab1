using Dossier.Core.Documents;

namespace Dossier.Core.Tests.Documents;

public sealed class ArticleIdTests
{
    [Fact]
    public void Article_id_ignores_case_spacing_quotes_and_dashes()
    {
        var a = ArticleId.FromCleanText("Haftar’s forces — “advanced” on Tripoli.");
        var b = ArticleId.FromCleanText("  haftar's FORCES - \"advanced\"   on\n\ntripoli ");

        Assert.Equal(a, b);
        Assert.Equal(ArticleId.Length, a.Value.Length);
        Assert.Matches("^[0-9a-f]+$", a.Value);
    }

    [Fact]
    public void Article_id_changes_when_a_word_changes()
    {
        Assert.NotEqual(ArticleId.FromCleanText("150 people were killed."), ArticleId.FromCleanText("254 people were killed."));
    }

    [Fact]
    public void Article_id_is_the_sha256_of_the_normalized_text_and_never_changes()
    {
        // Pinned: ids are stored, so a change here orphans every stored article.
        Assert.Equal("b94d27b9934d3e08a52e52d7da7dabfa", ArticleId.FromCleanText("Hello,   World!").Value);
    }
}
