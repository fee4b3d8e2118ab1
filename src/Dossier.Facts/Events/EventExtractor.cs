using System.Text.RegularExpressions;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Pipeline;
using Dossier.Facts.Syntax;
using Dossier.Nlp.Extraction;

namespace Dossier.Facts.Events;

/// <summary>
/// Finds events sentence by sentence: a trigger word gives the type ("attacked", "shelling",
/// "seized", "escape"), the sentence's time expression the date (resolved against the publication
/// date), its place actor the place, the actors before and after the trigger the agents and targets
/// ("by X" makes X the agent), and counts next to "killed", "wounded", "displaced" or "kidnapped" the
/// numbers, with their words. A sentence inside a claim keeps that claim, so the event is attributed
/// to whoever said it. "The attack" in the next sentence continues the event before it.
/// </summary>
public sealed partial class EventExtractor : IDocumentStage
{
    public string Name => "event-extractor";

    public string Version => "7; " + SyntacticEvents.Version + "; " + Syntax.DocumentSyntax.Version;

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer> { DocumentLayer.Dependencies, DocumentLayer.Sentences, DocumentLayer.ArticleActors, DocumentLayer.Claims };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.Events };

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetEvents(Extract(document));
    }

    private static readonly (Regex Trigger, EventType Type)[] Triggers =
    [
        (new Regex(@"\b(?:air ?strikes?|air raids?|airstrikes?|drone strikes?|shell(?:ed|ing|s)|bomb(?:ed|ing|ings|arded|ardment)|struck|artillery fire|rocket fire)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.AirstrikeOrShelling),
        (new Regex(@"\b(?:clash(?:es|ed)?|fighting|fought|battles?|firefights?|exchange of fire|skirmish(?:es)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.ArmedClash),
        (new Regex(@"\b(?:attack(?:s|ed|ing)?|ambush(?:ed|es)?|assault(?:s|ed)?|raid(?:s|ed)?|offensive|counter-offensive|shot down)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.Attack),
        (new Regex(@"\b(?:captur(?:ed|e)|seiz(?:ed|e|ing)|took control|taken control|take control|recaptur(?:ed|e)|overr?an|liberat(?:ed|ion)|fell to|conquer(?:ed|ing)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.Capture),
        (new Regex(@"\b(?:abduct(?:ed|ion)|kidnapp(?:ed|ing)|taken hostage|hostages?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.Abduction),
        (new Regex(@"\b(?:arrest(?:ed|s)?|detain(?:ed)?|arrest warrants?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.Arrest),
        (new Regex(@"\b(?:displaced|fled (?:their|the) homes|refugees)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.Displacement),
        (new Regex(@"\b(?:escaped?|breakout|broke out of|broke through|jailbreak)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.Escape),
        (new Regex(@"\b(?:met with|meeting|talks|summit|negotiations|peace conference)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.Meeting),
        (new Regex(@"\b(?:phone call|telephone call|call with|phoned|telephoned|spoke by phone)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.PhoneCall),
        (new Regex(@"\b(?:killed|executed|assassinated|massacred?|beheaded|eliminated|slain)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), EventType.Killing),
    ];

    public IReadOnlyList<ReportedEvent> Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var published = document.Metadata.Published is { } date ? date.Date : (DateOnly?)null;
        var latestYear = published is null ? DateExpressionResolver.LatestYear(text) : null;
        var mentions = document.Actors!
            .SelectMany(a => a.Mentions.Where(m => m.Form != MentionForm.Description).Select(m => (m.Start, m.End, a.Chain, a.Kind)))
            .OrderBy(m => m.Start)
            .ToList();
        var claims = document.Claims ?? [];
        var events = new List<ReportedEvent>();
        var syntax = document.Dependencies is null ? null : new DocumentSyntax(document);
        foreach (var sentence in document.Sentences!)
        {
            var words = text[sentence.Start..sentence.End];
            var trigger = FindTrigger(words);
            if (trigger is null)
            {
                continue;
            }

            var (type, triggerIndex, triggerLength) = trigger.Value;
            var triggerToken = syntax is null ? null : SyntacticEvents.TriggerToken(syntax, sentence.Start + triggerIndex, sentence.Start + triggerIndex + triggerLength);

            // "To attack Tripoli, Haftar needs allies", "will decide on a direct clash", "fighting
            // terrorism": what may happen, or a manner of speaking, is no event.
            // "money for fighting on the side of the GNA": a purpose, not a report.
            var purpose = words.AsSpan(triggerIndex, triggerLength).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                          && words.AsSpan(0, triggerIndex).TrimEnd().EndsWith(" for", StringComparison.OrdinalIgnoreCase);
            var unreal = triggerToken is { } parsed
                ? SyntacticEvents.NotHappened(syntax!, parsed)
                : Irrealis().IsMatch(words[Math.Max(0, triggerIndex - 90)..triggerIndex]);
            if (purpose || unreal || NotCombat().IsMatch(words[triggerIndex..]))
            {
                continue;
            }

            var triggerStart = sentence.Start + triggerIndex;
            var triggerEnd = triggerStart + triggerLength;
            var inSentence = mentions.Where(m => m.Start >= sentence.Start && m.End <= sentence.End).ToList();
            var counts = Counts(words, sentence.Start);
            var time = DateExpressionResolver.FindAll(words, published, latestYear).FirstOrDefault();

            // "After the attack against the US consulate", "Haftar's offensive": a noun after a
            // determiner names an event told elsewhere, unless this sentence gives it a date or a toll.
            // "The escape of an ISIS convoy from Benghazi" tells the event itself: its parties follow.
            if (time is null && counts.Count == 0 && ReferenceBefore().IsMatch(words[Math.Max(0, triggerIndex - 25)..triggerIndex])
                && EventNoun().IsMatch(words.AsSpan(triggerIndex, triggerLength).ToString())
                && !words[(triggerIndex + triggerLength)..].StartsWith(" of ", StringComparison.Ordinal))
            {
                continue;
            }
            var place = Place(text, inSentence, type, triggerEnd);
            var claim = claims.Select((c, i) => (c, i)).Where(p => p.c.ContentStart <= triggerStart && triggerEnd <= p.c.ContentEnd).Select(p => (int?)p.i).FirstOrDefault();

            // Who says it is not, by saying it, a party to it; nor is the place.
            var speaker = claim is { } index ? claims[index].SpeakerChain : null;
            var (agents, targets) = triggerToken is { } token
                ? SyntacticEvents.Participants(syntax!, token, type, new HashSet<int>(new[] { speaker, place }.OfType<int>()))
                : Participants(text, inSentence.Where(m => m.Chain != speaker && m.Chain != place).ToList(), triggerStart, triggerEnd);

            // An escape has those who escape and no one escaped from: "the escape of an ISIS convoy".
            if (type == EventType.Escape && agents.Count == 0)
            {
                (agents, targets) = (targets, []);
            }

            // "The attack, which eliminated 36 terrorists": a definite mention right after an event of
            // the same kind adds to it instead of counting it twice.
            var previous = events.LastOrDefault();
            if (previous is not null && Continues(words, triggerIndex) && SameFamily(previous.Type, type)
                && document.Sentences!.Count(s => s.Start >= previous.SentenceEnd && s.End <= sentence.Start) == 0
                && !text.AsSpan(previous.SentenceEnd, sentence.Start - previous.SentenceEnd).Contains('\n'))
            {
                events[^1] = previous with
                {
                    SentenceEnd = sentence.End,
                    Counts = [.. previous.Counts, .. counts.Where(c => previous.Counts.All(p => p.Kind != c.Kind))],
                    PlaceChain = previous.PlaceChain ?? place,
                    DateFirst = previous.DateFirst ?? time?.First,
                    DateLast = previous.DateLast ?? time?.Last,
                    DatePrecision = previous.DatePrecision ?? time?.Precision.ToString().ToLowerInvariant(),
                    Targets = [.. previous.Targets.Union(targets).Except(previous.Agents)],
                };
                continue;
            }

            // "Talks have been delayed as fighting continues": fighting with no one, nowhere, no toll and
            // no time is no event to record (an arrest of "an engineer" still is).
            if (type is EventType.ArmedClash or EventType.Attack && agents.Count == 0 && targets.Count == 0 && place is null && counts.Count == 0 && time is null)
            {
                continue;
            }

            events.Add(new ReportedEvent(type, sentence.Start, sentence.End, triggerStart, triggerEnd,
                time?.First, time?.Last, time?.Precision.ToString().ToLowerInvariant(),
                time is null ? null : sentence.Start + time.Start, time is null ? null : sentence.Start + time.End,
                place, agents, targets, counts, claim));
        }

        return events;
    }

    /// <summary>
    /// The trigger that types the sentence: the first of the most specific kind present; but when it
    /// stands in an opening subordinate clause ("As fighting for Tripoli intensified, GNA forces
    /// pushed forward with a counter-offensive"), a trigger of the main clause tells the event.
    /// </summary>
    /// <summary>Whether a sentence holds any event trigger word.</summary>
    public static bool HasTrigger(string sentence) => FirstTrigger(sentence, 0) is not null;

    private static (EventType Type, int Index, int Length)? FindTrigger(string sentence)
    {
        var found = FirstTrigger(sentence, 0);
        if (found is { } first && OpeningClause().Match(sentence) is { Success: true } clause && first.Index < clause.Length
            && FirstTrigger(sentence, clause.Length) is { } main)
        {
            return main;
        }

        return found;
    }

    private static (EventType Type, int Index, int Length)? FirstTrigger(string sentence, int from)
    {
        foreach (var (trigger, type) in Triggers)
        {
            var match = trigger.Match(sentence, from);
            if (match.Success)
            {
                return (type, match.Index, match.Length);
            }
        }

        return null;
    }

    private static bool Continues(string sentence, int triggerIndex)
        => triggerIndex >= 4 && ContinuationBefore().IsMatch(sentence[..triggerIndex]);

    private static bool SameFamily(EventType a, EventType b)
    {
        static int Family(EventType t) => t is EventType.Attack or EventType.ArmedClash or EventType.AirstrikeOrShelling or EventType.Killing ? 0 : (int)t + 1;
        return Family(a) == Family(b);
    }

    private static List<EventCount> Counts(string sentence, int offset)
    {
        var counts = new List<EventCount>();
        foreach (var quantity in QuantityParser.FindAll(sentence))
        {
            var before = sentence[Math.Max(0, quantity.Start - 30)..quantity.Start];
            var after = sentence[quantity.End..Math.Min(sentence.Length, quantity.End + 90)];
            CountKind? kind = null;
            foreach (var (pattern, candidate) in CountWords)
            {
                if (pattern.IsMatch(after) || BeforeCue(candidate).IsMatch(before))
                {
                    kind = candidate;
                    break;
                }
            }

            if (kind is { } found && counts.All(c => c.Kind != found))
            {
                counts.Add(new EventCount(found, quantity.Low, quantity.High, quantity.Bound.ToString().ToLowerInvariant(), offset + quantity.Start, offset + quantity.End));
            }
        }

        return counts;
    }

    // The optional dashed aside lets "150 people — mostly fighters, but also civilians — have been killed" count.
    private static readonly (Regex After, CountKind Kind)[] CountWords =
    [
        (new Regex(@"^(?:\s+[\w-]+){0,4}?(?:\s*[—–]\s[^—–]{1,60}\s[—–])?\s+(?:were\s+|have been\s+|had been\s+)?(?:killed|dead|died|deaths|lives|slain|eliminated|executed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), CountKind.Killed),
        (new Regex(@"^(?:\s+[\w-]+){0,4}?(?:\s*[—–]\s[^—–]{1,60}\s[—–])?\s+(?:were\s+|have been\s+)?(?:wounded|injured|hurt)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), CountKind.Injured),
        (new Regex(@"^(?:\s+[\w-]+){0,4}?(?:\s*[—–]\s[^—–]{1,60}\s[—–])?\s+(?:were\s+|have been\s+)?(?:displaced|fled|homeless)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), CountKind.Displaced),
        (new Regex(@"^(?:\s+[\w-]+){0,4}?(?:\s*[—–]\s[^—–]{1,60}\s[—–])?\s+(?:were\s+|have been\s+)?(?:kidnapped|abducted|taken hostage|hostages)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled), CountKind.Kidnapped),
    ];

    private static Regex BeforeCue(CountKind kind) => kind switch
    {
        CountKind.Killed => KilledBefore(),
        CountKind.Injured => InjuredBefore(),
        CountKind.Displaced => DisplacedBefore(),
        _ => KidnappedBefore(),
    };

    /// <summary>The most specific place named in the sentence: a facility, else a town or region, else a state.</summary>
    private static int? Place(string text, List<(int Start, int End, int Chain, ActorKind Kind)> mentions, EventType type, int triggerEnd)
    {
        static bool PlaceLike(ActorKind kind) => kind is ActorKind.Place or ActorKind.Facility or ActorKind.Person or ActorKind.Organization;
        bool Located(int start) => StrictPlacePreposition().IsMatch(text[Math.Max(0, start - 12)..start]);

        // "an attack on Barak ash-Shaty", "positions in Ain Zara": the nearest place after the trigger
        // with a preposition of place, whatever the recognizer called the name.
        var after = mentions.FirstOrDefault(m => m.Start >= triggerEnd && PlaceLike(m.Kind) && Located(m.Start));
        if (after != default)
        {
            return after.Chain;
        }

        // "seized Jufra": what is captured is where.
        if (type == EventType.Capture && mentions.FirstOrDefault(m => m.Start >= triggerEnd && m.Kind is ActorKind.Place or ActorKind.Facility) is { Chain: var captured } found && found != default)
        {
            return captured;
        }

        var anywhere = mentions.FirstOrDefault(m => PlaceLike(m.Kind) && Located(m.Start));
        if (anywhere != default)
        {
            return anywhere.Chain;
        }

        var first = mentions.FirstOrDefault(m => m.Kind is ActorKind.Facility or ActorKind.Place);
        if (first != default)
        {
            return first.Chain;
        }

        // A state only where the sentence puts the event in it: "in Libya", not "of the Libyan government".
        var state = mentions.FirstOrDefault(m => m.Kind == ActorKind.State && Located(m.Start));
        return state == default ? null : state.Chain;
    }

    /// <summary>Actors before the trigger did it, actors after it had it done to them; "by X" after it is an agent.</summary>
    /// <summary>
    /// Who did it and to whom. The agents are the subject before the trigger: walking back clause by
    /// clause (commas, dashes, parentheses), past asides ("(transferred by Turkey ...)") and
    /// companions ("along with Syrian mercenaries"), the first clause that names an actor gives its
    /// first actor and those joined to it by "and"; "by X" after the trigger is an agent too. The
    /// targets are the first actor after the trigger and those joined to it, before the clause ends
    /// (", which", ";", "while"). Places, facilities, states and outlets are never parties here: a
    /// place is where, and a state in such a sentence is almost always where or whose.
    /// </summary>
    private static (List<int> Agents, List<int> Targets) Participants(string text, List<(int Start, int End, int Chain, ActorKind Kind)> mentions, int triggerStart, int triggerEnd)
    {
        var parties = mentions.Where(m => m.Kind is not (ActorKind.Place or ActorKind.Facility or ActorKind.Media)).OrderBy(m => m.Start).ToList();
        var agents = new List<int>();
        var before = parties.Where(m => m.End <= triggerStart).ToList();
        if (before.Count > 0)
        {
            var clauseEnd = triggerStart;
            while (clauseEnd > before[0].Start)
            {
                var clauseStart = ClauseStart(text, before[0].Start, clauseEnd);
                var clause = text[clauseStart..clauseEnd];
                var inClause = before.Where(m => m.Start >= clauseStart && m.End <= clauseEnd && m.Kind != ActorKind.State).ToList();
                var aside = clauseStart > 0 && text[clauseStart - 1] == '(' || Companion().IsMatch(clause);
                if (inClause.Count > 0 && !aside)
                {
                    agents.AddRange(Joined(text, inClause).Select(m => m.Chain));
                    break;
                }

                clauseEnd = Math.Max(before[0].Start, clauseStart - 1);
            }
        }

        var after = parties.Where(m => m.Start >= triggerEnd).ToList();
        foreach (var mention in after.Where(m => ByBefore().IsMatch(text[Math.Max(triggerEnd, m.Start - 8)..m.Start])))
        {
            if (!agents.Contains(mention.Chain))
            {
                agents.Add(mention.Chain);
            }
        }

        var targets = new List<int>();
        var firstTarget = after.FindIndex(m => m.Kind != ActorKind.State && !agents.Contains(m.Chain));
        if (firstTarget >= 0 && !ClauseEnds().IsMatch(text[triggerEnd..after[firstTarget].Start]))
        {
            targets.AddRange(Joined(text, after.Skip(firstTarget).Where(m => m.Kind != ActorKind.State).ToList()).Select(m => m.Chain).Where(c => !agents.Contains(c)));
        }

        return (agents.Distinct().ToList(), targets.Distinct().ToList());
    }

    /// <summary>Where the clause that ends at <paramref name="end"/> begins: after the last comma, semicolon, dash or bracket.</summary>
    private static int ClauseStart(string text, int floor, int end)
    {
        var at = end - 1;
        while (at > floor && text[at] is not (',' or ';' or ':' or '(' or ')' or '—' or '–'))
        {
            at--;
        }

        return at > floor ? at + 1 : floor;
    }

    /// <summary>The first mention and the ones joined to it by "and" (or "X, Y and Z").</summary>
    private static IEnumerable<(int Start, int End, int Chain, ActorKind Kind)> Joined(string text, List<(int Start, int End, int Chain, ActorKind Kind)> ordered)
    {
        yield return ordered[0];
        // Mentions of two actors may overlap ("the Benghazi Shura" inside a longer name): those are not a list.
        for (var i = 1; i < ordered.Count && ordered[i].Start >= ordered[i - 1].End && Coordination().IsMatch(text[ordered[i - 1].End..ordered[i].Start]); i++)
        {
            yield return ordered[i];
        }
    }

    [GeneratedRegex(@"^\s*(?:along\s+with|together\s+with|backed\s+by|supported\s+by|including|with\s+the\s+help\s+of|transferred\s+by|according\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Companion();

    // "As fighting intensified, ...", "While clashes went on, ...": up to the clause's comma.
    [GeneratedRegex(@"^\s*(?:As|While|When|Whilst|Amid|Since|Although|Though)\s[^,;:.]{3,80},", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningClause();

    [GeneratedRegex(@",\s*(?:which|who|whose|where|while|as|after|before)\b|;|\s[—–]\s|,\s*but\b|\b(?:while|whereas|with\s+the\s+help\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnds();

    [GeneratedRegex(@"^(?:’s|'s)?\s*(?:,\s*)?(?:and|&)\s+(?:the\s+|its\s+|his\s+)?$|^\s*,\s*(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Coordination();

    // ... and "to prevent Haftar's army from conquering Tripoli": what is prevented has not happened.
    [GeneratedRegex(@"\b(?:to|will|would|could|might|unlikely|plans?|planning|threatens?|threatening|ready\s+to|wants?\s+to|needs?|if)\s+(?:\w+\s+){0,4}$|\b(?:future|possible|potential|planned|expected|further)\s+$|\b(?:prevent|prevents|prevented|preventing|stop|stopped|keep|kept|bar|barred)\s+[^!?;]{0,80}?\bfrom\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Irrealis();

    [GeneratedRegex(@"^fighting\s+(?:off\s+)?(?:terrorism|terror|extremism|corruption|jihadists|for\s+power|force|forces|units?|men|season|chance|spirit|age)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotCombat();

    [GeneratedRegex(@"\b(?:the|this|that|which|its|their)\s+(?:\w+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContinuationBefore();

    [GeneratedRegex(@"(?:\b(?:the|this|that|these|those|its|his|her|their)|’s|'s)\s+(?:[\w-]+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceBefore();

    [GeneratedRegex(@"^(?:attacks?|offensive|battles?|fighting|clash(?:es)?|escape|breakout|meeting|talks|operation|raid|assault|strikes?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EventNoun();

    [GeneratedRegex(@"\b(?:in|at|near|outside|around|on|into|towards?|inside)\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrictPlacePreposition();

    [GeneratedRegex(@"\bby\s+(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByBefore();

    [GeneratedRegex(@"\b(?:killing|killed|eliminat(?:ed|ing)|death toll (?:of|to|at|rose to)|deaths of|dead|toll of)\s+(?:at least\s+|nearly\s+|about\s+|some\s+|more than\s+|over\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KilledBefore();

    [GeneratedRegex(@"\b(?:injuring|wounding|injured|wounded)\s+(?:another\s+|at least\s+|nearly\s+|about\s+|some\s+|more than\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InjuredBefore();

    [GeneratedRegex(@"\b(?:displacing|displaced)\s+(?:at least\s+|nearly\s+|about\s+|some\s+|more than\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisplacedBefore();

    [GeneratedRegex(@"\b(?:kidnapping|abducting|kidnapped|abducted)\s+(?:at least\s+|nearly\s+|about\s+|some\s+|more than\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KidnappedBefore();
}
