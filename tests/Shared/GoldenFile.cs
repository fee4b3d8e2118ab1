using Xunit.Abstractions;

namespace Dossier.Tests.Shared;

/// <summary>
/// A golden file: what a stage finds in the sample articles, kept in the repository so that a change
/// in extraction shows as a diff in review. Compared on every run; rewritten only on purpose, with
/// <c>UPDATE_GOLDEN=1</c>, when the test passes and says which file it wrote.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Fails unless <paramref name="path"/> holds <paramref name="actual"/> (line endings and a
    /// final newline aside), naming the first line that differs; under <c>UPDATE_GOLDEN=1</c>
    /// writes it instead.
    /// </summary>
    public static void Check(string path, string actual, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = Lines(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Join('\n', lines) + "\n");
            output.WriteLine($"{UpdateVariable}=1: rewrote {path}; review its diff before committing");
            return;
        }

        var how = $"if the change is meant, run the test with {UpdateVariable}=1 and review the diff of {path}";
        Assert.True(File.Exists(path), $"{path} is missing; {how}");
        var expected = Lines(File.ReadAllText(path));
        for (var i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            var want = i < expected.Length ? expected[i] : "(end of file)";
            var found = i < lines.Length ? lines[i] : "(end of output)";
            Assert.True(want == found, $"{Path.GetFileName(path)} differs at line {i + 1}:\n  golden: {want}\n  now:    {found}\n{how}");
        }
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
