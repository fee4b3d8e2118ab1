using System.Text.Json;

namespace Dossier.Cli.Tests.Commands;

public sealed class EvalAttributionCommandTests
{
    private const string Story = "Talks in the capital ended on Monday. Ahmed Salem said the ceasefire would hold until the spring.\n";

    private static string Annotated(Workspace workspace)
    {
        int At(string words) => Story.IndexOf(words, StringComparison.Ordinal);
        var cue = At("said");
        var source = At("Ahmed Salem");
        var content = At("the ceasefire");
        var contentEnd = At(" until");
        workspace.Write("corpus/text/story.txt", Story);
        workspace.Write("corpus/attributions/story_ann1.ann",
            $"T1\tSource {source} {source + 11}\tAhmed Salem\nT2\tCue {cue} {cue + 4}\tsaid\nT3\tContent {content} {contentEnd}\tthe ceasefire would hold\n" +
            $"T4\tAttribution {cue} {cue + 4}\tsaid\nE1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n");
        return Path.Combine(workspace.Root, "corpus");
    }

    [Fact]
    public void Attribution_is_scored_on_a_brat_folder_with_cue_source_and_content_in_json()
    {
        using var workspace = new Workspace();

        var eval = CliRun.Run("eval", "attribution", "--polnear", Annotated(workspace), "--format", "json");

        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Equal(1, eval.Json.GetProperty("texts").GetInt32());
        Assert.Equal(1, eval.Json.GetProperty("gold").GetInt32());
        var byType = eval.Json.GetProperty("byType");
        Assert.Equal(1.0, byType.GetProperty("cue").GetProperty("f1").GetDouble());
        Assert.Equal(eval.Json.GetProperty("overall").GetProperty("f1").GetDouble(), byType.GetProperty("cue").GetProperty("f1").GetDouble());
        Assert.Equal(1.0, byType.GetProperty("source").GetProperty("recall").GetDouble());
        // Whatever the content runs to, the gold's four words are inside it.
        Assert.Equal(1.0, byType.GetProperty("content").GetProperty("recall").GetDouble());
        Assert.Equal(JsonValueKind.Number, eval.Json.GetProperty("predicted").ValueKind);
    }

    [Fact]
    public void Errors_show_the_sentence_with_gold_and_predicted_words()
    {
        using var workspace = new Workspace();
        var corpus = Annotated(workspace);
        workspace.Write("corpus/text/other.txt", "Nothing was said here by anyone.");
        workspace.Write("corpus/attributions/other_ann1.ann", "T1\tCue 12 16\tsaid\nT2\tContent 0 7\tNothing\nT3\tAttribution-no-source 12 16\tsaid\nE1\tAttribution-no-source:T3 Cue:T1 Content:T2\n");

        var eval = CliRun.Run("eval", "attribution", "--polnear", corpus, "--errors");

        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Contains("  missed: 1", eval.Out, StringComparison.Ordinal);
        Assert.Contains("    other at 12: Nothing was said here by anyone.", eval.Out, StringComparison.Ordinal);
        Assert.Contains("      gold:      cue \"said\", source none, content \"Nothing\"", eval.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_text_and_attributions_is_refused_by_name()
    {
        using var workspace = new Workspace();

        var eval = CliRun.Run("eval", "attribution", "--polnear", workspace.Root);

        Assert.Equal(2, eval.ExitCode);
        Assert.Contains("expected the folders text/ and attributions/", eval.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_annotation_file_is_refused_with_its_name_and_line()
    {
        using var workspace = new Workspace();
        workspace.Write(Path.Combine("text", "a.txt"), "Garang said the town fell.");
        workspace.Write(Path.Combine("attributions", "a_x.ann"), "T1\tCue 7 11\tsaid\nT2\tSource zz 6\tGarang\n");

        var eval = CliRun.Run("eval", "attribution", "--polnear", workspace.Root);

        Assert.NotEqual(0, eval.ExitCode);
        Assert.Contains("a_x.ann: line 2: \"zz 6\" is not a span of the text", eval.Error, StringComparison.Ordinal);
    }
}
