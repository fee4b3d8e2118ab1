using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Facts.Events;
using Dossier.Nlp.Lexicons;

namespace Dossier.Facts.Syntax;

/// <summary>
/// Which sentences the parser needs to read for the fact extractors: those that name an actor and
/// hold a word any extractor starts from (a speech cue, a tie trigger, an event trigger, "according
/// to", a possessive or a hyphenated tie word), and those that may hold a claim with no actor named:
/// a speech cue, or a speaker's label ("PENCE: ..."). The rest can hold no claim, event or tie, so parsing
/// them would cost time for nothing.
/// </summary>
public static class FactSentences
{
    private static readonly HashSet<string> Lemmas = new(
        Lexicon.Named("speech-cues").Words
            .Concat(Lexicon.Named("tie-patterns").Rows.SelectMany(r => r[1].Split('|')))
            .Concat(Lexicon.Named("event-roles").Words),
        StringComparer.Ordinal);

    private static readonly HashSet<string> SpeechCues = new(Lexicon.Named("speech-cues").Words, StringComparer.Ordinal);

    private static readonly string[] Endings = [.. Lexicon.Named("tie-compounds").Words];

    public static string Version => Lexicon.VersionOf(Lexicon.Named("speech-cues"), Lexicon.Named("tie-patterns"), Lexicon.Named("event-roles"), Lexicon.Named("tie-compounds"));

    /// <summary>“...” ― Name: a dash right after a closing quotation mark signs the quotation.</summary>
    private static bool SignsQuotation(string text, int start, int end)
    {
        if (end - start != 1 || text[start] is not ('―' or '—' or '–'))
        {
            return false;
        }

        var before = start - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before]))
        {
            before--;
        }

        return before >= 0 && text[before] is '”' or '"' or '’';
    }

    public static bool MayHoldFact(Document document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Tokens!;

        // Who says what needs no actor named: "a source said", "officials told reporters", "PENCE: Well, ...".
        for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            if (WordForms.LemmaIn(text[tokens[t].Start..tokens[t].End], SpeechCues) is not null
                || (t - sentence.TokenStart <= 4 && tokens[t].End - tokens[t].Start == 1 && text[tokens[t].Start] == ':')
                || SignsQuotation(text, tokens[t].Start, tokens[t].End))
            {
                return true;
            }
        }

        if (document.Actors is { } actors && !actors.Any(a => a.Mentions.Any(m => m.Start >= sentence.Start && m.End <= sentence.End)))
        {
            return false;
        }

        for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
        {
            var word = text.AsSpan(tokens[t].Start, tokens[t].End - tokens[t].Start);
            if (word is "'s" or "’s" || word.Equals("according", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            var lower = word.ToString().ToLowerInvariant();
            if (WordForms.LemmaIn(lower, Lemmas) is not null || Endings.Any(e => lower.EndsWith(e, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return EventExtractor.HasTrigger(text[sentence.Start..sentence.End]);
    }
}
