namespace Dossier.Cli.Tests.Commands;

public sealed class ClaimsCommandTests(ListingCommandTests.SampleStore samples) : IClassFixture<ListingCommandTests.SampleStore>
{
    [Fact]
    public void Claims_by_mismari_lists_his_statements_across_articles_under_every_spelling()
    {
        var claims = CliRun.Run("claims", "--by", "Mismari", "--db", samples.Database, "--format", "json");

        Assert.True(claims.ExitCode == 0, claims.Error);
        var rows = claims.Json.EnumerateArray().ToList();
        Assert.True(rows.Select(r => r.GetProperty("article").GetString()).Distinct().Count() >= 3, claims.Out);
        Assert.Contains(rows, r => r.GetProperty("content").GetString()!.StartsWith("We have won the political battle", StringComparison.Ordinal)
                                   && r.GetProperty("form").GetString() == "quote");
        Assert.Contains(rows, r => r.GetProperty("modality").GetString() == "denied");
        Assert.All(rows, r => Assert.Contains(r.GetProperty("content").GetString()!, r.GetProperty("evidence").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public void Claims_print_as_csv_with_a_header_and_quoted_fields()
    {
        var csv = CliRun.Run("claims", "--about", "Haftar", "--db", samples.Database, "--format", "csv");

        Assert.True(csv.ExitCode == 0, csv.Error);
        var lines = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("article,outlet,published,speaker,speaker_actor,on_behalf_of,cue,form,modality,content,evidence,copied_by", lines[0]);
        Assert.True(lines.Length > 3);
        Assert.Contains(lines, l => l.Contains("LNA sources", StringComparison.Ordinal));
    }

    [Fact]
    public void Claims_about_an_unknown_actor_is_a_clear_error_and_csv_elsewhere_is_refused()
    {
        var unknown = CliRun.Run("claims", "--about", "Zanzibar Quux", "--db", samples.Database);
        var csvShow = CliRun.Run("show", "Haftar", "--db", samples.Database, "--format", "csv");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no actor is called Zanzibar Quux", unknown.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, csvShow.ExitCode);
        Assert.Contains("--format csv is not available", csvShow.Error, StringComparison.Ordinal);
    }
}
