using Dossier.Tests.Shared;
using Xunit.Abstractions;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// Who said what on PolNeAR dev, with floors just under the figures docs/benchmarks.md reports, so a change
/// to the claim extractor that loses ground shows. Runs where that data is and prints its figures;
/// skipped, and reported so, where it is not.
/// </summary>
[Trait(TestTier.Name, TestTier.Integration)]
[Trait("Category", "Accuracy")]
public sealed class EvalAttributionAccuracyTests(ITestOutputHelper output)
{
    [SharedDataFact("polnear/dev")]
    public void Attribution_on_polnear_dev_holds()
    {
        var dev = SharedData.PathOf("polnear/dev");

        var eval = CliRun.Run("eval", "attribution", "--polnear", dev, "--format", "json");

        Assert.True(eval.ExitCode == 0, eval.Error);
        output.WriteLine(eval.Out);
        var byType = eval.Json.GetProperty("by_type");
        Assert.True(byType.GetProperty("cue").GetProperty("f1").GetDouble() >= 0.62, eval.Out);
        Assert.True(byType.GetProperty("source").GetProperty("f1").GetDouble() >= 0.59, eval.Out);
        Assert.True(byType.GetProperty("content").GetProperty("f1").GetDouble() >= 0.58, eval.Out);
    }
}
