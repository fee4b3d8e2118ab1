namespace Dossier.Nlp.Evaluation;

/// <summary>
/// When two written forms count as the same form in an evaluation. Every eval that compares a gold
/// form with what Dossier wrote goes through here, so "the Coalition" is "Coalition" in the actors
/// eval exactly as in the facts eval.
/// </summary>
public static class GoldForms
{
    /// <summary>
    /// The form with case, surrounding and repeated white space and one leading article ("the", "a",
    /// "an") set aside. Nothing else is removed: "U.N." and "UN" stay apart here (an eval that wants
    /// them together says so itself), and an article inside the form is kept ("Government of the South").
    /// </summary>
    public static string Key(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var text = string.Join(' ', form.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        foreach (var article in (ReadOnlySpan<string>)["the ", "a ", "an "])
        {
            if (text.Length > article.Length && text.StartsWith(article, StringComparison.Ordinal))
            {
                return text[article.Length..];
            }
        }

        return text;
    }

    /// <summary>Whether two forms differ at most by case, white space and a leading article.</summary>
    public static bool Same(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);
}
