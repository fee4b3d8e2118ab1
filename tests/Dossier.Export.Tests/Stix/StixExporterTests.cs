using System.Text.Json.Nodes;
using Dossier.Export.Stix;
using Dossier.Storage.Sqlite;

namespace Dossier.Export.Tests.Stix;

public sealed class StixExporterTests
{
    private static readonly Lazy<StixSchemas> Schemas = new(() => new StixSchemas());

    [Fact]
    public void Stix_export_of_the_demo_store_is_a_bundle_whose_every_object_is_valid_against_its_type_schema()
    {
        using var store = SqliteDossierStore.Open(DemoStore.Path);

        var bundle = StixSchemas.Parse(Exported.Bytes(store, ExportFormat.Stix));

        Assert.Equal("bundle", bundle["type"]!.GetValue<string>());
        var objects = bundle["objects"]!.AsArray().Select(o => o!).ToList();
        AssertValid(objects);
        var types = objects.Select(o => o["type"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["identity", "threat-actor", "location", "relationship", "report", "note", "opinion"], StringComparer.Ordinal), types);
        Assert.Equal(5, objects.Count(o => o["type"]!.GetValue<string>() == "report"));
    }

    [Fact]
    public void Stix_export_refers_only_to_objects_in_the_bundle()
    {
        using var store = SqliteDossierStore.Open(DemoStore.Path);

        var objects = StixSchemas.Parse(Exported.Bytes(store, ExportFormat.Stix))["objects"]!.AsArray().Select(o => o!).ToList();

        var ids = objects.Select(o => o["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(objects.Count, ids.Count);
        var references = objects.SelectMany(o => (o["object_refs"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            .Concat(new[] { o["source_ref"], o["target_ref"] }.Where(r => r is not null).Select(r => r!.GetValue<string>())));
        Assert.All(references, reference => Assert.Contains(reference, ids));
    }

    [Fact]
    public void Stix_export_turns_a_denial_of_an_accusation_into_an_opinion_against_it()
    {
        using var facts = TripoliReports.Build();

        var objects = StixSchemas.Parse(Exported.Bytes(facts.Store, ExportFormat.Stix))["objects"]!.AsArray().Select(o => o!).ToList();

        AssertValid(objects);
        var opinions = objects.Where(o => o["type"]!.GetValue<string>() == "opinion").ToList();
        Assert.Equal(2, opinions.Count);
        var opinion = opinions[0];
        Assert.Equal("strongly-disagree", opinion["opinion"]!.GetValue<string>());
        Assert.Equal("LNA", opinion["authors"]![0]!.GetValue<string>());
        var accused = objects.Single(o => o["id"]!.GetValue<string>() == opinion["object_refs"]![0]!.GetValue<string>());
        Assert.Equal("alleged", accused["x_dossier_modality"]!.GetValue<string>());
        var relationship = objects.Single(o => o["type"]!.GetValue<string>() == "relationship");
        Assert.Equal("leads", relationship["relationship_type"]!.GetValue<string>());
        Assert.Equal(3, relationship["x_dossier_reports"]!.GetValue<int>());
        Assert.Equal("threat-actor", objects.Single(o => o["id"]!.GetValue<string>() == relationship["target_ref"]!.GetValue<string>())["type"]!.GetValue<string>());
    }

    [Fact]
    public void Stix_export_gives_the_same_ids_every_time()
    {
        using var facts = TripoliReports.Build();

        var first = Exported.Text(facts.Store, ExportFormat.Stix);
        var second = Exported.Text(facts.Store, ExportFormat.Stix);

        Assert.Equal(first, second);
    }

    private static void AssertValid(List<JsonNode> objects)
    {
        var problems = objects.SelectMany(Schemas.Value.Problems).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [Fact]
    public void Stix_schema_check_rejects_an_object_that_breaks_it()
    {
        var broken = JsonNode.Parse("""{"type": "note", "spec_version": "2.1", "id": "note--not-a-uuid", "created": "yesterday", "modified": "2020-01-01T00:00:00Z", "content": "x", "object_refs": []}""")!;

        Assert.NotEmpty(Schemas.Value.Problems(broken));
    }

    [Fact]
    public void StixIds_are_rfc_version_5_uuids()
    {
        // The RFC 9562 namespace for DNS names and a name whose v5 UUID is published (Python's uuid docs).
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), StixIds.UuidV5(dns, "python.org"));
        Assert.Matches("^identity--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", StixIds.Of("identity", "e1"));
    }
}
