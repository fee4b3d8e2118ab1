using System.Text.RegularExpressions;
using Dossier.Actors.Lexicon;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Pipeline;
using Dossier.Nlp.Linking;

namespace Dossier.Actors.InArticle;

/// <summary>
/// Groups the mentions of one article into actors: surnames go to the full name they shorten,
/// acronyms to the name the text defines them by (or whose initials they are), titles and
/// descriptions ("the marshal", "the U.N.-backed government") to the one actor they fit, pronouns
/// to the nearest person before them, and nationality words ("Turkish drones") to their state.
/// Every mention keeps the reason it joined its chain.
/// </summary>
public sealed partial class ArticleLinker(CountryNames countries, KnownNames? known = null, ListedNames? listed = null) : IDocumentStage
{
    private readonly KindClassifier classifier = new(countries);

    public string Name => "article-linker";

    public string Version => $"9 ({LexiconVersion}{(listed is null ? "" : ", listed names " + listed.Version)})";

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer>
    {
        DocumentLayer.Tokens, DocumentLayer.Sentences, DocumentLayer.PartsOfSpeech, DocumentLayer.EntityMentions,
    };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.ArticleActors };

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetActors(Link(document, cancellationToken), Version);
    }

    public IReadOnlyList<ArticleActor> Link(Document document) => Link(document, CancellationToken.None);

    public IReadOnlyList<ArticleActor> Link(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var work = new ArticleWork(document, cancellationToken);
        var names = NameMentions(work);
        var definitions = AcronymDefinitions(work.Text);
        work.ThrowIfCancelled();
        AddDefinedNames(work, names, definitions);

        // After the acronyms an article defines, which a statement may name ("ISIL, also known as DAESH").
        work.ThrowIfCancelled();
        AddStatedAliases(work, names);
        names.Sort((a, b) => a.Start.CompareTo(b.Start));

        var chains = new List<Chain>();
        foreach (var name in names.Where(n => !n.IsAcronym && !IsSingleWordPerson(n) && n.FormOf is null))
        {
            work.ThrowIfCancelled();
            JoinFullName(chains, name);
        }

        // Forms of another name ("Hemedti, as Dagalo is known"), once that name has its actor, wherever it stands.
        foreach (var name in names.Where(n => !n.IsAcronym && n.FormOf is not null))
        {
            work.ThrowIfCancelled();
            JoinFullName(chains, name);
        }

        foreach (var name in names.Where(n => IsSingleWordPerson(n) && n.FormOf is null))
        {
            work.ThrowIfCancelled();
            JoinPartialName(work, chains, name);
        }

        foreach (var name in names.Where(n => n.IsAcronym))
        {
            work.ThrowIfCancelled();
            JoinAcronym(chains, name, definitions);
        }

        work.ThrowIfCancelled();
        AddNationalities(work, chains, names);
        work.ThrowIfCancelled();
        TakeInForcePhrases(work, chains);
        work.ThrowIfCancelled();
        AddDescriptions(work, chains, known);
        work.ThrowIfCancelled();
        AddPronouns(work, chains);
        return Finish(chains);
    }

    /// <summary>
    /// Names of organisations that open data lists, where the recognizer missed them ("al-Qaida"): a
    /// listed name takes the place of the shorter names found inside it ("Iraq" in "Al-Qaida in
    /// Iraq"), never of one that crosses its edge.
    /// </summary>
    private void AddListedNames(ArticleWork work, List<NameMention> names)
    {
        if (listed is null)
        {
            return;
        }

        var standing = new SpanIndex(names);
        var replaced = new HashSet<NameMention>(ReferenceEqualityComparer.Instance);
        foreach (var (start, end) in listed.Find(work.Text))
        {
            foreach (var inside in standing.Overlapping(start, end).Where(n => n.Start >= start && n.End <= end && n.End - n.Start < end - start && !n.IsAcronym).ToList())
            {
                standing.Remove(inside);
                replaced.Add(inside);
            }

            if (!standing.Overlaps(start, end) && MakeName(work, start, end, "ORG") is { } name)
            {
                names.Add(name);
                standing.Add(name);
            }
        }

        // Taken out once at the end: the list keeps its order, as with one removal per listed name.
        names.RemoveAll(replaced.Contains);
    }

    private static bool IsSingleWordPerson(NameMention name) => !name.IsAcronym && name.Kind.Kind == ActorKind.Person && name.CoreWords.Count == 1;

    // ---- names from the recognizer -------------------------------------------------------------

    private List<NameMention> NameMentions(ArticleWork work)
    {
        var names = new List<NameMention>();
        foreach (var mention in work.Document.Mentions!)
        {
            foreach (var (start, end) in SplitLists(work.Text, mention.Start, mention.End))
            {
                var name = MakeName(work, start, end, mention.Type);
                if (name is not null)
                {
                    names.Add(name);
                }
            }
        }

        work.ThrowIfCancelled();
        ExtendByParticleSurname(work, names);
        work.ThrowIfCancelled();
        ExtendByGovernment(work, names);
        ExtendByBodyWord(work, names);
        work.ThrowIfCancelled();
        AddQuotedNames(work, names);
        work.ThrowIfCancelled();
        AddCapitalizedNames(work, names);
        work.ThrowIfCancelled();
        AddNumberedUnits(work, names);
        work.ThrowIfCancelled();
        SplitRunTogether(work, names);

        // Names other articles have, where the recognizer missed them here.
        if (known is not null)
        {
            var found = new List<NameMention>();
            // "the Presidential Council Fayez Al-Sarraj" read as one name "Presidential Council Fayez":
            // a span no other article has as a name, which a name other articles know crosses, gives
            // way to the known names. Looked for with this article's own names set aside, since the
            // longest name at a place wins and the article's own span would hide the others.
            var own = names.Select(n => n.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
            bool OwnOnly(string name) => own.Contains(name) && known.Uses(name) <= 1;
            var elsewhere = known.Find(work.Text, OwnOnly).ToList();

            // Only a name that starts at most the longest name's length before it can cross a name:
            // the others are not looked at, so a long report does not compare all with all.
            var byStart = elsewhere.OrderBy(o => o.Start).ToList();
            var starts = byStart.Select(o => o.Start).ToArray();
            var longest = byStart.Select(o => o.End - o.Start).DefaultIfEmpty(0).Max();
            bool Crossed(NameMention n)
            {
                var (low, high) = (0, starts.Length);
                while (low < high)
                {
                    var middle = (low + high) / 2;
                    (low, high) = starts[middle] < n.Start - longest ? (middle + 1, high) : (low, middle);
                }

                for (var i = low; i < starts.Length && starts[i] < n.End; i++)
                {
                    var o = byStart[i];
                    if ((o.Start < n.Start && o.End > n.Start && o.End < n.End) || (o.Start > n.Start && o.Start < n.End && o.End > n.End))
                    {
                        return true;
                    }
                }

                return false;
            }

            var crossed = names.Where(n => !n.IsAcronym && known.Uses(n.Text) <= 1 && Crossed(n)).ToHashSet();
            names.RemoveAll(crossed.Contains);
            var gone = crossed.Select(n => n.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var occurrences = known.Find(work.Text).Where(o => !gone.Contains(o.Name))
                .Concat(elsewhere)
                .DistinctBy(o => (o.Start, o.End))
                .OrderBy(o => o.Start).ThenByDescending(o => o.End)
                .ToList();
            var standing = new SpanIndex(names);
            var foundAt = new SpanIndex([]);
            var replaced = new HashSet<NameMention>(ReferenceEqualityComparer.Instance);
            foreach (var (start, end, _, kind) in occurrences)
            {
                work.ThrowIfCancelled();
                // A known name takes the place of the shorter names the recognizer found inside it
                // ("Benghazi" in “Benghazi Defense Brigade”), never of one that crosses its edge.
                foreach (var inside in standing.Overlapping(start, end).Where(n => n.Start >= start && n.End <= end && n.End - n.Start < end - start && !n.IsAcronym).ToList())
                {
                    standing.Remove(inside);
                    replaced.Add(inside);
                }

                if (standing.Overlaps(start, end) || foundAt.Overlaps(start, end) || OpensSentenceAsWord(work, start, end))
                {
                    continue;
                }

                if (MakeName(work, start, end, EntityTypeOf(kind)) is { } name)
                {
                    found.Add(name);
                    foundAt.Add(name);
                }
            }

            // Taken out once at the end, in the list's order, as one removal per occurrence would have.
            names.RemoveAll(replaced.Contains);
            names.AddRange(found);
        }

        work.ThrowIfCancelled();
        AddListedNames(work, names);
        work.ThrowIfCancelled();
        AddDeclinedNames(work, names);
        work.ThrowIfCancelled();
        AddHeadWordNames(work, names);
        work.ThrowIfCancelled();
        AddRepeatedNames(work, names);
        work.ThrowIfCancelled();
        ExtendByGivenName(work, names);
        work.ThrowIfCancelled();
        AddOtherSpellings(work, names);
        work.ThrowIfCancelled();
        ReadCapitalsAsStates(work, names);
        names.RemoveAll(n => IsHeadlineOnly(work, n) || IsCapitalizedWord(work, n));
        return names;
    }

    /// <summary>
    /// "Mohamed Hamdan Dagalo, widely known as Hemedti", "X, also called Y", "X, alias Y", "X, whose
    /// nom de guerre is Y", "Y, as X is known", and "X (Y)" where Y is a name and not X's acronym: the
    /// text says the two are one actor, so the later name (and every other use of it in the article)
    /// joins the earlier one's actor, whatever the recognizer called it, with the words quoted as the reason.
    /// </summary>
    private void AddStatedAliases(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        names.Sort((a, b) => a.Start.CompareTo(b.Start));
        var statements = new List<(NameMention Earlier, NameMention Later, string Quote)>();
        for (var i = 0; i < names.Count; i++)
        {
            var first = names[i];
            if (first.State is not null)
            {
                continue;
            }

            var gap = StatedAlias().Match(text, first.End);
            // An acronym and its name in brackets are read elsewhere; only a cue in words joins an acronym.
            var bracket = gap.Value.Trim() == "(";
            if (!gap.Success || gap.Index != first.End || (first.IsAcronym && bracket))
            {
                continue;
            }

            var at = gap.Index + gap.Length;
            var second = names.Find(n => n.Start == at);
            if (second is null)
            {
                // "widely known as Hemedti" where the recognizer saw nothing: the capitalized words after the cue.
                var run = CapitalizedRun().Match(text, at);
                if (!run.Success || run.Index != at || MakeName(work, at, at + run.Length, first.EntityType) is not { } made)
                {
                    continue;
                }

                second = made;
                names.Add(second);
            }

            if ((second.IsAcronym && bracket) || second.State is not null)
            {
                continue;
            }

            if (bracket)
            {
                // "X (Y)": a person's or an organisation's other name, closed at once; never a place's
                // region ("Mosul (Nineveh)"), an outlet after a byline or a kind the two names disagree on.
                var close = second.End < text.Length && text[second.End] == ')';
                if (!close || first.Kind.Kind.Family() == KindFamily.Place || (second.Kind.Weight == KindClassifier.CueWeight && second.Kind.Kind.Family() != first.Kind.Kind.Family()))
                {
                    continue;
                }
            }

            var end = Math.Min(text.Length, second.End + (second.End < text.Length && text[second.End] is ')' or '”' or '"' ? 1 : 0));
            statements.Add((first, second, text[first.Start..end]));
        }

        // "Hemedti, as Dagalo is known": the name after "as" is the actor's, the one before another name of it.
        foreach (Match match in AsItIsKnown().Matches(text))
        {
            var alias = names.Find(n => n.End == match.Index && !n.IsAcronym);
            var name = names.Find(n => n.Start == match.Groups["name"].Index && n.End == match.Groups["name"].Index + match.Groups["name"].Length);
            if (alias is not null && name is not null && alias.State is null && name.State is null)
            {
                statements.Add((name, alias, text[alias.Start..(match.Index + match.Length)]));
            }
        }

        foreach (var (earlier, later, quote) in statements)
        {
            var reason = $"the text says they are one: “{quote}”";
            for (var k = 0; k < names.Count; k++)
            {
                var name = names[k];
                if (name.Start >= later.Start && string.Equals(name.Text, later.Text, StringComparison.OrdinalIgnoreCase) && name.FormOf is null)
                {
                    names[k] = name with { Kind = earlier.Kind, FormOf = (earlier.Text, reason) };
                }
            }
        }
    }

    /// <summary>
    /// "DoD Identifies Army Casualty", "Coalition Strikes Mosul": capitals in a headline say nothing, so
    /// a name of two words or more found there and written nowhere else in the article is not one.
    /// </summary>
    private static bool IsHeadlineOnly(ArticleWork work, NameMention name)
    {
        if (name.IsAcronym || name.CoreWords.Count < 2 || !(InTitleCase(work, name.Start) || IsTitleLine(work.Text, name.Start)))
        {
            return false;
        }

        return !WrittenElsewhere(work.Text, name);
    }

    /// <summary>
    /// "Security was tight": a known name of one word that opens a sentence, where any word is
    /// capitalized, is a name only when the tagger reads it as a proper noun.
    /// </summary>
    private static bool OpensSentenceAsWord(ArticleWork work, int start, int end)
        => work.Text.AsSpan(start, end - start) is var word && word.IndexOfAny(' ', '.') < 0 && word.ContainsAnyInRange('a', 'z')
           && work.SentenceStart(work.SentenceOf(start)) == start && !work.IsProperNoun(start);

    /// <summary>Whether the article writes the name's text anywhere but where this mention stands.</summary>
    private static bool WrittenElsewhere(string text, NameMention name)
    {
        var at = text.IndexOf(name.Text, StringComparison.Ordinal);
        while (at >= 0 && at == name.Start)
        {
            at = text.IndexOf(name.Text, at + 1, StringComparison.Ordinal);
        }

        return at >= 0;
    }

    /// <summary>The article's first line, standing alone before a blank line and ending with no stop: its title.</summary>
    internal static bool IsTitleLine(string text, int position)
    {
        var lineEnd = text.IndexOf('\n', position);
        if (lineEnd < 0 || text.AsSpan(0, position).Contains('\n'))
        {
            return false;
        }

        var line = text.AsSpan(0, lineEnd).TrimEnd();
        var next = text.AsSpan(lineEnd + 1);
        var blank = next.Length > 0 && (next[0] == '\n' || (next[0] == '\r' && next.Length > 1 && next[1] == '\n'));
        return blank && line.Length > 0 && line[^1] is not ('.' or '!' or '?' or ':' or ';');
    }

    /// <summary>
    /// "United, we continue to work…": a word of one that opens a sentence before a comma, which the
    /// tagger does not read as a proper noun and the article never writes again, is a capitalized
    /// word, not a name.
    /// </summary>
    private static bool IsCapitalizedWord(ArticleWork work, NameMention name)
    {
        // Only before a comma ("United, we", "Together, they"), where openers that are no names stand,
        // and never what the recognizer called a person: "Haftar launched ..." keeps its name.
        if (name.IsAcronym || name.Text.Contains(' ', StringComparison.Ordinal) || name.Kind.Weight != KindClassifier.TypeWeight
            || name.EntityType == "PER" || name.End >= work.Text.Length || work.Text[name.End] != ','
            || work.SentenceStart(work.SentenceOf(name.Start)) != name.Start || work.IsProperNoun(name.Start))
        {
            return false;
        }

        return !WrittenElsewhere(work.Text, name);
    }

    /// <summary>
    /// "Ankara dropped all claims", "blamed by Washington", "untied the hands of Cairo": a foreign
    /// capital stands for its state's government. Not where it is a place ("in Ankara", "flew to
    /// Washington", "Washington, D.C."), and not in an article that has the city as a place anywhere
    /// (one sense per article): the capital of the country at war is where things happen
    /// ("take Tripoli", "Tripoli is behind the red line"), and stands for one side, not the state.
    /// </summary>
    private void ReadCapitalsAsStates(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        var capitals = names.Where(n => n.Kind.Weight == KindClassifier.TypeWeight && n.Kind.Kind is ActorKind.Place or ActorKind.Organization)
            .Select(n => (Name: n, Country: countries.CountryOfCapital(n.Text), Address: IsAddress(text, n.End)))
            .Where(c => c.Country is not null)
            .ToList();
        var places = capitals.Where(c => !c.Address && IsPlaceHere(work, c.Name.Start)).Select(c => c.Country).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, country, address) in capitals)
        {
            if (address || places.Contains(country))
            {
                continue;
            }

            names[names.IndexOf(name)] = name with
            {
                Kind = new KindDecision(ActorKind.State, $"{NameMention.StateReason}{country}: {name.Text}, {NameMention.CapitalReason}", KindClassifier.CueWeight) { State = country, IsCapital = true },
            };
        }

        static bool IsAddress(string text, int end)
            => text.AsSpan(end).StartsWith(", D", StringComparison.Ordinal) || text.AsSpan(end).StartsWith("-based", StringComparison.Ordinal);
    }

    private static readonly string[] Legislatures = ["Parliament", "House of Representatives", "Congress", "Assembly", "Council of Deputies", "Duma", "Majlis"];

    /// <summary>
    /// Whether the words before a capital make it the city: "in Ankara", "flew to Washington", "take
    /// Tripoli", "control of Tripoli", "south of Tripoli", "the capital, Tripoli".
    /// </summary>
    private static bool IsPlaceHere(ArticleWork work, int start)
    {
        if (IsDateline(work.Text, start))
        {
            return true;
        }

        var before = work.WordBefore(start);
        var twoBefore = work.WordBefore(start, 2);
        return PlaceWords.Contains(before)
               || (before == "of" && PlaceNounsBeforeOf.Contains(twoBefore))
               || (before == "," && twoBefore.Equals("capital", StringComparison.OrdinalIgnoreCase))
               || before.Equals("capital", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "BAGHDAD - Coalition forces...", "TRIPOLI, Libya —": a place name in capitals opening a line,
    /// before a dash, a comma or a parenthesis, is where the report was filed.
    /// </summary>
    internal static bool IsDateline(string text, int start)
    {
        var lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }

        if (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            return false;
        }

        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] is ' ' or '-' or '.' or '\'' or '’') && !(text[end] == ' ' && end + 1 < text.Length && text[end + 1] is '-' or '—' or '–' or '('))
        {
            end++;
        }

        var name = text[start..end].TrimEnd(' ', '-');
        if (name.Length < 3 || name.Any(char.IsLower) || !name.Any(char.IsLetter))
        {
            return false;
        }

        var after = text.AsSpan(start + name.Length).TrimStart(' ');
        return after.Length > 0 && after[0] is ',' or '-' or '—' or '–' or '(';
    }

    // Prepositions that put a place after them; not "from", "with", "by" or "to", which people follow as often.
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "near", "outside", "around", "into", "across", "through", "towards", "toward", "at", "inside", "west", "east", "north", "south",
    };

    // Words before a capital that make it the city: "in Ankara", "flew to Washington", "attack Tripoli".
    private static readonly HashSet<string> PlaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "to", "into", "from", "near", "outside", "around", "across", "through", "toward", "towards", "via", "visited", "reached", "central", "downtown",
        "take", "taking", "took", "taken", "capture", "captured", "capturing", "seize", "seized", "seizing", "attack", "attacked", "attacking", "enter", "entered",
        "entering", "conquer", "conquered", "conquering", "free", "freed", "freeing", "besiege", "besieged", "shell", "shelled", "shelling", "bomb", "bombed",
        "storm", "stormed", "hold", "held", "holding", "defend", "defended", "defending", "surround", "surrounded", "liberate", "liberated", "on",
    };

    // "control of Tripoli", "the outskirts of Tripoli", "south of Tripoli".
    private static readonly HashSet<string> PlaceNounsBeforeOf = new(StringComparer.OrdinalIgnoreCase)
    {
        "control", "outskirts", "suburbs", "streets", "center", "centre", "heart", "south", "north", "east", "west", "southeast", "southwest", "northeast",
        "northwest", "capture", "siege", "battle", "fall", "mayor", "residents", "people", "city", "gates", "airport", "port", "district", "districts",
    };

    /// <summary>
    /// "Hoftar" in an article that writes "Haftar", "Kathar" beside "Qatar", "Al-Qaeda" where other
    /// articles write "Al-Qaida": a proper noun of one word the recognizer missed, sounding as a name
    /// of the article (or as a name actors of the corpus are written) and close enough in
    /// spelling, is that name written otherwise.
    /// </summary>
    private void AddOtherSpellings(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        var own = new Dictionary<string, (string Name, string Type)>(StringComparer.Ordinal);
        var shortened = new Dictionary<string, NameMention>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !n.IsAcronym))
        {
            var space = name.Text.LastIndexOf(' ');
            var form = space > 0 && name.Kind.Kind == ActorKind.Person ? name.Text[(space + 1)..] : name.Text;
            if (KnownNames.SoundOf(form) is { } sound)
            {
                own.TryAdd(sound, (form, name.EntityType));
            }

            // "Saiqa" for the "Saiga Forces": the one word of a group's name that is no word of its kind.
            if (GroupWordOf(name) is { } word && KnownNames.SoundOf(word) is { } groupSound && own.TryAdd(groupSound, (word, name.EntityType)))
            {
                shortened[word] = name;
            }
        }

        var found = new List<NameMention>();
        var taken = new SpanIndex(names);
        foreach (var (start, end) in KnownNames.CapitalizedWords(text))
        {
            // The tagger's word is the whole of "anti-Kathar", and it may not call "Al-Qaeda" a proper
            // noun; capitals after a hyphen say it is a name.
            var word = text[start..end];
            var capitalsAfterHyphen = (start > 0 && text[start - 1] == '-') || (word.IndexOf('-', StringComparison.Ordinal) is > 0 and var hyphen && char.IsUpper(word[hyphen + 1]));
            if ((!capitalsAfterHyphen && !work.IsProperNoun(start)) || taken.Overlaps(start, end))
            {
                continue;
            }

            if (KnownNames.SoundOf(word) is not { } sound)
            {
                continue;
            }

            (string Name, string Type)? target = own.TryGetValue(sound, out var ours) ? ours
                : known?.SpellingOf(word, sound) is { } theirs ? (theirs.Name, EntityTypeOf(theirs.Kind)) : null;
            var group = target is { } named ? shortened.GetValueOrDefault(named.Name) : null;
            if (target is not { } spelling || (group is null && string.Equals(spelling.Name, word, StringComparison.Ordinal))
                || NameVariantMatcher.Match(word, spelling.Name).Score < NameVariantMatcher.SameName)
            {
                continue;
            }

            if (MakeName(work, start, end, spelling.Type) is { } other)
            {
                found.Add(group is null ? other : other with { FormOf = (group.Text, $"{word} is the {group.Text} named by the one word of its name that is no word of its kind") });
            }
        }

        names.AddRange(found);
    }

    /// <summary>
    /// "attacked oil facilities in Ras- Lanufe and Sidre" and, later, "regain control of Ras Lanuf and
    /// Sidr": a translation from Russian keeps the case endings of place names. A run of proper nouns
    /// the recognizer missed, written elsewhere in the article with one of those endings more
    /// (-a, -e, -u, -om, -oy), is one name with that form; both are names when one of them
    /// is a name of the article already, or when either stands where a place does ("in", "control
    /// of", or in a list with a place of the article). A name of the recognizer that runs another
    /// name of the article into such a form ("Jufra Huna" beside "Hun") is two names.
    /// </summary>
    private void AddDeclinedNames(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        var runs = ProperNounRuns(work, names);

        // Forms inside a name of the recognizer, after words that are a name of the article on their own.
        var own = names.Where(n => !n.IsAcronym).Select(n => n.Text).ToHashSet(StringComparer.Ordinal);
        var tails = new List<(int Start, int End, NameMention Span)>();
        foreach (var name in names.Where(n => !n.IsAcronym && n.EntityType == "LOC"))
        {
            var space = name.Text.LastIndexOf(' ');
            if (space > 0 && own.Contains(name.Text[..space]))
            {
                tails.Add((name.Start + space + 1, name.End, name));
            }
        }

        var candidates = runs.Select(r => (r.Start, r.End, Span: (NameMention?)null))
            .Concat(tails.Select(t => (t.Start, t.End, Span: (NameMention?)t.Span)))
            .Concat(names.Where(n => !n.IsAcronym && n.Kind.Kind != ActorKind.Person).Select(n => (n.Start, n.End, Span: (NameMention?)n)))
            .Select(c => (c.Start, c.End, c.Span, Text: Spaced(text[c.Start..c.End])))
            .ToList();

        // A declined form starts with its bare form: only candidates that share a first letter are compared.
        var byInitial = candidates.ToLookup(c => c.Text[0]);
        var found = new List<NameMention>();
        var split = new Dictionary<NameMention, NameMention>();
        foreach (var bare in candidates)
        {
            var bareText = bare.Text;
            foreach (var declined in byInitial[bareText[0]])
            {
                var declinedText = declined.Text;
                if (declinedText.Length <= bareText.Length || !declinedText.StartsWith(bareText, StringComparison.Ordinal)
                    || !CaseEndings.Contains(declinedText[bareText.Length..]) || bareText.Length - bareText.LastIndexOf(' ') - 1 < 3)
                {
                    continue;
                }

                // Which of the two is a name already (a whole name of the recognizer, not a tail of one).
                var bareName = bare.Span is { } b && b.Start == bare.Start ? b : null;
                var declinedName = declined.Span is { } d && d.Start == declined.Start ? d : null;
                if (bareName is not null && declinedName is not null)
                {
                    continue;
                }

                var type = (bareName ?? declinedName)?.EntityType;
                if (type is null && (StandsAsPlace(work, names, runs, bare.Start) || StandsAsPlace(work, names, runs, declined.Start)))
                {
                    type = "LOC";
                }

                if (type is null)
                {
                    continue;
                }

                var reason = $"{text[declined.Start..declined.End]} is {text[bare.Start..bare.End]} with a Russian case ending";
                foreach (var (start, end, span, _) in new[] { bare, declined })
                {
                    if ((span is not null && span.Start == start) || found.Exists(f => f.Start == start))
                    {
                        continue;
                    }

                    if (span is not null)
                    {
                        // The tail of a longer name: the words before it are a name of their own.
                        if (!split.ContainsKey(span) && MakeName(work, span.Start, start - 1, span.EntityType) is { } before)
                        {
                            split[span] = before;
                        }
                        else
                        {
                            continue;
                        }
                    }

                    if (MakeName(work, start, end, type) is { } form)
                    {
                        found.Add(start == declined.Start ? form with { FormOf = (text[bare.Start..bare.End], reason) } : form);
                    }
                }
            }
        }

        // The first of two forms joins a chain first; the later one names the earlier, whichever it is.
        foreach (var form in found.Where(f => f.FormOf is not null).ToList())
        {
            var bare = found.Find(f => f.FormOf is null && string.Equals(Spaced(f.Text), Spaced(form.FormOf!.Value.Name), StringComparison.Ordinal));
            if (bare is not null && bare.Start > form.Start)
            {
                found[found.IndexOf(bare)] = bare with { FormOf = (form.Text, form.FormOf!.Value.Reason) };
                found[found.IndexOf(form)] = form with { FormOf = null };
            }
        }

        foreach (var (span, before) in split)
        {
            names[names.IndexOf(span)] = before;
        }

        names.AddRange(found);

        static string Spaced(string name) => name.Replace("- ", " ", StringComparison.Ordinal);
    }

    // Endings Russian nouns take in their cases, as English transliterations write them; not -i or
    // -y, which make Arabic adjectives of place names ("Zintani", "Iraqi") in any English text.
    private static readonly HashSet<string> CaseEndings = new(StringComparer.Ordinal) { "a", "e", "u", "om", "oy" };

    /// <summary>
    /// Runs of up to three proper nouns, capitalized, that no name covers, joined by spaces or by a
    /// hyphen and a space as a translation may leave it ("Ras- Lanufe").
    /// </summary>
    private static List<(int Start, int End)> ProperNounRuns(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        var runs = new List<(int Start, int End)>();
        var tokens = work.Tokens;
        var taken = new SpanIndex(names);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsFreeProperNoun(i))
            {
                continue;
            }

            var start = tokens[i].Start;
            var end = tokens[i].End;
            var words = 1;
            var next = i + 1;
            while (words < 3 && next < tokens.Count)
            {
                var gap = text[end..tokens[next].Start];
                if (gap == " " && IsFreeProperNoun(next))
                {
                    end = tokens[next].End;
                    next++;
                }
                else if (text[tokens[next].Start..tokens[next].End] == "-" && next + 1 < tokens.Count && text[tokens[next].End..tokens[next + 1].Start] == " "
                         && gap.Length == 0 && IsFreeProperNoun(next + 1))
                {
                    end = tokens[next + 1].End;
                    next += 2;
                }
                else
                {
                    break;
                }

                words++;
            }

            runs.Add((start, end));
            i = next - 1;
        }

        return runs;

        bool IsFreeProperNoun(int index)
        {
            var (start, end) = (tokens[index].Start, tokens[index].End);
            var word = text.AsSpan(start, end - start);
            return word.Length >= 3 && char.IsUpper(word[0]) && word[1..].ContainsAnyInRange('a', 'z') && !word[1..].ContainsAnyInRange('A', 'Z')
                   && work.IsProperNoun(start) && !taken.Overlaps(start, end);
        }
    }

    /// <summary>
    /// Whether a run of proper nouns stands where a place does: after a word that makes a capital
    /// the city ("in", "control of"), itself or the list it is in ("in Ras- Lanufe and Sidre"), or in
    /// a list with a place of the article ("the settlements of Hun, Sokna, Waddan").
    /// </summary>
    private static bool StandsAsPlace(ArticleWork work, List<NameMention> names, List<(int Start, int End)> runs, int start)
    {
        var tokens = work.Tokens;

        // Back over the list to the word that introduces it, noting the places named in it.
        var index = work.TokenAt(start);
        var place = false;
        while (index >= 2 && work.Word(index - 1) is "," or "and")
        {
            var previousEnd = tokens[index - 2].End;
            var item = names.Find(n => n.End == previousEnd) is { } name ? (name.Start, IsPlace: name.Kind.Kind == ActorKind.Place)
                : runs.Find(r => r.End == previousEnd) is { End: > 0 } run ? (run.Start, IsPlace: false) : (Start: -1, IsPlace: false);
            if (item.Start < 0)
            {
                break;
            }

            place |= item.IsPlace;
            index = work.TokenAt(item.Start);
        }

        // Not after "to", "on" or "from", which people are spoken to and heard from as well.
        if (place || (index > 0 && work.WordBefore(tokens[index].Start) is not ("to" or "on" or "from") && IsPlaceHere(work, tokens[index].Start)))
        {
            return true;
        }

        // On through the rest of the list.
        var end = runs.Find(r => r.Start == start) is { End: > 0 } self ? self.End : start;
        for (var next = work.TokenAt(end); next + 1 < tokens.Count && work.Word(next) is "," or "and"; )
        {
            var itemStart = tokens[next + 1].Start;
            if (names.Find(n => n.Start == itemStart) is { } name)
            {
                if (name.Kind.Kind == ActorKind.Place)
                {
                    return true;
                }

                next = work.TokenAt(name.End);
            }
            else if (runs.Find(r => r.Start == itemStart) is { End: > 0 } run)
            {
                next = work.TokenAt(run.End);
            }
            else
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// The word that names a group of two words, the other of which says what kind of group it is
    /// ("Saiga" of the "Saiga Forces", "Wagner" of the "Wagner Group"); null for any other name.
    /// </summary>
    private string? GroupWordOf(NameMention name)
    {
        if (name.Kind is not { Weight: KindClassifier.CueWeight, Kind: ActorKind.ArmedGroup or ActorKind.Organization or ActorKind.Movement }
            || name.Text.Split(' ') is not [var first, var last] || first.Length < 4 || !char.IsUpper(first[0]))
        {
            return null;
        }

        bool Names(string word) => classifier.Classify(word, "ORG", hadPersonTitle: false).Weight == KindClassifier.CueWeight;
        return Names(last) && !Names(first) && countries.CountryOfDemonym(first) is null ? first : null;
    }

    /// <summary>
    /// "The Syrian Observatory for Human Rights published", "the Saiga Forces Captain Mahmoud
    /// Al-Wirfally": capitalized words past the start of a sentence, among them a proper noun (or three
    /// capitalized words, which the tagger may read as adjectives: "the Syrian Democratic Forces") and
    /// a word that says what kind of body they name, are a name the recognizer missed. They stop
    /// before a person's title; a nationality word and one such word ("Turkish Forces") are left to
    /// the nationality rule.
    /// </summary>
    private void AddCapitalizedNames(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        var found = new List<NameMention>();
        foreach (Match match in CapitalizedPhrase().Matches(text))
        {
            var words = new List<(int Start, int End)>();
            for (var at = match.Index; at < match.Index + match.Length;)
            {
                var end = text.IndexOf(' ', at, match.Index + match.Length - at) is var space and >= 0 ? space : match.Index + match.Length;
                words.Add((at, end));
                at = end + 1;
            }

            string Word(int i) => text[words[i].Start..words[i].End];
            var first = 0;
            while (first < words.Count && (ActorWords.LeadingNoise.Contains(Word(first))
                                           || (work.SentenceStart(work.SentenceOf(words[first].Start)) == words[first].Start && !work.IsProperNoun(words[first].Start))))
            {
                first++;
            }

            var last = first;
            while (last < words.Count && !(ActorWords.PersonTitles.TryGetValue(Word(last), out var role) && role.Length > 0))
            {
                last++;
            }

            while (last > first && FunctionWords.Contains(Word(last - 1)))
            {
                last--;
            }

            // The word of its kind is a word of its own, not part of one ("Post-NATO").
            var capitalized = Enumerable.Range(first, last - first).Where(i => char.IsUpper(Word(i)[0])).ToList();
            if (capitalized.Count < 2 || (capitalized.Count < 3 && !capitalized.Exists(i => work.IsProperNoun(words[i].Start))) || capitalized.Exists(i => Word(i).All(c => !char.IsLower(c)))
                || !capitalized.Exists(i => !Word(i).Contains('-', StringComparison.Ordinal) && classifier.Classify(Word(i), "ORG", hadPersonTitle: false).Weight == KindClassifier.CueWeight))
            {
                continue;
            }

            var (start, stop) = (words[first].Start, words[last - 1].End);
            if (InTitleCase(work, start))
            {
                continue; // "Few Good Men in Post-NATO Libyan Quagmire as Jihadists Battle": a headline, where capitals say nothing
            }

            // Not over a name of two words or more ("the Islamic State of Iraq" is not one more name).
            if (names.Exists(n => n.Start < stop && n.End > start && (n.Start < start || n.End > stop || n.CoreWords.Count > 1 || n.IsAcronym))
                || (capitalized.Count == 2 && countries.CountryOfDemonym(Word(first)) is not null))
            {
                continue;
            }

            if (MakeName(work, start, stop, "ORG") is { Kind: { Weight: KindClassifier.CueWeight, Kind: ActorKind.ArmedGroup or ActorKind.Government or ActorKind.Media or ActorKind.Movement or ActorKind.Organization } } name)
            {
                names.RemoveAll(n => n.Start >= start && n.End <= stop);
                found.Add(name);
            }
        }

        names.AddRange(found);
    }

    /// <summary>
    /// "3rd Battalion", "134th Expeditionary Fighter Squadron", "5th Special Forces Group": an ordinal,
    /// capitalized words, and a word for a military unit is the name of that unit, whatever the
    /// recognizer made of it (it learned from web text, where such names are rare). The ordinal says
    /// "Group" and "Wing" are units here. A shorter name found inside it gives way.
    /// </summary>
    private void AddNumberedUnits(ArticleWork work, List<NameMention> names)
    {
        foreach (Match match in NumberedUnit().Matches(work.Text))
        {
            var (start, end) = (match.Index, match.Index + match.Length);
            if (names.Exists(n => (n.Start < start && n.End > start) || (n.Start < end && n.End > end)))
            {
                continue; // crosses the edge of a name found already
            }

            if (MakeName(work, start, end, "ORG") is { } name)
            {
                names.RemoveAll(n => n.Start >= start && n.End <= end);
                names.Add(name with { Kind = new KindDecision(ActorKind.ArmedGroup, $"\"{match.Groups["unit"].Value}\" after an ordinal names a military unit", KindClassifier.CueWeight) });
            }
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])\d+(?:st|nd|rd|th) (?:\p{Lu}[\p{L}-]* ){0,4}(?<unit>Battalion|Brigade|Regiment|Division|Squadron|Wing|Group|Corps|Battery|Fleet|Army|Company|Flotilla|Task Force)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedUnit();

    /// <summary>
    /// Whether the line at <paramref name="position"/> is a headline: no stop at its end, and most of
    /// its words capitalized (a sentence full of names still ends with one).
    /// </summary>
    private static bool InTitleCase(ArticleWork work, int position)
    {
        var text = work.Text;
        var start = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var end = text.IndexOf('\n', position) is var newline and >= 0 ? newline : text.Length;
        if (text.AsSpan(start, end - start).TrimEnd().TrimEnd("”\"’')") is [.., '.' or '!' or '?' or ':' or ';'])
        {
            return false;
        }

        int words = 0, capitalized = 0;
        for (var i = work.TokenAt(start); i < work.Tokens.Count && work.Tokens[i].Start < end; i++)
        {
            var word = work.Word(i);
            if (word.Length > 3 && char.IsLetter(word[0]))
            {
                words++;
                capitalized += char.IsUpper(word[0]) ? 1 : 0;
            }
        }

        return words >= 4 && capitalized * 4 >= words * 3;
    }

    // Capitalized words joined by "of", "for", "the"; never by "and", which makes a list of names.
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}’'.-])\p{Lu}[\p{L}’'-]*(?:(?: (?:of|for|the))* \p{Lu}[\p{L}’'-]*)+", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalizedPhrase();

    /// <summary>
    /// "According to the Observatory" after "the Syrian Observatory for Human Rights", "The Observer
    /// claims" after "the Libya Observer": the word that says what kind of body a name is, after
    /// "the", stands for the one name of the article before it that has that word.
    /// </summary>
    private void AddHeadWordNames(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        var found = new List<NameMention>();
        foreach (Match match in TheHeadWord().Matches(text))
        {
            var word = match.Groups["word"];
            var (start, end) = (word.Index, word.Index + word.Length);
            if (names.Exists(n => n.Start < end && n.End > start)
                || classifier.Classify(word.Value, "ORG", hadPersonTitle: false) is not { Weight: KindClassifier.CueWeight, Kind: ActorKind.ArmedGroup or ActorKind.Government or ActorKind.Media or ActorKind.Movement or ActorKind.Organization })
            {
                continue;
            }

            var having = names.Where(n => !n.IsAcronym && n.Start < start && n.Kind.Kind.Family() == KindFamily.Organization && Array.IndexOf(n.Text.Split(' '), word.Value) > 0)
                .DistinctBy(n => n.Text, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (having.Count == 1 && MakeName(work, start, end, having[0].EntityType) is { } name)
            {
                found.Add(name with { FormOf = (having[0].Text, $"the {word.Value}: the one name before it with that word is {having[0].Text}") });
            }
        }

        names.AddRange(found);
    }

    // "the Observatory", "The Observer claims": one capitalized word after "the", no other after it.
    [GeneratedRegex(@"\b[Tt]he (?<word>\p{Lu}\p{Ll}+)\b(?![’'-]| \p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex TheHeadWord();

    private static string EntityTypeOf(ActorKind kind) => kind switch
    {
        ActorKind.Person => "PER",
        ActorKind.Place or ActorKind.State or ActorKind.Facility => "LOC",
        _ => "ORG",
    };

    /// <summary>
    /// "Mohammed Al-Ghasri", "Mahmoud Al-Wirfally" where the recognizer stopped at the given name: a
    /// person's name goes on through a surname joined to its article or particle ("Al-", "el-", "Abu-").
    /// </summary>
    private void ExtendByParticleSurname(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.EntityType != "PER" || name.IsAcronym)
            {
                continue;
            }

            var match = ParticleSurname().Match(text, name.End);
            if (!match.Success || match.Index != name.End)
            {
                continue;
            }

            var end = name.End + match.Length;
            if (!names.Exists(n => n != name && n.Start < end && n.End > name.End) && MakeName(work, name.Start, end, "PER") is { } longer)
            {
                names[i] = longer;
            }
        }
    }

    // " of " and a word, at the start of the text given.
    [GeneratedRegex(@"^\s+of\s+\w", RegexOptions.CultureInvariant)]
    private static partial Regex OfPhrase();

    // ", widely known as ", ", also known by its Arabic acronym as ", ", also called ", " (", ", alias ",
    // ", whose nom de guerre is “"; a bare
    // "called" or "known as" only after a comma or a parenthesis ("Trump called Haftar" is a call).
    [GeneratedRegex(@"\G(?: ?\((?=\p{Lu})|(?:,\s*|\s*\(\s*)(?:(?:(?:who|which) (?:is|was) )?(?:(?:also|widely|better|commonly|popularly|locally|generally|more commonly|now|formerly|previously) )*(?:known|referred to)(?: by (?:its|their|his|her|the) (?:[\p{L}-]+ ){0,2}?(?:name|acronym|initials|title))? as|(?:also |formerly |sometimes )?called|a\.k\.a\.?|aka|alias|(?:(?:known by )?(?:his|her|the) )?nom de guerre(?: of)?|whose nom de guerre (?:is|was))\s*[“""']?|\s+(?:also (?:known as|called)|a\.k\.a\.?|aka|alias)\s*[“""']?)", RegexOptions.CultureInvariant)]
    private static partial Regex StatedAlias();

    // "Hemedti, as Dagalo is (widely) known".
    [GeneratedRegex(@",\s*as (?<name>\p{Lu}[\w’'-]*(?: \p{Lu}[\w’'-]*){0,3}) is (?:(?:widely|better|commonly|popularly|locally|generally) )?known\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsItIsKnown();

    [GeneratedRegex(@"\p{Lu}[\w’'-]*(?: \p{Lu}[\w’'-]*){0,3}", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalizedRun();

    // "al-Qaeda", "el-Sisi": a name after its article particle.
    [GeneratedRegex(@"^(?:al|el|ad|ar|as|an|at|ash|ad-)-\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex ParticleName();

    [GeneratedRegex(@"\G (?:[Aa]l|[Ee]l|Abu|Abou|Ben|Bin|Ibn)-[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex ParticleSurname();

    /// <summary>
    /// “Operation Dignity”, “Council of Benghazi Revolutionaries’ Shura”: a phrase in quotation marks,
    /// its words capitalized, with a word that says what kind of body it is, is one name, whatever
    /// the recognizer found in it.
    /// </summary>
    private void AddQuotedNames(ArticleWork work, List<NameMention> names)
    {
        foreach (Match match in QuotedName().Matches(work.Text))
        {
            var group = match.Groups["name"];
            var (start, end) = (group.Index, group.Index + group.Length);
            if (names.Exists(n => n.Start < end && n.End > start && (n.Start < start || n.End > end)) || names.Exists(n => n.Start == start && n.End == end))
            {
                continue; // a name over the quotation marks, or the very name already
            }

            if (MakeName(work, start, end, "ORG") is { Kind.Weight: KindClassifier.CueWeight } name)
            {
                names.RemoveAll(n => n.Start >= start && n.End <= end);
                names.Add(name);
            }
            else if (TranslationVariant(group.Value) is { } variant && names.Find(n => string.Equals(n.Text, variant, StringComparison.OrdinalIgnoreCase)) is { } named
                     && MakeName(work, start, end, named.EntityType) is { } translated)
            {
                // “Third Power” in an article that names the Third Force: the same name, translated otherwise.
                names.RemoveAll(n => n.Start >= start && n.End <= end);
                names.Add(translated);
            }
        }
    }

    /// <summary>
    /// The name with the one head word a translation renders two ways swapped for the other ("Third
    /// Power" and "Third Force" both translate Russian "Tretya sila"), or null when it has none.
    /// </summary>
    private static string? TranslationVariant(string name)
    {
        var space = name.LastIndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        var last = name[(space + 1)..];
        return TranslatedAlike.TryGetValue(last, out var other) ? $"{name[..space]} {other}" : null;
    }

    private static readonly Dictionary<string, string> TranslatedAlike = new(StringComparer.Ordinal)
    {
        ["Force"] = "Power", ["Power"] = "Force", ["Forces"] = "Powers", ["Powers"] = "Forces",
    };

    [GeneratedRegex(@"[“""](?<name>\p{Lu}[\w’'-]*(?: (?:of|the|for|and|al|el) )?(?: ?\p{Lu}[\w’'-]*(?: (?:of|the|for|and) )?){1,5})[”""]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    /// <summary>
    /// “government of national salvation”, "the Government of National Salvation", "the national
    /// salvation government" where the recognizer found only "national salvation": the name of a
    /// body goes on over "government of" before it and "government" after it.
    /// </summary>
    /// <summary>
    /// "the International Syria Support Group continues", "the Hashemite Kingdom of Jordan": the
    /// recognizer stopped one word short of a name. A capitalized word after a name that says what
    /// kind of body it is (Group, Council, Command: the kind classifier's cue words) belongs to it;
    /// so does "of" and a state when the whole is that state's formal name.
    /// </summary>
    private void ExtendByBodyWord(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.IsAcronym || name.Kind.Kind == ActorKind.Person || name.EntityType == "PER")
            {
                continue;
            }

            var end = name.End;
            var kind = "ORG";
            if (BodyWordAfter().Match(text, end) is { Success: true } body && body.Index == end
                && classifier.Classify(body.Groups["word"].Value, "ORG", hadPersonTitle: false) is { Weight: KindClassifier.CueWeight, Kind: ActorKind.ArmedGroup or ActorKind.Government or ActorKind.Organization or ActorKind.Movement or ActorKind.Media })
            {
                end += body.Length;
            }
            else if (OfNameAfter().Match(text, end) is { Success: true } of && of.Index == end
                     && countries.Country(text[name.Start..(end + of.Length)], allowCodes: false) is not null)
            {
                end += of.Length;
                kind = "LOC";
            }

            // A name inside the words taken in ("Jordan") gives way; one that runs past them keeps them apart.
            if (end != name.End && !names.Exists(n => n != name && n.Start < end && n.End > end)
                && MakeName(work, name.Start, end, kind) is { } longer)
            {
                names.RemoveAll(n => n != name && n.Start >= name.End && n.End <= end);
                names[names.IndexOf(name)] = longer;
            }
        }
    }

    // A space and one capitalized word, not followed by another capitalized word (that would be a name of its own).
    [GeneratedRegex(@"\G (?<word>\p{Lu}\p{Ll}+)(?![\p{L}’'-]| \p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex BodyWordAfter();

    // " of " and capitalized words.
    [GeneratedRegex(@"\G of (?:\p{Lu}[\p{L}’'-]*)(?: \p{Lu}[\p{L}’'-]*)*", RegexOptions.CultureInvariant)]
    private static partial Regex OfNameAfter();

    private void ExtendByGovernment(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.IsAcronym || name.Kind.Kind is ActorKind.Person or ActorKind.State or ActorKind.Place || name.EntityType == "PER")
            {
                continue;
            }

            var start = name.Start;
            var end = name.End;
            var before = GovernmentOfBefore().Match(text[Math.Max(0, start - 20)..start]);
            if (before.Success)
            {
                start -= before.Length;
            }

            var after = GovernmentAfter().Match(text, end);
            if (after.Success && after.Index == end)
            {
                end += after.Length;
            }

            if ((start != name.Start || end != name.End) && !names.Exists(n => n != name && n.Start < end && n.End > start)
                && MakeName(work, start, end, "ORG") is { } longer)
            {
                names[i] = longer;
            }
        }

        // "the Government of National Salvation" is also "the national salvation government".
        var found = new List<NameMention>();
        var taken = new SpanIndex(names);

        // Each spelling once: the text is searched for what a name's words make, and a name written
        // a thousand times would search it a thousand times for the same words.
        foreach (var name in names.DistinctBy(n => n.Text, StringComparer.Ordinal).ToList())
        {
            var of = GovernmentOfBefore().Match(name.Text.Split(' ', 3) is [var first, var second, _] ? $"{first} {second} " : "");
            if (!of.Success || name.Text.Length <= of.Length + 3)
            {
                continue;
            }

            var reversed = name.Text[of.Length..] + " government";
            for (var at = text.IndexOf(reversed, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(reversed, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + reversed.Length;
                if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end]))
                    || taken.Overlaps(at, end))
                {
                    continue;
                }

                if (MakeName(work, at, end, "ORG") is { } other)
                {
                    found.Add(other);
                    taken.Add(other);
                }
            }
        }

        names.AddRange(found);
    }

    [GeneratedRegex(@"(?<![\w-])[Gg]overnment of $", RegexOptions.CultureInvariant)]
    private static partial Regex GovernmentOfBefore();

    [GeneratedRegex(@"\G [Gg]overnment(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex GovernmentAfter();

    /// <summary>
    /// "Seif Al-Islam Gaddafi" read as "Al-Islam Gaddafi", "Caliph Haftar" as "Haftar": a person's name
    /// takes in the proper noun just before it, when that is no title, no other name and not the
    /// first word of a sentence (where capitals say nothing).
    /// </summary>
    private void ExtendByGivenName(ArticleWork work, List<NameMention> names)
    {
        var text = work.Text;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name.EntityType != "PER" || name.IsAcronym || name.Start < 2 || text[name.Start - 1] != ' ')
            {
                continue;
            }

            var start = name.Start - 1;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            var word = text[start..(name.Start - 1)];
            if (word.Length < 3 || !char.IsUpper(word[0]) || !word.AsSpan(1).ContainsAnyInRange('a', 'z') || !work.IsProperNoun(start)
                || work.SentenceStart(work.SentenceOf(start)) == start || (start > 0 && !char.IsWhiteSpace(text[start - 1]))
                || ActorWords.PersonTitles.ContainsKey(word) || ActorWords.LeadingNoise.Contains(word) || countries.CountryOfDemonym(word) is not null
                || names.Exists(n => n.Start < name.Start && n.End > start))
            {
                continue;
            }

            if (MakeName(work, start, name.End, "PER") is { } longer)
            {
                names[i] = longer;
            }
        }
    }

    /// <summary>
    /// "the main allies of Haftar Egypt and the United Arab Emirates": the recognizer ran a name the
    /// article already has and a country into one. The span is two names when its last words are a
    /// country and the words before them are another name of the article (or the surname of one).
    /// </summary>
    private void SplitRunTogether(ArticleWork work, List<NameMention> names)
    {
        var others = NamesAndSurnames(names, n => n.EntityType == "PER");
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            var words = name.Text.Split(' ');
            if (words.Length < 2 || name.IsAcronym || countries.Country(name.Text, allowCodes: false) is not null)
            {
                continue;
            }

            for (var split = 1; split < words.Length; split++)
            {
                var first = string.Join(' ', words[..split]);
                var country = string.Join(' ', words[split..]);
                if (others.TryGetValue(first, out var type) && first != name.Text && countries.Country(country, allowCodes: false) is not null
                    && MakeName(work, name.Start, name.Start + first.Length, type) is { } before
                    && MakeName(work, name.End - country.Length, name.End, "LOC") is { } after)
                {
                    names[i] = before;
                    names.Insert(i + 1, after);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// A name found once in the article is a name wherever else the article writes it the same way,
    /// and so is the surname of a full name: the recognizer passes over some occurrences (“Haftar for
    /// now will face ...” inside a quotation) that are plainly the same name.
    /// </summary>
    private void AddRepeatedNames(ArticleWork work, List<NameMention> names)
    {
        var forms = NamesAndSurnames(names, n => n.Kind.Kind == ActorKind.Person && !n.IsAcronym && n.CoreWords.Count >= 2);

        // "the IS convoy" in an article about the Islamic State: the initials of a group's name of two
        // or more words, written in capitals, stand for it.
        var initials = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !n.IsAcronym && n.CoreWords.Count >= 2 && n.EntityType == "ORG" && n.Kind.Kind.Family() == KindFamily.Organization))
        {
            var letters = Initials(name.Text);
            if (letters.Length is >= 2 and <= 6)
            {
                initials.TryAdd(letters, name.EntityType);
            }
        }

        var found = new List<NameMention>();
        var taken = new SpanIndex(names);
        foreach (var (form, type) in forms.Where(f => f.Key.Length >= 3 && char.IsLetter(f.Key[0]) && f.Key.Any(char.IsUpper)).OrderByDescending(f => f.Key.Length))
        {
            AddFreeOccurrences(work, form, type, taken, found, dotJoins: false);
        }

        foreach (var (letters, type) in initials)
        {
            AddFreeOccurrences(work, letters, type, taken, found, dotJoins: true);
        }

        names.AddRange(found);
    }

    /// <summary>Each name of the article (by its text, for the kind of name it is) and, where <paramref name="withSurname"/> says, its last word.</summary>
    private static Dictionary<string, string> NamesAndSurnames(List<NameMention> names, Func<NameMention, bool> withSurname)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            forms.TryAdd(name.Text, name.EntityType);
            var space = name.Text.LastIndexOf(' ');
            if (space > 0 && withSurname(name))
            {
                forms.TryAdd(name.Text[(space + 1)..], "PER");
            }
        }

        return forms;
    }

    /// <summary>
    /// Adds to <paramref name="found"/> every whole-word occurrence of <paramref name="form"/> that no
    /// name covers yet; initials (<paramref name="dotJoins"/>) are not read in "U.S." nor among words in capitals.
    /// </summary>
    private void AddFreeOccurrences(ArticleWork work, string form, string type, SpanIndex taken, List<NameMention> found, bool dotJoins)
    {
        var text = work.Text;
        bool Joins(char c) => char.IsLetterOrDigit(c) || c == '-' || (dotJoins && c == '.');
        for (var at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + 1, StringComparison.Ordinal))
        {
            var end = at + form.Length;
            if ((at > 0 && Joins(text[at - 1])) || (end < text.Length && Joins(text[end])) || (dotJoins && InCapitals(text, at, end))
                || taken.Overlaps(at, end))
            {
                continue;
            }

            if (MakeName(work, at, end, type) is { } name)
            {
                found.Add(name);
                taken.Add(name);
            }
        }
    }

    /// <summary>Whether the word at <paramref name="start"/>..<paramref name="end"/> stands among words in capitals (a headline written so), where capitals say nothing.</summary>
    private static bool InCapitals(string text, int start, int end)
    {
        static bool Capitals(ReadOnlySpan<char> word) => word.Length >= 2 && word.ContainsAnyInRange('A', 'Z') && !word.ContainsAnyInRange('a', 'z');
        var before = text.AsSpan(0, start).TrimEnd();
        var after = text.AsSpan(end).TrimStart();
        var previous = before[(before.LastIndexOfAny(' ', '\n') + 1)..];
        var nextEnd = after.IndexOfAny(' ', '\n');
        var next = nextEnd < 0 ? after : after[..nextEnd];
        return Capitals(previous.Trim(",.:;()\"“”")) || Capitals(next.Trim(",.:;()\"“”"));
    }

    /// <summary>"United Arab Emirates, Egypt" is two states when each part is one.</summary>
    private IEnumerable<(int Start, int End)> SplitLists(string text, int start, int end)
    {
        var span = text[start..end];
        var parts = ListSeparator().Split(span);
        if (parts.Length > 1 && parts.All(p => countries.Country(p, allowCodes: false) is not null))
        {
            var offset = start;
            foreach (var part in parts)
            {
                var at = text.IndexOf(part, offset, end - offset, StringComparison.Ordinal);
                yield return (at, at + part.Length);
                offset = at + part.Length;
            }

            yield break;
        }

        yield return (start, end);
    }

    private NameMention? MakeName(ArticleWork work, int start, int end, string type)
    {
        var text = work.Text;
        var roles = new HashSet<string>(StringComparer.Ordinal);
        var hadTitle = false;

        // Titles inside the recognizer's span ("Field Marshal Haftar") and before it ("Gen. Khalifa Haftar").
        while (true)
        {
            var wordEnd = NextSpace(text, start, end);
            if (wordEnd >= end)
            {
                break;
            }

            var word = text[start..wordEnd];
            if (ActorWords.PersonTitles.TryGetValue(word, out var role) || ActorWords.LeadingNoise.Contains(word))
            {
                if (!string.IsNullOrEmpty(role))
                {
                    roles.Add(role);
                }

                hadTitle |= role is not null;
                start = SkipSpaces(text, wordEnd, end);
                continue;
            }

            break;
        }

        // Trailing titles the recognizer took in: "Mohammed Al-Manfood Commander".
        while (true)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            if (space <= start)
            {
                break;
            }

            var word = text[(space + 1)..end];
            if (char.IsUpper(word[0]) && ActorWords.PersonTitles.TryGetValue(word, out var role) && role.Length > 0 && type == "PER")
            {
                end = space;
                continue;
            }

            break;
        }

        // "Secretary of Defense Ash Carter", "Minister for the Middle East Tobias Ellwood": the office's
        // words the recognizer took in are not part of the name, and the title is the person's role.
        if (OfficeTitleBefore(text, start) is { } office)
        {
            var rest = start;
            while (NextSpace(text, rest, end) is var wordEnd && wordEnd < end
                   && text[rest..wordEnd] is var word && char.IsUpper(word[0])
                   && (ActorWords.OfficeWords.Contains(word) || FunctionWords.Contains(word) || countries.Country(word, allowCodes: false) is not null))
            {
                rest = SkipSpaces(text, wordEnd, end);
            }

            var remainder = text[rest..end];
            var words = remainder.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (rest > start && words.Length <= 3 && words.All(w => char.IsUpper(w[0]))
                && classifier.Classify(remainder, "PER", hadPersonTitle: true).Kind == ActorKind.Person)
            {
                start = rest;
                type = "PER";
                roles.Add(office);
                hadTitle = true;
            }
        }

        // "Lebanon November": a date after a name is not part of it; a date alone, a feast or a time of day is no actor.
        while (NextSpace(text, start, end) is var firstEnd && firstEnd < end && ActorWords.DateWords.Contains(text[start..firstEnd]))
        {
            start = SkipSpaces(text, firstEnd, end);
        }

        while (text.LastIndexOf(' ', end - 1, end - start) is var lastSpace && lastSpace > start && ActorWords.DateWords.Contains(text[(lastSpace + 1)..end]))
        {
            end = lastSpace;
        }

        if (IsTimeName(text[start..end]))
        {
            return null;
        }

        // A possessive is not part of the name.
        if (end - start > 2 && text[end - 2] is '\'' or '’' && text[end - 1] == 's')
        {
            end -= 2;
        }

        // "former Mayor of Tripoli": a title alone names no one.
        if (ActorWords.PersonTitles.ContainsKey(text[start..end]))
        {
            return null;
        }

        foreach (var role in work.TitlesBefore(start))
        {
            roles.Add(role);
            hadTitle = true;
        }

        // Not in a headline, whose commas list ("Carter, Iraqi Prime Minister Discuss ...").
        if (!InTitleCase(work, end))
        {
            foreach (var role in work.RolesAfter(end))
            {
                roles.Add(role);
            }
        }

        var name = text[start..end];
        var core = NameForms.Core(name);
        if (core.Count == 0)
        {
            return null;
        }

        var kind = classifier.Classify(name, type, hadTitle && type != "LOC");

        // "near Ayn Isa", "in Dayr Az Zawr": a name the recognizer called a person, with no title,
        // written after a preposition of place (and not "in Haftar's words") is a place here. It is
        // evidence, weighed against the chain's other mentions, not a verdict.
        if (kind is { Kind: ActorKind.Person, Weight: KindClassifier.TypeWeight } && !hadTitle
            && PlacePrepositions.Contains(work.WordBefore(start)) && !(end + 1 < text.Length && text[end] is '\'' or '’'))
        {
            kind = new KindDecision(ActorKind.Place, $"written after “{work.WordBefore(start)}”, as places are", KindClassifier.ContextWeight);
        }
        if (type == "MISC" && kind.Weight == KindClassifier.TypeWeight)
        {
            return null; // "North African", "Islamist": words about actors, not actors
        }

        return new NameMention(start, end, name, core, kind, roles, IsAcronymText(name), type, null);
    }

    /// <summary>"Thanksgiving Day", "Greenwich Mean Time", "Ramadan", "March": names of times, not of actors.</summary>
    internal static bool IsTimeName(string name)
    {
        var words = name.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var last = words[^1].TrimEnd('.', ',');
        return ActorWords.TimeNames.Contains(name) || ActorWords.TimeNames.Contains(words[0].TrimEnd('’', '\'', 's'))
               || (words.Length > 1 && ActorWords.TimeHeads.Contains(last) && char.IsUpper(last[0]))
               || words.All(w => ActorWords.DateWords.Contains(w));
    }

    /// <summary>The role of the title of an office just before <paramref name="start"/>: "Secretary of ", "Minister for the ".</summary>
    private static string? OfficeTitleBefore(string text, int start)
    {
        var (word, wordStart) = PreviousWord(text, start);
        if (word.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            (word, wordStart) = PreviousWord(text, wordStart);
        }

        if (word is not ("of" or "for"))
        {
            return null;
        }

        var (title, _) = PreviousWord(text, wordStart);
        title = ArticleWork.WithoutFormatMarks(title);
        return title.Length > 0 && char.IsUpper(title[0]) && ActorWords.PersonTitles.TryGetValue(title, out var role) && role.Length > 0 ? role : null;
    }

    private static (string Word, int Start) PreviousWord(string text, int position)
    {
        var end = position;
        while (end > 0 && text[end - 1] is ' ' or '\u00A0')
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || char.GetUnicodeCategory(text[start - 1]) == System.Globalization.UnicodeCategory.Format))
        {
            start--;
        }

        return (text[start..end], start);
    }

    // ---- acronyms ------------------------------------------------------------------------------

    private sealed record AcronymDefinition(string Acronym, int NameStart, int NameEnd, int AcronymStart, int AcronymEnd, string Rule);

    /// <summary>"Government of National Accord (GNA)", "NUP (Government of National Unity)", "Islamic State (ISIS/ISIL)".</summary>
    private static List<AcronymDefinition> AcronymDefinitions(string text)
    {
        var definitions = new List<AcronymDefinition>();
        foreach (Match match in AcronymInParentheses().Matches(text))
        {
            var group = match.Groups[1];
            var (nameStart, nameEnd) = PhraseBefore(text, match.Index);
            if (nameEnd <= nameStart)
            {
                continue;
            }

            var offset = group.Index;
            foreach (var acronym in group.Value.Split('/'))
            {
                var (start, end, rule) = FitInitials(text, nameStart, nameEnd, acronym);
                definitions.Add(new AcronymDefinition(acronym, start, end, offset, offset + acronym.Length, rule));
                offset += acronym.Length + 1;
            }
        }

        foreach (Match match in NameInParentheses().Matches(text))
        {
            var acronym = match.Groups[1];
            var name = match.Groups[2];
            if (IsAcronymText(acronym.Value) && name.Value.Split(' ').Count(w => w.Length > 0 && char.IsUpper(w[0])) >= 2)
            {
                definitions.Add(new AcronymDefinition(acronym.Value, name.Index, name.Index + name.Length, acronym.Index, acronym.Index + acronym.Length, "name given in parentheses"));
            }
        }

        return definitions;
    }

    /// <summary>The capitalized phrase just before a parenthesis, allowing "of", "for", "and", "the" and a possessive.</summary>
    private static (int Start, int End) PhraseBefore(string text, int parenthesis)
    {
        // No-break spaces count as spaces: "World Is One\u00A0News\u00A0(WION)".
        var end = parenthesis;
        while (end > 0 && text[end - 1] is ' ' or '\u00A0')
        {
            end--;
        }

        if (end >= 2 && text[end - 1] == 's' && text[end - 2] is '\'' or '’')
        {
            end -= 2;
        }

        var start = end;
        var words = 0;
        var position = end;
        while (position > 0 && words < 8)
        {
            var wordEnd = position;
            var wordStart = wordEnd;
            while (wordStart > 0 && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] is '-' or '.' or '\'' or '’'))
            {
                wordStart--;
            }

            if (wordStart == wordEnd)
            {
                break;
            }

            var word = text[wordStart..wordEnd];
            var capitalized = char.IsUpper(word[0]) || ParticleName().IsMatch(word);
            if (!capitalized && !FunctionWords.Contains(word))
            {
                break;
            }

            if (capitalized)
            {
                start = wordStart;
            }

            words++;
            if (wordStart == 0 || text[wordStart - 1] is not (' ' or '\u00A0'))
            {
                break;
            }

            position = wordStart - 1;
        }

        return (start, end);
    }

    /// <summary>Drops leading words of the phrase until its initials are the acronym, if they ever are.</summary>
    private static (int Start, int End, string Rule) FitInitials(string text, int start, int end, string acronym)
    {
        var letters = new string(acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());
        var position = start;
        while (position < end)
        {
            // A phrase never starts with "of" or "the".
            if (NextSpace(text, position, end) is var first && FunctionWords.Contains(text[position..first]) && first < end)
            {
                position = SkipSpaces(text, first, end);
                continue;
            }

            // "al-Qaeda in Iraq (AQI)": the article particle may give its letter too.
            if (Initials(text[position..end]) == letters || Initials(text[position..end], withParticles: true) == letters)
            {
                return (position, end, "initials defined in parentheses");
            }

            var next = text.AsSpan(position, end - position).IndexOfAny(' ', '\u00A0');
            if (next < 0)
            {
                break;
            }

            position += next + 1;
        }

        return (start, end, "defined in parentheses");
    }

    public static string Initials(string phrase) => Initials(phrase, withParticles: false);

    public static string Initials(string phrase, bool withParticles)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var initials = new List<char>();
        foreach (var word in phrase.Split([' ', '-', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (withParticles && word is "al" or "Al" or "el" or "El")
            {
                initials.Add(char.ToUpperInvariant(word[0]));
                continue;
            }

            if (FunctionWords.Contains(word) || word is "al" or "el")
            {
                continue;
            }

            initials.Add(char.ToUpperInvariant(word[0]));
        }

        return new string([.. initials]);
    }

    private void AddDefinedNames(ArticleWork work, List<NameMention> names, List<AcronymDefinition> definitions)
    {
        // A long report defines its acronyms again and again: names are found by position, and
        // taken out of the list once at the end, rather than the whole list read per definition.
        // Their order in the list decides between names at one place, so it is kept alongside.
        var standing = new SpanIndex(names);
        var order = new Dictionary<NameMention, int>(ReferenceEqualityComparer.Instance);
        foreach (var existing in names)
        {
            order.TryAdd(existing, order.Count);
        }

        var removed = new HashSet<NameMention>(ReferenceEqualityComparer.Instance);
        void Add(NameMention added)
        {
            names.Add(added);
            standing.Add(added);
            order.TryAdd(added, order.Count);
        }

        foreach (var definition in definitions)
        {
            work.ThrowIfCancelled();

            // The defined name replaces what the recognizer found inside it ("National Accord" in
            // "Government of National Accord"), keeping the recognizer's type.
            var inside = standing.Overlapping(definition.NameStart, definition.NameEnd).Where(n => !n.IsAcronym).OrderBy(n => order[n]).ToList();
            var type = inside.FirstOrDefault()?.EntityType ?? "ORG";
            var (nameStart, nameEnd) = (definition.NameStart, definition.NameEnd);

            // Letters that are not the phrase's initials ("Al-Qaeda and the Islamic State (ISIS)"):
            // the name the recognizer found just before the parenthesis is the one defined.
            if (definition.Rule == "defined in parentheses" && inside.LastOrDefault(n => n.End == definition.NameEnd) is { } last)
            {
                // Only when the name could be what the letters stand for: "al-Qaeda in Iraq (AQI)" never makes AQI a name of Iraq.
                if (last.CoreWords.Count == 1 && char.ToUpperInvariant(last.Text[0]) != char.ToUpperInvariant(Letters(definition.Acronym)[0]))
                {
                    continue;
                }

                nameStart = last.Start;
                inside = [last];
            }

            if (inside.Count > 0)
            {
                // Every name equal to one inside goes, as List.Remove of equal records would take them.
                foreach (var gone in standing.Overlapping(nameStart, nameEnd).Where(inside.Contains).ToList())
                {
                    standing.Remove(gone);
                    removed.Add(gone);
                }
            }

            var name = MakeName(work, nameStart, nameEnd, type);
            if (name is not null)
            {
                // "Islamic State (ISIS/ISIL)": one name, both acronyms.
                var earlier = inside.Where(n => n.DefinedAcronym is not null && n.Start == name.Start && n.End == name.End).Select(n => n.DefinedAcronym!);
                Add(name with { DefinedAcronym = string.Join('/', earlier.Append(definition.Acronym)) });
            }

            if (!standing.Overlapping(definition.AcronymStart, definition.AcronymStart + 1).Any(n => n.Start == definition.AcronymStart))
            {
                var acronym = MakeName(work, definition.AcronymStart, definition.AcronymEnd, "ORG");
                if (acronym is not null)
                {
                    Add(acronym with { IsAcronym = true });
                }
            }
        }

        // Every other use of a defined acronym is a mention, even where the recognizer missed it.
        foreach (var acronym in definitions.Select(d => d.Acronym).Distinct(StringComparer.Ordinal))
        {
            foreach (Match match in Regex.Matches(work.Text, $@"(?<![\w-]){Regex.Escape(acronym)}(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                if (!standing.Overlaps(match.Index, match.Index + match.Length))
                {
                    var mention = MakeName(work, match.Index, match.Index + match.Length, "ORG");
                    if (mention is not null)
                    {
                        Add(mention with { IsAcronym = true });
                    }
                }
            }
        }

        names.RemoveAll(removed.Contains);
    }

    private static bool IsAcronymText(string name)
    {
        var letters = name.Where(char.IsLetter).ToList();
        return letters.Count is >= 2 and <= 6 && !name.Contains(' ', StringComparison.Ordinal) && letters.Count(char.IsUpper) >= letters.Count - 1 && letters.Count(char.IsUpper) >= 2;
    }

    // ---- joining names into chains -------------------------------------------------------------

    private static void JoinFullName(List<Chain> chains, NameMention name)
    {
        Chain? best = null;
        var reason = "";
        foreach (var chain in chains)
        {
            if (chain.Family != name.Kind.Kind.Family() && !(IsWeakOrganization(name) && chain.Family == KindFamily.Place) && !(chain.Family == KindFamily.Organization && chain.DistinctNames.All(IsWeakOrganization) && name.Kind.Kind == ActorKind.Place))
            {
                continue;
            }

            if (chain.State is not null && chain.State == name.State)
            {
                best = chain;
                reason = name.IsCapital ? $"{name.Text}, the capital of {chain.State}, stands for its government" : $"both name {chain.State}";
                break;
            }

            if (name.FormOf is { } form && chain.DistinctNames.Exists(n => string.Equals(n.Text, form.Name, StringComparison.OrdinalIgnoreCase)))
            {
                best = chain;
                reason = form.Reason;
                break;
            }

            // "Benghazi Revolutionaries’ Shura" after the “Council of Benghazi Revolutionaries’ Shura”:
            // a name that says its own kind and ends a longer name after "of" is that name shortened.
            if (name.Kind.Weight == KindClassifier.CueWeight && name.CoreWords.Count >= 2 && !name.IsAcronym
                && chain.DistinctNames.Find(n => !n.IsAcronym && n.Text.EndsWith(" of " + name.Text, StringComparison.Ordinal)) is { } longer)
            {
                best = chain;
                reason = $"{longer.Text} without its first words";
                break;
            }

            if (TranslationVariant(name.Text) is { } variant && chain.DistinctNames.Find(n => string.Equals(n.Text, variant, StringComparison.OrdinalIgnoreCase)) is { } translated)
            {
                best = chain;
                reason = $"{name.Text} is {translated.Text} translated otherwise";
                break;
            }

            foreach (var other in chain.DistinctNames)
            {
                // A capital written for its state joins the state only: "Washington, D.C." is the city.
                if (other.IsCapital || name.IsCapital)
                {
                    continue;
                }

                if (other.CoreKey == name.CoreKey)
                {
                    best = chain;
                    reason = "same name";
                    break;
                }

                // People may drop a middle name; organisations with a word more are other bodies
                // ("Presidential Council", "Presidential Security Council").
                // Words such as "of" do not count: "government of national salvation" is "national salvation government".
                var allowed = chain.Family == KindFamily.Person ? 1 : 0;
                var otherWords = other.CoreWords.Count(w => !FunctionWords.Contains(w));
                var nameWords = name.CoreWords.Count(w => !FunctionWords.Contains(w));
                if (otherWords > 1 == nameWords > 1 && Math.Abs(otherWords - nameWords) <= allowed
                    && other.WordKeys.Overlaps(name.WordKeys))
                {
                    var match = NameVariantMatcher.Match(other.Text, name.Text);
                    if (match.Score >= NameVariantMatcher.SameName)
                    {
                        best = chain;
                        reason = $"spelling of {other.Text} ({match.Rule}, {match.Score:0.00})";
                        break;
                    }
                }
            }

            if (best is not null)
            {
                break;
            }
        }

        if (best is null)
        {
            chains.Add(new Chain(name, MentionForm.Name, "first mention"));
        }
        else
        {
            best.Add(name, MentionForm.Name, reason);
        }
    }

    /// <summary>"Beni Walid" that the recognizer called an organisation, with no word saying so, may be the town "Bani Walid".</summary>
    private static bool IsWeakOrganization(NameMention name) => name.Kind.Kind == ActorKind.Organization && name.Kind.Weight == KindClassifier.TypeWeight && !name.IsAcronym;

    private static void JoinPartialName(ArticleWork work, List<Chain> chains, NameMention name)
    {
        // "the ousting of [Libyan leader Muammar] Gaddafi": an editor's bracket inside a quotation cut
        // one name in two; the given name in the bracket and the surname after it are one person.
        var bracket = name.Start - 1;
        if (bracket > 0 && work.Text[bracket] is ' ' or '\u00A0')
        {
            bracket--;
        }

        if (bracket > 0 && work.Text[bracket] == ']'
            && chains.FirstOrDefault(c => c.Family == KindFamily.Person && c.Names.Exists(n => n.End == bracket && n.CoreWords.Count == 1 && !n.IsAcronym)) is { } given)
        {
            var first = given.Names.First(n => n.End == bracket);
            given.Add(name, MentionForm.Name, $"{first.Text}] {name.Text}: a bracket cut the name in two");
            given.ComposedName ??= $"{first.Text} {name.Text}";
            return;
        }

        var word = name.CoreWords[0];
        var key = NameForms.Key(word);
        // "Major General Hassan" after "Saddam Hussein": a name with a title of its own, written
        // otherwise than the full name's part and given no role that person has, is someone else.
        bool Titled(Chain c) => name.Roles.Count > 0 && !c.Roles.Overlaps(name.Roles)
                                && !c.DistinctNames.Exists(n => n.CoreWords.Count > 1 && n.CoreWords.Contains(word, StringComparer.Ordinal));
        var candidates = chains
            .Where(c => c.Family == KindFamily.Person && c.DistinctNames.Any(n => n.CoreWords.Count > 1 && (SameWord(n.CoreWords[^1], word, key) || n.CoreWords.Contains(word, StringComparer.Ordinal))) && !Titled(c))
            .ToList();
        if (candidates.Count == 1)
        {
            var full = candidates[0].DistinctNames.First(n => n.CoreWords.Count > 1).Text;
            candidates[0].Add(name, MentionForm.PartialName, $"part of the full name {full} in this article");
            return;
        }

        if (candidates.Count > 1)
        {
            // Two people share the word (two Gaddafis): the one mentioned last before it, if that was
            // a few sentences ago at most; further on, "the Gaddafi regime" may be either, and stays apart.
            var nearest = candidates
                .Select(c => (Chain: c, Last: c.Mentions.Where(m => m.Start < name.Start).Select(m => m.Start).DefaultIfEmpty(-1).Max()))
                .Where(p => p.Last >= 0)
                .OrderByDescending(p => p.Last)
                .FirstOrDefault();
            if (nearest.Chain is not null && work.SentenceOf(name.Start) - work.SentenceOf(nearest.Last) <= 3)
            {
                var full = nearest.Chain.DistinctNames.First(n => n.CoreWords.Count > 1).Text;
                nearest.Chain.Add(name, MentionForm.PartialName, $"part of {full}, the nearest full name before it that has it");
                return;
            }

            if (nearest.Chain is not null)
            {
                chains.Add(new Chain(name, MentionForm.Name, $"first mention: {string.Join(" and ", candidates.Select(c => c.DistinctNames.First(n => n.CoreWords.Count > 1).Text))} share the name, none named nearby"));
                return;
            }
        }

        var same = chains.FirstOrDefault(c => c.Family == KindFamily.Person && c.DistinctNames.All(n => n.CoreWords.Count == 1) && c.DistinctNames.Any(n => SameWord(n.CoreWords[0], word, key)));
        if (same is not null)
        {
            same.Add(name, MentionForm.Name, $"spelling of {same.DistinctNames[0].Text}");
        }
        else
        {
            chains.Add(new Chain(name, MentionForm.Name, "first mention"));
        }
    }

    private static bool SameWord(string word, string other, string otherKey)
        => word == other || (word.Length > 3 && other.Length > 3 && NameForms.Key(word) == otherKey)
           || NameVariantMatcher.Match(word, other).Score >= NameVariantMatcher.SameName;

    private static void JoinAcronym(List<Chain> chains, NameMention name, List<AcronymDefinition> definitions)
    {
        var letters = new string(name.Text.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());
        var defined = chains.FirstOrDefault(c => c.DistinctNames.Any(n => Defines(n, letters)));
        if (defined is not null)
        {
            var definition = defined.DistinctNames.First(n => Defines(n, letters));
            var rule = definitions.FirstOrDefault(d => Letters(d.Acronym) == letters)?.Rule ?? "defined in parentheses";
            defined.Add(name, MentionForm.Acronym, $"{rule}: {definition.Text} ({name.Text})");
            return;
        }

        var same = chains.FirstOrDefault(c => c.DistinctNames.Any(n => n.IsAcronym && Letters(n.Text) == letters));
        if (same is not null)
        {
            same.Add(name, MentionForm.Acronym, "same acronym");
            return;
        }

        // "KERRY:" in a transcript that also writes "Kerry": the name in capitals.
        if (letters.Length >= 4 && name.Text.All(char.IsLetter)
            && chains.FirstOrDefault(c => c.DistinctNames.Exists(n => !n.IsAcronym && string.Equals(n.Text, name.Text, StringComparison.OrdinalIgnoreCase))) is { } written)
        {
            written.Add(name, MentionForm.Name, $"{name.Text} is {written.DistinctNames.First(n => !n.IsAcronym && string.Equals(n.Text, name.Text, StringComparison.OrdinalIgnoreCase)).Text} in capitals");
            return;
        }

        // "ISIL, also known by its Arabic acronym as DAESH": an acronym the text says is another name.
        if (name.FormOf is { } form && chains.FirstOrDefault(c => c.DistinctNames.Exists(n => string.Equals(n.Text, form.Name, StringComparison.OrdinalIgnoreCase))) is { } stated)
        {
            stated.Add(name, MentionForm.Acronym, form.Reason);
            return;
        }

        if (name.State is not null && chains.FirstOrDefault(c => c.State == name.State) is { } state)
        {
            state.Add(name, MentionForm.Acronym, $"both name {name.State}");
            return;
        }

        bool HasInitials(NameMention n) => !n.IsAcronym && n.CoreWords.Count >= 2 && (Initials(n.Text) == letters || Initials(n.Text, withParticles: true) == letters);
        var byInitials = chains.Where(c => c.Family == KindFamily.Organization && c.DistinctNames.Any(HasInitials)).ToList();
        if (byInitials.Count == 1)
        {
            var expansion = byInitials[0].DistinctNames.First(HasInitials).Text;
            byInitials[0].Add(name, MentionForm.Acronym, $"the initials of {expansion}");
            return;
        }

        chains.Add(new Chain(name, MentionForm.Acronym, "first mention"));
    }

    private static bool Defines(NameMention name, string letters)
        => name.DefinedAcronym is { } defined && defined.Split('/').Any(a => Letters(a) == letters);

    private static string Letters(string acronym) => new(acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());

    // ---- nationality words, descriptions, pronouns ---------------------------------------------

    private void AddNationalities(ArticleWork work, List<Chain> chains, List<NameMention> names)
    {
        var tokens = work.Tokens;
        var named = new SpanIndex(names.Where(n => n.EntityType != "MISC"));
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var word = work.Word(i);
            if (word.Length < 4 || !char.IsUpper(word[0]))
            {
                continue;
            }

            // "the Egyptians": the people, written for their state.
            var next = work.Word(i + 1);
            var afterNext = i + 2 < tokens.Count ? work.Word(i + 2) : "";
            var people = word[^1] == 's' && i > 0 && work.Word(i - 1) == "the" && countries.CountryOfDemonym(word[..^1]) is not null;
            if ((people ? countries.CountryOfDemonym(word[..^1]) : countries.CountryOfDemonym(word)) is not { } country
                || (!people && !ActorWords.StateActionNouns.Contains(next) && !ActorWords.StateActionNouns.Contains(afterNext)))
            {
                continue;
            }

            var token = tokens[i];
            if (named.Overlaps(token.Start, token.End))
            {
                continue; // "Libyan" in "Libyan National Army" is part of a name
            }

            var chain = chains.FirstOrDefault(c => c.State == country);
            var mention = new DraftMention(token.Start, token.End, MentionForm.Nationality,
                people ? $"the {word}: the people stand for {country}" : $"{word} {next}: the nationality word stands for {country}");
            if (chain is null)
            {
                chains.Add(Chain.ForState(country, mention));
            }
            else
            {
                chain.Mentions.Add(mention);
            }
        }
    }

    /// <summary>What a noun after a name makes of the phrase, from <c>data/lexicons/group-nouns.tsv</c>: "force", "members" or "government".</summary>
    private static readonly Nlp.Lexicons.Lexicon GroupNounTable = Nlp.Lexicons.Lexicon.Named("group-nouns");

    private static readonly Dictionary<string, string> PhraseNouns = GroupNounTable.Rows
        .Where(r => r.Length > 1 && r[1] is "force" or "members" or "government")
        .ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal);

    /// <summary>The version of what the linker reads from the lexicons.</summary>
    public static string LexiconVersion => Nlp.Lexicons.Lexicon.VersionOf(GroupNounTable);

    /// <summary>
    /// "ISIL fighters", "Coalition military forces", "Iraqi forces", "Coalition nations": a name with a
    /// noun for an actor's force or members after it (and at most two lower-case words between) names
    /// an actor of its own, the force or the members of the named one, as news and its annotators
    /// treat them: what "Iraqi forces" did is not what the state of Iraq did. The same phrase is one
    /// actor throughout the article. Members are a group's only: "Syrian rebels" are not Syria's; a
    /// government ("the Iraqi government") a state's only. A
    /// phrase whose noun modifies another noun ("U.S. forces commander") is about that other noun.
    /// </summary>
    private static void TakeInForcePhrases(ArticleWork work, List<Chain> chains)
    {
        var tokens = work.Tokens;
        var tags = work.Document.PartsOfSpeech?.Universal;
        if (tags is null)
        {
            return;
        }

        bool IsLowerNoun(int i) => tags[i] is "NOUN" && work.Word(i) is { Length: > 0 } w && char.IsLower(w[0]);
        var taken = chains.SelectMany(c => c.Mentions).Select(m => (m.Start, m.End)).ToList();
        var phrases = new List<(Chain Of, DraftMention Name, int End, string Noun, string Stands)>();
        foreach (var chain in chains)
        {
            var isGroup = chain.Family == KindFamily.Organization && chain.Kind is not (ActorKind.Media or ActorKind.Person);
            var isState = chain.Kind == ActorKind.State;
            if (!isGroup && !isState)
            {
                continue;
            }

            foreach (var mention in chain.Mentions)
            {
                if (mention.Form is not (MentionForm.Name or MentionForm.Acronym or MentionForm.Nationality or MentionForm.PartialName))
                {
                    continue;
                }

                var next = work.TokenAt(mention.End);
                if (next == 0 || next >= tokens.Count || tokens[next - 1].End != mention.End || tokens[next].Start != mention.End + 1)
                {
                    continue; // "Turkish-backed", "ISIL's": not a name followed by a word
                }

                for (var i = next; i < tokens.Count && i <= next + 2; i++)
                {
                    var word = work.Word(i);
                    if (word.Length == 0 || !char.IsLower(word[0]) || word.Contains('-', StringComparison.Ordinal) || (i > next && tokens[i].Start != tokens[i - 1].End + 1))
                    {
                        break;
                    }

                    if (PhraseNouns.TryGetValue(word, out var stands) && tags[i] is "NOUN" or "PROPN")
                    {
                        var end = tokens[i].End;
                        var fits = stands switch { "force" => true, "members" => isGroup, _ => isState };
                        if (fits && !(i + 1 < tokens.Count && IsLowerNoun(i + 1))
                            && !taken.Exists(t => t.Start < end && t.End > mention.End))
                        {
                            phrases.Add((chain, mention, end, word, stands));
                        }

                        break;
                    }

                    if (tags[i] is not ("ADJ" or "NOUN"))
                    {
                        break;
                    }
                }
            }
        }

        // A name written only inside phrases ("Islamic State of Iraq and the Levant fighters", where
        // the article writes "ISIL" otherwise) stays with its actor, which needs it to be known by it.
        bool KeepsName(Chain chain, DraftMention name)
            => name.Form is MentionForm.Name or MentionForm.PartialName
               && chain.Mentions.Exists(m => !phrases.Exists(p => p.Of == chain && p.Name == m))
               && !chain.Mentions.Exists(m => m != name && m.Form is MentionForm.Name or MentionForm.PartialName
                                              && !phrases.Exists(p => p.Of == chain && p.Name == m)
                                              && string.Equals(work.Text[m.Start..m.End], work.Text[name.Start..name.End], StringComparison.OrdinalIgnoreCase));
        phrases.RemoveAll(p => KeepsName(p.Of, p.Name));

        var byPhrase = new Dictionary<string, Chain>(StringComparer.OrdinalIgnoreCase);
        foreach (var (of, name, end, noun, stands) in phrases)
        {
            of.Mentions.Remove(name);
            var phrase = work.Text[name.Start..end];
            var reason = stands == "members" ? $"{phrase}: the {noun} {of.DisplayName} is made of" : $"{phrase}: the {noun} of {of.DisplayName}";
            var mention = new DraftMention(name.Start, end, MentionForm.Description, reason);
            if (byPhrase.TryGetValue(phrase, out var chain))
            {
                chain.Mentions.Add(mention);
                continue;
            }

            // A state's or an organisation's force is an armed group; a group's members are a group of its kind.
            var kind = stands switch { "force" => ActorKind.ArmedGroup, "government" => ActorKind.Government, _ => of.Kind };
            chain = Chain.ForPhrase(phrase, kind, reason, mention, stateForce: stands == "force" && of.Kind is ActorKind.State or ActorKind.Government);
            byPhrase[phrase] = chain;
            chains.Add(chain);
        }
    }

    /// <summary>The descriptions of a government in <paramref name="text"/> ("the UN-recognized government"), as written.</summary>
    public static IEnumerable<string> GovernmentDescriptions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Description().Matches(text).Concat(PossessiveGovernment().Matches(text))
            .Where(m => m.Groups["head"].Value.Equals("government", StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Value);
    }

    private static void AddDescriptions(ArticleWork work, List<Chain> chains, KnownNames? known)
    {
        var text = work.Text;

        // "the amnesty law passed by parliament in Tobruk": parliament with no article, after a
        // preposition, is the country's own, the one legislature the article names.
        foreach (Match match in BareParliament().Matches(text))
        {
            var parliament = match.Groups["head"];
            if (!chains.Exists(c => c.Mentions.Exists(m => m.Start < parliament.Index + parliament.Length && m.End > parliament.Index)))
            {
                LinkGroupDescription(work, chains, parliament.Index, parliament.Index + parliament.Length, "parliament", ActorKind.Government, "", null, known);
            }
        }

        foreach (var match in Description().Matches(text).Concat(PossessiveGovernment().Matches(text)))
        {
            var start = match.Index;
            var headGroup = match.Groups["head"];
            var head = headGroup.Value.ToLowerInvariant();
            var modifiers = match.Groups["mods"].Value;
            var end = match.Index + match.Length;

            // "the strongman general": the last of the titles is the head, the others modify it.
            while (ActorWords.PersonTitles.TryGetValue(head, out var title) && title.Length > 0
                   && NextWord(text, end) is { Word.Length: > 0 } following && ActorWords.PersonTitles.TryGetValue(following.Word, out var more) && more.Length > 0
                   && char.IsLower(following.Word[0]))
            {
                modifiers += head + " ";
                head = following.Word.ToLowerInvariant();
                end = following.End;
            }
            if (modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(NotTheSame.Contains))
            {
                continue; // "the other group", "the rival government": not the one named before
            }

            // "the General National Congress": a name, not a description.
            var next = SkipSpaces(text, end, text.Length);
            if (char.IsUpper(headGroup.Value[0]) && next < text.Length && char.IsUpper(text[next]))
            {
                continue;
            }

            // A name among the modifiers ("the LNA spokesman") is its own mention; one over the head or the edge is not a description.
            if (chains.Any(c => c.Mentions.Any(m => m.Start < end && m.End > start && !(m.Start > start && m.End <= headGroup.Index))))
            {
                continue;
            }

            // "the warlord Khalifa Haftar": a title before a name, already counted as the name's role.
            var after = SkipSpaces(text, end, text.Length);
            if (after < text.Length && char.IsUpper(text[after]) && chains.Any(c => c.Mentions.Any(m => m.Start == after)))
            {
                continue;
            }

            // "the commander-in-chief of the LNA" takes in the actor it is of.
            var of = OfTheName().Match(text, end);
            Chain? ofChain = null;
            if (of.Success && of.Index == end)
            {
                ofChain = chains.FirstOrDefault(c => c.Mentions.Any(m => m.Start == of.Groups["name"].Index));
                if (ofChain is not null)
                {
                    end = of.Groups["name"].Index + of.Groups["name"].Length;
                }
            }

            if (ActorWords.PersonTitles.TryGetValue(head, out var role) && role.Length > 0)
            {
                LinkPersonDescription(chains, start, end, role, modifiers, ofChain);
            }
            else if (ActorWords.GroupNouns.TryGetValue(head, out var kind))
            {
                LinkGroupDescription(work, chains, start, end, head, kind, modifiers, ofChain, known);
            }
        }
    }

    private static void LinkPersonDescription(List<Chain> chains, int start, int end, string role, string modifiers, Chain? ofChain)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal) { role };
        foreach (var word in modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (ActorWords.PersonTitles.TryGetValue(word, out var extra) && extra.Length > 0)
            {
                roles.Add(extra);
            }
        }

        // "the prime minister" is the person the article gives that office, not any minister.
        if (role == "minister" && modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("prime", StringComparer.OrdinalIgnoreCase))
        {
            roles = [ArticleWork.PrimeMinister];
        }

        var people = chains.Where(c => c.Family == KindFamily.Person && c.Names.Count > 0).ToList();
        var fitting = people.Where(c => c.Roles.Overlaps(roles)).ToList();
        if (fitting.Count == 1)
        {
            fitting[0].Mentions.Add(new DraftMention(start, end, MentionForm.Description, $"the only person this article calls {string.Join(" or ", roles.Order(StringComparer.Ordinal))}"));
            return;
        }

        // "The marshal", "the warlord": with no title anywhere in the article, the one person the
        // article is about, if one clearly dominates it.
        if (fitting.Count == 0 && roles.Overlaps(DominantRoles) && ofChain is null or { Family: KindFamily.Organization })
        {
            var ranked = people.OrderByDescending(c => c.Mentions.Count).ToList();
            if (ranked.Count > 0 && ranked[0].Mentions.Count >= 3 && (ranked.Count == 1 || ranked[0].Mentions.Count >= 2 * ranked[1].Mentions.Count))
            {
                ranked[0].Mentions.Add(new DraftMention(start, end, MentionForm.Description, $"no one else is called {role}; {ranked[0].DisplayName} is the person this article is about"));
            }
        }
    }

    private static readonly HashSet<string> DominantRoles = new(StringComparer.Ordinal) { "marshal", "warlord", "strongman", "commander" };

    private static void LinkGroupDescription(ArticleWork work, List<Chain> chains, int start, int end, string head, ActorKind kind, string modifiers, Chain? ofChain, KnownNames? known)
    {
        // "the parliament": the one legislature the article names.
        if (head == "parliament")
        {
            var parliaments = chains.Where(c => c.Kind == ActorKind.Government && c.DistinctNames.Exists(n => Legislatures.Any(l => n.Text.Contains(l, StringComparison.OrdinalIgnoreCase)))).ToList();
            if (parliaments.Count == 1 && !modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsUpper(w[0])))
            {
                parliaments[0].Mentions.Add(new DraftMention(start, end, MentionForm.Description, "the only parliament this article names"));
            }

            return;
        }

        if (kind == ActorKind.Government)
        {
            // "the internationally recognized government", "the U.N.-backed government", "the
            // government of Saraj": only with a modifier or a person it is of, and only when the
            // article names one government.
            if (modifiers.Trim().Length == 0 && ofChain is not { Family: KindFamily.Person })
            {
                return;
            }

            // "the Haftar government", "the Tobruk government": a name among the modifiers says which; not the one named elsewhere.
            if (modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsUpper(w[0]) && !w.Contains('.', StringComparison.Ordinal) && !w.Contains('-', StringComparison.Ordinal)))
            {
                return;
            }

            // Governments named as such ("Government of National Accord", "GNA" defined by it), not courts or councils.
            var governments = chains.Where(c => c.Kind == ActorKind.Government && c.DistinctNames.Any(n => n.Text.Contains("overnment", StringComparison.Ordinal))).ToList();
            if (governments.Count == 1)
            {
                governments[0].Mentions.Add(new DraftMention(start, end, MentionForm.Description, $"the only government this article names"));
                return;
            }

            // Where the article names none, or several, the government other articles describe so.
            var description = work.Text[start..end];
            if (known?.DescribedAs(description) is not { } described)
            {
                return;
            }

            var reason = $"other articles call {described.Name} \"{KnownNames.DescriptionKey(description)}\"";
            var mention = new DraftMention(start, end, MentionForm.Description, reason);
            if (chains.FirstOrDefault(c => c.Family == described.Kind.Family() && c.DistinctNames.Exists(n => string.Equals(n.Text, described.Name, StringComparison.OrdinalIgnoreCase))) is { } named)
            {
                named.Mentions.Add(mention);
            }
            else if (governments.Count == 0)
            {
                var chain = chains.FirstOrDefault(c => c.Names.Count == 0 && c.KnownName == described.Name);
                if (chain is null)
                {
                    chains.Add(Chain.ForKnownActor(described.Name, described.Kind, mention));
                }
                else
                {
                    chain.Mentions.Add(mention);
                }
            }

            return;
        }

        // "The Misurati militia" names a group of its own, not the last one mentioned.
        if (modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsUpper(w[0])))
        {
            return;
        }

        // "The group of Reserve Airmen": a group the words after it make up, not one named before.
        if (ofChain is null && OfPhrase().IsMatch(work.Text.AsSpan(end)))
        {
            return;
        }

        // "The group", "the militia": the nearest group named in this or the two sentences before;
        // "the outlet", "the newspaper": the nearest media outlet named before, past the quotation it gave.
        // "The terrorist group" is never a state's forces, however near.
        var outlaw = modifiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(ActorWords.OutlawWords.Contains);
        var sentence = work.SentenceOf(start);
        var windowStart = kind == ActorKind.Media ? 0 : work.SentenceStart(Math.Max(0, sentence - 2));
        var nearest = chains
            .Where(c => c.Family == KindFamily.Organization && (kind == ActorKind.Media ? c.Kind == ActorKind.Media : c.Kind is ActorKind.ArmedGroup or ActorKind.Movement or ActorKind.Organization))
            .Where(c => !(outlaw && c.IsStateForce))
            .Select(c => (Chain: c, Last: c.Mentions.Where(m => m.Start < start && m.Start >= windowStart && m.Form != MentionForm.Description).Select(m => m.Start).DefaultIfEmpty(-1).Max()))
            .Where(p => p.Last >= 0)
            .OrderByDescending(p => p.Last)
            .FirstOrDefault();
        if (nearest.Chain is not null)
        {
            nearest.Chain.Mentions.Add(new DraftMention(start, end, MentionForm.Description, $"the nearest {(kind == ActorKind.Media ? "outlet" : "group")} before \"the {head}\""));
        }
    }

    private static void AddPronouns(ArticleWork work, List<Chain> chains)
    {
        var people = chains.Where(c => c.Family == KindFamily.Person).ToList();
        if (people.Count == 0)
        {
            return;
        }

        for (var i = 0; i < work.Tokens.Count; i++)
        {
            var word = work.Word(i);
            if (!ActorWords.MalePronouns.Contains(word) && !ActorWords.FemalePronouns.Contains(word))
            {
                continue;
            }

            var token = work.Tokens[i];
            var sentence = work.SentenceOf(token.Start);
            if (PronounBefore(work, people, token.Start, sentence, word) is { } same)
            {
                same.Chain.Mentions.Add(new DraftMention(token.Start, token.End, MentionForm.Pronoun, $"\"{word}\": as \"{same.Word}\" before it in the sentence, {same.Chain.DisplayName}"));
            }
            else if (sentence > 0 && token.Start == work.SentenceStart(sentence) && SubjectOf(work, chains, sentence - 1) is { } subject && subject.Family == KindFamily.Person)
            {
                subject.Mentions.Add(new DraftMention(token.Start, token.End, MentionForm.Pronoun, $"\"{word}\" opens its sentence: the subject of the sentence before is {subject.DisplayName}"));
            }
            else if (NearestPerson(work, people, token.Start, sentence) is { } nearest)
            {
                nearest.Mentions.Add(new DraftMention(token.Start, token.End, MentionForm.Pronoun, $"\"{word}\": the nearest person before it is {nearest.DisplayName}"));
            }
        }
    }

    /// <summary>The person named (not by a pronoun) last before <paramref name="start"/>, in its sentence or the one before.</summary>
    private static Chain? NearestPerson(ArticleWork work, List<Chain> people, int start, int sentence)
    {
        var windowStart = work.SentenceStart(Math.Max(0, sentence - 1));
        return people
            .Select(c => (Chain: c, Last: c.Mentions.Where(m => m.End <= start && m.Start >= windowStart && m.Form != MentionForm.Pronoun).Select(m => m.Start).DefaultIfEmpty(-1).Max()))
            .Where(p => p.Last >= 0)
            .OrderByDescending(p => p.Last)
            .FirstOrDefault().Chain;
    }

    /// <summary>
    /// The person an earlier pronoun of the same sentence stands for, when no named person comes
    /// between: in "He said that the government he headed…" both are the same man. Not for "him",
    /// which in English is never the subject of its own clause.
    /// </summary>
    private static (Chain Chain, string Word)? PronounBefore(ArticleWork work, List<Chain> people, int start, int sentence, string word)
    {
        if (word.Equals("him", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var sentenceStart = work.SentenceStart(sentence);
        (Chain Chain, DraftMention Mention)? latest = null;
        foreach (var chain in people)
        {
            foreach (var mention in chain.Mentions)
            {
                if (mention.Start >= sentenceStart && mention.End <= start && (latest is null || mention.Start > latest.Value.Mention.Start))
                {
                    latest = (chain, mention);
                }
            }
        }

        return latest is { } found && found.Mention.Form == MentionForm.Pronoun
            ? (found.Chain, work.Text[found.Mention.Start..found.Mention.End])
            : null;
    }

    /// <summary>
    /// The actor a sentence opens with, which a pronoun opening the next sentence most often
    /// continues ("Apparently, Saraj did not want a fight with Haftar. He stated…" is Saraj): the
    /// first actor named, when no more than five words come before it.
    /// </summary>
    private static Chain? SubjectOf(ArticleWork work, List<Chain> chains, int sentence)
    {
        var sentenceStart = work.SentenceStart(sentence);
        var sentenceEnd = work.SentenceStart(sentence + 1) is var next && next > sentenceStart ? next : work.Text.Length;
        (Chain Chain, int Start)? first = null;
        foreach (var chain in chains)
        {
            foreach (var mention in chain.Mentions)
            {
                if (mention.Start >= sentenceStart && mention.Start < sentenceEnd && (first is null || mention.Start < first.Value.Start))
                {
                    first = (chain, mention.Start);
                }
            }
        }

        return first is { } found && work.TokenAt(found.Start) - work.TokenAt(sentenceStart) <= 5 ? found.Chain : null;
    }

    // ---- finishing -----------------------------------------------------------------------------

    private static List<ArticleActor> Finish(List<Chain> chains)
    {
        var actors = new List<ArticleActor>();
        foreach (var chain in chains.Where(c => c.Mentions.Count > 0).OrderBy(c => c.Mentions.Min(m => m.Start)))
        {
            var (kind, reason) = chain.DecideKind();
            var mentions = chain.Mentions
                .GroupBy(m => m.Start)
                .Select(g => g.First())
                .OrderBy(m => m.Start)
                .Select(m => new ActorMention(m.Start, m.End, m.Form, m.Reason))
                .ToList();
            actors.Add(new ArticleActor(actors.Count, chain.DisplayName, kind, reason, mentions));
        }

        return actors;
    }

    /// <summary>The word after <paramref name="position"/> (past spaces) and where it ends; empty when a letter does not come next.</summary>
    private static (string Word, int End) NextWord(string text, int position)
    {
        var start = SkipSpaces(text, position, text.Length);
        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '-'))
        {
            end++;
        }

        return (text[start..end], end);
    }

    private static int NextSpace(string text, int start, int end)
    {
        var space = text.IndexOf(' ', start, end - start);
        return space < 0 ? end : space;
    }

    private static int SkipSpaces(string text, int position, int end)
    {
        while (position < end && text[position] == ' ')
        {
            position++;
        }

        return position;
    }

    private static readonly HashSet<string> NotTheSame = new(StringComparer.OrdinalIgnoreCase)
    {
        "other", "another", "rival", "opposing", "second", "new", "former", "previous", "each", "every", "first", "parallel", "same", "whole",
        "breakaway", "interim", "provisional", "eastern", "western", "unrecognized", "unrecognised", "self-declared", "self-proclaimed", "so-called",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal) { "of", "for", "and", "the", "on", "in", "de", "du", "la", "al", "el", "&" };

    [GeneratedRegex(@"\s*(?:,|\band\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"\(\s*\[?([A-Z][A-Za-z.]{1,7}(?:/[A-Z][A-Za-z.]{1,7})*)\]?\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex AcronymInParentheses();

    [GeneratedRegex(@"(?<![\w-])([A-Z]{2,6})\s*\(([A-Z][A-Za-z ’'-]{3,80})\)", RegexOptions.CultureInvariant)]
    private static partial Regex NameInParentheses();

    [GeneratedRegex(@"\b[Tt]he\s+(?<mods>(?:(?:[\w’'-]+|[\w’'-]*(?:\.[\w’'-]+)+\.?[\w’'-]*)\s+){0,3}?)(?<head>field marshal|marshal|warlord|strongman|general|commander-in-chief|commander|prime minister|PM|spokesman|spokeswoman|spokesperson|group|militia|organi[sz]ation|movement|government|parliament|outlet|newspaper|broadcaster|news agency)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Description();

    // "Libya’s internationally recognized government": a country's government with a modifier, named without "the".
    [GeneratedRegex(@"(?<=\b\p{Lu}[\w.-]*[’']s\s+)(?<mods>(?:[\w’'-]+\s+){1,3}?)(?<head>government)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PossessiveGovernment();

    [GeneratedRegex(@"\b(?:by|to|in|from|before|through|with|against)\s+(?<head>parliament)\b(?![-’'])", RegexOptions.CultureInvariant)]
    private static partial Regex BareParliament();

    [GeneratedRegex(@"\s+of\s+(?:the\s+)?(?<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex OfTheName();
}
