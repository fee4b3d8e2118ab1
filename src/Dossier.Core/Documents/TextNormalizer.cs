using System.Text;

namespace Dossier.Core.Documents;

/// <summary>Normal forms of text used for identity and similarity, never for display.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Letters and digits, lower-cased, one space between words. Quote styles, dashes, spacing and
    /// case differ between copies of the same article and must not change its id.
    /// </summary>
    public static string ForIdentity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Compatibility forms (ligatures, full-width letters, combining accents) are rare in news
        // text, and normalizing every article would cost more than the rest of the cleaner.
        if (NeedsCompatibilityNormalization(text))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || (c > '\u007f' && !char.IsSurrogate(c) && char.IsLetterOrDigit(c)))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && Rune.TryCreate(c, text[i + 1], out var rune))
            {
                i++;
                if (Rune.IsLetterOrDigit(rune))
                {
                    if (pendingSpace && builder.Length > 0)
                    {
                        builder.Append(' ');
                    }

                    pendingSpace = false;
                    builder.Append(Rune.ToLowerInvariant(rune).ToString());
                }
                else
                {
                    pendingSpace = true;
                }
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c))
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    private static bool NeedsCompatibilityNormalization(string text)
    {
        foreach (var c in text)
        {
            // Combining marks, and the blocks of presentation and width variants.
            if (c is >= '\u0300' and <= '\u036f' or >= '\ufb00' or >= '\u2150' and <= '\u218f' or >= '\u3000' and <= '\u33ff')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of <see cref="ForIdentity"/>, for shingling.</summary>
    public static string[] Words(string text) =>
        ForIdentity(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs of letters and digits: the word count shown to users and used for words/s.</summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }
}
