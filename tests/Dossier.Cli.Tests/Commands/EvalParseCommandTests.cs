namespace Dossier.Cli.Tests.Commands;

public sealed class EvalParseCommandTests
{
    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Data", "sample-trees.conllu");

    [Fact]
    public void Eval_parse_prints_uas_las_and_las_per_relation_as_json()
    {
        var result = CliRun.Run("eval", "parse", "--gold", Sample, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        var uas = json.GetProperty("overall").GetProperty("uas").GetDouble();
        var las = json.GetProperty("overall").GetProperty("las").GetDouble();
        Assert.InRange(uas, 0.5, 1.0);
        Assert.InRange(las, 0.4, uas);
        var subject = json.GetProperty("byType").GetProperty("nsubj");
        Assert.Equal(9, subject.GetProperty("count").GetInt32());
        Assert.InRange(subject.GetProperty("las").GetDouble(), 0.0, 1.0);
        Assert.True(json.GetProperty("byType").TryGetProperty("nsubj:pass", out _));
        Assert.Equal(72, json.GetProperty("words").GetInt32());
        Assert.True(json.GetProperty("wordsPerSecond").GetDouble() > 0);
    }

    [Fact]
    public void Eval_parse_prints_a_table_that_says_what_it_counts()
    {
        var result = CliRun.Run("eval", "parse", "--gold", Sample);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("punctuation included", result.Out, StringComparison.Ordinal);
        Assert.Contains("overall        UAS ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_parse_of_a_missing_file_fails_with_a_message()
    {
        var result = CliRun.Run("eval", "parse", "--gold", "no-such-file.conllu");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_parse_of_a_broken_file_names_the_file_and_line()
    {
        using var workspace = new Workspace();
        var gold = workspace.Write("broken.conllu", "1\tThe\tthe\tDET\tDT\t_\tx\tdet\t_\t_\n\n");

        var result = CliRun.Run("eval", "parse", "--gold", gold);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("broken.conllu:1: a word line needs ten tab-separated fields with a numeric HEAD", result.Error, StringComparison.Ordinal);
    }
}
