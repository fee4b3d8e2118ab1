namespace Dossier.Cli.Tests.Commands;

public sealed class EvalNamesCommandTests
{
    private static string LibyaPairs => Path.Combine(FindRepository(), "data", "names", "libya-actors.pairs.tsv");

    [Fact]
    public void Eval_names_prints_precision_recall_and_the_curve_as_json()
    {
        var result = CliRun.Run("eval", "names", "--pairs", LibyaPairs, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.True(json.GetProperty("overall").GetProperty("precision").GetDouble() >= 0.97);
        Assert.True(json.GetProperty("overall").GetProperty("recall").GetDouble() >= 0.90);
        Assert.True(json.GetProperty("overall").GetProperty("f1").GetDouble() >= 0.93);
        Assert.True(json.GetProperty("curve").GetArrayLength() >= 10);
        Assert.True(json.GetProperty("pairs").GetInt32() >= 100);
        Assert.True(json.GetProperty("pairsPerSecond").GetDouble() > 0);
    }

    [Fact]
    public void Eval_names_prints_a_table_with_the_threshold_line_and_the_curve()
    {
        var result = CliRun.Run("eval", "names", "--pairs", LibyaPairs);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("at threshold 0.85: precision", result.Out, StringComparison.Ordinal);
        Assert.Contains("threshold  precision  recall  F1", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_names_reports_a_malformed_line_with_file_and_line_and_exit_code_2()
    {
        using var workspace = new Workspace();
        var path = workspace.Write("pairs.tsv", "# pairs\nHaftar\tHifter\t1\nHaftar\tHafez\tmaybe\n");

        var result = CliRun.Run("eval", "names", "--pairs", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"dossier: {path}:3: expected name_a<TAB>name_b<TAB>1|0, got \"Haftar\\tHafez\\tmaybe\""], result.ErrorLines);
    }

    [Fact]
    public void Eval_names_without_pairs_or_gold_is_refused()
    {
        var result = CliRun.Run("eval", "names");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--pairs", result.Error, StringComparison.Ordinal);
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
