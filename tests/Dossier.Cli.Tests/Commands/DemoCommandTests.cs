namespace Dossier.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_stores_the_five_sample_articles_with_what_the_text_says_of_them()
    {
        using var workspace = new Workspace();

        var demo = CliRun.Run("demo", "--no-serve", "--db", workspace.Database);

        Assert.True(demo.ExitCode == 0, demo.Error);
        Assert.Contains("Read 5 articles from 5 files", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Jihadists in Libya retreat, but do not drop weapons", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Few Good Men in Post-NATO Libyan Quagmire", demo.Out, StringComparison.Ordinal);
        Assert.Contains("MintPress News", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Free West Media", demo.Out, StringComparison.Ordinal);
        Assert.Contains("2019-04-16T14:38", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Alexander Rubinstein", demo.Out, StringComparison.Ordinal);
        Assert.Contains("The actors", demo.Out, StringComparison.Ordinal);
        Assert.Matches(@"Khalifa Haftar\s+│\s+person", demo.Out);
        Assert.Matches(@"Libyan National Army\s+│\s+armed-group", demo.Out);
    }

    [Fact]
    public void Demo_leaves_no_comment_or_teaser_text_in_any_body()
    {
        using var workspace = new Workspace();
        CliRun.Run("demo", "--no-serve", "--db", workspace.Database);

        string[] chrome =
        [
            "By submitting a comment", "Free West Media a perpetual license", "Ain Zara is about 7 miles southeast",
            "The comment was deleted", "Who finances Haftar", "Dear reader, to leave comments", "Looks like Kolbasyev",
            "Please let us know if you're having issues with commenting", "You may also like", "Morgan Spurlock",
            "Jeremy Renner", "Connect with us", "what are you looking for", "Related Articles", "About Author",
            "appeared first on", "is a staff writer for MintPress News", "Written By",
        ];
        var search = CliRun.Run("search", "libya", "--db", workspace.Database, "--format", "json", "--limit", "50");
        var ids = search.Json.EnumerateArray().Select(hit => hit.GetProperty("id").GetString()!).ToList();
        Assert.Equal(5, ids.Count);
        foreach (var id in ids)
        {
            var text = CliRun.Run("article", id, "--db", workspace.Database, "--format", "json").Json.GetProperty("text").GetString()!;
            foreach (var phrase in chrome)
            {
                Assert.DoesNotContain(phrase, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Demo_refuses_to_replace_a_file_that_is_not_a_dossier_store()
    {
        using var workspace = new Workspace();
        var precious = workspace.Write("thesis.db", "My thesis, chapter one.");

        var demo = CliRun.Run("demo", "--no-serve", "--db", precious);

        Assert.Equal(2, demo.ExitCode);
        Assert.Contains("not a SQLite database", demo.Error, StringComparison.Ordinal);
        Assert.Equal("My thesis, chapter one.", File.ReadAllText(precious));
    }
}
