using System.Text.Json;
using Dossier.Core.Export;
using Dossier.Storage.Sqlite;

namespace Dossier.Export.Tests.Json;

public sealed class JsonExporterTests
{
    [Fact]
    public void Json_export_of_the_demo_store_holds_every_article_entity_and_fact_each_with_its_evidence()
    {
        using var store = SqliteDossierStore.Open(DemoStore.Path);

        using var json = JsonDocument.Parse(Exported.Bytes(store, ExportFormat.Json));
        var root = json.RootElement;

        Assert.Equal(5, root.GetProperty("articles").GetArrayLength());
        Assert.Equal(store.ListEntities(null, int.MaxValue).Count, root.GetProperty("entities").GetArrayLength());
        Assert.Equal(store.ListEvents().Count, root.GetProperty("events").GetArrayLength());
        Assert.Equal(store.ListRelations().Count, root.GetProperty("relations").GetArrayLength());
        Assert.Equal(store.ListClaims(new Core.Facts.ClaimFilter(Limit: int.MaxValue)).Count, root.GetProperty("claims").GetArrayLength());
        var articles = root.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToHashSet();
        foreach (var section in new[] { "relations", "events", "claims" })
        {
            foreach (var fact in root.GetProperty(section).EnumerateArray())
            {
                var evidence = fact.GetProperty("evidence");
                Assert.Contains(evidence.GetProperty("article").GetString(), articles);
                Assert.False(string.IsNullOrWhiteSpace(evidence.GetProperty("sentence").GetString()));
                Assert.True(evidence.TryGetProperty("outlet", out _));
            }
        }

        var haftar = root.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Khalifa Haftar");
        Assert.Contains(haftar.GetProperty("spellings").EnumerateArray(), s => s.GetProperty("text").GetString() == "Haftar");
    }

    [Fact]
    public void Json_export_gives_claims_their_speakers_and_the_denial_its_modality()
    {
        using var facts = TripoliReports.Build();

        using var json = JsonDocument.Parse(Exported.Bytes(facts.Store, ExportFormat.Json));

        var claims = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(4, claims.Count);
        var denial = claims.First(c => c.GetProperty("modality").GetString() == "denied");
        Assert.Equal("the accusation", denial.GetProperty("content").GetString());
        Assert.Equal("lna", denial.GetProperty("evidence").GetProperty("speaker").GetProperty("actor").GetString());
        Assert.Equal("The LNA denied the accusation.", denial.GetProperty("evidence").GetProperty("sentence").GetString());
    }

    [Fact]
    public void Json_export_for_one_actor_keeps_only_what_concerns_it()
    {
        using var facts = TripoliReports.Build();

        using var json = JsonDocument.Parse(Exported.Bytes(facts.Store, ExportFormat.Json, new ExportFilter(EntityId: "gna")));

        var root = json.RootElement;
        Assert.Equal("gna", root.GetProperty("filter").GetProperty("actor").GetString());
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(2, claims.Count);
        Assert.All(claims, c => Assert.Equal("alleged", c.GetProperty("modality").GetString()));
        Assert.Empty(root.GetProperty("events").EnumerateArray());
        Assert.Empty(root.GetProperty("relations").EnumerateArray());
    }

    [Fact]
    public void Json_export_from_a_date_keeps_the_articles_published_since()
    {
        using var facts = TripoliReports.Build();

        using var json = JsonDocument.Parse(Exported.Bytes(facts.Store, ExportFormat.Json, new ExportFilter(From: new DateOnly(2019, 4, 9))));

        var outlets = json.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("outlet").GetString()).ToList();
        Assert.Equal(["Al Jazeera", "Libya Observer"], outlets);
        Assert.Equal(2, json.RootElement.GetProperty("relations").GetArrayLength());
    }

    [Fact]
    public void Json_export_keeps_events_by_their_own_date_not_their_articles()
    {
        using var facts = TripoliReports.Build();

        using var before = JsonDocument.Parse(Exported.Bytes(facts.Store, ExportFormat.Json, new ExportFilter(To: new DateOnly(2019, 4, 7))));
        using var on = JsonDocument.Parse(Exported.Bytes(facts.Store, ExportFormat.Json, new ExportFilter(From: new DateOnly(2019, 4, 8), To: new DateOnly(2019, 4, 8))));

        Assert.Empty(before.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal(3, on.RootElement.GetProperty("events").GetArrayLength());
        Assert.Equal(["Reuters"], on.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("outlet").GetString()));
    }
}
