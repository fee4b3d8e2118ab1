using System.Globalization;
using System.Xml;
using Dossier.Core.Actors;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Storage;

namespace Dossier.Export.Graph;

/// <summary>
/// Actors and their ties as GraphML: the same graph as the GEXF file, with every value a
/// <c>&lt;data&gt;</c> under a declared key. Gephi, yEd, NetworkX and igraph read it; Gephi takes the
/// edge key named <c>weight</c> as the edge weight.
/// </summary>
internal static class GraphMLExporter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private static readonly (string Id, string For, string Type)[] Keys =
    [
        ("label", "node", "string"), ("entity", "node", "string"), ("kind", "node", "string"), ("mentions", "node", "int"), ("articles", "node", "int"),
        ("relation", "edge", "string"), ("weight", "edge", "double"), ("reports", "edge", "int"), ("evidence", "edge", "int"),
        ("independent_sources", "edge", "int"),
    ];

    public static void Write(IDossierStore store, ExportFilter filter, Stream output, ExportCounter counter)
    {
        using var xml = XmlWriter.Create(output, GexfExporter.Settings());
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            $"{Namespace} {Namespace}/1.0/graphml.xsd");
        foreach (var (id, @for, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", @for);
            xml.WriteAttributeString("attr.name", id);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", "actors");
        xml.WriteAttributeString("edgedefault", "directed");

        // Node ids must be XML name tokens: entity ids are, but they are written as n0, n1 ... so
        // that no future id scheme can break the file; the entity id stays a node's own id below.
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in store.ReadEntities(filter))
        {
            var node = "n" + nodes.Count.ToString(CultureInfo.InvariantCulture);
            nodes[entity.Id] = node;
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node);
            Data(xml, ("label", entity.Name), ("entity", entity.Id), ("kind", entity.Kind.ToName()), ("mentions", Number(entity.Mentions)), ("articles", Number(entity.Articles)));
            xml.WriteEndElement();
            counter.Count("nodes");
        }

        var edge = 0;
        foreach (var tie in TieAggregator.Read(store, filter))
        {
            if (!nodes.TryGetValue(tie.Source, out var source) || !nodes.TryGetValue(tie.Target, out var target))
            {
                continue;
            }

            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + Number(edge++));
            xml.WriteAttributeString("source", source);
            xml.WriteAttributeString("target", target);
            Data(xml, ("relation", tie.Kind.ToName()), ("weight", Number(tie.Reports)), ("reports", Number(tie.Reports)),
                ("evidence", Number(tie.Evidence)), ("independent_sources", Number(tie.IndependentSources)));
            xml.WriteEndElement();
            counter.Count("edges");
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Data(XmlWriter xml, params (string Key, string Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            xml.WriteStartElement("data", Namespace);
            xml.WriteAttributeString("key", key);
            xml.WriteString(XmlText.Clean(value));
            xml.WriteEndElement();
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
