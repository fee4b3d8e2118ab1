using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dossier.Core.Documents;

namespace Dossier.Ingest.Cleaning;

/// <summary>An HTML page as blocks, with what its markup says about title, author, date and outlet.</summary>
internal sealed record HtmlPage(List<Block> Blocks, List<RemovedRange> MarkupRemoved, ArticleMetadata Meta);

/// <summary>
/// HTML to blocks. Scripts, styles, forms and the like are removed outright; navigation, headers,
/// footers, asides and elements whose class or id names comments, related stories, sharing, ads or
/// newsletters are marked as chrome by structure, before the phrasing rules see the rest. Walks the
/// tree with an explicit stack: a page nested a hundred thousand deep must not overflow the stack.
/// </summary>
internal static partial class HtmlBlocks
{
    /// <summary>Deeper than any real page (browsers stop at 512); such markup is read flat.</summary>
    private const int MaxNesting = 1000;

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "FORM", "BUTTON", "SELECT", "INPUT", "TEXTAREA", "CANVAS",
        "OBJECT", "EMBED", "HEAD", "MATH", "VIDEO", "AUDIO", "PICTURE", "MAP",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "NAV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL",
        "BLOCKQUOTE", "FIGURE", "FIGCAPTION", "PRE", "TABLE", "TR", "TD", "TH", "DL", "DT", "DD", "BR", "HR", "ADDRESS", "CAPTION", "DETAILS", "SUMMARY",
    };

    public static HtmlPage Read(string source)
    {
        if (MaxDepth(source) > MaxNesting)
        {
            return ReadFlat(source);
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true, IsScripting = false });
        var document = parser.ParseDocument(source);
        var meta = ReadMeta(document);
        var removed = new List<RemovedRange>();
        var blocks = new List<Block>();
        var root = ContentRoot(document);
        var body = document.Body ?? document.DocumentElement;

        var text = new StringBuilder();
        var blockStart = 0;
        var stack = new Stack<Frame>();
        stack.Push(new Frame(body, null, BlockHint.None, Entered: false, OutsideRoot: root is not null && !ReferenceEquals(root, body)));
        while (stack.Count > 0)
        {
            var frame = stack.Pop();
            if (frame.Node is IText textNode)
            {
                if (text.Length == 0)
                {
                    blockStart = frame.Start;
                }

                text.Append(textNode.Data);
                continue;
            }

            if (frame.Node is not IElement element)
            {
                continue;
            }

            var tag = element.LocalName.ToUpperInvariant();
            var isBlock = BlockTags.Contains(tag);
            if (frame.Entered)
            {
                if (isBlock)
                {
                    Flush(text, blocks, blockStart, frame.Hint, frame.Chrome, frame.OutsideRoot);
                }

                continue;
            }

            // Elements the parser inserted (html, body, tbody) have no source position.
            var start = Math.Clamp(element.SourceReference?.Position.Index ?? 0, 0, source.Length);
            if (Dropped.Contains(tag) && !ReferenceEquals(element, body))
            {
                var end = Math.Min(source.Length, start + element.OuterHtml.Length);
                var reason = LooksLikeProse(element) ? RemovalReason.HiddenText : RemovalReason.Markup;
                removed.Add(new RemovedRange(start, end, reason, $"html-{element.LocalName}", Preview(element.TextContent)));
                continue;
            }

            if (isBlock)
            {
                Flush(text, blocks, blockStart, frame.Hint, frame.Chrome, frame.OutsideRoot);
            }

            var chrome = frame.Chrome ?? ChromeOf(element, tag);
            var hint = tag switch
            {
                "H1" or "H2" or "H3" or "H4" or "H5" or "H6" => BlockHint.Heading,
                "FIGCAPTION" or "CAPTION" => BlockHint.Caption,
                "LI" => BlockHint.ListItem,
                _ => frame.Hint,
            };
            var outside = frame.OutsideRoot && !ReferenceEquals(element, root);
            stack.Push(frame with { Entered = true, Chrome = chrome, Hint = hint, OutsideRoot = outside, Start = start });
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(new Frame(child, chrome, hint, Entered: false, OutsideRoot: outside, Start: start));
            }
        }

        Flush(text, blocks, blockStart, BlockHint.None, null, false);
        return new HtmlPage(blocks, removed, meta);
    }

    private static void Flush(StringBuilder text, List<Block> blocks, int start, BlockHint hint, (RemovalReason Reason, string Rule)? chrome, bool outsideRoot)
    {
        if (text.Length == 0)
        {
            return;
        }

        var collapsed = Whitespace().Replace(text.ToString(), " ").Trim();
        text.Clear();
        if (collapsed.Length == 0)
        {
            return;
        }

        var block = new Block(collapsed, start, start, isExact: false, hint) { IsStructuralChrome = chrome is not null || outsideRoot };
        if (chrome is { } c)
        {
            block.Remove(c.Reason, c.Rule);
        }
        else if (outsideRoot)
        {
            block.Remove(RemovalReason.SiteChrome, "html-outside-article");
        }

        blocks.Add(block);
    }

    /// <summary>The element holding the article: the largest &lt;article&gt;, articleBody, &lt;main&gt;, or the body.</summary>
    private static IElement? ContentRoot(IDocument document)
    {
        var candidates = document.QuerySelectorAll("[itemprop=articleBody]").ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. document.QuerySelectorAll("article")];
        }

        if (candidates.Count == 0)
        {
            candidates = [.. document.QuerySelectorAll("main, [role=main]")];
        }

        return candidates.Count == 0 ? document.Body : candidates.MaxBy(c => c.TextContent.Length);
    }

    private static (RemovalReason Reason, string Rule)? ChromeOf(IElement element, string tag)
    {
        switch (tag)
        {
            case "NAV":
                return (RemovalReason.SiteChrome, "html-nav");
            case "FOOTER" when element.Closest("article") is null:
                return (RemovalReason.SiteChrome, "html-footer");
            case "HEADER" when element.Closest("article") is null:
                return (RemovalReason.SiteChrome, "html-header");
            case "ASIDE":
                return (RemovalReason.SiteChrome, "html-aside");
        }

        var names = ((element.GetAttribute("class") ?? string.Empty) + " " + (element.Id ?? string.Empty)).ToLowerInvariant();
        if (names.Length < 2)
        {
            return null;
        }

        var match = ChromeName().Match(names);
        if (!match.Success)
        {
            return null;
        }

        var word = match.Groups[1].Value;
        return word switch
        {
            _ when word.StartsWith("comment", StringComparison.Ordinal) || word.StartsWith("disqus", StringComparison.Ordinal) || word == "respond" => (RemovalReason.Comments, $"html-class-{word}"),
            _ when word.StartsWith("related", StringComparison.Ordinal) || word.StartsWith("recommend", StringComparison.Ordinal) || word.StartsWith("promo", StringComparison.Ordinal) ||
                   word.StartsWith("teaser", StringComparison.Ordinal) || word.StartsWith("more-stories", StringComparison.Ordinal) || word.StartsWith("trending", StringComparison.Ordinal) => (RemovalReason.Teaser, $"html-class-{word}"),
            _ when word.Contains("author", StringComparison.Ordinal) || word == "bio" => (RemovalReason.AuthorBio, $"html-class-{word}"),
            _ when word.StartsWith("copyright", StringComparison.Ordinal) || word.StartsWith("licen", StringComparison.Ordinal) => (RemovalReason.PolicyText, $"html-class-{word}"),
            _ => (RemovalReason.SiteChrome, $"html-class-{word}"),
        };
    }

    private static ArticleMetadata ReadMeta(IDocument document)
    {
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                var value = document.QuerySelector($"meta[property='{key}'], meta[name='{key}'], meta[itemprop='{key}']")?.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return WebUtility.HtmlDecode(value).Trim();
                }
            }

            return null;
        }

        var published = Meta("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "DC.date.issued", "sailthru.date") ??
                        document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var title = Meta("og:title", "twitter:title") ?? document.QuerySelector("h1")?.TextContent.Trim() ?? document.Title?.Trim();
        return new ArticleMetadata
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : Whitespace().Replace(title, " "),
            Author = Meta("author", "article:author", "byl", "dc.creator", "parsely-author"),
            Outlet = Meta("og:site_name", "application-name", "publisher"),
            Url = Meta("og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"),
            Published = DateTextParser.ParseMachineDate(published) ?? DateTextParser.ParseHumanDate(published),
        };
    }

    /// <summary>
    /// Pathological markup read without a tree: scripts and styles cut, tags turned into breaks,
    /// entities decoded. The phrasing rules still run over the result.
    /// </summary>
    private static HtmlPage ReadFlat(string source)
    {
        var removed = new List<RemovedRange>();
        foreach (Match match in ScriptOrStyle().Matches(source))
        {
            removed.Add(new RemovedRange(match.Index, match.Index + match.Length, RemovalReason.Markup, "html-flat-script", Preview(match.Value)));
        }

        var blocks = new List<Block>();
        var withoutScripts = ScriptOrStyle().Replace(source, m => new string(' ', m.Length));
        var position = 0;
        foreach (Match tag in Tag().Matches(withoutScripts))
        {
            AddFlat(withoutScripts, position, tag.Index, blocks);
            position = tag.Index + tag.Length;
        }

        AddFlat(withoutScripts, position, withoutScripts.Length, blocks);
        return new HtmlPage(blocks, removed, ArticleMetadata.Empty);
    }

    private static void AddFlat(string source, int start, int end, List<Block> blocks)
    {
        if (end <= start)
        {
            return;
        }

        var raw = source[start..end];
        var text = Whitespace().Replace(WebUtility.HtmlDecode(raw), " ").Trim();
        if (text.Length > 0)
        {
            blocks.Add(new Block(text, start, end, isExact: false, BlockHint.None));
        }
    }

    /// <summary>
    /// Words in sentences rather than code, styles or data: what a reader would lose if the element
    /// held article text (an unclosed &lt;script&gt; swallows the rest of a page). Scripts that declare
    /// a data type (JSON-LD and the like) are data, whatever their strings say.
    /// </summary>
    internal static bool LooksLikeProse(IElement element)
    {
        var type = element.GetAttribute("type");
        if (element.LocalName == "script" && type is not null && !type.Contains("javascript", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // An unclosed script holds the rest of the page as raw markup: its tags are not code.
        var text = Tag().Replace(element.TextContent, " ").Trim();
        if (text.Length < 40 || text[0] is '{' or '[' or '<')
        {
            return false;
        }

        int letters = 0, code = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c) || c == ' ')
            {
                letters++;
            }
            else if (c is '{' or '}' or '=' or ';' or '(' or ')' or '<' or '>' or '[' or ']' or '$')
            {
                code++;
            }
        }

        var words = Whitespace().Count(text) + 1;
        return words >= 8 && letters >= text.Length * 0.8 && code * 100 <= text.Length;
    }

    /// <summary>The deepest nesting of open tags, by a cheap scan that needs no parser.</summary>
    private static int MaxDepth(string source)
    {
        var depth = 0;
        var max = 0;
        var index = source.IndexOf('<', StringComparison.Ordinal);
        while (index >= 0 && index + 1 < source.Length)
        {
            var next = source[index + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next))
            {
                var close = source.IndexOf('>', index);
                if (close < 0)
                {
                    break;
                }

                var selfClosing = source[close - 1] == '/' || VoidTag().IsMatch(source.AsSpan(index + 1, Math.Min(8, source.Length - index - 1)));
                if (!selfClosing && ++depth > max)
                {
                    max = depth;
                }

                index = close;
            }

            index = source.IndexOf('<', index + 1);
        }

        return max;
    }

    private static string Preview(string text)
    {
        var collapsed = Whitespace().Replace(text, " ").Trim();
        return collapsed.Length > 80 ? collapsed[..80] + "…" : collapsed;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?:^|[\s_-])(comments?|comment-\w+|disqus\w*|respond|related\w*|recommend\w*|promo\w*|teaser\w*|more-stories|trending\w*|share\w*|social\w*|newsletter\w*|subscribe\w*|advert\w*|ads?|ad-\w+|sponsor\w*|sidebar\w*|breadcrumbs?|cookie\w*|banner|menu\w*|navbar|site-header|site-footer|author-bio|about-author|author-box|bio|copyright|licen[cs]e)(?:$|[\s_-])", RegexOptions.CultureInvariant)]
    private static partial Regex ChromeName();

    [GeneratedRegex(@"<(script|style|noscript|template)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<[^>]*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VoidTag();

    private sealed record Frame(INode Node, (RemovalReason Reason, string Rule)? Chrome, BlockHint Hint, bool Entered, bool OutsideRoot, int Start = 0);
}
