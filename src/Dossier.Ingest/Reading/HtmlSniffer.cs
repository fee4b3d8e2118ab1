using System.Text.RegularExpressions;

namespace Dossier.Ingest;

internal static partial class HtmlSniffer
{
    /// <summary>A document that opens like HTML, or plain text with several block tags in it.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<head", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<body", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var sample = text.Length > 8192 ? text[..8192] : text;
        return BlockTag().Count(sample) >= 3;
    }

    [GeneratedRegex(@"</?(p|div|br|article|section|h[1-6]|span|a|ul|li|table|script)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockTag();
}
