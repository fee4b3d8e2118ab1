namespace Dossier.Cli.Tests.Commands;

public sealed class ExportCommandTests
{
    [Fact]
    public void Export_writes_json_to_standard_output_and_csv_to_the_file_named_by_out()
    {
        using var workspace = new Workspace();
        Assert.Equal(0, CliRun.Run("demo", "--no-serve", "--db", workspace.Database).ExitCode);

        var json = CliRun.Run("export", "--format", "json", "--db", workspace.Database);
        var csvPath = Path.Combine(workspace.Root, "events.csv");
        var csv = CliRun.Run("export", "--format", "CSV", "--out", csvPath, "--db", workspace.Database);

        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(5, json.Json.GetProperty("articles").GetArrayLength());
        Assert.Equal("", json.Error);
        Assert.True(csv.ExitCode == 0, csv.Error);
        Assert.Equal("", csv.Out);
        Assert.StartsWith("event_id_cnty,event_date,year,time_precision", File.ReadAllText(csvPath), StringComparison.Ordinal);
        Assert.Matches(@"^Exported \d+ events as csv to .*events\.csv\.$", csv.ErrorLines.Single());
        Assert.False(File.Exists(csvPath + ".partial"));
    }

    [Fact]
    public void Export_for_one_actor_by_any_spelling_keeps_its_facts()
    {
        using var workspace = new Workspace();
        CliRun.Run("demo", "--no-serve", "--db", workspace.Database);

        var all = CliRun.Run("export", "--format", "json", "--db", workspace.Database);
        var haftar = CliRun.Run("export", "--format", "json", "--actor", "Hifter", "--db", workspace.Database);

        Assert.True(haftar.ExitCode == 0, haftar.Error);
        Assert.False(string.IsNullOrEmpty(haftar.Json.GetProperty("filter").GetProperty("actor").GetString()));
        Assert.InRange(haftar.Json.GetProperty("claims").GetArrayLength(), 1, all.Json.GetProperty("claims").GetArrayLength() - 1);
    }

    [Fact]
    public void Export_refuses_an_unknown_actor_a_bad_date_and_an_unknown_format_with_one_line_each()
    {
        using var workspace = new Workspace();
        CliRun.Run("demo", "--no-serve", "--db", workspace.Database);

        var actor = CliRun.Run("export", "--format", "json", "--actor", "Napoleon", "--db", workspace.Database);
        var date = CliRun.Run("export", "--format", "json", "--from", "2019-13-01", "--db", workspace.Database);
        var format = CliRun.Run("export", "--format", "pdf", "--db", workspace.Database);

        Assert.Equal(2, actor.ExitCode);
        Assert.Equal("dossier: --actor Napoleon: no actor is called so; dossier actors lists them", actor.ErrorLines.Single());
        Assert.Equal(2, date.ExitCode);
        Assert.Equal("dossier: --from 2019-13-01: expected a date as YYYY-MM-DD", date.ErrorLines.Single());
        Assert.Equal(2, format.ExitCode);
        Assert.Equal("dossier: unknown export format pdf; formats are json, csv, gexf, graphml, stix", format.ErrorLines.Single());
        Assert.Equal("", actor.Out + date.Out + format.Out);
    }
}
