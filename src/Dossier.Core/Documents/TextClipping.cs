namespace Dossier.Core.Documents;

public static class TextClipping
{
    /// <summary>The text, or its first <paramref name="length"/> - 1 characters and an ellipsis when it is longer.</summary>
    public static string Clip(this string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : text[..(length - 1)] + "…";
    }
}
