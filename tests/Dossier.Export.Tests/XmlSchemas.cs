using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Dossier.Export.Tests;

/// <summary>Validates XML against the published schemas under Schemas/, offline, collecting every error and warning.</summary>
internal static class XmlSchemas
{
    public static XmlSchemaSet Load(string mainSchema)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var problems = new List<string>();
        set.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(mainSchema, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() }))
        {
            set.Add(null, reader);
        }

        set.Compile();
        Assert.Empty(problems);
        return set;
    }

    /// <summary>Every problem the schema finds in <paramref name="xml"/>, warnings included (an element the schema does not know is a warning).</summary>
    public static List<string> Problems(XmlSchemaSet schemas, byte[] xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    public static XDocument Parse(byte[] xml) => XDocument.Load(new MemoryStream(xml));
}
