using Dossier.Core.Actors;
using Dossier.Core.Facts;
using Dossier.Facts.Syntax;
using Dossier.Nlp.Lexicons;

namespace Dossier.Facts.Relations;

/// <summary>
/// Ties read from the dependency parse with the patterns of <c>tie-patterns.tsv</c> (a trigger word
/// and where each end stands relative to it) and <c>tie-compounds.tsv</c> ("Turkish-backed forces"),
/// and a person's possessive before a group ("Haftar's LNA"). An end is an actor when the token in
/// that role is part of one of its mentions (a pronoun or description the linker resolved counts), or
/// a common noun qualified by one ("ISIL fighters").
/// </summary>
public sealed class SyntacticTies
{
    private static readonly Lexicon PatternTable = Lexicon.Named("tie-patterns");
    private static readonly Lexicon CompoundTable = Lexicon.Named("tie-compounds");

    private static readonly IReadOnlyList<TiePattern> Patterns = [.. PatternTable.Rows.Select(TiePattern.Parse)];
    private static readonly HashSet<string> Triggers = new(Patterns.SelectMany(p => p.Triggers), StringComparer.Ordinal);
    private static readonly (string Ending, RelationKind Kind, bool NameIsSource)[] Compounds =
        [.. CompoundTable.Rows.Select(r => (r[0], ParseKind(r[1]), r[2] == "source"))];

    public static string Version => Lexicon.VersionOf(PatternTable, CompoundTable) + ";" + DocumentSyntax.Version;

    /// <summary>One tie as the parse states it: its kind, the chains of its ends, and the cue token.</summary>
    public readonly record struct Tie(RelationKind Kind, int Source, int Target, int CueToken);

    public IEnumerable<Tie> Find(DocumentSyntax syntax, int tokenStart, int tokenEnd)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        for (var t = tokenStart; t < tokenEnd; t++)
        {
            if (!syntax.IsParsed(t))
            {
                continue;
            }

            foreach (var tie in Possessive(syntax, t).Concat(Compound(syntax, t)).Concat(Subunit(syntax, t)))
            {
                yield return tie;
            }

            // A tie that is negated, planned, prevented or only a purpose is not stated: "kept X from taking Y".
            if (WordForms.LemmaIn(syntax.Word(t), Triggers) is not { } lemma || syntax.IsNegated(t)
                || syntax.Upos[t] is "VERB" && Events.SyntacticEvents.NotHappened(syntax, t))
            {
                continue;
            }

            // A word with a determiner or a possessor is a noun whatever its tag ("the SDF's fight against X").
            var verbal = syntax.Upos[t] is "VERB" or "ADJ" or "AUX" && !syntax.Children(t).Any(c => syntax.Relation(c) is "det" or "nmod:poss");
            foreach (var pattern in Patterns)
            {
                if (!pattern.Triggers.Contains(lemma) || pattern.Verbal != verbal && !pattern.EitherPart)
                {
                    continue;
                }

                var sources = pattern.SourceRoles.SelectMany(r => Role(syntax, t, r, pattern.Kind)).Distinct().ToList();
                if (sources.Count == 0)
                {
                    continue;
                }

                var targets = pattern.TargetRoles.SelectMany(r => Role(syntax, t, r, pattern.Kind)).Distinct().ToList();
                foreach (var source in sources)
                {
                    foreach (var target in targets)
                    {
                        if (source.Chain != target.Chain && Fits(pattern.Kind, source.Kind, target.Kind))
                        {
                            yield return new Tie(pattern.Kind, source.Chain, target.Chain, t);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The actors in one role of a trigger of a tie of <paramref name="kind"/>.</summary>
    private static IEnumerable<MentionAt> Role(DocumentSyntax syntax, int trigger, string role, RelationKind kind)
    {
        IEnumerable<int> tokens = role switch
        {
            "subj" => syntax.Subjects(trigger),
            "obj" => syntax.Objects(trigger),
            "agent" => syntax.Agents(trigger),
            "pass" => syntax.PassiveSubjects(trigger),
            "poss" => syntax.ChildrenWith(trigger, "nmod:poss").SelectMany(syntax.WithConjuncts),
            "mod" => Modifiers(syntax, trigger),
            "described" => Described(syntax, trigger),
            "doer" => Doers(syntax, trigger),
            "head" => syntax.Head(trigger) is var head and >= 0 ? [head] : [],
            "aim" => Aims(syntax, trigger, kind),
            _ when role.StartsWith("prep:", StringComparison.Ordinal) => syntax.PrepositionalObjects(trigger, role["prep:".Length..]),
            _ => throw new InvalidDataException($"tie-patterns: unknown role {role}"),
        };

        var ownMention = syntax.MentionOf(trigger);
        foreach (var token in tokens)
        {
            if (syntax.ActorOf(token) is { } actor && (ownMention is null || actor.Chain != ownMention.Value.Chain || role == "described"))
            {
                yield return actor;
            }
        }
    }

    /// <summary>Names and nationalities before a noun: "RSF commander", "Iraqi Prime Minister", "ISIL's leader" is poss.</summary>
    private static IEnumerable<int> Modifiers(DocumentSyntax syntax, int noun)
    {
        foreach (var child in syntax.Children(noun))
        {
            if (child < noun && syntax.Relation(child) is "compound" or "amod" or "flat" or "nmod:npmod")
            {
                yield return child;
            }
        }

        // "RSF commander Dagalo": the title is itself a modifier of the name; the name's other
        // modifiers before the title qualify the title.
        if (syntax.Relation(noun) is "compound" or "flat" or "amod" && syntax.Head(noun) is var name and >= 0)
        {
            foreach (var sibling in syntax.Children(name))
            {
                if (sibling < noun && sibling != noun && syntax.Relation(sibling) is "compound" or "amod" or "flat" or "nmod:poss")
                {
                    yield return sibling;
                }
            }
        }
    }

    /// <summary>Whom a title or role noun describes.</summary>
    private static IEnumerable<int> Described(DocumentSyntax syntax, int noun)
    {
        // The title inside a name the recognizer found whole: "President Obama".
        if (syntax.MentionOf(noun) is { Kind: ActorKind.Person })
        {
            yield return noun;
        }

        var relation = syntax.Relation(noun);
        var head = syntax.Head(noun);

        // "X, leader of Y".
        if (relation == "appos" && head >= 0)
        {
            yield return head;
        }

        // "the leader of Y, X".
        foreach (var apposed in syntax.ChildrenWith(noun, "appos"))
        {
            yield return apposed;
        }

        // "Y commander X": the title qualifies the name.
        if (relation is "compound" or "flat" && head >= 0 && syntax.MentionOf(head) is { Kind: ActorKind.Person })
        {
            yield return head;
        }

        // "X is the leader of Y", "X became commander".
        if (syntax.Children(noun).Any(c => syntax.Relation(c) == "cop") || relation == "xcomp")
        {
            foreach (var subject in syntax.Subjects(noun))
            {
                yield return subject;
            }
        }

        // "X, as commander of Y".
        if (relation is "obl" or "advcl" && syntax.Children(noun).Any(c => syntax.Lower(c) == "as") && head >= 0)
        {
            foreach (var subject in syntax.Subjects(head))
            {
                yield return subject;
            }
        }
    }

    /// <summary>
    /// The objects of what an action is for, when that is a verb of a tie of the same kind: "the
    /// campaign to defeat X", "efforts to degrade and destroy X", "the operation to eliminate X".
    /// </summary>
    private static IEnumerable<int> Aims(DocumentSyntax syntax, int noun, RelationKind kind)
    {
        if (!AimVerbs.TryGetValue(kind, out var verbs))
        {
            yield break;
        }

        foreach (var clause in syntax.Children(noun).Where(c => c > noun && syntax.Relation(c) is "acl" or "xcomp" or "advcl"
                                                                 && syntax.Children(c).Any(m => syntax.Relation(m) == "mark" && syntax.Lower(m) is "to")))
        {
            foreach (var verb in syntax.WithConjuncts(clause))
            {
                if (WordForms.LemmaIn(syntax.Word(verb), verbs) is not null && !syntax.IsNegated(verb))
                {
                    foreach (var target in syntax.Objects(verb))
                    {
                        yield return target;
                    }
                }
            }
        }
    }

    // The verbs whose object is a tie's target, per kind: "defeat" for opposition, "support" for support.
    private static readonly Dictionary<RelationKind, HashSet<string>> AimVerbs = Patterns
        .Where(p => p.Verbal && p.SourceRoles.Contains("subj") && p.TargetRoles.Contains("obj"))
        .GroupBy(p => p.Kind)
        .ToDictionary(g => g.Key, g => new HashSet<string>(g.SelectMany(p => p.Triggers), StringComparer.Ordinal));

    /// <summary>Who carries out an action named by a noun: its possessor, its by-phrase, or the subject of the verb it is the object of.</summary>
    private static IEnumerable<int> Doers(DocumentSyntax syntax, int noun)
    {
        foreach (var possessor in syntax.ChildrenWith(noun, "nmod:poss"))
        {
            yield return possessor;
        }

        foreach (var agent in syntax.PrepositionalObjects(noun, "by"))
        {
            yield return agent;
        }

        foreach (var modifier in syntax.Children(noun).Where(c => c < noun && syntax.Relation(c) is "compound" or "amod"))
        {
            yield return modifier;
        }

        // "X conducted strikes against Y", "X took part in the offensive on Y", "strikes carried out by X".
        var head = syntax.Head(noun);
        var relation = syntax.Relation(noun);
        var takesPart = relation != "obl" || syntax.Children(noun).Any(c => syntax.Relation(c) == "case" && syntax.Lower(c) is "in" or "into");
        if (head >= 0 && relation is "obj" or "obl" or "nsubj:pass" && takesPart)
        {
            var subjects = relation == "nsubj:pass" ? syntax.Agents(head) : syntax.Subjects(head);
            foreach (var subject in subjects)
            {
                yield return subject;
            }
        }
    }

    /// <summary>
    /// "Haftar's LNA", "the command's task force": a possessor before a named group or body leads it
    /// (a person, or a body or state whose unit it is).
    /// </summary>
    private static IEnumerable<Tie> Possessive(DocumentSyntax syntax, int token)
    {
        if (syntax.Relation(token) != "nmod:poss" || syntax.MentionOf(token) is not { } owner || syntax.Head(token) is not (var head and >= 0)
            || owner.Kind is ActorKind.Place or ActorKind.Facility or ActorKind.Media or ActorKind.State)
        {
            yield break;
        }

        if (syntax.MentionOf(head) is { } group && group.Chain != owner.Chain
            && group.Kind is ActorKind.ArmedGroup or ActorKind.Movement or ActorKind.Organization or ActorKind.Government)
        {
            yield return new Tie(RelationKind.Leads, owner.Chain, group.Chain, token);
        }
    }

    /// <summary>
    /// "2nd Battalion, 5th Special Forces Group": a numbered unit written right after another unit and
    /// a comma is the unit the first belongs to, the way military units are named from the smallest
    /// up. Read at the head word of the second name, which the parse hangs on the first.
    /// </summary>
    private static IEnumerable<Tie> Subunit(DocumentSyntax syntax, int token)
    {
        if (syntax.Relation(token) is not ("appos" or "conj" or "list") || syntax.MentionOf(token) is not { Kind: ActorKind.ArmedGroup } larger
            || syntax.MentionOf(syntax.Head(token)) is not { Kind: ActorKind.ArmedGroup } smaller || smaller.Chain == larger.Chain
            || smaller.End >= larger.Start || !IsNumbered(syntax, larger) || syntax.Text.AsSpan(smaller.End, larger.Start - smaller.End).Trim().ToString() != ",")
        {
            yield break;
        }

        yield return new Tie(RelationKind.MemberOf, smaller.Chain, larger.Chain, token);
    }

    /// <summary>Whether a name starts with an ordinal written in figures: "5th", "321st".</summary>
    private static bool IsNumbered(DocumentSyntax syntax, MentionAt mention)
    {
        var word = syntax.Lower(mention.TokenStart);
        return word.Length > 2 && char.IsDigit(word[0]) && word[^2..] is "st" or "nd" or "rd" or "th" && word[..^2].All(char.IsDigit);
    }

    /// <summary>"Turkish-backed forces": a hyphenated word whose first part is an actor.</summary>
    private static IEnumerable<Tie> Compound(DocumentSyntax syntax, int token)
    {
        var lower = syntax.Lower(token);
        foreach (var (ending, kind, nameIsSource) in Compounds)
        {
            if (!lower.EndsWith(ending, StringComparison.Ordinal) || lower.Length == ending.Length)
            {
                continue;
            }

            var tokenStart = syntax.Tokens[token].Start;
            var name = syntax.MentionOf(token) is { } inside && inside.Start < tokenStart + lower.Length - ending.Length ? inside : (MentionAt?)null;
            var head = syntax.Head(token);
            if (name is null || head < 0 || syntax.ActorOf(head) is not { } described || described.Chain == name.Value.Chain)
            {
                continue;
            }

            var (source, target) = nameIsSource ? (name.Value, described) : (described, name.Value);
            if (Fits(kind, source.Kind, target.Kind))
            {
                yield return new Tie(kind, source.Chain, target.Chain, token);
            }
        }
    }

    /// <summary>Kinds the two ends must have: a place is controlled and is where one is based; people lead.</summary>
    public static bool Fits(RelationKind kind, ActorKind source, ActorKind target)
    {
        var sourceIsPlace = source is ActorKind.Place or ActorKind.Facility;
        var targetIsPlace = target is ActorKind.Place or ActorKind.Facility or ActorKind.State;
        return kind switch
        {
            RelationKind.Controls => !sourceIsPlace && target is ActorKind.Place or ActorKind.Facility,
            RelationKind.BasedIn => !sourceIsPlace && targetIsPlace,
            RelationKind.Leads => source is not (ActorKind.Place or ActorKind.Facility) && target is not (ActorKind.Person or ActorKind.Place or ActorKind.Facility),
            RelationKind.SpokespersonOf => source == ActorKind.Person && target != ActorKind.Person && !targetIsPlace,
            RelationKind.MemberOf => !sourceIsPlace && !(target is ActorKind.Place or ActorKind.Facility) && target != ActorKind.Person,
            RelationKind.Supports or RelationKind.AlliedWith => !sourceIsPlace && !(target is ActorKind.Place or ActorKind.Facility)
                                                               && source != ActorKind.Media && target != ActorKind.Media,
            _ => !sourceIsPlace && !(target is ActorKind.Place or ActorKind.Facility),
        };
    }

    private static RelationKind ParseKind(string name)
        => RelationKinds.TryParse(name, out var kind) ? kind : throw new InvalidDataException($"tie lexicon: unknown tie kind {name}");

    /// <summary>One row of <c>tie-patterns.tsv</c>.</summary>
    private sealed record TiePattern(RelationKind Kind, IReadOnlySet<string> Triggers, string[] SourceRoles, string[] TargetRoles, bool Verbal, bool EitherPart)
    {
        private static readonly HashSet<string> VerbRoles = new(["subj", "obj", "agent", "pass"], StringComparer.Ordinal);

        public static TiePattern Parse(string[] row)
        {
            if (row.Length < 4)
            {
                throw new InvalidDataException($"tie-patterns: a row needs kind, triggers, source role and target role: {string.Join(' ', row)}");
            }

            var sources = row[2].Split('|');
            var targets = row[3].Split('|');
            var roles = sources.Concat(targets).ToList();
            var verbal = roles.Any(VerbRoles.Contains);
            var either = roles.All(r => r.StartsWith("prep:", StringComparison.Ordinal));
            return new TiePattern(ParseKind(row[0]), new HashSet<string>(row[1].Split('|'), StringComparer.Ordinal), sources, targets, verbal, either);
        }
    }
}
