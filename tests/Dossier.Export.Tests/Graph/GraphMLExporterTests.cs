using System.Xml.Linq;
using Dossier.Storage.Sqlite;

namespace Dossier.Export.Tests.Graph;

public sealed class GraphMLExporterTests
{
    private static readonly XNamespace GraphML = "http://graphml.graphdrawing.org/xmlns";

    [Fact]
    public void GraphML_export_of_the_demo_store_is_valid_against_the_GraphML_schema()
    {
        using var store = SqliteDossierStore.Open(DemoStore.Path);
        var schemas = XmlSchemas.Load(Exported.SchemaFolder("graphml", "graphml.xsd"));

        var graphml = Exported.Bytes(store, ExportFormat.GraphML);

        Assert.Empty(XmlSchemas.Problems(schemas, graphml));
        var document = XmlSchemas.Parse(graphml);
        Assert.Equal(store.ListEntities(null, int.MaxValue).Count, document.Descendants(GraphML + "node").Count());
        Assert.NotEmpty(document.Descendants(GraphML + "edge"));
    }

    [Fact]
    public void GraphML_edge_carries_the_relation_and_its_weight_under_declared_keys()
    {
        using var facts = TripoliReports.Build();
        var schemas = XmlSchemas.Load(Exported.SchemaFolder("graphml", "graphml.xsd"));

        var graphml = Exported.Bytes(facts.Store, ExportFormat.GraphML);

        Assert.Empty(XmlSchemas.Problems(schemas, graphml));
        var document = XmlSchemas.Parse(graphml);
        var keys = document.Descendants(GraphML + "key").Select(k => (string)k.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        var edge = Assert.Single(document.Descendants(GraphML + "edge"));
        var data = edge.Elements(GraphML + "data").ToDictionary(d => (string)d.Attribute("key")!, d => d.Value);
        Assert.All(data.Keys, key => Assert.Contains(key, keys));
        Assert.Equal("leads", data["relation"]);
        Assert.Equal("3", data["weight"]);
        var source = document.Descendants(GraphML + "node").Single(n => (string)n.Attribute("id")! == (string)edge.Attribute("source")!);
        Assert.Equal("Khalifa Haftar", source.Elements(GraphML + "data").Single(d => (string)d.Attribute("key")! == "label").Value);
    }

    [Fact]
    public void GraphML_schema_check_rejects_a_file_that_breaks_it()
    {
        var schemas = XmlSchemas.Load(Exported.SchemaFolder("graphml", "graphml.xsd"));

        var broken = System.Text.Encoding.UTF8.GetBytes("""<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="a"/></graph></graphml>""");

        Assert.NotEmpty(XmlSchemas.Problems(schemas, broken));
    }
}
