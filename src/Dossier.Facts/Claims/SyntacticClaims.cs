using Dossier.Core.Actors;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Facts;
using Dossier.Facts.Syntax;
using Dossier.Nlp.Lexicons;

namespace Dossier.Facts.Claims;

/// <summary>
/// Who says what, read from the dependency parse. The speaker is the subject of a speech or
/// cognition verb (<c>speech-cues.tsv</c>), followed through control ("France ..., claiming"),
/// coordination ("said ... and added") and relative clauses; the by-phrase of a passive ("it was
/// reported by X"); the object of "according to"; the possessor or by-phrase of a reporting noun
/// ("X's statement that ..."). What is said is the verb's clausal complement, the quotation it
/// introduces or stands beside, or, for "deny", "call" and "accuse", its object and what follows.
/// A pronoun or a description speaks for the actor the linker joined it to.
/// </summary>
public sealed class SyntacticClaims
{
    private const int MinContentTokens = 2;
    private const int MaxSpeakerTokens = 14;

    private static readonly Lexicon CueTable = Lexicon.Named("speech-cues");
    private static readonly Lexicon HedgeTable = Lexicon.Named("hedges");
    private static readonly Lexicon SourceTable = Lexicon.Named("source-nouns");
    // Verbs of saying something aloud or in writing, whose subject speaks whatever it is; the other
    // cues (show, indicate, suggest, believe ...) need a speaker that can hold a view. "according
    // to" is no verb, but gives what it introduces to whoever it names, as a speaker's label and its
    // colon do ("PENCE: ...").
    private static readonly HashSet<string> SaysAloud = new(Traited("aloud").Append("according").Append(":"), StringComparer.Ordinal);

    private static readonly HashSet<string> TimeNouns = new(["week", "day", "month", "year", "time", "night", "morning", "evening", "afternoon", "weekend", "hour", "minute",
        "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], StringComparer.Ordinal);

    private static readonly HashSet<string> SourceNouns = new(SourceTable.Words, StringComparer.Ordinal);

    private static readonly Dictionary<string, Modality> VerbCues = Cues("verb");
    private static readonly Dictionary<string, Modality> NounCues = Cues("noun");
    private static readonly HashSet<string> VerbLemmas = new(VerbCues.Keys, StringComparer.Ordinal);
    private static readonly HashSet<string> NounLemmas = new(NounCues.Keys, StringComparer.Ordinal);
    private static readonly HashSet<string> Hedges = new(HedgeTable.Words, StringComparer.Ordinal);

    // Verbs whose object is what is said: "denied the report", "called him a criminal", "accused X of Y".
    private static readonly HashSet<string> ObjectIsSaid = new(Traited("object"), StringComparer.Ordinal);

    /// <summary>The verb cues whose fourth column names <paramref name="trait"/>.</summary>
    private static IEnumerable<string> Traited(string trait)
        => CueTable.Rows.Where(r => r.Length > 3 && r[2] == "verb" && r[3].Split(',').Contains(trait)).Select(r => r[0]);

    public static string Version => Lexicon.VersionOf(CueTable, HedgeTable, SourceTable) + ";" + WordForms.Version;

    public IReadOnlyList<Claim> Find(DocumentSyntax syntax, IReadOnlyList<(int Open, int Close)> quotes)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(quotes);
        var claims = new List<Claim>();
        foreach (var sentence in syntax.Document.Sentences!)
        {
            for (var t = sentence.TokenStart; t < sentence.TokenEnd; t++)
            {
                if (!syntax.IsParsed(t))
                {
                    continue;
                }

                var claim = AccordingTo(syntax, sentence, t) ?? Verb(syntax, sentence, t, quotes) ?? Noun(syntax, sentence, t, quotes)
                    ?? Labelled(syntax, sentence, t) ?? Signed(syntax, sentence, t, quotes);
                if (claim is not null)
                {
                    claims.Add(claim);
                }
            }
        }

        return claims;
    }

    private static Claim? Verb(DocumentSyntax syntax, Sentence sentence, int cue, IReadOnlyList<(int Open, int Close)> quotes)
    {
        if (syntax.Upos[cue] is not ("VERB" or "AUX") || WordForms.LemmaIn(syntax.Word(cue), VerbLemmas) is not { } lemma)
        {
            return null;
        }

        var negated = syntax.IsNegated(cue);
        var modality = VerbCues[lemma];
        if (negated && modality != Modality.Denied)
        {
            return null;
        }

        // The speaker: the by-phrase of a passive ("was reported by"), else the subject, shared through control and coordination.
        var passive = syntax.IsPassive(cue);
        var speakers = passive ? syntax.Agents(cue).ToList() : syntax.Subjects(cue).ToList();

        // "X was quoted as saying": the one quoted speaks.
        if (speakers.Count == 0 && syntax.Relation(cue) is "advcl" or "xcomp" && syntax.Head(cue) is var quoted and >= 0 && syntax.IsPassive(quoted))
        {
            speakers = [.. syntax.PassiveSubjects(quoted)];
        }

        // “...,” Rep. X (D-Wis.) said; "... the Washington Post Trump said that ...": a cue the parse
        // left with no subject speaks for the name just before it.
        if (speakers.Count == 0 && !passive && NameJustBefore(syntax, sentence, cue) is { } before)
        {
            speakers = [before];
        }

        if (speakers.Count == 0)
        {
            return null;
        }

        // "But many Democrats say": of several subjects, the one that can speak.
        var aloud = WordForms.LemmaIn(syntax.Word(cue), SaysAloud) is not null;
        if (speakers.FindIndex(s => CanSpeak(syntax, s, aloud)) is > 0 and var speaking)
        {
            speakers = [speakers[speaking], .. speakers.Where((_, i) => i != speaking)];
        }

        // "I think ...", "you know": a view held in the first or second person is the speaker's own
        // hedge inside what someone says, not a claim of its own.
        if (!aloud && syntax.Lower(speakers[0]) is "i" or "you")
        {
            return null;
        }

        var beside = QuoteBeside(syntax, sentence, cue, quotes);
        var clause = Content(syntax, cue, lemma);

        // "X reports that the team avoided ... to “keep it under wraps”": the clause the cue opens
        // before the quotation is what is said, and the quotation only its last words.
        var content = beside is { } quote && clause is { } opened && opened.First < quote.First && opened.Last >= quote.First
                      && ClauseOpensBefore(syntax, cue, quote.First)
            ? clause
            : beside ?? clause ?? NextSentence(syntax, sentence, cue) ?? ClauseBefore(syntax, sentence, cue, speakers[0]);

        // “...,” Rep. X said Friday: a quotation's speaker the parse missed is the name before its cue.
        if (beside is not null && !CanSpeak(syntax, speakers[0], aloud: true) && SpeakerBeforeCue(syntax, sentence, cue) is { } named)
        {
            speakers = [named];
        }
        if (content is not { } span)
        {
            return null;
        }

        return Make(syntax, sentence, span, cue, cue, speakers[0], negated ? Modality.Denied : modality, quotes);
    }

    /// <summary>What a cue verb introduces: its clause, the quotation beside it, or its object.</summary>
    private static (int First, int Last)? Content(DocumentSyntax syntax, int cue, string lemma)
    {
        var clause = syntax.ChildrenWith(cue, "ccomp", "parataxis", "csubj").FirstOrDefault(-1);
        if (clause >= 0)
        {
            return syntax.SubtreeTokens(clause);
        }

        // "said (via email) that ..." where the parse hung "that" elsewhere: the rest of the sentence is said.
        var sentence = syntax.SentenceOf(cue);
        for (var t = cue + 1; t < sentence.TokenEnd && t <= cue + 8; t++)
        {
            if (syntax.Upos[t] is "VERB" or "AUX")
            {
                break;
            }

            if (syntax.Lower(t) == "that" && t + 1 < sentence.TokenEnd)
            {
                return (t + 1, sentence.TokenEnd - 1);
            }
        }

        // “We have won,” he said: the cue hangs on the quoted clause.
        if (syntax.Relation(cue) is "parataxis" && syntax.Head(cue) is var said and >= 0)
        {
            var (first, last) = syntax.SubtreeTokens(said);
            var (cueFirst, cueLast) = syntax.SubtreeTokens(cue);
            return cueFirst > said ? (first, cueFirst - 1) : (cueLast + 1, last);
        }

        // "The town fell, as officials have said": a cue brought in by ", as" and saying nothing of its
        // own ("as we understood it" has its object) says the clause it hangs on.
        if (syntax.Relation(cue) is "advcl" && syntax.Head(cue) is var main and >= 0 && main < cue
            && syntax.Children(cue).Any(c => c < cue && syntax.Relation(c) == "mark" && syntax.Lower(c) == "as" && c > 0 && syntax.Word(c - 1) == ",")
            && !syntax.Children(cue).Any(c => syntax.Relation(c) is "obj" or "ccomp" or "xcomp" or "obl"))
        {
            var (mainFirst, _) = syntax.SubtreeTokens(main);
            var (cueFirst, _) = syntax.SubtreeTokens(cue);
            return (mainFirst, cueFirst - 1);
        }

        // "warned of ...", "accused X of ...", "called him a criminal", "denied the report".
        if (ObjectIsSaid.Contains(lemma))
        {
            var parts = syntax.Children(cue).Where(c => syntax.Relation(c) is "obj" or "xcomp" or "obl" && c > cue
                                                         && (syntax.Relation(c) != "obl" || AboutWhat(syntax, c))).ToList();
            if (parts.Count > 0)
            {
                // "spoke of the war": the preposition is the cue's, not what is said.
                var spans = parts.Select(syntax.SubtreeTokens)
                    .Select((span, i) => syntax.Relation(parts[i]) == "obl" && syntax.Relation(span.First) == "case" && span.First < span.Last ? (First: span.First + 1, span.Last) : span)
                    .ToList();
                return (spans.Min(s => s.First), spans.Max(s => s.Last));
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an oblique names what is said: "warned of", "called for", "spoke about",
    /// "commented on the deal"; not "on Tuesday".
    /// </summary>
    private static bool AboutWhat(DocumentSyntax syntax, int oblique) =>
        syntax.Children(oblique).Any(k => syntax.Lower(k) is "of" or "for" or "about" || syntax.Lower(k) == "on" && !TimeNouns.Contains(syntax.Lower(oblique)))
        && syntax.MentionOf(oblique) is not { Kind: ActorKind.Place or ActorKind.Facility };

    /// <summary>
    /// “...,” said X / X said: “...”: a quotation that ends just before the cue's clause, or opens
    /// just after it, is what is said, whatever the parse made of the words in it.
    /// </summary>
    private static (int First, int Last)? QuoteBeside(DocumentSyntax syntax, Sentence sentence, int cue, IReadOnlyList<(int Open, int Close)> quotes)
    {
        var (clauseFirst, clauseLast) = syntax.SubtreeTokens(cue);
        var start = syntax.Tokens[cue].Start;
        foreach (var (open, close) in quotes)
        {
            // “... ?” Graham asked.: the splitter ends a sentence with a quotation's last mark, so the
            // quotation may close the sentence before the cue's, with only spaces between them.
            if (close < start && (close >= sentence.Start - 1 || close < sentence.Start && syntax.Text.AsSpan(close + 1, sentence.Start - close - 1).IsWhiteSpace()
                                                                  && !syntax.Children(cue).Any(c => c > cue && syntax.Relation(c) is "ccomp" or "xcomp" or "obj" or "parataxis" or "csubj"))
                && SpeakerRun(syntax, close, cue))
            {
                return TokensIn(syntax, open + 1, close);
            }

            // X proclaimed on Saturday, after the call, “...”: the first quotation after the cue in its
            // sentence, with no other cue between them.
            if (open > syntax.Tokens[cue].End && open < sentence.End && open - syntax.Tokens[cue].End <= 120
                && !Enumerable.Range(cue + 1, Math.Max(0, syntax.FirstTokenAt(open) - cue - 1)).Any(t => WordForms.LemmaIn(syntax.Word(t), VerbLemmas) is not null))
            {
                return TokensIn(syntax, open + 1, close);
            }
        }

        return null;
    }

    /// <summary>Whether the cue's clausal complement, or a "that" opening one, starts between the cue and a token after it.</summary>
    private static bool ClauseOpensBefore(DocumentSyntax syntax, int cue, int token) =>
        syntax.ChildrenWith(cue, "ccomp").Any(c => c < token)
        || Enumerable.Range(cue + 1, Math.Max(0, token - cue - 1)).Any(t => syntax.Lower(t) == "that" && syntax.Upos[t] == "SCONJ");

    /// <summary>Whether only a speaker's words stand between a quotation's end and its cue: “...,” Rep. X (D-Wis.) said.</summary>
    private static bool SpeakerRun(DocumentSyntax syntax, int close, int cue)
    {
        var first = syntax.FirstTokenAt(close + 1);
        if (cue - first > 12)
        {
            return false;
        }

        for (var t = first; t < cue; t++)
        {
            if (syntax.MentionOf(t) is null && syntax.Upos[t] is "VERB" or "AUX" or "SCONJ" or "CCONJ" && syntax.Word(t) is not ("’s" or "'s"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The speaker named between a quotation and its cue when the parse gives none that can speak: the last actor or name there.</summary>
    private static int? SpeakerBeforeCue(DocumentSyntax syntax, Sentence sentence, int cue)
    {
        for (var t = cue - 1; t >= sentence.TokenStart && t >= cue - 12; t--)
        {
            if (syntax.Upos[t] is "VERB" or "AUX" || syntax.Word(t) is "”" or "\"" or "’")
            {
                break;
            }

            if (syntax.MentionOf(t) is { Kind: not (ActorKind.Place or ActorKind.Facility) } || syntax.Upos[t] is "PROPN" or "PRON" && !TimeNouns.Contains(syntax.Lower(t)))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>The name or pronoun just before a cue, past a parenthesis ("Moore (D-Wis.)") and an adverb ("Trump also said").</summary>
    private static int? NameJustBefore(DocumentSyntax syntax, Sentence sentence, int cue)
    {
        var t = cue - 1;
        if (t >= sentence.TokenStart && syntax.Word(t) == ")")
        {
            while (t >= sentence.TokenStart && syntax.Word(t) != "(")
            {
                t--;
            }

            t--;
        }

        while (t >= sentence.TokenStart && syntax.Upos[t] is "ADV" && t > cue - 4)
        {
            t--;
        }

        return t >= sentence.TokenStart && (syntax.MentionOf(t) is { Kind: not (ActorKind.Place or ActorKind.Facility) } || syntax.Upos[t] is "PROPN"
                                             || syntax.Lower(t) is "he" or "she" or "they" or "we" or "i")
               && !TimeNouns.Contains(syntax.Lower(t))
            ? t
            : null;
    }

    private static (int First, int Last)? TokensIn(DocumentSyntax syntax, int start, int end)
    {
        var first = syntax.FirstTokenAt(start);
        var last = first;
        while (last + 1 < syntax.Tokens.Count && syntax.Tokens[last + 1].End <= end)
        {
            last++;
        }

        return last >= first ? (first, last) : null;
    }

    /// <summary>"..., sources said.": the clause before the comma that opens the speaker's words.</summary>
    private static (int First, int Last)? ClauseBefore(DocumentSyntax syntax, Sentence sentence, int cue, int speaker)
    {
        var (speakerFirst, _) = syntax.SubtreeTokens(speaker);
        var comma = speakerFirst - 1;
        if (speaker > cue || comma <= sentence.TokenStart || syntax.Word(comma) is not ("," or "—" or "–") || syntax.Head(cue) >= 0 && syntax.Relation(cue) != "parataxis")
        {
            return null;
        }

        return (sentence.TokenStart, comma - 1);
    }

    /// <summary>"X continued:" and what is said in the next sentence.</summary>
    private static (int First, int Last)? NextSentence(DocumentSyntax syntax, Sentence sentence, int cue)
    {
        var after = cue + 1;
        if (after >= sentence.TokenEnd || syntax.Word(after) != ":" || after + 1 < sentence.TokenEnd && syntax.Upos[after + 1] != "PUNCT")
        {
            return null;
        }

        var next = syntax.Document.Sentences!.FirstOrDefault(s => s.TokenStart >= sentence.TokenEnd);
        return next.TokenEnd > next.TokenStart ? (next.TokenStart, next.TokenEnd - 1) : null;
    }

    /// <summary>"PENCE: Well, look ...", "Poll: Wealthy voters ...": a name or source opening a sentence, then a colon.</summary>
    private static Claim? Labelled(DocumentSyntax syntax, Sentence sentence, int colon)
    {
        if (syntax.Word(colon) != ":" || colon == sentence.TokenStart || colon - sentence.TokenStart > 4 || colon + 2 >= sentence.TokenEnd)
        {
            return null;
        }

        var head = colon - 1;
        for (var t = sentence.TokenStart; t < colon; t++)
        {
            // "Libya: ..." heads a story about a place; a place does not speak.
            if (syntax.MentionOf(t) is { Kind: ActorKind.Place or ActorKind.State or ActorKind.Facility })
            {
                return null;
            }

            // "Pence: ...": one or two capitalized words alone before the colon name the speaker, whatever the tagger made of them.
            var name = syntax.Upos[t] == "PROPN" || syntax.MentionOf(t) is not null || syntax.Word(t).All(c => !char.IsLetter(c) || char.IsUpper(c))
                       || (colon - sentence.TokenStart <= 2 && char.IsUpper(syntax.Word(t)[0]));
            var source = syntax.Upos[t] == "NOUN" && WordForms.LemmaIn(syntax.Word(t), SourceNouns) is not null;
            if (!name && !source && syntax.Upos[t] is not ("PUNCT" or "DET"))
            {
                return null;
            }
        }

        return Make(syntax, sentence, (colon + 1, sentence.TokenEnd - 1), colon, colon, head, Modality.Reported, []);
    }

    /// <summary>“...” ― Name: a quotation signed with a dash and a name.</summary>
    private static Claim? Signed(DocumentSyntax syntax, Sentence sentence, int dash, IReadOnlyList<(int Open, int Close)> quotes)
    {
        if (syntax.Word(dash) is not ("―" or "—" or "–" or "-") || dash + 1 >= sentence.TokenEnd)
        {
            return null;
        }

        var start = syntax.Tokens[dash].Start;
        var quote = quotes.LastOrDefault(q => q.Close < start && start - q.Close <= 2);
        if (quote == default)
        {
            return null;
        }

        var last = sentence.TokenEnd - 1;
        while (last > dash && syntax.Upos[last] == "PUNCT")
        {
            last--;
        }

        if (last == dash || last - dash > 5 || Enumerable.Range(dash + 1, last - dash).Any(t => syntax.Upos[t] is not ("PROPN" or "PUNCT" or "NOUN" or "ADJ")))
        {
            return null;
        }

        var content = TokensIn(syntax, quote.Open + 1, quote.Close);
        return content is null ? null : Make(syntax, sentence, content.Value, dash, dash, last, Modality.Reported, quotes, ClaimForm.DirectQuote);
    }

    /// <summary>"according to X": X speaks; what is said is the clause the phrase hangs on.</summary>
    private static Claim? AccordingTo(DocumentSyntax syntax, Sentence sentence, int cue)
    {
        if (syntax.Lower(cue) != "according" || cue + 1 >= sentence.TokenEnd || syntax.Lower(cue + 1) != "to")
        {
            return null;
        }

        // In the parse, "according to" is the case marker of the source, which hangs on the clause;
        // when the parse put it otherwise, the source is the noun right after it that it governs or hangs on.
        var source = -1;
        for (var t = cue + 2; t < sentence.TokenEnd && source < 0; t++)
        {
            if (syntax.Upos[t] is "NOUN" or "PROPN" or "PRON" && (syntax.Head(cue) == t || syntax.Head(cue + 1) == t || syntax.Head(t) == cue || syntax.Head(t) == cue + 1))
            {
                source = t;
            }
        }

        if (source < 0)
        {
            return null;
        }

        var (_, sourceLast) = syntax.SubtreeTokens(source);
        sourceLast = Math.Min(sourceLast, LastBeforeComma(syntax, sentence, cue + 2));

        // "According to X, ..." says what follows; "..., according to X." what comes before.
        var content = cue <= sentence.TokenStart + 1
            ? (sourceLast + 1, sentence.TokenEnd - 1)
            : (sentence.TokenStart, cue - 1);
        return Make(syntax, sentence, content, cue, cue + 1, source, Modality.Reported, [], ClaimForm.AccordingTo);
    }

    /// <summary>The last token before the next comma (or the sentence's end) from <paramref name="from"/>.</summary>
    private static int LastBeforeComma(DocumentSyntax syntax, Sentence sentence, int from)
    {
        for (var t = from; t < sentence.TokenEnd; t++)
        {
            if (syntax.Word(t) is "," or ":" or ";")
            {
                return t - 1;
            }
        }

        return sentence.TokenEnd - 1;
    }

    /// <summary>"X's statement that ...", "a statement by X that ...".</summary>
    private static Claim? Noun(DocumentSyntax syntax, Sentence sentence, int cue, IReadOnlyList<(int Open, int Close)> quotes)
    {
        if (syntax.Upos[cue] is not "NOUN" || WordForms.LemmaIn(syntax.Word(cue), NounLemmas) is not { } lemma)
        {
            return null;
        }

        var clause = syntax.Children(cue).Where(c => syntax.Relation(c) is "acl" or "ccomp" or "appos" && c > cue
                                                     && syntax.Children(c).Any(k => syntax.Lower(k) == "that" || syntax.Relation(k) is "nsubj" or "nsubj:pass")).FirstOrDefault(-1);
        if (clause < 0)
        {
            return null;
        }

        var speaker = syntax.ChildrenWith(cue, "nmod:poss").Concat(syntax.PrepositionalObjects(cue, "by")).Concat(syntax.PrepositionalObjects(cue, "from")).FirstOrDefault(-1);
        if (speaker < 0)
        {
            return null;
        }

        return Make(syntax, sentence, syntax.SubtreeTokens(clause), cue, cue, speaker, NounCues[lemma], quotes);
    }

    private static Claim? Make(DocumentSyntax syntax, Sentence sentence, (int First, int Last) content, int cueFirst, int cueLast, int speaker,
        Modality modality, IReadOnlyList<(int Open, int Close)> quotes, ClaimForm? form = null)
    {
        var (first, last) = content;
        while (first <= last && IsEdge(syntax, first))
        {
            first++;
        }

        while (last >= first && IsEdge(syntax, last))
        {
            last--;
        }

        if (last - first + 1 < MinContentTokens)
        {
            return null;
        }

        var contentStart = syntax.Tokens[first].Start;
        var contentEnd = syntax.Tokens[last].End;

        // A quotation that runs on past this sentence is said whole: “A. B,” he said.
        var quote = quotes.FirstOrDefault(q => q.Open < contentStart && contentStart <= q.Close + 1 && contentEnd <= q.Close + 1);
        var quoted = quote != default && syntax.Text.AsSpan(quote.Open + 1, contentStart - quote.Open - 1).Trim().Length <= 1;
        if (quote != default && quoted)
        {
            contentStart = quote.Open + 1;
            contentEnd = quote.Close;
        }
        else if (quotes.FirstOrDefault(q => q.Open < contentEnd && contentEnd <= q.Close && q.Open >= contentStart - 1) is var tail && tail != default)
        {
            quoted = true;
            contentEnd = tail.Close;
        }

        // "reported that Trump “recognized X's role”": a clause that holds the speaker's own words
        // in quotation marks quotes them, in part.
        quoted = quoted || quotes.Any(q => contentStart <= q.Open && q.Close < contentEnd);

        if (!CanSpeak(syntax, speaker, SaysAloud.Contains(syntax.Lower(cueFirst)) || WordForms.LemmaIn(syntax.Word(cueFirst), SaysAloud) is not null))
        {
            return null;
        }

        var (speakerStart, speakerEnd, chain, affiliation) = Speaker(syntax, speaker);
        if (speakerEnd <= speakerStart)
        {
            return null;
        }

        var text = syntax.Text[contentStart..contentEnd];
        if (modality is Modality.Reported or Modality.Alleged && text.Split(' ').Any(w => Hedges.Contains(w.ToLowerInvariant())))
        {
            modality = Modality.Hedged;
        }

        var cueStart = syntax.Tokens[cueFirst].Start;
        var cueEnd = syntax.Tokens[cueLast].End;
        var sentenceStart = Math.Min(sentence.Start, contentStart);
        var sentenceEnd = Math.Max(sentence.End, contentEnd);
        return new Claim(sentenceStart, sentenceEnd, contentStart, contentEnd, cueStart, cueEnd,
            form ?? (quoted ? ClaimForm.DirectQuote : ClaimForm.IndirectSpeech), modality, speakerStart, speakerEnd, chain, affiliation);
    }

    /// <summary>
    /// Whether a speaker's head word can speak: an actor's mention, a personal pronoun, a name, or a
    /// noun of <c>source-nouns.tsv</c> ("officials", "the statement"); not "the attempts", "last week".
    /// </summary>
    private static bool CanSpeak(DocumentSyntax syntax, int head, bool aloud)
    {
        if (TimeNouns.Contains(syntax.Lower(head)))
        {
            return false;
        }

        if (syntax.MentionOf(head) is not null)
        {
            return true;
        }

        return syntax.Upos[head] switch
        {
            "PRON" => syntax.Lower(head) is "he" or "she" or "they" or "we" or "i" or "it" or "you" or "who" or "one" or "both" or "some" or "others" or "many",
            "PROPN" => true,
            // "Nearly eight of 10 voters say": a number speaks for the nouns it counts.
            "NUM" => syntax.ChildrenWith(head, "nmod").Any(c => CanSpeak(syntax, c, aloud)),
            // "the bank said": whatever says something aloud speaks; "the attempts indicate" does not.
            "NOUN" => aloud || WordForms.LemmaIn(syntax.Word(head), SourceNouns) is not null,
            _ => false,
        };
    }

    private static bool IsEdge(DocumentSyntax syntax, int token)
        => syntax.Upos[token] == "PUNCT" || syntax.Lower(token) is "that" && syntax.Relation(token) == "mark";

    /// <summary>
    /// The speaker's words (its phrase, less a relative clause), the actor it is (its own mention,
    /// or the mention of the noun qualified: "LNA sources"), and the actor it speaks for ("a
    /// spokesman for the LNA").
    /// </summary>
    private static (int Start, int End, int? Chain, int? Affiliation) Speaker(DocumentSyntax syntax, int head)
    {
        var (first, last) = syntax.SubtreeTokens(head);

        // "campaign spokeswoman Jane Roe said": a title the parse took for the head leaves out the
        // name right after it, which is who speaks.
        if (syntax.Upos[head] == "NOUN" && last == head)
        {
            var end = syntax.SentenceOf(head).TokenEnd;
            while (last + 1 < end && syntax.Upos[last + 1] == "PROPN" && !TimeNouns.Contains(syntax.Lower(last + 1)) && syntax.Head(last + 1) != head)
            {
                last++;
            }
        }

        // "PENCE: Well, look, ...": a colon ends a speaker's name, whatever the parse hung after it.
        for (var t = head + 1; t <= last; t++)
        {
            if (syntax.Word(t) == ":")
            {
                last = t - 1;
                break;
            }
        }

        for (var t = head - 1; t >= first; t--)
        {
            if (syntax.Word(t) == ":")
            {
                first = t + 1;
                break;
            }
        }

        foreach (var clause in syntax.ChildrenWith(head, "acl:relcl", "acl", "parataxis"))
        {
            var (clauseFirst, _) = syntax.SubtreeTokens(clause);
            if (clauseFirst > head)
            {
                last = Math.Min(last, clauseFirst - 1);
            }
        }

        if (last - first + 1 > MaxSpeakerTokens)
        {
            first = Math.Max(first, head - 4);
            last = Math.Min(last, head + 4);
        }

        while (last > first && syntax.Upos[last] == "PUNCT")
        {
            last--;
        }

        // "Rep. Jim Clyburn (D-S.C.), the leader ...": a bracket the span opens and does not close is cut with what follows it.
        var opened = -1;
        for (var t = first; t <= last; t++)
        {
            opened = syntax.Word(t) == "(" ? t : syntax.Word(t) == ")" ? -1 : opened;
        }

        if (opened > head)
        {
            last = opened - 1;
        }

        // "according to LNA sources": the preposition is not the speaker's name.
        while (first < head && (syntax.Upos[first] == "PUNCT" || syntax.Relation(first) is "case" or "fixed" or "mark" or "cc"))
        {
            first++;
        }

        var own = syntax.MentionOf(head);
        int? chain = own is { } mention && mention.Kind is not (ActorKind.Place or ActorKind.Facility) ? mention.Chain : null;
        int? affiliation = null;
        for (var t = first; t <= last; t++)
        {
            if (syntax.MentionOf(t) is { } other && other.Chain != chain && other.Kind is not (ActorKind.Place or ActorKind.Facility))
            {
                // "LNA sources", "a diplomatic source from France": the source is its own, tied to the actor it names.
                affiliation ??= other.Chain;
            }
        }

        // "Mismari, a spokesman for the LNA": the person speaks; "the LNA said": the group itself.
        if (chain is null && affiliation is { } named && syntax.ActorOf(head) is { } qualified && qualified.Chain == named
            && syntax.Upos[head] == "PROPN")
        {
            (chain, affiliation) = (named, null);
        }

        return (syntax.Tokens[first].Start, syntax.Tokens[last].End, chain, affiliation);
    }

    private static Dictionary<string, Modality> Cues(string partOfSpeech)
    {
        var cues = new Dictionary<string, Modality>(StringComparer.Ordinal);
        foreach (var row in CueTable.Rows.Where(r => r.Length >= 3 && r[2] == partOfSpeech))
        {
            cues[row[0]] = row[1] switch
            {
                "alleged" => Modality.Alleged,
                "denied" => Modality.Denied,
                "hedged" => Modality.Hedged,
                _ => Modality.Reported,
            };
        }

        return cues;
    }
}
