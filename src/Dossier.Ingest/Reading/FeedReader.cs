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
        var feed = FeedParts.Parse(text);
        if (feed.Root is null)
        {
            return [ArticleReader.Refuse(path, $"malformed feed XML at line {feed.Break!.LineNumber}: {ArticleReader.OneLine(feed.Break.Message)}")];
        }

        var outcomes = new List<ReadOutcome>();
        if (feed.Root == Atom + "feed")
        {
            var index = 0;
            foreach (var entry in feed.Items)
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
                    Outlet = feed.Outlet,
                    Published = Date(Text(entry.Element(Atom + "published")) ?? Text(entry.Element(Atom + "updated"))),
                }));
            }
        }
        else if (feed.Root.LocalName is "rss" or "RDF")
        {
            var index = 0;
            foreach (var item in feed.Items)
            {
                index++;
                var origin = new DocumentOrigin(path, SourceFormat.Rss, Item: index);
                var body = Text(item.Element(Content + "encoded")) ?? Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "description"));
                outcomes.Add(Article(origin, body, body is not null && HtmlSniffer.LooksLikeHtml(body) || body?.Contains('<', StringComparison.Ordinal) == true, new ArticleMetadata
                {
                    Title = Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "title")),
                    Url = Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "link")),
                    Author = Text(item.Element(DublinCore + "creator")) ?? Text(item.Element("author")),
                    Outlet = feed.Outlet,
                    Published = Date(Text(item.Element("pubDate")) ?? Text(item.Element(DublinCore + "date"))),
                }));
            }
        }
        else
        {
            return [ArticleReader.Refuse(path, $"XML root <{feed.Root.LocalName}> is neither an RSS <rss> nor an Atom <feed>")];
        }

        if (feed.Break is { } broken)
        {
            // The items before the break are whole and kept; the one it cut is refused by its number,
            // and the reason says that nothing after it was read.
            var where = feed.BrokeInsideItem ? $"{path}#{feed.Items.Count + 1}" : path;
            var after = feed.Items.Count == 0 ? string.Empty : $" after item {feed.Items.Count}";
            outcomes.Add(ArticleReader.Refuse(where, $"malformed feed XML at line {broken.LineNumber}{after}: {ArticleReader.OneLine(broken.Message).TrimEnd('.')}; nothing after it was read"));
            return outcomes;
        }

        return outcomes.Count > 0 ? outcomes : [ArticleReader.Refuse(path, "feed has no items")];
    }

    /// <summary>
    /// A feed read item by item, so a file cut off or broken part way keeps every item before the
    /// break: the root's name, the feed's title, the whole items, and where it broke if it did.
    /// </summary>
    private sealed class FeedParts
    {
        public XName? Root { get; private set; }

        public string? Outlet { get; private set; }

        public List<XElement> Items { get; } = [];

        public XmlException? Break { get; private set; }

        public bool BrokeInsideItem { get; private set; }

        public static FeedParts Parse(string text)
        {
            var parts = new FeedParts();
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024 };
                using var reader = XmlReader.Create(new StringReader(text), settings);
                reader.MoveToContent();
                parts.Root = XName.Get(reader.LocalName, reader.NamespaceURI);
                var isAtom = parts.Root == Atom + "feed";
                if (!isAtom && parts.Root.LocalName is not ("rss" or "RDF"))
                {
                    return parts;
                }

                var itemName = isAtom ? "entry" : "item";
                reader.Read();
                while (!reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }

                    if (reader.LocalName == itemName)
                    {
                        parts.BrokeInsideItem = true;
                        parts.Items.Add(ReadElement(reader));
                        parts.BrokeInsideItem = false;
                        reader.Read();
                    }
                    else if (reader.LocalName == "channel" && !isAtom)
                    {
                        reader.Read(); // into the channel: its title and, in RSS 2.0, its items
                    }
                    else if (reader.LocalName == "title" && parts.Outlet is null)
                    {
                        // Only the feed's or channel's own title gets here: an item's is read with its item.
                        parts.Outlet = Text(ReadElement(reader));
                        reader.Read();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            catch (XmlException exception)
            {
                parts.Break = exception;
            }

            return parts;
        }

        /// <summary>
        /// The element under the reader, left on its end tag: moving past it is the caller's step, so a
        /// file that ends right after a whole item keeps that item.
        /// </summary>
        private static XElement ReadElement(XmlReader reader)
        {
            using var subtree = reader.ReadSubtree();
            return XElement.Load(subtree);
        }
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
