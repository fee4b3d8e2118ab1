namespace Dossier.Storage;

/// <summary>
/// A stretch of an article's text starting at <paramref name="start"/>, read instead of the whole
/// article when a row needs only a few spans of it; a span outside the stretch reads the whole text.
/// </summary>
internal sealed class TextWindow(string stretch, int start, Func<string> wholeText)
{
    private string? whole;

    public string Slice(int from, int to)
    {
        if (from >= start && to <= start + stretch.Length)
        {
            return stretch[(from - start)..(to - start)];
        }

        whole ??= wholeText();
        return whole[from..to];
    }
}
