using System.Reflection;
using Dossier.Nlp.Learning;
using Dossier.Nlp.Parsing;

namespace Dossier.Nlp.Tests.Parsing;

public sealed class ParserFeaturesTests
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    [Theory]
    [InlineData(typeof(ParserFeatures), nameof(ParserFeatures.ForMove))]
    [InlineData(typeof(ParserFeatures), nameof(ParserFeatures.ForLabel))]
    [InlineData(typeof(DependencyParser), "Run")]
    [InlineData(typeof(ArcHybrid), nameof(ArcHybrid.Apply))]
    [InlineData(typeof(AveragedPerceptron), nameof(AveragedPerceptron.Score))]
    [InlineData(typeof(AveragedPerceptron), "ScoreSmall")]
    [InlineData(typeof(AveragedPerceptron), "AddRows")]
    public void The_parsers_hot_path_is_compiled_optimized_at_its_first_call_whatever_the_host_sets(Type type, string method)
    {
        // Under the runtime's default tiers these ran unoptimized for most of a pipeline run pinned to
        // one core; the mark holds in every host (tests, the web server), not only in dossier's settings.
        var found = type.GetMethod(method, Any);

        Assert.NotNull(found);
        Assert.True(found.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), $"{type.Name}.{method}");
    }
}
