using System.Xml.Linq;
using Dossier.Storage.Sqlite;

namespace Dossier.Export.Tests.Graph;

public sealed class GexfExporterTests
{
    private static readonly XNamespace Gexf = "http://gexf.net/1.3";

    [Fact]
    public void Gexf_export_of_the_demo_store_is_valid_against_the_GEXF_1_3_schema()
    {
        using var store = SqliteDossierStore.Open(DemoStore.Path);
        var schemas = XmlSchemas.Load(Exported.SchemaFolder("gexf-1.3", "gexf.xsd"));

        var gexf = Exported.Bytes(store, ExportFormat.Gexf);

        Assert.Empty(XmlSchemas.Problems(schemas, gexf));
        var document = XmlSchemas.Parse(gexf);
        var nodes = document.Descendants(Gexf + "node").Select(n => (string)n.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(store.ListEntities(null, int.MaxValue).Count, nodes.Count);
        var edges = document.Descendants(Gexf + "edge").ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Contains((string)e.Attribute("source")!, nodes));
        Assert.All(edges, e => Assert.Contains((string)e.Attribute("target")!, nodes));
    }

    [Fact]
    public void Gexf_edge_weighs_the_reports_of_a_tie_and_counts_its_distinct_sentences_and_independent_sources()
    {
        using var facts = TripoliReports.Build();
        var schemas = XmlSchemas.Load(Exported.SchemaFolder("gexf-1.3", "gexf.xsd"));

        var gexf = Exported.Bytes(facts.Store, ExportFormat.Gexf);

        Assert.Empty(XmlSchemas.Problems(schemas, gexf));
        var edge = Assert.Single(XmlSchemas.Parse(gexf).Descendants(Gexf + "edge"));
        Assert.Equal("khalifa-haftar", (string)edge.Attribute("source")!);
        Assert.Equal("lna", (string)edge.Attribute("target")!);
        Assert.Equal("leads", (string)edge.Attribute("kind")!);
        Assert.Equal("3", (string)edge.Attribute("weight")!);
        var values = edge.Descendants(Gexf + "attvalue").ToDictionary(v => (string)v.Attribute("for")!, v => (string)v.Attribute("value")!);
        Assert.Equal("2", values["evidence"]);
        Assert.Equal("2", values["independent_sources"]);
        var haftar = XmlSchemas.Parse(gexf).Descendants(Gexf + "node").Single(n => (string)n.Attribute("id")! == "khalifa-haftar");
        Assert.Equal("Khalifa Haftar", (string)haftar.Attribute("label")!);
        Assert.Contains(haftar.Descendants(Gexf + "attvalue"), v => (string)v.Attribute("for")! == "kind" && (string)v.Attribute("value")! == "person");
    }

    [Fact]
    public void Gexf_schema_check_rejects_a_file_that_breaks_it()
    {
        var schemas = XmlSchemas.Load(Exported.SchemaFolder("gexf-1.3", "gexf.xsd"));

        var broken = System.Text.Encoding.UTF8.GetBytes("""<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node label="no id"/></nodes><edges/></graph></gexf>""");

        Assert.NotEmpty(XmlSchemas.Problems(schemas, broken));
    }
}
