using Dossier.Core.Actors;
using Dossier.Core.Facts;
using Dossier.Facts.Syntax;
using Dossier.Nlp.Lexicons;

namespace Dossier.Facts.Events;

/// <summary>
/// Who did an event and to whom, and whether it happened, from the dependency parse: agents are
/// the subject of an active trigger, the by-phrase of a passive one, the possessor or by-phrase of
/// a trigger noun ("Haftar's offensive", "a shelling by the BZB") or the subject of the verb that
/// launches it; targets are the object, the passive subject, the on/against phrase, or the subject
/// of a verb of suffering ("X came under fire", "X suffered attacks"). Events that are planned,
/// threatened, prevented, negated or only possible (<c>event-roles.tsv</c>) did not happen.
/// </summary>
public static class SyntacticEvents
{
    private static readonly Lexicon Roles = Lexicon.Named("event-roles");
    private static readonly IReadOnlyDictionary<string, string> RoleOf = Roles.Map();
    private static readonly HashSet<string> Launchers = Words("launcher");
    private static readonly HashSet<string> Receivers = Words("receiver");
    private static readonly HashSet<string> Unreal = Words("unreal");
    private static readonly HashSet<string> Modals = Words("modal");
    private static readonly HashSet<string> SpeechVerbs = new(Lexicon.Named("speech-cues").Words, StringComparer.Ordinal);

    public static string Version => Lexicon.VersionOf(Roles);

    /// <summary>The token of a trigger's words that the others hang on ("strikes" of "air strikes", "took" of "took control").</summary>
    public static int? TriggerToken(DocumentSyntax syntax, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var first = syntax.FirstTokenAt(start);
        int? found = null;
        for (var t = first; t < syntax.Tokens.Count && syntax.Tokens[t].Start < end; t++)
        {
            var head = syntax.Head(t);
            if (head < 0 || syntax.Tokens[head].Start < start || syntax.Tokens[head].Start >= end)
            {
                found ??= t;
            }
        }

        return found is { } token && syntax.IsParsed(token) ? token : null;
    }

    /// <summary>Whether the parse says the event did not happen, or may yet: negated, under a modal, planned, threatened, prevented, conditional.</summary>
    public static bool NotHappened(DocumentSyntax syntax, int trigger)
    {
        ArgumentNullException.ThrowIfNull(syntax);

        // "Arrest warrants were issued": the warrant is the trigger's head word, and no arrest.
        if (WordForms.LemmaIn(syntax.Word(trigger), Unreal) is not null)
        {
            return true;
        }

        var at = trigger;
        for (var depth = 0; at >= 0 && depth < 6; depth++)
        {
            if (syntax.IsNegated(at))
            {
                return true;
            }

            foreach (var child in syntax.Children(at))
            {
                var relation = syntax.Relation(child);
                if (relation == "aux" && Modals.Contains(syntax.Lower(child)))
                {
                    return true;
                }

                if (relation == "mark" && syntax.Lower(child) is "if" or "unless" or "lest")
                {
                    return true;
                }

                // "the operation to take Tripoli", "To attack Tripoli, he needs ...": a purpose, not a deed.
                if (relation == "mark" && syntax.Lower(child) == "to" && syntax.Relation(at) is "acl" or "advcl")
                {
                    return true;
                }
            }

            var head = syntax.Head(at);
            if (head < 0)
            {
                return false;
            }

            // "to prevent X from taking Y", "threatened to storm", "warrants for the arrest of".
            if (syntax.Relation(at) is "xcomp" or "ccomp" or "advcl" or "acl" or "obj" or "nmod" or "obl" or "csubj" or "compound"
                && WordForms.LemmaIn(syntax.Word(head), Unreal) is not null)
            {
                return true;
            }

            // Only verbs joined by control or coordination pass on what governs them.
            if (syntax.Relation(at) is not ("xcomp" or "conj" or "ccomp"))
            {
                return false;
            }

            at = head;
        }

        return false;
    }

    /// <summary>The agents and targets of a trigger, as chains, with <paramref name="excluded"/> (the speaker, the place) left out.</summary>
    public static (List<int> Agents, List<int> Targets) Participants(DocumentSyntax syntax, int trigger, EventType type, IReadOnlySet<int> excluded)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(excluded);
        var agents = new List<int>();
        var targets = new List<int>();
        var verbal = syntax.Upos[trigger] is "VERB" or "AUX";
        if (verbal)
        {
            if (syntax.IsPassive(trigger) || syntax.IsPassiveParticiple(trigger) && syntax.Relation(trigger) is "acl" or "amod")
            {
                Add(syntax, agents, syntax.Agents(trigger), excluded);
                Add(syntax, targets, syntax.PassiveSubjects(trigger), excluded);
            }
            else
            {
                Add(syntax, agents, syntax.Subjects(trigger), excluded);
                Add(syntax, targets, syntax.Objects(trigger), excluded);
                Add(syntax, targets, syntax.PrepositionalObjects(trigger, "on").Concat(syntax.PrepositionalObjects(trigger, "against")), excluded);
                Add(syntax, agents, syntax.Agents(trigger), excluded);
            }
        }
        else
        {
            Add(syntax, agents, syntax.ChildrenWith(trigger, "nmod:poss"), excluded);
            Add(syntax, agents, syntax.PrepositionalObjects(trigger, "by"), excluded);
            Add(syntax, agents, syntax.Children(trigger).Where(c => c < trigger && syntax.Relation(c) is "compound" or "amod" && syntax.MentionOf(c) is not null), excluded);
            Add(syntax, targets, syntax.PrepositionalObjects(trigger, "on").Concat(syntax.PrepositionalObjects(trigger, "against"))
                .Concat(syntax.PrepositionalObjects(trigger, "targeting")), excluded);

            // "clashes between X and Y": both sides took part; neither is told apart as the target.
            Add(syntax, agents, syntax.PrepositionalObjects(trigger, "between"), excluded);

            // "the escape of an ISIS convoy", "the killing of X", "the capture of X".
            Add(syntax, type is EventType.Escape ? agents : targets, syntax.PrepositionalObjects(trigger, "of"), excluded);

            var head = syntax.Head(trigger);
            var relation = syntax.Relation(trigger);
            if (head >= 0 && relation is "obj" or "obl" or "nsubj:pass")
            {
                var verb = WordForms.LemmaIn(syntax.Word(head), Receivers) ?? WordForms.LemmaIn(syntax.Word(head), Launchers);
                if (verb is not null && Receivers.Contains(verb))
                {
                    Add(syntax, targets, syntax.Subjects(head), excluded);
                }
                else if (relation == "nsubj:pass")
                {
                    Add(syntax, agents, syntax.Agents(head), excluded);
                }
                else if (verb is not null || relation == "obj")
                {
                    Add(syntax, agents, syntax.Subjects(head), excluded);
                }
            }

            // "An attack by X killed Y": the trigger noun's verb has the targets.
            if (head >= 0 && relation == "nsubj")
            {
                Add(syntax, targets, syntax.Objects(head), excluded);
            }

            // "As a result of a shelling ..., militants from X killed 150": a trigger noun with no doer
            // of its own is done by the subject of the clause it stands in (not of a verb of saying or suffering).
            if (agents.Count == 0 && relation is "obl" or "nmod" or "obj" or "conj")
            {
                var verb = head;
                for (var depth = 0; verb >= 0 && depth < 4 && syntax.Upos[verb] is not ("VERB" or "AUX"); depth++)
                {
                    verb = syntax.Relation(verb) is "obl" or "nmod" or "obj" or "conj" ? syntax.Head(verb) : -1;
                }

                if (verb >= 0 && syntax.Upos[verb] is "VERB" && WordForms.LemmaIn(syntax.Word(verb), Receivers) is null && !syntax.IsPassive(verb)
                    && WordForms.LemmaIn(syntax.Word(verb), SpeechVerbs) is null)
                {
                    Add(syntax, agents, syntax.Subjects(verb), excluded);
                }
            }
        }

        targets.RemoveAll(agents.Contains);
        return (agents, targets);
    }

    private static void Add(DocumentSyntax syntax, List<int> chains, IEnumerable<int> tokens, IReadOnlySet<int> excluded)
    {
        foreach (var token in tokens)
        {
            // Places are where, not who; an outlet reports, it does not fight.
            if (syntax.ActorOf(token) is { } actor && !excluded.Contains(actor.Chain)
                && actor.Kind is not (ActorKind.Place or ActorKind.Facility or ActorKind.Media) && !chains.Contains(actor.Chain))
            {
                chains.Add(actor.Chain);
            }
        }
    }

    private static HashSet<string> Words(string role)
        => new(RoleOf.Where(p => p.Value == role).Select(p => p.Key), StringComparer.Ordinal);
}
