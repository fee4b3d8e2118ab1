using System.Globalization;
using System.Text;
using System.Xml;
using Dossier.Core.Actors;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Storage;

namespace Dossier.Export.Graph;

/// <summary>
/// Actors and their ties as a GEXF 1.3 graph for Gephi: a node per entity (kind, mentions, articles),
/// a directed edge per tie, its <c>kind</c> the relation so that Gephi keeps parallel ties of
/// different kinds apart, its weight the number of reports.
/// </summary>
internal static class GexfExporter
{
    public const string Namespace = "http://gexf.net/1.3";

    public static void Write(IDossierStore store, ExportFilter filter, Stream output, ExportOptions options, ExportCounter counter)
    {
        using var xml = XmlWriter.Create(output, Settings());
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", $"{Namespace} {Namespace}/gexf.xsd");
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteAttributeString("lastmodifieddate", options.Timestamp.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        xml.WriteElementString("creator", Namespace, "Dossier");
        xml.WriteElementString("description", Namespace, "Actors and their ties as news reports state them; edge weight = number of reports.");
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("mode", "static");
        xml.WriteAttributeString("defaultedgetype", "directed");
        xml.WriteAttributeString("idtype", "string");
        Attributes(xml, "node", ("kind", "string"), ("mentions", "integer"), ("articles", "integer"));
        Attributes(xml, "edge", ("relation", "string"), ("reports", "integer"), ("evidence", "integer"), ("independent_sources", "integer"));

        var nodes = new HashSet<string>(StringComparer.Ordinal);
        xml.WriteStartElement("nodes", Namespace);
        foreach (var entity in store.ReadEntities(filter))
        {
            nodes.Add(entity.Id);
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", XmlText.Clean(entity.Id));
            xml.WriteAttributeString("label", XmlText.Clean(entity.Name));
            Values(xml, ("kind", entity.Kind.ToName()), ("mentions", Number(entity.Mentions)), ("articles", Number(entity.Articles)));
            xml.WriteEndElement();
            counter.Count("nodes");
        }

        xml.WriteEndElement();
        xml.WriteStartElement("edges", Namespace);
        var id = 0;
        foreach (var tie in TieAggregator.Read(store, filter))
        {
            if (!nodes.Contains(tie.Source) || !nodes.Contains(tie.Target))
            {
                continue;
            }

            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", Number(id++));
            xml.WriteAttributeString("source", XmlText.Clean(tie.Source));
            xml.WriteAttributeString("target", XmlText.Clean(tie.Target));
            xml.WriteAttributeString("kind", tie.Kind.ToName());
            xml.WriteAttributeString("label", tie.Kind.ToName());
            xml.WriteAttributeString("weight", Number(tie.Reports));
            Values(xml, ("relation", tie.Kind.ToName()), ("reports", Number(tie.Reports)), ("evidence", Number(tie.Evidence)),
                ("independent_sources", Number(tie.IndependentSources)));
            xml.WriteEndElement();
            counter.Count("edges");
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    internal static XmlWriterSettings Settings() => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        CloseOutput = false,
    };

    private static void Attributes(XmlWriter xml, string @class, params (string Id, string Type)[] attributes)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", @class);
        xml.WriteAttributeString("mode", "static");
        foreach (var (id, type) in attributes)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("title", id);
            xml.WriteAttributeString("type", type);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Values(XmlWriter xml, params (string For, string Value)[] values)
    {
        xml.WriteStartElement("attvalues", Namespace);
        foreach (var (key, value) in values)
        {
            xml.WriteStartElement("attvalue", Namespace);
            xml.WriteAttributeString("for", key);
            xml.WriteAttributeString("value", XmlText.Clean(value));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Text made safe for XML 1.0: characters it cannot hold (control characters from web pages, lone surrogates) become U+FFFD.</summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Allowed(text, i))
            {
                bad = i;
                break;
            }
        }

        if (bad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                clean.Append(Allowed(text, i) ? text[i] : '\uFFFD');
            }
        }

        return clean.ToString();
    }

    private static bool Allowed(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i > 0 && char.IsHighSurrogate(text[i - 1]);
        }

        return c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
    }
}
