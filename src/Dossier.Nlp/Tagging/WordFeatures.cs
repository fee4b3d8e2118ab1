namespace Dossier.Nlp.Tagging;

/// <summary>Word shapes and normal forms shared by the tagger and the entity recognizer.</summary>
public static class WordFeatures
{
    /// <summary>
    /// The word's shape with runs capped at two: "Haftar" → "Xxx", "U.N." → "X.X.", "13,600" → "dd,ddd"
    /// becomes "dd,dd", "al-Sarraj" → "xx-Xxx".
    /// </summary>
    public static string Shape(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 24)];
        var length = 0;
        var run = 0;
        var last = '\0';
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 2 && length < buffer.Length)
            {
                buffer[length++] = s;
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>Lower case, with digits folded ("1996" and "2019" look alike to the model).</summary>
    public static string Normal(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            buffer[i] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
        }

        return new string(buffer);
    }
}
