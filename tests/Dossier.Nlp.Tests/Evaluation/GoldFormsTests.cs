using Dossier.Nlp.Evaluation;

namespace Dossier.Nlp.Tests.Evaluation;

public sealed class GoldFormsTests
{
    [Theory]
    [InlineData("the Coalition", "Coalition")]
    [InlineData("The  coalition ", "Coalition")]
    [InlineData("an Army spokesman", "Army spokesman")]
    public void Forms_that_differ_only_by_case_spacing_or_a_leading_article_are_the_same(string a, string b) => Assert.True(GoldForms.Same(a, b));

    [Theory]
    [InlineData("Government of the South", "Government of South")]
    [InlineData("U.N.", "UN")]
    [InlineData("the", "")]
    public void Anything_else_keeps_forms_apart(string a, string b) => Assert.False(GoldForms.Same(a, b));
}
