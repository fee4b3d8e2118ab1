using Dossier.Nlp.Evaluation;

namespace Dossier.Nlp.Tests.Evaluation;

public sealed class NamePairEvaluatorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dossier-pairs-").FullName;

    [Fact]
    public void Reader_skips_comments_and_blank_lines_and_keeps_line_numbers()
    {
        var path = Write("# a comment\n\nHaftar\tHifter\t1\nHaftar\tHafez\t0\n");

        var pairs = NamePairFile.Read(path);

        Assert.Equal([new NamePair("Haftar", "Hifter", true, 3), new NamePair("Haftar", "Hafez", false, 4)], pairs);
    }

    [Theory]
    [InlineData("Haftar\tHifter\n")]
    [InlineData("Haftar\tHifter\tyes\n")]
    [InlineData("Haftar\t\t1\n")]
    [InlineData("Haftar Hifter 1\n")]
    public void Reader_names_the_file_and_line_of_a_malformed_pair(string bad)
    {
        var path = Write("Haftar\tHifter\t1\n" + bad);

        var error = Assert.Throws<InvalidDataException>(() => NamePairFile.Read(path));

        Assert.StartsWith($"{path}:2: expected name_a<TAB>name_b<TAB>1|0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluator_counts_decisions_at_the_threshold_and_on_the_curve()
    {
        NamePair[] pairs =
        [
            new("Haftar", "Hifter", true, 1),
            new("Fayez al-Sarraj", "Faiz Saraj", true, 2),
            new("Haftar", "Hafez", false, 3),
            new("Tripoli", "Tobruk", false, 4),
        ];

        var report = NamePairEvaluator.Evaluate(pairs, "hand", maxErrors: 5);

        Assert.Equal(1.0, report.AtThreshold.Score.Precision);
        Assert.Equal(1.0, report.AtThreshold.Score.Recall);
        Assert.Empty(report.Errors);
        Assert.Equal(NamePairEvaluator.Thresholds.Count, report.Curve.Count);
        Assert.True(report.Curve[0].Score.Recall >= report.Curve[^1].Score.Recall);
    }

    [Theory]
    [InlineData("libya-actors.pairs.tsv", 0.97, 0.90)]
    [InlineData("un-variants.pairs.tsv", 0.97, 0.55)]
    [InlineData("ar2en-variants.pairs.tsv", 0.70, 0.70)]
    public void Matcher_holds_its_figures_on_the_committed_pair_files(string file, double precision, double recall)
    {
        var path = Path.Combine(FindRepository(), "data", "names", file);

        var report = NamePairEvaluator.Evaluate(NamePairFile.Read(path), path);

        Assert.True(report.AtThreshold.Score.Precision >= precision, $"{file}: precision {report.AtThreshold.Score.Precision:0.0000}");
        Assert.True(report.AtThreshold.Score.Recall >= recall, $"{file}: recall {report.AtThreshold.Score.Recall:0.0000}");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(folder, "pairs.tsv");
        File.WriteAllText(path, text);
        return path;
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
