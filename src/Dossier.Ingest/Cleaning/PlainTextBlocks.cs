namespace Dossier.Ingest.Cleaning;

/// <summary>Plain text as blocks: each non-blank line, trimmed, with its exact source range.</summary>
internal static class PlainTextBlocks
{
    public static List<Block> Split(string source)
    {
        var blocks = new List<Block>();
        var position = 0;
        while (position < source.Length)
        {
            var newline = source.IndexOf('\n', position);
            var lineEnd = newline < 0 ? source.Length : newline;
            var start = position;
            var end = lineEnd;
            while (start < end && char.IsWhiteSpace(source[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(source[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                var indented = start > position && source[position] is ' ' or '\t';
                blocks.Add(new Block(source[start..end], start, end, isExact: true, indented ? BlockHint.Indented : BlockHint.None));
            }

            position = lineEnd + 1;
        }

        return blocks;
    }
}
