namespace Dossier.Cli.Tests.Commands;

public sealed class EvalFactsCommandTests
{
    private static string Gold => Path.Combine(AppContext.BaseDirectory, "gold", "actors.json");

    [Fact]
    public void Claims_are_scored_against_the_gold_with_speaker_attribution_apart_for_quotes()
    {
        using var workspace = new Workspace();
        CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);

        var eval = CliRun.Run("eval", "facts", "--gold", Gold, "--db", workspace.Database, "--format", "json");

        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.Empty(eval.ErrorLines);
        var claims = eval.Json.GetProperty("by_type").GetProperty("claims");
        Assert.Equal(56, claims.GetProperty("gold").GetInt32());
        Assert.True(claims.GetProperty("precision").GetDouble() >= 0.85, eval.Out);
        Assert.True(claims.GetProperty("recall").GetDouble() >= 0.5, eval.Out);
        Assert.True(claims.GetProperty("fields").GetProperty("speaker").GetDouble() >= 0.85, eval.Out);
        var quotes = eval.Json.GetProperty("speaker_attribution").GetProperty("direct_quotes");
        Assert.Equal(1.0, quotes.GetProperty("precision").GetDouble());
        var events = eval.Json.GetProperty("by_type").GetProperty("events");
        Assert.Equal(31, events.GetProperty("gold").GetInt32());
        Assert.True(events.GetProperty("recall").GetDouble() >= 0.8, eval.Out);
        Assert.True(events.GetProperty("fields").GetProperty("date").GetDouble() >= 0.9, eval.Out);
        Assert.True(events.GetProperty("fields").GetProperty("fatalities").GetDouble() >= 0.9, eval.Out);
        var relations = eval.Json.GetProperty("by_type").GetProperty("relations");
        Assert.Equal(137, relations.GetProperty("gold").GetInt32());
        Assert.True(relations.GetProperty("precision").GetDouble() >= 0.9, eval.Out);
        Assert.True(relations.GetProperty("fields").GetProperty("kind").GetDouble() >= 0.95, eval.Out);
        Assert.True(relations.GetProperty("f1").GetDouble() >= 0.70, eval.Out);
    }

    [Fact]
    public void Errors_lists_the_gold_facts_missed_and_the_stored_facts_no_gold_fact_matched()
    {
        using var workspace = new Workspace();
        CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);
        var gold = workspace.Write("gold.json", """
            {"entities": [{"id": "turkey", "type": "GPE", "canonical": "Turkey", "mentions": [{"doc": "000", "text": "Turkey"}]},
                          {"id": "haftar", "type": "PERSON", "canonical": "Khalifa Haftar", "mentions": [{"doc": "000", "text": "Haftar"}]}],
             "relations": [{"type": "supports", "source": "turkey", "target": "haftar", "doc": "000", "evidence": "Turkey officially recognized this group as terrorists"}]}
            """);

        var eval = CliRun.Run("eval", "facts", "--gold", gold, "--db", workspace.Database, "--errors");

        Assert.Equal(0, eval.ExitCode);
        Assert.Contains("  missed: 000: supports turkey -> haftar: Turkey officially recognized this group as terrorists", eval.Out, StringComparison.Ordinal);
        Assert.Contains(eval.OutLines, line => line.StartsWith("  unmatched: 000_", StringComparison.Ordinal) && line.Contains("leads Ziyad Balaam -> Benghazi Defense Brigade", StringComparison.Ordinal));
    }

    [Fact]
    public void Gold_evidence_that_is_not_in_its_article_is_reported_by_name()
    {
        using var workspace = new Workspace();
        CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);
        var gold = workspace.Write("gold.json", """{"claims": [{"doc": "003", "speaker_text": "Mesmari", "evidence": "words that are nowhere"}]}""");

        var eval = CliRun.Run("eval", "facts", "--gold", gold, "--db", workspace.Database);

        Assert.Equal(0, eval.ExitCode);
        Assert.Contains("evidence not in 003_", eval.Error, StringComparison.Ordinal);
        Assert.Contains("words that are nowhere", eval.Error, StringComparison.Ordinal);
    }
}
