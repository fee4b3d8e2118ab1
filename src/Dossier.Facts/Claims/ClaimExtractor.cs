using System.Text.RegularExpressions;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Pipeline;
using Dossier.Facts.Syntax;

namespace Dossier.Facts.Claims;

/// <summary>
/// Finds reported speech and who says it: quotations with their speaker before, after or around
/// them; "X said/claimed/denied (that) ..."; "according to X". A speaker is one of the article's
/// actors when a mention of one is in the speaker's words (a pronoun counts, through its chain), and
/// otherwise a described source ("LNA sources", "a diplomatic source from France") tied to the
/// actor it names. The modality comes from the cue and from hedges in what is said.
/// </summary>
public sealed partial class ClaimExtractor : IDocumentStage
{
    private const int MinQuoteWords = 4;
    private const int MinContentWords = 3;

    public string Name => "claim-extractor";

    public string Version => "4; " + SyntacticClaims.Version + "; " + Syntax.DocumentSyntax.Version;

    private static readonly SyntacticClaims FromSyntax = new();

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer> { DocumentLayer.Dependencies, DocumentLayer.Tokens, DocumentLayer.Sentences, DocumentLayer.ArticleActors };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.Claims };

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetClaims(Extract(document));
    }

    public IReadOnlyList<Claim> Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var sentences = document.Sentences!;
        var mentions = document.Actors!
            .SelectMany(a => a.Mentions.Select(m => (m.Start, m.End, a.Chain, a.Kind, m.Form)))
            .OrderBy(m => m.Start)
            .ToList();
        var allQuotes = Quotes(text);
        var quotes = allQuotes.Where(q => WordCount(text, q.Open + 1, q.Close) >= MinQuoteWords).ToList();

        // With a parse, who says what is read from it first; the surface patterns below add only
        // claims whose cue and words no claim from the parse has taken (a quotation whose speaker
        // stands in another sentence, a cue the parse did not attach).
        if (document.Dependencies is not null)
        {
            var parsed = FromSyntax.Find(new DocumentSyntax(document), quotes);
            var surface = Surface(document, text, sentences, mentions, allQuotes, quotes)
                .Where(c => !parsed.Any(p => p.CueStart < c.CueEnd && c.CueStart < p.CueEnd
                                             || p.ContentStart < c.ContentEnd && c.ContentStart < p.ContentEnd && !Inside(c.CueStart, p) && !Inside(p.CueStart, c)));
            return [.. parsed.Concat(surface).OrderBy(c => c.ContentStart).ThenBy(c => c.CueStart)];
        }

        return Surface(document, text, sentences, mentions, allQuotes, quotes);
    }

    /// <summary>A claim inside a claim ("According to X, Y said ...") keeps both speakers: neither displaces the other.</summary>
    private static bool Inside(int cue, Claim claim) => claim.ContentStart <= cue && cue < claim.ContentEnd;

    private static IReadOnlyList<Claim> Surface(Document document, string text, IReadOnlyList<Core.Documents.Nlp.Sentence> sentences,
        List<(int Start, int End, int Chain, ActorKind Kind, MentionForm Form)> mentions, List<(int Open, int Close)> allQuotes, List<(int Open, int Close)> quotes)
    {

        // “Diplomats” tell Reuters: a word in quotation marks is read as the word itself when looking for speakers.
        var plain = Unquote(text, allQuotes.Except(quotes));
        var claims = new List<Claim>();
        var usedCues = new HashSet<int>();
        var byPronoun = new HashSet<int>();

        // “warlord”, “very violent”: a word or two in quotation marks is a label, not a statement.
        foreach (var (open, close) in quotes)
        {
            var sentenceStart = SentenceAt(sentences, open).Start;
            var sentenceEnd = Math.Max(SentenceAt(sentences, close).End, close + 1);
            if (SpeakerOfQuote(plain, open, close, sentenceStart, sentenceEnd) is not { } found)
            {
                continue;
            }

            var speaker = ResolveSpeaker(plain, mentions, found.SpeakerStart, found.SpeakerEnd) ?? Previous(claims, found.SpeakerStart, found.SpeakerEnd, plain);
            if (speaker is null)
            {
                continue;
            }

            usedCues.Add(found.CueStart);
            if (speaker.Value.ByPronoun)
            {
                byPronoun.Add(claims.Count);
            }

            claims.Add(new Claim(sentenceStart, sentenceEnd, open + 1, close, found.CueStart, found.CueEnd, ClaimForm.DirectQuote,
                ModalityOf(text[found.CueStart..found.CueEnd], text[(open + 1)..close]), speaker.Value.Start, speaker.Value.End, speaker.Value.Chain, speaker.Value.Affiliation));
        }

        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var next = i + 1 < sentences.Count ? sentences[i + 1] : sentence;
            IndirectSpeech(plain, sentence.Start, sentence.End, next.End, mentions, quotes, usedCues, claims, byPronoun);
            AccordingTo(plain, sentence.Start, sentence.End, next.End, mentions, claims);
        }

        var ordered = claims.Select((c, i) => (Claim: c, ByPronoun: byPronoun.Contains(i))).OrderBy(p => p.Claim.ContentStart).ThenBy(p => p.Claim.CueStart).ToList();
        return [.. ContinueSpeakers(ordered, sentences)];
    }

    /// <summary>
    /// "“...,” he added": a pronoun that speaks right after a named speaker is that speaker, not
    /// whichever person was named last in between.
    /// </summary>
    private static IEnumerable<Claim> ContinueSpeakers(List<(Claim Claim, bool ByPronoun)> claims, IReadOnlyList<Core.Documents.Nlp.Sentence> sentences)
    {
        Claim? lastNamed = null;
        foreach (var (claim, pronoun) in claims)
        {
            if (pronoun && lastNamed is { SpeakerChain: { } chain } named && SentencesBetween(sentences, named.SentenceEnd, claim.SentenceStart) <= 2)
            {
                yield return claim with { SpeakerChain = chain };
                continue;
            }

            if (!pronoun && claim.SpeakerChain is not null)
            {
                lastNamed = claim;
            }

            yield return claim;
        }
    }

    private static int SentencesBetween(IReadOnlyList<Core.Documents.Nlp.Sentence> sentences, int from, int to)
        => sentences.Count(s => s.Start >= from && s.End <= to);

    // ---- quotations ----------------------------------------------------------------------------

    /// <summary>Pairs of quotation marks: curly “...”, or straight "..." counted in pairs within a paragraph.</summary>
    private static List<(int Open, int Close)> Quotes(string text)
    {
        var quotes = new List<(int, int)>();
        int? open = null;
        int? straight = null;
        int? doubled = null;
        for (var i = 0; i < text.Length; i++)
        {
            // ''...'': two apostrophes for a quotation mark, as some newspapers type it.
            if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                if (doubled is { } opened)
                {
                    quotes.Add((opened + 1, i));
                    doubled = null;
                }
                else
                {
                    doubled = i;
                }

                i++;
                continue;
            }

            switch (text[i])
            {
                case '“' or '«':
                    open = i;
                    break;
                case '”' or '»' when open is { } start:
                    quotes.Add((start, i));
                    open = null;
                    break;
                case '"':
                    if (straight is { } first)
                    {
                        quotes.Add((first, i));
                        straight = null;
                    }
                    else
                    {
                        straight = i;
                    }

                    break;
                case '\n':
                    open = null;
                    straight = null;
                    doubled = null;
                    break;
            }
        }

        return quotes;
    }

    private readonly record struct Found(int SpeakerStart, int SpeakerEnd, int CueStart, int CueEnd);

    private static Found? SpeakerOfQuote(string text, int open, int close, int sentenceStart, int sentenceEnd)
    {
        // After: “...,” he added. / “...,” said Mismari. / “...,” Reuters reports.
        var afterEnd = Math.Min(text.Length, Math.Max(sentenceEnd, close + 1) + 1);
        var after = text[(close + 1)..afterEnd];
        var cueFirst = CueThenSpeaker().Match(after);
        if (cueFirst.Success)
        {
            var s = cueFirst.Groups["speaker"];
            var c = cueFirst.Groups["cue"];
            return new Found(close + 1 + s.Index, close + 1 + s.Index + s.Length, close + 1 + c.Index, close + 1 + c.Index + c.Length);
        }

        var speakerFirst = SpeakerThenCue().Match(after);
        if (speakerFirst.Success)
        {
            var s = speakerFirst.Groups["speaker"];
            var c = speakerFirst.Groups["cue"];
            return new Found(close + 1 + s.Index, close + 1 + s.Index + s.Length, close + 1 + c.Index, close + 1 + c.Index + c.Length);
        }

        // Before: Ghasri said: “...” / Mismari, a spokesman for the LNA, proclaimed on Saturday, “...”
        // No part of that pattern can cross a full stop, a semicolon or a quotation mark, and it ends
        // at the quote: only the stretch after the last of them can hold it, so only that is searched
        // (the same match, without trying every earlier start).
        var before = text[sentenceStart..open];
        var stretch = before.AsSpan().LastIndexOfAny(".;“”\"") + 1;
        var lead = SpeakerCueBeforeQuote().Match(before, stretch, before.Length - stretch);
        if (lead.Success)
        {
            var s = lead.Groups["speaker"];
            var c = lead.Groups["cue"];
            return new Found(sentenceStart + s.Index, sentenceStart + s.Index + s.Length, sentenceStart + c.Index, sentenceStart + c.Index + c.Length);
        }

        return null;
    }

    // ---- reported speech -----------------------------------------------------------------------

    private static void IndirectSpeech(string text, int start, int end, int nextEnd, List<(int Start, int End, int Chain, ActorKind Kind, MentionForm Form)> mentions,
        List<(int Open, int Close)> quotes, HashSet<int> usedCues, List<Claim> claims, HashSet<int> byPronoun)
    {
        var sentence = text[start..end];
        foreach (Match cue in Cue().Matches(sentence))
        {
            var cueStart = start + cue.Index;
            var cueEnd = cueStart + cue.Length;
            if (usedCues.Contains(cueStart) || quotes.Any(q => q.Open < cueStart && cueStart < q.Close))
            {
                continue;
            }

            // "were reported fighting", "was told": passive, nobody speaks.
            if (PassiveBefore().IsMatch(text[Math.Max(start, cueStart - 12)..cueStart]))
            {
                continue;
            }

            // "News reports from Libya are often slanted", "However, reports since then indicate": a noun, not a cue.
            if (NounCue().IsMatch(cue.Value) && NounAfter().IsMatch(text, cueEnd))
            {
                continue;
            }

            // The cue ends the sentence: "..., the Libya Observer reported."
            var rest = text[cueEnd..end].Trim().TrimEnd('.', '!', '?', '"', '”', ' ');
            var clauseStart = ClauseStart(text, start, cueStart, quotes);
            int contentStart, contentEnd, speakerStart, speakerEnd;

            // "..., a spokesman claimed over the weekend." ends the sentence too.
            if (rest.Length == 0 || TimeOnly().IsMatch(rest))
            {
                var comma = text.LastIndexOf(',', cueStart - 1, cueStart - start);
                if (comma < 0)
                {
                    continue;
                }

                (speakerStart, speakerEnd) = Trimmed(text, comma + 1, cueStart);
                (contentStart, contentEnd) = Trimmed(text, start, comma);
            }
            else
            {
                (speakerStart, speakerEnd) = SubjectSpan(text, clauseStart, cueStart);
                var content = cueEnd;
                var that = ThatOrObject().Match(text, cueEnd);
                if (that.Success && that.Index == cueEnd)
                {
                    content = cueEnd + that.Length;
                }

                (contentStart, contentEnd) = Trimmed(text, content, end);

                // "Reuters reported:" and the words in the next sentence.
                if (WordCount(text, contentStart, contentEnd) < MinContentWords && text[start..end].TrimEnd().EndsWith(':') && nextEnd > end)
                {
                    (contentStart, contentEnd) = Trimmed(text, end, nextEnd);
                }
            }

            if (speakerEnd <= speakerStart || WordCount(text, contentStart, contentEnd) < MinContentWords || WordCount(text, speakerStart, speakerEnd) > 12)
            {
                continue;
            }

            var speaker = ResolveSpeaker(text, mentions, speakerStart, speakerEnd) ?? Previous(claims, speakerStart, speakerEnd, text);
            if (speaker is null)
            {
                continue;
            }

            usedCues.Add(cueStart);
            if (speaker.Value.ByPronoun)
            {
                byPronoun.Add(claims.Count);
            }

            claims.Add(new Claim(start, end, contentStart, contentEnd, cueStart, cueEnd, ClaimForm.IndirectSpeech,
                ModalityOf(cue.Value, text[contentStart..contentEnd]), speaker.Value.Start, speaker.Value.End, speaker.Value.Chain, speaker.Value.Affiliation));
        }
    }

    private static void AccordingTo(string text, int start, int end, int nextEnd, List<(int Start, int End, int Chain, ActorKind Kind, MentionForm Form)> mentions, List<Claim> claims)
    {
        var sentence = text[start..end];
        foreach (Match match in AccordingToSource().Matches(sentence))
        {
            var phraseStart = start + match.Index;
            var phraseEnd = phraseStart + match.Length;
            var source = match.Groups["speaker"];
            var sourceEnd = start + source.Index + source.Length;

            // "according to the U.S.": the dots of an abbreviation are not the sentence's end.
            while (sourceEnd + 1 < text.Length && text[sourceEnd] == '.' && char.IsUpper(text[sourceEnd - 1]) && (char.IsUpper(text[sourceEnd + 1]) || !char.IsLetter(text[sourceEnd + 1])))
            {
                sourceEnd += char.IsUpper(text[sourceEnd + 1]) ? 2 : 1;
                phraseEnd = Math.Max(phraseEnd, sourceEnd);
            }

            // "According to the official representative of the LNA, Ahmed Mismari, ...": the name after the comma.
            // The cheap bounds come first: the text between is only cut out for a name inside this
            // sentence, or a long article pays its length once per mention.
            var named = mentions.FirstOrDefault(m => m.Kind == ActorKind.Person && m.Start > sourceEnd && m.End < end && text[m.End] == ',' && text[sourceEnd..m.Start].Trim() == ",");
            Speaker? speaker;
            if (named != default && DescribedSource().IsMatch(source.Value))
            {
                phraseEnd = named.End;
                var affiliation = mentions.FirstOrDefault(m => m.Start >= start + source.Index && m.End <= sourceEnd && m.Kind is not (ActorKind.Place or ActorKind.Facility));
                speaker = new Speaker(named.Start, named.End, named.Chain, affiliation == default ? null : affiliation.Chain);
            }
            else
            {
                // "according to the Observatory": whatever follows names a source.
                var (from, to) = Trimmed(text, start + source.Index, sourceEnd);
                speaker = ResolveSpeaker(text, mentions, from, to) ?? (to > from ? new Speaker(from, to, null, null) : null);
            }

            if (speaker is null)
            {
                continue;
            }

            // The claim is the rest of the sentence, on whichever side of "according to X" it is,
            // and stops where another "according to" begins.
            var others = AccordingToSource().Matches(sentence).Select(m => start + m.Index).Where(i => i != phraseStart).ToList();
            var afterComma = phraseEnd < end && text[phraseEnd] == ',';
            int contentStart, contentEnd;
            if (phraseEnd < end && text[phraseEnd] == ':' && nextEnd > end)
            {
                // "According to the outlet:" and the words in the next sentence.
                (contentStart, contentEnd) = Trimmed(text, end, nextEnd);
            }
            else if (phraseStart - start < 3 || afterComma && WordCount(text, phraseEnd, end) >= MinContentWords)
            {
                var stop = others.Where(i => i > phraseEnd).DefaultIfEmpty(end).Min();
                (contentStart, contentEnd) = Trimmed(text, phraseEnd, stop);
                contentEnd = TrimConjunction(text, contentStart, contentEnd);
            }
            else
            {
                var from = others.Where(i => i < phraseStart).Select(i => text.IndexOf(',', i, phraseStart - i) is var comma && comma >= 0 ? comma + 1 : i).DefaultIfEmpty(start).Max();
                (contentStart, contentEnd) = Trimmed(text, from, phraseStart);
                contentEnd = TrimConjunction(text, contentStart, contentEnd);
            }

            if (WordCount(text, contentStart, contentEnd) < MinContentWords)
            {
                continue;
            }

            var cue = match.Groups["cue"];
            claims.Add(new Claim(start, end, contentStart, contentEnd, start + cue.Index, start + cue.Index + cue.Length, ClaimForm.AccordingTo,
                ModalityOf(cue.Value, text[contentStart..contentEnd]), speaker.Value.Start, speaker.Value.End, speaker.Value.Chain, speaker.Value.Affiliation));
        }
    }

    /// <summary>Where the clause with the cue begins: the sentence start, or after a semicolon, a closing quote or "but".</summary>
    private static int ClauseStart(string text, int sentenceStart, int cueStart, List<(int Open, int Close)> quotes)
    {
        var start = sentenceStart;
        for (var i = cueStart - 1; i > sentenceStart; i--)
        {
            if (text[i] == ';')
            {
                start = i + 1;
                break;
            }
        }

        foreach (var (_, close) in quotes)
        {
            if (close >= start && close < cueStart)
            {
                start = close + 1;
            }
        }

        return start;
    }

    /// <summary>
    /// The subject before a cue: "Ahmed Mismari, a spokesman for the LNA," gives Ahmed Mismari (and
    /// keeps the apposition, which names the affiliation); "On Sunday, the LNA" gives the LNA.
    /// </summary>
    private static (int Start, int End) SubjectSpan(string text, int clauseStart, int cueStart)
    {
        var (start, end) = Trimmed(text, clauseStart, cueStart);
        var region = text[start..end];

        // Drop an adverbial lead-in ("On Sunday, ", "Last week, ") and a trailing time ("on Saturday").
        var lead = LeadIn().Match(region);
        if (lead.Success)
        {
            start += lead.Length;
        }

        var trailing = TrailingTime().Match(text[start..end]);
        if (trailing.Success)
        {
            end = start + trailing.Index;
        }

        // "Sabrata Taher al-Garably, who got into the black list ..., said": the name before the relative clause.
        var relative = text.IndexOf(", who", start, end - start, StringComparison.Ordinal);
        if (relative < 0)
        {
            relative = text.IndexOf(", which", start, end - start, StringComparison.Ordinal);
        }

        if (relative > start)
        {
            end = relative;
        }

        var auxiliary = TrailingAuxiliary().Match(text[start..end]);
        if (auxiliary.Success)
        {
            end = start + auxiliary.Index;
        }

        // "After the LNA announced ...": a subordinate clause still says who spoke.
        var subordinate = Subordinator().Match(text[start..end]);
        if (subordinate.Success)
        {
            start += subordinate.Length;
        }

        return Trimmed(text, start, end);
    }

    // ---- speakers ------------------------------------------------------------------------------

    private readonly record struct Speaker(int Start, int End, int? Chain, int? Affiliation, bool ByPronoun = false);

    private static Speaker? ResolveSpeaker(string text, List<(int Start, int End, int Chain, ActorKind Kind, MentionForm Form)> mentions, int start, int end)
    {
        (start, end) = Trimmed(text, start, end);
        if (end <= start)
        {
            return null;
        }

        // Places do not speak: "the well-known specialist in modern Libya" is no claim by Libya.
        var inside = mentions.Where(m => m.Start >= start && m.End <= end && m.Kind is not (ActorKind.Place or ActorKind.Facility)).ToList();

        // "Ahmed Mismari, a spokesman for the LNA": the person speaks, the LNA is whom for. But
        // "the media close to Faiz Saraj": the media speak, close to him.
        var person = inside.FirstOrDefault(m => m.Kind == ActorKind.Person);
        var sourceFirst = SourceThenPreposition().Match(text[start..end]);
        if (person != default && sourceFirst.Success && start + sourceFirst.Index < person.Start)
        {
            return new Speaker(start, end, null, person.Chain);
        }

        if (person != default)
        {
            var affiliation = inside.FirstOrDefault(m => m.Kind != ActorKind.Person && m.Start > person.End);
            return new Speaker(person.Start, end, person.Chain, affiliation == default ? null : affiliation.Chain, person.Form == MentionForm.Pronoun);
        }

        var words = text[start..end];
        var described = DescribedSource().Match(words);
        if (described.Success)
        {
            // "LNA sources", "a diplomatic source from France": a source of its own, tied to the actor it names.
            var affiliation = inside.FirstOrDefault();
            return new Speaker(start, end, null, affiliation == default ? null : affiliation.Chain);
        }

        var actor = inside.LastOrDefault(m => m.Form != MentionForm.Description || inside.Count == 1);
        if (actor != default && WordCount(text, start, end) <= 8)
        {
            return new Speaker(start, end, actor.Chain, null);
        }

        // "The Observer", "Saiqa", "Al-Ghasri": a short name the recognizer did not find.
        if (WordCount(text, start, end) <= 5 && ShortName().IsMatch(words) && !Pronoun().IsMatch(words))
        {
            return new Speaker(start, end, null, null);
        }

        return null;
    }

    /// <summary>"It added", "He said" with no person before it: the speaker of the claim just before, if there is one.</summary>
    private static Speaker? Previous(List<Claim> claims, int start, int end, string text)
    {
        var words = text[start..end].Trim();
        if (!Pronoun().IsMatch(words) || claims.Count == 0)
        {
            return null;
        }

        var last = claims.Where(c => c.SentenceEnd <= start).OrderBy(c => c.SentenceEnd).LastOrDefault();
        if (last is null || start - last.SentenceEnd > 600)
        {
            return null;
        }

        return new Speaker(last.SpeakerStart, last.SpeakerEnd, last.SpeakerChain, last.AffiliationChain);
    }

    private static string Unquote(string text, IEnumerable<(int Open, int Close)> labels)
    {
        var characters = text.ToCharArray();
        foreach (var (open, close) in labels)
        {
            characters[open] = ' ';
            characters[close] = ' ';
        }

        return new string(characters);
    }

    private static Modality ModalityOf(string cue, string content)
    {
        var verb = cue.ToLowerInvariant();
        if (verb.StartsWith("den", StringComparison.Ordinal) || verb.StartsWith("reject", StringComparison.Ordinal) || verb.StartsWith("dismiss", StringComparison.Ordinal))
        {
            return Modality.Denied;
        }

        if (Hedge().IsMatch(content))
        {
            return Modality.Hedged;
        }

        return verb.StartsWith("claim", StringComparison.Ordinal) || verb.StartsWith("alleg", StringComparison.Ordinal) || verb.StartsWith("accus", StringComparison.Ordinal)
            ? Modality.Alleged
            : Modality.Reported;
    }

    // ---- small helpers -------------------------------------------------------------------------

    private static Core.Documents.Nlp.Sentence SentenceAt(IReadOnlyList<Core.Documents.Nlp.Sentence> sentences, int offset)
    {
        foreach (var sentence in sentences)
        {
            if (sentence.Start <= offset && offset < sentence.End)
            {
                return sentence;
            }
        }

        return sentences.LastOrDefault(s => s.Start <= offset);
    }

    /// <summary>"..., and" before the next clause is not part of what is said.</summary>
    private static int TrimConjunction(string text, int start, int end)
    {
        foreach (var conjunction in new[] { " and", " but", ", and", ", but" })
        {
            if (end - start > conjunction.Length && text.AsSpan(start, end - start).EndsWith(conjunction, StringComparison.Ordinal))
            {
                return Trimmed(text, start, end - conjunction.Length).End;
            }
        }

        return end;
    }

    private static (int Start, int End) Trimmed(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ':' or '—' or '–' or '”' or '“'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ':' or '.' or '—' or '–' or '”' or '“'))
        {
            end--;
        }

        return (start, end);
    }

    private static int WordCount(string text, int start, int end)
    {
        var count = 0;
        var inWord = false;
        for (var i = start; i < end; i++)
        {
            var letter = char.IsLetterOrDigit(text[i]);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    private const string CueWords =
        "said|says|say|added|adds|told|tells|claimed|claims|claiming|denied|denies|denying|accused|accuses|announced|announces|stated|states|" +
        "reported|reports|insisted|insists|warned|warns|alleged|alleges|confirmed|confirms|argued|argues|noted|notes|explained|explains|" +
        "proclaimed|proclaims|stressed|stresses|declared|declares|asserted|asserts|acknowledged|admitted|admits|maintained|maintains|" +
        "rejected|rejects|dismissed|wrote|writes|tweeted|posted|concluded|concludes|revealed|reveals|summarizes|summarized|continued|recalled|" +
        "suggested|emphasized|emphasised|tell";

    [GeneratedRegex(@"\b(?<cue>" + CueWords + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex Cue();

    [GeneratedRegex(@"^[\s,]*(?<cue>said|says|added|adds|told\s+[^,.;“”""]{1,40}|claimed|claims|stated|insisted|warned|explained|declared|wrote)\s+(?<speaker>[^,.;“”""]{1,80})", RegexOptions.CultureInvariant)]
    private static partial Regex CueThenSpeaker();

    [GeneratedRegex(@"^[\s,]*(?<speaker>[^,.;“”""]{1,80}?)\s+(?<cue>" + CueWords + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerThenCue();

    [GeneratedRegex(@"(?<speaker>[^.;“”""]{1,160}?)\s+(?<cue>" + CueWords + @")(?:\s+[^.;“”""]{0,60}?)?\s*[,:]?\s*(?:that\s*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerCueBeforeQuote();

    [GeneratedRegex(@"\G\s*(?:that\b|(?:[A-Z][\w.’'-]*\s+){1,4}that\b|(?:him|her|them|us|me|reporters|journalists|Reuters|AFP)\s+(?:that\b)?)", RegexOptions.CultureInvariant)]
    private static partial Regex ThatOrObject();

    [GeneratedRegex(@"(?<cue>[Aa]ccording to|[Aa]s per|[Cc]iting)\s+(?<speaker>[^,.;“”""]{2,80})", RegexOptions.CultureInvariant)]
    private static partial Regex AccordingToSource();

    [GeneratedRegex(@"\b(?:sources?|officials?|spokes(?:man|woman|person)|diplomats?|witnesses|residents|observers|analysts?|statement|report|media|activists?|commanders?|officers?|representatives?|advisers?|advisors?|specialists?|experts?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DescribedSource();

    [GeneratedRegex(@"\b(?:reportedly|allegedly|unlikely|likely|may|might|possibly|perhaps|could|apparently|supposedly|purportedly|rumou?red)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Hedge();

    [GeneratedRegex(@"^(?:over|on|last|this|late|early|earlier|later|in)\s+(?:the\s+)?(?:\w+\s+)?(?:weekend|week|day|days|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|month|year|night|morning|evening|statement)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeOnly();

    [GeneratedRegex(@"^(?:he|she|it|they|him|her|them)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"^(?:(?:the|The)\s+)?(?:[A-Z][\w’'-]*|of|for|and)(?:\s+(?:[A-Z][\w’'-]*|of|for|and))*$|\b(?:groups|organi[sz]ations|agencies|activists|monitors)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ShortName();

    [GeneratedRegex(@"^(?:reports|claims|notes|states)$", RegexOptions.CultureInvariant)]
    private static partial Regex NounCue();

    [GeneratedRegex(@"\G\s+(?:from|of|since|by|against|suggest|suggested|indicate|indicated|show|showed|say|said|are|were|have|had)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NounAfter();

    [GeneratedRegex(@"\b(?:was|were|is|are|been|being|be)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex PassiveBefore();

    [GeneratedRegex(@"(?:\s+(?:has|have|had|also|again|repeatedly|previously|later|then|immediately|not only|once|reportedly|allegedly|publicly|officially|recently|repeatedly|openly|now))+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingAuxiliary();

    [GeneratedRegex(@"^(?:After|Before|When|While|Since|Although|Though|If|As|Because|Once|Until|Even though)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Subordinator();

    [GeneratedRegex(@"\b(?:sources?|officials?|spokes(?:man|woman|person)|diplomats?|witnesses|residents|observers|analysts?|media|activists?|advisers?|advisors?|representatives?)\s+(?:close\s+to|for|of|from|in|with|to|near)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SourceThenPreposition();

    [GeneratedRegex(@"^(?:(?:On|Last|This|Earlier|Later|Late|On\s+\w+)\b[^,]{0,40},\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"\s+(?:on|last|this|late|early)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening)\b.*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingTime();
}
