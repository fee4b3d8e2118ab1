using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Export.Sources;

namespace Dossier.Export.Tests.Sources;

public sealed class IndependentSourceCounterTests
{
    private static readonly ArticleId A = new("a"), B = new("b"), C = new("c");

    [Fact]
    public void Counter_counts_a_copy_for_the_outlet_of_the_article_it_copies()
    {
        var counter = new IndependentSourceCounter();
        counter.Add(new ReportSource(A, "Reuters", null, null));
        counter.Add(new ReportSource(B, "Libya Observer", A, "Reuters"));

        Assert.Equal(["Libya Observer", "Reuters"], counter.Outlets);
        Assert.Equal(1, counter.IndependentSources);
    }

    [Fact]
    public void Counter_counts_two_articles_of_one_outlet_once()
    {
        var counter = new IndependentSourceCounter();
        counter.Add(new ReportSource(A, "Reuters", null, null));
        counter.Add(new ReportSource(B, "Reuters", null, null));
        counter.Add(new ReportSource(C, "Al Jazeera", null, null));

        Assert.Equal(2, counter.IndependentSources);
    }

    [Fact]
    public void Counter_keeps_articles_without_an_outlet_apart()
    {
        var counter = new IndependentSourceCounter();
        counter.Add(new ReportSource(A, null, null, null));
        counter.Add(new ReportSource(B, null, null, null));

        Assert.Equal(2, counter.IndependentSources);
        Assert.Equal(["a", "b"], counter.Outlets);
    }
}
