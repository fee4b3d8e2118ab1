using System.Text;

namespace Dossier.Storage.Sql;

/// <summary>
/// What a user types into search, as terms each store writes into its own query language (FTS5,
/// tsquery) so that the query cannot be a syntax error: words must all match; text in double quotes
/// is a phrase (its words next to each other); a trailing <c>*</c> on a word searches for the
/// prefix. Operators typed by the user are searched as words: only letters and digits reach a term,
/// anything else separates words, as the engines' tokenizers would anyway.
/// </summary>
internal static class SearchTerms
{
    /// <summary>The terms in the order typed: a word or phrase's words, and whether its last word is a prefix.</summary>
    public static List<(string[] Words, bool Prefix)> Parse(string text)
    {
        var terms = new List<(string[], bool)>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var phrase = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                i = close < 0 ? text.Length : close + 1;
                Add(terms, phrase, prefix: false);
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            var word = text[start..i];
            Add(terms, word.TrimEnd('*'), word.EndsWith('*'));
        }

        return terms;
    }

    private static void Add(List<(string[], bool)> terms, string term, bool prefix)
    {
        var cleaned = new StringBuilder();
        foreach (var c in term)
        {
            cleaned.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0)
        {
            terms.Add((words, prefix));
        }
    }
}
