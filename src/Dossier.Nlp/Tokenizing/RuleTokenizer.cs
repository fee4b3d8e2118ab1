using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Tokenizing;

/// <summary>
/// Splits news English into tokens with exact offsets into the unchanged text, in the Penn/UD style
/// the taggers were trained on: possessives and contractions apart (Haftar 's, do n't), punctuation
/// apart, but abbreviations (Gen., U.N.), numbers with separators ("13,600", "2 000", "1.5"), URLs,
/// e-mail addresses and hyphenated names (al-Sarraj, U.N.-backed) kept whole. Never throws; tokens
/// are ordered, non-empty, non-overlapping and in bounds.
/// </summary>
public sealed class RuleTokenizer : IDocumentStage
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "cpl", "adm", "brig", "cmdr", "gov", "sen",
        "rep", "rev", "st", "mt", "jr", "sr", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "no", "vs", "etc", "approx", "est", "dept", "univ", "fig", "vol", "pp", "ca", "al", "ft", "pres",
    };

    private static readonly string[] Contractions = ["n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"];

    public string Name => nameof(RuleTokenizer);

    public string Version => "2";

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer> { DocumentLayer.CleanText };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.Tokens };

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetTokens(Tokenize(document.Text));
    }

    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            var end = Url(text, i);
            if (end == i)
            {
                end = Number(text, i);
            }

            if (end == i && IsWordChar(c))
            {
                end = Word(text, i, tokens);
                if (end < 0)
                {
                    // Word() added the pieces itself (a contraction split off).
                    i = -end;
                    continue;
                }
            }

            if (end == i)
            {
                end = Punctuation(text, i);
            }

            tokens.Add(new Token(i, end));
            i = end;
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    /// <summary>A URL or e-mail address from <paramref name="start"/>, or <paramref name="start"/> if none.</summary>
    private static int Url(string text, int start)
    {
        var span = text.AsSpan(start);
        var isUrl = span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || span.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
                    span.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '“' or '”' or '<' or '>'))
        {
            end++;
        }

        var candidate = text.AsSpan(start, end - start);
        var at = candidate.IndexOf('@');
        var isEmail = !isUrl && at > 0 && at < candidate.Length - 3 && candidate[(at + 1)..].Contains('.') && char.IsLetterOrDigit(candidate[0]);
        if (!isUrl && !isEmail)
        {
            return start;
        }

        // Trailing sentence punctuation belongs to the sentence, not the address.
        while (end > start + 1 && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '’')
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// A number: digits with thousands separators (comma, thin or no-break space, or a plain space
    /// before exactly three digits as in "2 400"), a decimal part, and an ordinal or unit-less suffix.
    /// </summary>
    private static int Number(string text, int start)
    {
        if (!char.IsAsciiDigit(text[start]))
        {
            return start;
        }

        var end = start;
        var groupDigits = 0;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
            groupDigits++;
        }

        while (end + 3 < text.Length + 1 && end < text.Length)
        {
            var separator = text[end];
            var isThousands = separator is ',' or '\u2009' or '\u202f' or '\u00a0' or ' ';
            if (isThousands && groupDigits <= 3 && ThreeDigitsFollow(text, end + 1) && (separator != ' ' || SpaceGroupPlausible(text, start, end)))
            {
                end += 4;
                groupDigits = 3;
                continue;
            }

            if (separator is '.' or ':' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
            {
                end++;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                groupDigits = 99;
                continue;
            }

            break;
        }

        // 1st, 2nd, 3rd, 4th; 5km stays one word-like token only when letters follow directly.
        if (end < text.Length && char.IsLetter(text[end]))
        {
            var suffixEnd = end;
            while (suffixEnd < text.Length && char.IsLetter(text[suffixEnd]))
            {
                suffixEnd++;
            }

            var suffix = text.AsSpan(end, suffixEnd - end);
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase) ||
                suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase) ||
                suffix.Equals("s", StringComparison.OrdinalIgnoreCase))
            {
                return suffixEnd;
            }

            return start; // "3G", "F16": a word with digits
        }

        return end;
    }

    private static bool ThreeDigitsFollow(string text, int at) =>
        at + 3 <= text.Length && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2]) &&
        (at + 3 == text.Length || !char.IsAsciiDigit(text[at + 3]));

    // "2 400 Syrian mercenaries" is one number, but "in 2012 300 people" is two: a space-separated
    // group only joins a number of one to three digits that does not look like a year.
    private static bool SpaceGroupPlausible(string text, int start, int separator) => separator - start <= 3;

    /// <summary>
    /// A word from <paramref name="start"/>: letters and digits, joined by inner hyphens, dots of an
    /// abbreviation, and apostrophes inside a name (Mus’ab). A trailing contraction or possessive is
    /// added as its own token; then the negated end position is returned.
    /// </summary>
    private static int Word(string text, int start, List<Token> tokens)
    {
        var end = start;
        while (end < text.Length)
        {
            var c = text[end];
            if (IsWordChar(c))
            {
                end++;
                continue;
            }

            var next = end + 1 < text.Length ? text[end + 1] : '\0';
            if (c is '-' or '‐' && IsWordChar(next))
            {
                end++;
                continue;
            }

            if (c is '\'' or '’' && char.IsLetter(next) && !IsContractionAt(text, end))
            {
                end++;
                continue;
            }

            if (c == '.' && IsAbbreviationDot(text, start, end))
            {
                end++;
                continue;
            }

            break;
        }

        // "don't" → "do" "n't"; "Haftar's" → "Haftar" "'s".
        foreach (var contraction in Contractions)
        {
            if (end - start > contraction.Length && end <= text.Length &&
                text.AsSpan(end - contraction.Length, contraction.Length).Equals(contraction, StringComparison.OrdinalIgnoreCase))
            {
                var split = end - contraction.Length;
                if (split > start)
                {
                    tokens.Add(new Token(start, split));
                    tokens.Add(new Token(split, end));
                    return -end;
                }
            }
        }

        if (end < text.Length && text[end] is '\'' or '’' && IsContractionAt(text, end))
        {
            var contractionEnd = end + 1;
            while (contractionEnd < text.Length && char.IsLetter(text[contractionEnd]))
            {
                contractionEnd++;
            }

            tokens.Add(new Token(start, end));
            tokens.Add(new Token(end, contractionEnd));
            return -contractionEnd;
        }

        // "Haftars'" (plural possessive): the apostrophe is its own token, as in the treebanks.
        return end;
    }

    private static bool IsContractionAt(string text, int apostrophe)
    {
        foreach (var contraction in Contractions)
        {
            if (contraction[0] is 'n')
            {
                continue;
            }

            var length = contraction.Length - 1;
            if (apostrophe + 1 + length <= text.Length &&
                text.AsSpan(apostrophe + 1, length).Equals(contraction.AsSpan(1), StringComparison.OrdinalIgnoreCase) &&
                (apostrophe + 1 + length == text.Length || !char.IsLetter(text[apostrophe + 1 + length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"U.N.", "U.S.", "e.g." and known abbreviations (Gen., Col., Mr.) keep their dot.</summary>
    private static bool IsAbbreviationDot(string text, int start, int dot)
    {
        var word = text.AsSpan(start, dot - start);
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            // A single letter and a dot: an initial or part of U.S. ... unless it ends a sentence
            // with a lower-case word ("in plan b."), which is rare enough to accept.
            return true;
        }

        if (word.Length >= 3 && word[^2] == '.' && char.IsLetter(word[^1]))
        {
            return true; // the last letter of "U.N" before its final dot
        }

        // "(D-N.C.)": a party's letter, a hyphen and a state's initials are one word.
        if (word.Length >= 3 && word[^2] is '-' or '‐' && char.IsUpper(word[^1]) && dot + 1 < text.Length && char.IsUpper(text[dot + 1]))
        {
            return true;
        }

        var lookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.Contains(word))
        {
            return false;
        }

        // "No." is an abbreviation only before a number.
        if (word.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            var after = dot + 1;
            while (after < text.Length && text[after] == ' ')
            {
                after++;
            }

            return after < text.Length && char.IsAsciiDigit(text[after]);
        }

        return true;
    }

    private static int Punctuation(string text, int start)
    {
        var c = text[start];
        if (c == '.' && start + 2 < text.Length && text[start + 1] == '.' && text[start + 2] == '.')
        {
            var end = start + 3;
            while (end < text.Length && text[end] == '.')
            {
                end++;
            }

            return end;
        }

        if (c == '-' && start + 1 < text.Length && text[start + 1] == '-')
        {
            var end = start + 2;
            while (end < text.Length && text[end] == '-')
            {
                end++;
            }

            return end;
        }

        // A surrogate pair (an emoji) is one token, never two halves.
        return char.IsHighSurrogate(c) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? start + 2 : start + 1;
    }
}
