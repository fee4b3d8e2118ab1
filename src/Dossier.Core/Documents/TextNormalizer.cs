using System.Globalization;
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
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.DashPunctuation
                     or UnicodeCategory.OtherPunctuation or UnicodeCategory.InitialQuotePunctuation
                     or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OpenPunctuation
                     or UnicodeCategory.ClosePunctuation)
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
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
