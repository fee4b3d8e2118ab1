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

    // "U.S. President Donald Trump", "U.N. Secretary-General": after a country's or body's initials, a
    // title or institution word goes on the same sentence.
    private static readonly HashSet<string> AfterInitials = new(StringComparer.Ordinal)
    {
        "President", "Vice", "Secretary", "Secretary-General", "Ambassador", "Envoy", "Special", "Senator", "Senators", "Congress",
        "Army", "Navy", "Air", "Marine", "Marines", "Forces", "Embassy", "Consulate", "Mission", "Security", "Defense", "Defence",
        "State", "Treasury", "Foreign", "Prime", "Department", "Command", "Africa", "Central", "Military", "Government",
        "Administration", "Representative", "General", "Commander", "Officials", "Intelligence", "Attorney", "Deputy", "Chief",
    };

    // Words that open a sentence far more often than they follow a lower-case word inside one. Web
    // text and mail often drop the full stop ("make a mold from that They sell these kits"); "I" and
    // "The" are left out, as they follow lower-case words inside sentences too often.
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "They", "If", "Please", "We", "This", "It", "You", "My", "Our", "What", "How", "Why", "Thanks", "Thank", "Hi", "Hello",
        "Dear", "Regards", "Cheers", "Posted", "Sent", "Any", "Is", "Are", "Do", "Does", "Can", "Could", "Would", "Should", "He",
        "She", "There", "These", "Those", "Also", "But", "So", "Let", "Just", "Hope", "Call", "Here", "Great", "Good", "Yes", "No",
        "Anyway", "Well", "Also", "Maybe", "Not", "Very", "Have", "Has", "Did", "Was", "Were", "Where", "When", "Who", "Your",
    };

    // Closings that stand on their own line in mail ("Thanks," then the name).
    private static readonly HashSet<string> Closings = new(StringComparer.OrdinalIgnoreCase)
    {
        "thanks", "thank you", "regards", "best", "cheers", "sincerely", "best regards", "kind regards", "thanks again", "love",
    };

    public string Name => nameof(SentenceSplitter);

    public string Version => "3";

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
            if (isLast || EndsAfter(text, tokens, i) || EndsWithoutStop(text, tokens, first, i))
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

        if (word.Length > 1 && IsAbbreviationEnd(word) && AfterInitials.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(next.Start, next.Length)))
        {
            return false;
        }

        // "Rep. G.K. Butterfield": initials after a title are a name's, and the name goes on.
        if (word.Length > 1 && IsAbbreviationEnd(word) && i > 0 && Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length)))
        {
            return false;
        }

        // A question or exclamation mark ends a sentence even before a lower-case word, as web text
        // often has; so does a full stop standing alone after a word of two letters or more ("it is
        // small and cute. i knew"), where the tokenizer has already kept abbreviations whole. An
        // ellipsis or abbreviation still needs a capital after it ("3 p.m. local", "etc. and").
        if (word is "!" or "?" or "?!" or "!?" && char.IsLetter(text[next.Start]))
        {
            return true;
        }

        if (word is "." && i > 0 && char.IsLower(text[next.Start]) && next.Start > token.End && EndsPlainWord(text, tokens[i - 1], token))
        {
            return true;
        }

        return CanStart(text, next);
    }

    /// <summary>
    /// Boundaries with no full stop, as mail and web text have them: a greeting or closing line
    /// ("Vince," / "Thanks,") before a capitalized word, and a lower-case word followed by a word that
    /// nearly always opens a sentence.
    /// </summary>
    private static bool EndsWithoutStop(string text, IReadOnlyList<Token> tokens, int first, int i)
    {
        var next = tokens[i + 1];
        var current = text.AsSpan(tokens[i].Start, tokens[i].Length);
        if (IsDate(text.AsSpan(next.Start, next.Length)) && char.IsLetter(current[^1]) && char.IsUpper(current[0]))
        {
            return true; // "Mary Hain 03/23/2001 12:24 PM": a mail header's name, then its date
        }

        if (char.IsUpper(text[next.Start]) && next.Start > tokens[i].End &&
            ((current.Contains('@') && current.Contains('.')) || current.StartsWith("http", StringComparison.Ordinal)))
        {
            return true; // a mail address or link ends its line
        }

        if (current is "AM" or "PM" && i >= 1 && IsTime(text.AsSpan(tokens[i - 1].Start, tokens[i - 1].Length)) && char.IsUpper(text[next.Start]))
        {
            return true;
        }

        if (!char.IsUpper(text[next.Start]) || next.Start == tokens[i].End)
        {
            return false;
        }

        var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
        if (word is ",")
        {
            var line = text.AsSpan(tokens[first].Start, tokens[i].Start - tokens[first].Start).TrimEnd();
            var count = i - first;
            return (count == 1 && char.IsUpper(line[0]) && Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(next.Start, next.Length))) || (count <= 3 && Closings.GetAlternateLookup<ReadOnlySpan<char>>().Contains(line));
        }

        if (Closings.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && i == first)
        {
            return true;
        }

        var nextWord = text.AsSpan(next.Start, next.Length);
        return char.IsLower(word[0]) && char.IsLower(word[^1]) && word.Length > 1 && Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(nextWord) &&
               i + 2 < tokens.Count && !Continues(text.AsSpan(tokens[i + 2].Start, tokens[i + 2].Length));
    }

    private static bool IsDate(ReadOnlySpan<char> word) =>
        word.Length is >= 8 and <= 10 && word.Count('/') == 2 && char.IsDigit(word[0]) && char.IsDigit(word[^1]);

    private static bool IsTime(ReadOnlySpan<char> word) => word.Length is 4 or 5 && word[^3] == ':' && char.IsDigit(word[0]);

    // "We" in "We Are the World", a title: the opener is followed by another capitalized word.
    private static bool Continues(ReadOnlySpan<char> following) => following.Length > 0 && char.IsUpper(following[0]) && following is not "I";

    // Words written with a full stop that does not end a sentence, when the tokenizer splits it off.
    private static readonly HashSet<string> Shortened = new(StringComparer.OrdinalIgnoreCase)
    {
        "etc", "al", "vs", "approx", "ca", "cf", "viz", "ed", "eds", "vol", "no", "pp", "inc", "ltd", "co", "corp", "jr", "sr",
    };

    private static bool EndsPlainWord(string text, Token previous, Token stop)
    {
        var word = text.AsSpan(previous.Start, previous.Length);
        return previous.End == stop.Start && word.Length >= 2 && char.IsLetter(word[^1]) && !word.Contains('.') &&
               !Shortened.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
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
