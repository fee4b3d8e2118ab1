using Dossier.Core.Documents;

namespace Dossier.Ingest.Cleaning;

/// <summary>What the page's structure says about a block before any phrasing rule looks at it.</summary>
internal enum BlockHint
{
    None,
    Heading,
    Caption,
    ListItem,

    /// <summary>Indented in plain text: threaded comments, quoted lists.</summary>
    Indented,
}

/// <summary>
/// A paragraph-like piece of the source: a line of plain text, or a block element of HTML. Its text
/// is taken verbatim from <c>SourceText[Start..End]</c> when <see cref="IsExact"/>; HTML blocks whose
/// text was decoded or re-spaced map back to their element's start instead.
/// </summary>
internal sealed class Block(string text, int start, int end, bool isExact, BlockHint hint)
{
    public string Text { get; private set; } = text;

    public int Start { get; private set; } = start;

    public int End { get; } = end;

    public bool IsExact { get; } = isExact;

    public BlockHint Hint { get; } = hint;

    /// <summary>Set by the rules; null means the block is article body.</summary>
    public RemovalReason? Removal { get; set; }

    public string Rule { get; set; } = string.Empty;

    public bool IsCaption { get; set; }

    /// <summary>Removed by page structure (HTML chrome) before the phrasing rules ran.</summary>
    public bool IsStructuralChrome { get; init; }

    public bool IsBody => Removal is null;

    public int WordCount
    {
        get
        {
            var count = 0;
            var inWord = false;
            foreach (var c in Text)
            {
                var letter = char.IsLetterOrDigit(c);
                count += letter && !inWord ? 1 : 0;
                inWord = letter;
            }

            return count;
        }
    }

    /// <summary>The source range of a prefix cut off by <see cref="TrimStart"/>, for the removed-range record.</summary>
    public TextSpan? TrimmedPrefix { get; private set; }

    /// <summary>Removes the first <paramref name="length"/> characters (a title glued to the paragraph).</summary>
    public void TrimStart(int length)
    {
        TrimmedPrefix = new TextSpan(Start, Start + length);
        var rest = Text[length..];
        var skipped = rest.Length - rest.TrimStart().Length;
        Text = rest.TrimStart();
        if (IsExact)
        {
            Start += length + skipped;
        }
    }

    public void Remove(RemovalReason reason, string rule)
    {
        Removal = reason;
        Rule = rule;
    }

    public override string ToString() => $"{Removal?.ToString() ?? "Body"} {Start}..{End} {Text}";
}
