namespace Dossier.Core.Documents;

/// <summary>
/// Where an article came from: a file (or <c>-</c> for standard input) and, for files that hold many
/// articles, the line (JSON lines) or item number (RSS, Atom) inside it.
/// </summary>
public sealed record DocumentOrigin(string Path, SourceFormat Format, int? Line = null, int? Item = null)
{
    public override string ToString() =>
        Line is { } line ? $"{Path}:{line}" : Item is { } item ? $"{Path}#{item}" : Path;
}
