using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;

namespace Dossier.Facts.Syntax;

/// <summary>An actor's mention as the parse sees it: its chain, its kind, how it names the actor, and its tokens.</summary>
public readonly record struct MentionAt(int Chain, ActorKind Kind, MentionForm Form, int Start, int End, int TokenStart, int TokenEnd);

/// <summary>
/// A document's dependency parse read as grammar: each token's dependents, subjects through control,
/// coordination and relative clauses, passive agents, prepositional phrases, and which actor mention
/// a token belongs to. Built once per document by each fact extractor; read-only after.
/// </summary>
public sealed class DocumentSyntax
{
    private static readonly string[] SubjectRelations = ["nsubj", "nsubj:pass", "csubj", "nsubj:outer"];
    private static readonly Nlp.Lexicons.Lexicon GroupNounTable = Nlp.Lexicons.Lexicon.Named("group-nouns");
    private static readonly HashSet<string> GroupNouns = new(GroupNounTable.Words, StringComparer.Ordinal);

    public static string Version => "3 " + Nlp.Lexicons.Lexicon.VersionOf(GroupNounTable);

    /// <summary>Whether a common noun stands for the actor that qualifies it ("ISIL fighters"), not a thing of its own ("a UK effort").</summary>
    public bool IsGroupNoun(int token) => GroupNouns.Contains(Lower(token));

    private static readonly HashSet<string> RelativePronouns = new(["who", "which", "that", "whom"], StringComparer.Ordinal);

    private readonly List<int>[] children;
    private readonly string?[] words;
    private readonly string?[] lowers;
    private readonly MentionAt?[] mentionOfToken;

    public DocumentSyntax(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        Text = document.Text;
        Tokens = document.Tokens ?? throw new InvalidOperationException("the parse needs tokens");
        Dependencies = document.Dependencies ?? throw new InvalidOperationException("the fact extractors need a dependency parse (DependencyParser)");
        Upos = document.PartsOfSpeech?.Universal ?? new string[Tokens.Count];
        children = new List<int>[Tokens.Count];
        words = new string?[Tokens.Count];
        lowers = new string?[Tokens.Count];
        for (var i = 0; i < Tokens.Count; i++)
        {
            var head = Dependencies.Heads[i];
            if (head >= 0)
            {
                (children[head] ??= []).Add(i);
            }
        }

        mentionOfToken = new MentionAt?[Tokens.Count];
        foreach (var actor in document.Actors ?? [])
        {
            foreach (var mention in actor.Mentions)
            {
                var first = FirstTokenAt(mention.Start);
                var last = first;
                while (last < Tokens.Count && Tokens[last].Start < mention.End)
                {
                    last++;
                }

                var at = new MentionAt(actor.Chain, actor.Kind, mention.Form, mention.Start, mention.End, first, last);
                for (var t = first; t < last; t++)
                {
                    // The shorter mention wins a token two overlap on: "the Benghazi Shura" inside a longer name.
                    if (mentionOfToken[t] is not { } other || other.End - other.Start > mention.End - mention.Start)
                    {
                        mentionOfToken[t] = at;
                    }
                }
            }
        }

        Actors = (document.Actors ?? []).ToDictionary(a => a.Chain);
    }

    public Document Document { get; }

    public string Text { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public DependencyLayer Dependencies { get; }

    public string[] Upos { get; }

    public IReadOnlyDictionary<int, ArticleActor> Actors { get; }

    public int Head(int token) => Dependencies.Heads[token];

    public string Relation(int token) => Dependencies.Relations[token];

    /// <summary>The relation without its subtype: "nmod:poss" is "nmod".</summary>
    public string BaseRelation(int token)
    {
        var relation = Dependencies.Relations[token];
        var colon = relation.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? relation : relation[..colon];
    }

    public string Word(int token) => words[token] ??= Text[Tokens[token].Start..Tokens[token].End];

    public string Lower(int token) => lowers[token] ??= Word(token).ToLowerInvariant();

    public bool IsParsed(int token) => Dependencies.Parsed[token];

    public IReadOnlyList<int> Children(int token) => (IReadOnlyList<int>?)children[token] ?? [];

    public IEnumerable<int> ChildrenWith(int token, params string[] relations)
        => Children(token).Where(c => relations.Contains(Relation(c), StringComparer.Ordinal));

    /// <summary>The actor mention a token is part of, if any.</summary>
    public MentionAt? MentionOf(int token) => token >= 0 && token < mentionOfToken.Length ? mentionOfToken[token] : null;

    /// <summary>The first token that ends after <paramref name="offset"/>.</summary>
    public int FirstTokenAt(int offset)
    {
        int low = 0, high = Tokens.Count - 1, found = Tokens.Count;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Tokens[middle].End > offset)
            {
                found = middle;
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return found;
    }

    /// <summary>The token and its conjuncts: "Egypt and the UAE" gives both heads.</summary>
    public IEnumerable<int> WithConjuncts(int token)
    {
        yield return token;
        foreach (var conjunct in ChildrenWith(token, "conj"))
        {
            foreach (var more in WithConjuncts(conjunct))
            {
                yield return more;
            }
        }
    }

    public bool IsPassive(int verb) => Children(verb).Any(c => Relation(c) is "nsubj:pass" or "aux:pass" or "csubj:pass");

    /// <summary>
    /// The subject of a verb or predicate: its own; else, for a verb under another one, the subject
    /// it shares ("France ..., claiming", "tried to seize", "said ... and added"); a relative pronoun
    /// stands for the noun its clause describes ("the LNA, which controls").
    /// </summary>
    public IEnumerable<int> Subjects(int verb)
    {
        for (var at = verb; at >= 0; at = Head(at))
        {
            var own = Children(at).Where(c => SubjectRelations.Contains(Relation(c), StringComparer.Ordinal)).ToList();
            if (own.Count > 0)
            {
                foreach (var subject in own)
                {
                    if (RelativePronouns.Contains(Lower(subject)) && Relation(at) == "acl:relcl" && Head(at) >= 0)
                    {
                        foreach (var described in WithConjuncts(Head(at)))
                        {
                            yield return described;
                        }
                    }
                    else
                    {
                        foreach (var conjunct in WithConjuncts(subject))
                        {
                            yield return conjunct;
                        }
                    }
                }

                yield break;
            }

            // A participle describing a noun acts on it: "forces fighting ISIL".
            if (Relation(at) is "acl" && Head(at) >= 0 && !IsPassiveParticiple(at))
            {
                yield return Head(at);
                yield break;
            }

            if (Relation(at) is not ("xcomp" or "conj" or "advcl" or "ccomp:xcomp") || at == Head(at))
            {
                yield break;
            }

            // "the coalition is assisting the government to destroy X": an open clause under a verb
            // with an object is the object's to carry out (object control), not the subject's.
            if (Relation(at) == "xcomp" && Head(at) >= 0 && ChildrenWith(Head(at), "obj").Any())
            {
                foreach (var controller in Objects(Head(at)))
                {
                    yield return controller;
                }

                yield break;
            }

            // "said ... and added": only a verb joined to a verb shares its subject.
            if (Relation(at) == "conj" && Upos[Head(at)] is not ("VERB" or "AUX"))
            {
                yield break;
            }

            // "France ..., claiming": an adverbial clause shares the subject only when it is a participle or infinitive.
            // "Having captured the airbases, Haftar cut off ...": a participle's -ing auxiliary counts as its own.
            if (Relation(at) == "advcl" && !(Lower(at).EndsWith("ing", StringComparison.Ordinal)
                                             || Children(at).Any(c => (Lower(c) == "to" && Relation(c) == "mark") || (Relation(c) is "aux" or "aux:pass" && Lower(c).EndsWith("ing", StringComparison.Ordinal)))))
            {
                yield break;
            }
        }
    }

    /// <summary>"forces backed by Turkey": a past participle describing a noun, which is then its passive subject.</summary>
    public bool IsPassiveParticiple(int token)
        => (Relation(token) is "acl" or "amod" && Lower(token).EndsWith("ed", StringComparison.Ordinal) || Lower(token) is "led" or "held" or "taken" or "driven" or "fought")

           // "X, along with mercenaries, attacked LNA positions": a participle with an object of its own is active.
           && !Children(token).Any(c => Relation(c) is "obj" or "iobj");

    /// <summary>The objects of a verb; a relative pronoun stands for the noun its clause describes ("the group, which X backs").</summary>
    public IEnumerable<int> Objects(int verb)
        => ChildrenWith(verb, "obj", "iobj")
            .Select(o => RelativePronouns.Contains(Lower(o)) && Relation(verb) == "acl:relcl" && Head(verb) >= 0 ? Head(verb) : o)
            .SelectMany(WithConjuncts);

    /// <summary>The passive subject: "X was attacked", or the noun a passive participle describes ("forces backed by X").</summary>
    public IEnumerable<int> PassiveSubjects(int verb)
    {
        var own = ChildrenWith(verb, "nsubj:pass").ToList();
        if (own.Count > 0)
        {
            foreach (var subject in own)
            {
                if (RelativePronouns.Contains(Lower(subject)) && Relation(verb) == "acl:relcl" && Head(verb) >= 0)
                {
                    foreach (var described in WithConjuncts(Head(verb)))
                    {
                        yield return described;
                    }
                }
                else
                {
                    foreach (var conjunct in WithConjuncts(subject))
                    {
                        yield return conjunct;
                    }
                }
            }

            yield break;
        }

        if (IsPassiveParticiple(verb) && Head(verb) >= 0)
        {
            yield return Head(verb);
        }
        else if (Relation(verb) == "conj" && Head(verb) >= 0 && IsPassive(verb))
        {
            foreach (var shared in PassiveSubjects(Head(verb)))
            {
                yield return shared;
            }
        }
    }

    /// <summary>The by-phrase of a passive: "attacked by the LNA".</summary>
    public IEnumerable<int> Agents(int verb) => PrepositionalObjects(verb, "by").Concat(ChildrenWith(verb, "obl:agent")).Distinct();

    /// <summary>The nouns of the phrases that hang on <paramref name="head"/> with the preposition <paramref name="preposition"/>, with their conjuncts.</summary>
    public IEnumerable<int> PrepositionalObjects(int head, string preposition)
    {
        foreach (var child in Children(head))
        {
            if (BaseRelation(child) is not ("obl" or "nmod" or "advcl" or "acl") || Relation(child) == "nmod:poss")
            {
                continue;
            }

            if (Children(child).Any(c => Relation(c) is "case" or "mark" && string.Equals(Lower(c), preposition, StringComparison.Ordinal)))
            {
                foreach (var conjunct in WithConjuncts(child))
                {
                    yield return conjunct;
                }
            }
        }
    }

    /// <summary>Whether a word is negated: "did not attack", "no strikes".</summary>
    public bool IsNegated(int token)
        => Children(token).Any(c => Lower(c) is "not" or "n't" or "n’t" or "never" or "no" && Relation(c) is "advmod" or "det" or "neg" or "advmod:neg");

    /// <summary>The characters of a token's whole subtree (within its sentence).</summary>
    public (int Start, int End) SubtreeSpan(int token)
    {
        var (first, last) = SubtreeTokens(token);
        return (Tokens[first].Start, Tokens[last].End);
    }

    public (int First, int Last) SubtreeTokens(int token)
    {
        int first = token, last = token;
        var stack = new Stack<int>();
        stack.Push(token);
        while (stack.Count > 0)
        {
            var at = stack.Pop();
            first = Math.Min(first, at);
            last = Math.Max(last, at);
            foreach (var child in Children(at))
            {
                stack.Push(child);
            }
        }

        return (first, last);
    }

    /// <summary>
    /// The actor a noun phrase stands for: the mention its head is part of; else, for a common noun
    /// such as "forces" or "fighters", the name or nationality that qualifies it ("ISIL fighters",
    /// "Iraqi forces", "the forces of Haftar" is left to the tie patterns).
    /// </summary>
    public MentionAt? ActorOf(int head) => ActorOf(head, 2);

    private MentionAt? ActorOf(int head, int depth)
    {
        if (MentionOf(head) is { } own)
        {
            return own;
        }

        if (!IsGroupNoun(head) && Upos[head] is not ("NUM" or "PRON"))
        {
            return null;
        }

        foreach (var child in Children(head))
        {
            if (Relation(child) is "compound" or "amod" or "flat" && child < head && MentionOf(child) is { } modifier)
            {
                return modifier;
            }

            // "his forces", "the group's fighters": a common noun owned by an actor stands for it.
            if (Relation(child) == "nmod:poss" && Upos[head] == "NOUN" && MentionOf(child) is { } owner)
            {
                return owner;
            }
        }

        // "militants from the BZB", "dozens of ISIS fighters", "forces loyal to X", "forces associated
        // with X": a common noun or number stands for the actor it is said to be of, from or with.
        if (depth > 0 && Upos[head] is "NOUN" or "NUM" or "PRON")
        {
            foreach (var child in Children(head))
            {
                var linked = Relation(child) is "nmod" && Children(child).Any(c => Relation(c) == "case" && Lower(c) is "of" or "from")
                    ? child
                    : Relation(child) is "amod" or "acl" && Lower(child) is "loyal" or "associated" or "affiliated" or "allied" or "linked" or "belonging"
                        ? Children(child).FirstOrDefault(c => BaseRelation(c) is "obl" or "nmod", -1)
                        : -1;
                if (linked >= 0 && ActorOf(linked, depth - 1) is { } actor)
                {
                    return actor;
                }
            }
        }

        return null;
    }

    /// <summary>The sentence a token is in.</summary>
    public Sentence SentenceOf(int token)
    {
        foreach (var sentence in Document.Sentences!)
        {
            if (sentence.TokenStart <= token && token < sentence.TokenEnd)
            {
                return sentence;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(token));
    }
}
