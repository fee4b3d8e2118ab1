using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Pipeline;

namespace Dossier.Nlp.Sentences;

/// <summary>
/// Sentence boundaries from tokens, by rule: a full stop, question or exclamation mark, or ellipsis
/// (with any closing quotes and brackets after it) ends a sentence when the next token can start
/// one; a line break ends one always, so headlines, section titles and list items without a full stop
/// stand alone. Titles before names (Gen., Mr.) never end a sentence.
/// </summary>
public sealed class SentenceSplitter : IDocumentStage
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "col.", "lt.", "maj.", "capt.", "sgt.", "adm.", "brig.", "gov.", "sen.", "rep.",
        "rev.", "st.", "mt.", "no.", "vs.", "e.g.", "i.e.", "cf.", "approx.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
        "sep.", "sept.", "oct.", "nov.", "dec.", "fig.", "vol.",
    };

    public string Name => nameof(SentenceSplitter);

    public string Version => "1";

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer> { DocumentLayer.Tokens };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.Sentences };

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetSentences(Split(document.Text, document.Tokens!));
    }

    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var isLast = i == tokens.Count - 1;
            if (isLast || EndsAfter(text, tokens, i))
            {
                sentences.Add(new Sentence(first, i + 1, tokens[first].Start, tokens[i].End));
                first = i + 1;
            }
        }

        return sentences;
    }

    private static bool EndsAfter(string text, IReadOnlyList<Token> tokens, int i)
    {
        var token = tokens[i];
        var next = tokens[i + 1];
        if (HasLineBreak(text, token.End, next.Start))
        {
            return true;
        }

        var word = text.AsSpan(token.Start, token.Length);
        if (IsClosing(word))
        {
            // A closing quote or bracket ends the sentence if what it closes ended one.
            var back = i - 1;
            while (back >= 0 && IsClosing(text.AsSpan(tokens[back].Start, tokens[back].Length)))
            {
                back--;
            }

            return back >= 0 && IsTerminator(text.AsSpan(tokens[back].Start, tokens[back].Length)) &&
                   tokens[back].End == tokens[back + 1].Start && CanStart(text, next);
        }

        if (!IsTerminator(word) && !(word.Length > 1 && word[^1] == '.' && !Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && IsAbbreviationEnd(word)))
        {
            return false;
        }

        if (i + 1 < tokens.Count && IsClosing(text.AsSpan(next.Start, next.Length)) && next.Start == token.End)
        {
            return false; // the quote after the full stop ends it instead
        }

        if (word.Length > 1 && word[^1] == '.' && Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return false;
        }

        // A question or exclamation mark ends a sentence even before a lower-case word, as web text
        // often has; a full stop, ellipsis or abbreviation needs a capital after it ("3 p.m. local").
        if (word is "!" or "?" or "?!" or "!?" && char.IsLetter(text[next.Start]))
        {
            return true;
        }

        return CanStart(text, next);
    }

    private static bool IsTerminator(ReadOnlySpan<char> word) =>
        word is "." or "!" or "?" or "…" || (word.Length >= 2 && word.Trim('.').IsEmpty) || word is "?!" or "!?";

    // "U.S." ends a sentence only when a sentence plainly starts after it; a one-letter initial never does.
    private static bool IsAbbreviationEnd(ReadOnlySpan<char> word) => word.Length >= 4 && word.Count('.') >= 2;

    private static bool IsClosing(ReadOnlySpan<char> word) => word is "\"" or "”" or "’" or "'" or ")" or "]" or "»";

    private static bool CanStart(string text, Token next)
    {
        var c = text[next.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' or '-' or '—' or '•' or '*' ||
               !char.IsLetter(c) && !char.IsPunctuation(c);
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                return true;
            }
        }

        return false;
    }
}
