using Xunit.Abstractions;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// Who said what on PolNeAR dev, with floors just under the figures the README reports, so a change
/// to the claim extractor that loses ground shows. Runs where that data is and prints its figures; a
/// fresh clone without it has nothing to measure against.
/// </summary>
[Trait("Category", "Accuracy")]
public sealed class EvalAttributionAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Attribution_on_polnear_dev_holds()
    {
        var dev = Path.GetFullPath(Path.Combine(FindRepository(), "..", "shared", "data", "polnear", "dev"));
        if (!Directory.Exists(dev))
        {
            output.WriteLine($"no {dev}: nothing to measure");
            return;
        }

        var eval = CliRun.Run("eval", "attribution", "--polnear", dev, "--format", "json");

        Assert.True(eval.ExitCode == 0, eval.Error);
        output.WriteLine(eval.Out);
        var byType = eval.Json.GetProperty("byType");
        Assert.True(byType.GetProperty("cue").GetProperty("f1").GetDouble() >= 0.45, eval.Out);
        Assert.True(byType.GetProperty("source").GetProperty("f1").GetDouble() >= 0.42, eval.Out);
        Assert.True(byType.GetProperty("content").GetProperty("f1").GetDouble() >= 0.44, eval.Out);
    }

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dossier.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
