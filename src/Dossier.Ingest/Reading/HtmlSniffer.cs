using System.Text.RegularExpressions;

namespace Dossier.Ingest;

internal static partial class HtmlSniffer
{
    /// <summary>
    /// Content that is an HTML document: it opens with a doctype, &lt;html&gt;, &lt;head&gt; or &lt;body&gt;,
    /// or it opens with a tag and holds several block tags (a saved fragment). Text that opens with
    /// words is text, however many tag-like strings it quotes: reading a report that mentions
    /// "&lt;script&gt;" as HTML would drop everything after the quote.
    /// </summary>
    public static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("\uFEFF", StringComparison.Ordinal))
        {
            start = start[1..].TrimStart();
        }

        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<head", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<body", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!start.StartsWith("<", StringComparison.Ordinal))
        {
            return false;
        }

        var sample = text.Length > 8192 ? text[..8192] : text;
        return BlockTag().Count(sample) >= 3;
    }

    [GeneratedRegex(@"</?(p|div|br|article|section|h[1-6]|span|a|ul|li|table|script)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockTag();
}
