namespace Dossier.Core.Documents;

/// <summary>The format an article was read from.</summary>
public enum SourceFormat
{
    Text,
    Html,
    JsonLines,
    Rss,
    Atom,
}

public static class SourceFormatNames
{
    public static string Name(this SourceFormat format) => format switch
    {
        SourceFormat.Text => "text",
        SourceFormat.Html => "html",
        SourceFormat.JsonLines => "jsonl",
        SourceFormat.Rss => "rss",
        SourceFormat.Atom => "atom",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static SourceFormat Parse(string name) => name switch
    {
        "text" => SourceFormat.Text,
        "html" => SourceFormat.Html,
        "jsonl" => SourceFormat.JsonLines,
        "rss" => SourceFormat.Rss,
        "atom" => SourceFormat.Atom,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown source format"),
    };
}
