using System.Xml;
using System.Xml.Linq;
using Dossier.Core.Documents;
using Dossier.Ingest.Cleaning;

namespace Dossier.Ingest;

/// <summary>
/// RSS 2.0 and Atom files: each item or entry an article, the channel or feed title its outlet. DTDs
/// are ignored and nothing external is resolved, so a hostile feed cannot reach the network or the
/// disk, or expand entities without bound.
/// </summary>
internal static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static bool LooksLikeFeed(string text)
    {
        var sample = text.Length > 4096 ? text[..4096] : text;
        return sample.Contains("<rss", StringComparison.OrdinalIgnoreCase) || sample.Contains("<feed", StringComparison.OrdinalIgnoreCase) ||
               sample.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    public static List<ReadOutcome> Read(string path, string text)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024 };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException exception)
        {
            return [ArticleReader.Refuse(path, $"malformed feed XML at line {exception.LineNumber}: {ArticleReader.OneLine(exception.Message)}")];
        }

        var root = document.Root!;
        var outcomes = new List<ReadOutcome>();
        if (root.Name == Atom + "feed")
        {
            var outlet = Text(root.Element(Atom + "title"));
            var index = 0;
            foreach (var entry in root.Elements(Atom + "entry"))
            {
                index++;
                var origin = new DocumentOrigin(path, SourceFormat.Atom, Item: index);
                var content = entry.Element(Atom + "content") ?? entry.Element(Atom + "summary");
                var body = content is null ? null : ContentOf(content);
                var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
                outcomes.Add(Article(origin, body, IsHtml(content), new ArticleMetadata
                {
                    Title = Text(entry.Element(Atom + "title")),
                    Url = (string?)link?.Attribute("href"),
                    Author = Text(entry.Element(Atom + "author")?.Element(Atom + "name")),
                    Outlet = outlet,
                    Published = Date(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))),
                }));
            }
        }
        else if (root.Name.LocalName is "rss" or "RDF")
        {
            var channel = root.Element("channel") ?? root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
            var outlet = Text(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title"));
            var items = (channel?.Elements() ?? []).Concat(root.Elements()).Where(e => e.Name.LocalName == "item");
            var index = 0;
            foreach (var item in items)
            {
                index++;
                var origin = new DocumentOrigin(path, SourceFormat.Rss, Item: index);
                var body = Text(item.Element(Content + "encoded")) ?? Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "description"));
                outcomes.Add(Article(origin, body, body is not null && HtmlSniffer.LooksLikeHtml(body) || body?.Contains('<', StringComparison.Ordinal) == true, new ArticleMetadata
                {
                    Title = Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "title")),
                    Url = Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "link")),
                    Author = Text(item.Element(DublinCore + "creator")) ?? Text(item.Element("author")),
                    Outlet = outlet,
                    Published = Date(Text(item.Element("pubDate")) ?? Text(item.Element(DublinCore + "date"))),
                }));
            }
        }
        else
        {
            return [ArticleReader.Refuse(path, $"XML root <{root.Name.LocalName}> is neither an RSS <rss> nor an Atom <feed>")];
        }

        return outcomes.Count > 0 ? outcomes : [ArticleReader.Refuse(path, "feed has no items")];
    }

    private static ReadOutcome Article(DocumentOrigin origin, string? body, bool isHtml, ArticleMetadata declared) =>
        string.IsNullOrWhiteSpace(body)
            ? ArticleReader.Refuse(origin.ToString(), "feed item has no text (no description or content)")
            : new ReadOutcome.Article(new RawDocument(origin, body, isHtml, declared));

    private static bool IsHtml(XElement? content)
    {
        var type = (string?)content?.Attribute("type");
        return type is "html" or "xhtml" || (type is null && content?.Value.Contains('<', StringComparison.Ordinal) == true);
    }

    private static string? ContentOf(XElement content) =>
        (string?)content.Attribute("type") == "xhtml"
            ? string.Concat(content.Nodes().Select(n => n.ToString()))
            : content.Value;

    private static string? Text(XElement? element) => string.IsNullOrWhiteSpace(element?.Value) ? null : element.Value.Trim();

    private static PublicationDate? Date(string? text) => DateTextParser.ParseMachineDate(text) ?? DateTextParser.ParseHumanDate(text);
}
