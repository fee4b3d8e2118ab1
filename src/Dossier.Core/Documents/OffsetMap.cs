namespace Dossier.Core.Documents;

/// <summary>
/// One piece of clean text copied from the source: <c>CleanStart..CleanStart+CleanLength</c> came from
/// <c>SourceStart..SourceStart+SourceLength</c>. The lengths differ only where the source spelt the text
/// differently (HTML entities, collapsed spaces); offsets inside such a piece map to its start.
/// </summary>
public readonly record struct OffsetSegment(int CleanStart, int CleanLength, int SourceStart, int SourceLength)
{
    public bool IsExact => CleanLength == SourceLength;
}

/// <summary>Maps offsets in an article's clean text back to its source text.</summary>
public sealed class OffsetMap
{
    private readonly OffsetSegment[] segments;

    public OffsetMap(IEnumerable<OffsetSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        this.segments = [.. segments.OrderBy(s => s.CleanStart)];
    }

    public IReadOnlyList<OffsetSegment> Segments => segments;

    /// <summary>
    /// The source offset of a clean-text offset. Offsets between segments (the separators the
    /// cleaner inserted) map to the end of the piece before them.
    /// </summary>
    public int ToSource(int cleanOffset)
    {
        if (segments.Length == 0)
        {
            return 0;
        }

        var low = 0;
        var high = segments.Length - 1;
        var found = 0;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (segments[mid].CleanStart <= cleanOffset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        var segment = segments[found];
        var delta = cleanOffset - segment.CleanStart;
        if (delta < 0)
        {
            return segment.SourceStart;
        }

        if (delta >= segment.CleanLength)
        {
            return segment.SourceStart + segment.SourceLength;
        }

        return segment.IsExact ? segment.SourceStart + delta : segment.SourceStart;
    }

    public TextSpan ToSource(TextSpan clean) => new(ToSource(clean.Start), Math.Max(ToSource(clean.Start), ToSource(clean.End)));
}
