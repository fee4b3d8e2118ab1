using System.Globalization;
using Dossier.Actors.Lexicon;
using Dossier.Core.Actors;
using Dossier.Nlp.Linking;

namespace Dossier.Actors.Resolution;

/// <summary>The entities made of all articles' actors, and the overrides that no longer name anything.</summary>
public sealed record ResolutionResult(IReadOnlyList<ResolvedEntity> Entities, IReadOnlyList<string> Warnings);

/// <summary>
/// Joins the actors of all articles into entities. Chains with the same name (after articles,
/// particles and case are set aside) are one node; nodes join when the name-variant matcher says
/// they are spellings of one name (Haftar, Hifter, Khaftar), when a lone surname fits exactly one
/// full name, or when an acronym is defined as exactly one name somewhere. A person never joins an
/// organisation or a place. The analyst's overrides are applied last, in the order they were made,
/// and always win.
/// </summary>
public sealed class ActorResolver(CountryNames countries, AliasTable? aliases = null)
{
    // Names that share a word key with more nodes than this are not compared word by word: the
    // key is too common ("national", "al") to say anything, and comparing all pairs would be quadratic.
    private const int MaxBlock = 400;

    public ResolutionResult Resolve(IReadOnlyList<StoredChain> chains, IReadOnlyList<ActorOverride> overrides, IReadOnlyList<ChainTie>? leads = null)
    {
        ArgumentNullException.ThrowIfNull(chains);
        ArgumentNullException.ThrowIfNull(overrides);
        var nodes = BuildNodes(chains);
        var forest = new NodeForest(nodes.Count);
        JoinVariants(nodes, forest);
        JoinSurnames(nodes, forest);
        JoinAcronyms(nodes, forest);
        JoinCapitals(nodes, forest);
        JoinListedAliases(nodes, forest);
        JoinSameLeader(nodes, forest, leads ?? []);

        var groups = new Dictionary<int, Group>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var root = forest.Find(i);
            if (!groups.TryGetValue(root, out var group))
            {
                group = new Group();
                groups[root] = group;
            }

            var node = nodes[i];

            // Most of a node's chains are written alike: they share one reason string, so that an
            // actor named in 100,000 articles does not hold 100,000 copies of it.
            string? sameNameName = null, sameNameDetail = null;
            for (var k = 0; k < node.Chains.Count; k++)
            {
                var chain = node.Chains[k];
                ChainLink link;
                if (k == 0)
                {
                    link = forest.Reasons[i] is { } reason
                        ? new ChainLink(chain.ArticleSeq, chain.Chain, reason.Rule, reason.Score, reason.Detail)
                        : new ChainLink(chain.ArticleSeq, chain.Chain, "first", 1.0, $"the first spelling of this actor: {chain.Name}");
                }
                else
                {
                    if (!string.Equals(sameNameName, chain.Name, StringComparison.Ordinal))
                    {
                        sameNameName = chain.Name;
                        sameNameDetail = $"written {chain.Name}, as in article {node.Chains[0].ArticleId.Short}";
                    }

                    link = new ChainLink(chain.ArticleSeq, chain.Chain, "same-name", 1.0, sameNameDetail!);
                }

                group.Members.Add((chain, link));
            }
        }

        var ordered = groups.Values.OrderBy(g => g.Members.Min(m => (m.Chain.ArticleSeq, m.Chain.Chain))).ToList();
        foreach (var group in ordered)
        {
            group.Members.Sort((a, b) => (a.Chain.ArticleSeq, a.Chain.Chain).CompareTo((b.Chain.ArticleSeq, b.Chain.Chain)));
        }

        var warnings = new List<string>();
        foreach (var item in overrides)
        {
            if (ApplyOverride(ordered, item) is { } problem)
            {
                warnings.Add($"override {item.Seq} ({item.Action.ToString().ToLowerInvariant()} {item.Subject} {string.Join(' ', item.Arguments)}): {problem}");
            }
        }

        var entities = ordered
            .Where(g => g.Members.Count > 0)
            .Select(g => new ResolvedEntity(g.Id, g.Name, g.Kind.Kind, g.Kind.Reason, [.. g.Members.Select(m => m.Link)]))
            .ToList();
        return new ResolutionResult(entities, warnings);
    }

    // ---- nodes: one per distinct name --------------------------------------------------------------

    private sealed class Node(KindFamily family, string key, IReadOnlyList<string> words, bool isAcronym, string? country)
    {
        public KindFamily Family { get; } = family;

        public string Key { get; } = key;

        public IReadOnlyList<string> Words { get; } = words;

        public bool IsAcronym { get; } = isAcronym;

        public string? Country { get; } = country;

        public List<StoredChain> Chains { get; } = [];

        /// <summary>Acronyms this name is defined by in some article: "LNA" for Libyan National Army.</summary>
        public HashSet<string> Acronyms { get; } = new(StringComparer.Ordinal);

        public string Name => Chains[0].Name;

        /// <summary>An organisation only because the recognizer said so: it may yet be a place of the same name.</summary>
        public bool WeakOrganization => Kind == ActorKind.Organization && Chains.All(c => c.KindFromRecognizerOnly);

        /// <summary>The kind most of its chains have; read often while joining, so counted once.</summary>
        public ActorKind Kind => kind ??= Chains.GroupBy(c => c.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

        private ActorKind? kind;
    }

    private List<Node> BuildNodes(IReadOnlyList<StoredChain> chains)
    {
        var nodes = new List<Node>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chain in chains)
        {
            var family = chain.Kind.Family();
            var country = chain.Kind == ActorKind.State ? countries.Country(chain.Name, allowCodes: true) : null;
            var isAcronym = chain.Spellings.Count == 0 && chain.Acronyms.Count > 0;
            var words = NameForms.Core(chain.Name);
            var key = country is not null
                ? $"{family}|state|{country}"
                : isAcronym ? $"{family}|acronym|{Letters(chain.Name)}" : $"{family}|{string.Join(' ', words)}";
            if (!byKey.TryGetValue(key, out var index))
            {
                index = nodes.Count;
                byKey[key] = index;
                nodes.Add(new Node(family, key, words, isAcronym, country));
            }

            var node = nodes[index];
            node.Chains.Add(chain);
            if (!isAcronym)
            {
                foreach (var acronym in chain.Acronyms)
                {
                    node.Acronyms.Add(Letters(acronym));
                }
            }
        }

        return nodes;
    }

    private static string Letters(string acronym) => new(acronym.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());

    // ---- joining -----------------------------------------------------------------------------------

    private static void JoinVariants(List<Node> nodes, NodeForest forest)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.IsAcronym || node.Country is not null || node.Words.Count == 0)
            {
                continue;
            }

            // Persons by surname, organisations and places by their first and last words.
            // A place of one word also by the start of its key: a letter dropped or added in the middle
            // (Ajabiya, Ajdabiya) changes the key, not its start.
            var keys = node.Family == KindFamily.Person
                ? new[] { NameForms.Key(node.Words[^1]) }
                : new[] { NameForms.Key(node.Words[0]), NameForms.Key(node.Words[^1]) };
            if (node.Family == KindFamily.Place && node.Words.Count == 1 && keys[0].Length >= 3)
            {
                keys = [.. keys, "start:" + keys[0][..2]];
            }

            var families = node.WeakOrganization ? new[] { KindFamily.Organization, KindFamily.Place } : [node.Family];
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                foreach (var family in families)
                {
                    var block = $"{family}|{node.Words.Count > 1}|{key}";
                    if (!blocks.TryGetValue(block, out var members))
                    {
                        members = [];
                        blocks[block] = members;
                    }

                    members.Add(i);
                }
            }
        }

        foreach (var members in blocks.Values.Where(b => b.Count is > 1 and <= MaxBlock))
        {
            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    var a = nodes[members[x]];
                    var b = nodes[members[y]];
                    var weakPlace = (a.WeakOrganization && b.Family == KindFamily.Place) || (b.WeakOrganization && a.Family == KindFamily.Place);
                    if (forest.Find(members[x]) == forest.Find(members[y]) || !(KindsAgree(a.Kind, b.Kind) || weakPlace))
                    {
                        continue;
                    }

                    if (a.Family != KindFamily.Person && a.Words.Count != b.Words.Count)
                    {
                        continue;
                    }

                    var match = NameVariantMatcher.Match(a.Name, b.Name);
                    if (match.Score >= NameVariantMatcher.SameName)
                    {
                        forest.Union(members[x], members[y], new LinkReason("spelling", match.Score,
                            string.Create(CultureInfo.InvariantCulture, $"{b.Name} is a spelling of {a.Name} ({match.Rule}: {match.Detail}, score {match.Score:0.00})")));
                    }
                }
            }
        }
    }

    /// <summary>"Haftar" alone in an article joins "Khalifa Haftar" when no other full name has that surname.</summary>
    private static void JoinSurnames(List<Node> nodes, NodeForest forest)
    {
        var fullNames = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is { Family: KindFamily.Person, IsAcronym: false } node && node.Words.Count > 1)
            {
                var key = NameForms.Key(node.Words[^1]);
                if (!fullNames.TryGetValue(key, out var list))
                {
                    list = [];
                    fullNames[key] = list;
                }

                list.Add(i);
            }
        }

        var ambiguous = new List<(int Lone, List<int> Fitting)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node is not { Family: KindFamily.Person, IsAcronym: false } || node.Words.Count != 1 || !fullNames.TryGetValue(NameForms.Key(node.Words[0]), out var candidates))
            {
                continue;
            }

            var fitting = candidates
                .Where(c => NameVariantMatcher.Match(node.Words[0], nodes[c].Words[^1]).Score >= NameVariantMatcher.SameName)
                .ToList();
            var roots = fitting.Select(forest.Find).Distinct().ToList();
            if (roots.Count == 1)
            {
                var full = nodes[fitting[0]];
                forest.Union(fitting[0], i, new LinkReason("surname", 0.9, $"{node.Name} is the surname of {full.Name}, the only full name ending so"));
            }
            else if (roots.Count > 1)
            {
                ambiguous.Add((i, fitting));
            }
        }

        // Two full names end so (Muammar and Seif al-Islam Gaddafi): the one whose articles speak
        // of the same other actors, if it clearly does more than the rest.
        if (ambiguous.Count > 0)
        {
            var context = new CoMentions(nodes, forest);
            foreach (var (lone, fitting) in ambiguous)
            {
                var ranked = fitting
                    .GroupBy(forest.Find)
                    .Select(g => (Node: g.First(), Shared: context.Shared(lone, g.Key)))
                    .OrderByDescending(p => p.Shared)
                    .ToList();
                if (ranked[0].Shared >= MinSharedContext && ranked[0].Shared >= 2 * ranked[1].Shared)
                {
                    var full = nodes[ranked[0].Node];
                    forest.Union(ranked[0].Node, lone, new LinkReason("surname-context", 0.8,
                        $"{nodes[lone].Name} is the surname of {full.Name} and of others; its articles share {ranked[0].Shared} other actors with {full.Name}'s, {ranked[1].Shared} with the next"));
                }
            }
        }
    }

    // Co-mentioned actors needed before a shared surname is given to one of its full names.
    private const int MinSharedContext = 3;

    /// <summary>Which actors appear in the articles of a node or of a group: the context that tells two namesakes apart.</summary>
    private sealed class CoMentions
    {
        private readonly List<Node> nodes;
        private readonly NodeForest forest;
        private readonly Dictionary<long, List<int>> nodesOfArticle = [];
        private readonly Dictionary<int, List<long>> articlesOfRoot = [];

        public CoMentions(List<Node> nodes, NodeForest forest)
        {
            this.nodes = nodes;
            this.forest = forest;
            for (var i = 0; i < nodes.Count; i++)
            {
                var root = forest.Find(i);
                if (!articlesOfRoot.TryGetValue(root, out var articles))
                {
                    articles = [];
                    articlesOfRoot[root] = articles;
                }

                foreach (var chain in nodes[i].Chains)
                {
                    articles.Add(chain.ArticleSeq);
                    if (!nodesOfArticle.TryGetValue(chain.ArticleSeq, out var list))
                    {
                        list = [];
                        nodesOfArticle[chain.ArticleSeq] = list;
                    }

                    list.Add(i);
                }
            }
        }

        public int Shared(int lone, int candidateRoot)
        {
            var around = Around(nodes[lone].Chains.Select(c => c.ArticleSeq));
            var theirs = Around(articlesOfRoot.TryGetValue(candidateRoot, out var articles) ? articles : []);
            around.IntersectWith(theirs);
            around.Remove(forest.Find(lone));
            around.Remove(candidateRoot);
            return around.Count;
        }

        private HashSet<int> Around(IEnumerable<long> articles)
        {
            var roots = new HashSet<int>();
            foreach (var article in articles.Distinct())
            {
                foreach (var node in nodesOfArticle[article])
                {
                    roots.Add(forest.Find(node));
                }
            }

            return roots;
        }
    }

    /// <summary>
    /// Organisations whose names the alias table lists under one reference are one organisation
    /// ("Al-Qaida in Iraq", "Islamic State in Iraq and the Levant"), with the reference as the reason.
    /// A name listed under two references joins neither.
    /// </summary>
    private void JoinListedAliases(List<Node> nodes, NodeForest forest)
    {
        if (aliases is null || aliases.Count == 0)
        {
            return;
        }

        var first = new Dictionary<string, (int Node, AliasEntry Entry)>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.IsAcronym || node.Family != KindFamily.Organization || aliases.Find(node.Name) is not { } entry)
            {
                continue;
            }

            if (!first.TryGetValue(entry.Reference, out var anchor))
            {
                first[entry.Reference] = (i, entry);
                continue;
            }

            if (forest.Find(anchor.Node) != forest.Find(i))
            {
                forest.Union(anchor.Node, i, new LinkReason("alias-table", 0.9,
                    $"{node.Name} and {nodes[anchor.Node].Name} are names of {entry.Primary} ({entry.Reference}) on the UN Security Council consolidated list"));
            }
        }
    }

    /// <summary>"LNA" alone in an article joins the one name some article defines it as.</summary>
    private static void JoinAcronyms(List<Node> nodes, NodeForest forest)
    {
        var defined = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byInitials = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.IsAcronym)
            {
                continue;
            }

            foreach (var acronym in node.Acronyms)
            {
                Add(defined, $"{node.Family}|{acronym}", i);
            }

            if (node.Family == KindFamily.Organization && node.Words.Count >= 2)
            {
                Add(byInitials, $"{node.Family}|{InArticle.ArticleLinker.Initials(node.Name)}", i);
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (!node.IsAcronym)
            {
                continue;
            }

            var letters = Letters(node.Name);
            if (defined.TryGetValue($"{node.Family}|{letters}", out var definitions) && definitions.Select(forest.Find).Distinct().Count() == 1)
            {
                var target = nodes[definitions[0]];
                var article = target.Chains.First(c => c.Acronyms.Any(a => Letters(a) == letters)).ArticleId.Short;
                forest.Union(definitions[0], i, new LinkReason("acronym", 0.95, $"{node.Name} is defined as {target.Name} in article {article}"));
            }
            else if (definitions is null && byInitials.TryGetValue($"{node.Family}|{letters}", out var expansions) && expansions.Select(forest.Find).Distinct().Count() == 1)
            {
                var target = nodes[expansions[0]];
                forest.Union(expansions[0], i, new LinkReason("initials", 0.85, $"{node.Name} is the initials of {target.Name}, the only name with them"));
            }
        }

        static void Add(Dictionary<string, List<int>> index, string key, int node)
        {
            if (!index.TryGetValue(key, out var list))
            {
                list = [];
                index[key] = list;
            }

            list.Add(node);
        }
    }

    /// <summary>
    /// "KERRY" in a transcript's speaker label, "DAESH" in a statement's capitals: a word in capitals,
    /// read as an acronym, that is the one-word name of exactly one actor written in small letters
    /// ("Kerry", "Daesh") is that name, whatever kind the capitals made the recognizer guess. And
    /// "Daesh" is the actor some article gives "DAESH" as another name of, when only one is given it.
    /// </summary>
    private static void JoinCapitals(List<Node> nodes, NodeForest forest)
    {
        var words = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var given = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (!node.IsAcronym && node.Country is null && node.Name.Length >= 4 && !node.Name.Contains(' ', StringComparison.Ordinal)
                && node.Name.Any(char.IsLower))
            {
                Add(words, Letters(node.Name), i);
            }

            foreach (var acronym in node.IsAcronym ? [] : node.Acronyms.Where(a => a.Length >= 4))
            {
                Add(given, acronym, i);
            }
        }

        foreach (var (letters, named) in words)
        {
            if (given.TryGetValue(letters, out var owners) && owners.Select(forest.Find).Distinct().Count() == 1 && named.Select(forest.Find).Distinct().Count() == 1
                && forest.Find(owners[0]) != forest.Find(named[0]))
            {
                var owner = nodes[owners[0]];
                var article = owner.Chains.FirstOrDefault(c => c.Acronyms.Any(a => Letters(a) == letters))?.ArticleId.Short;
                forest.Union(owners[0], named[0], new LinkReason("capitals", 0.85, $"{nodes[named[0]].Name} is {letters}, another name of {owner.Name} in article {article}"));
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            if (node.IsAcronym && node.Name.Length >= 4 && node.Name.All(char.IsLetter)
                && words.TryGetValue(Letters(node.Name), out var named) && named.Select(forest.Find).Distinct().Count() == 1)
            {
                forest.Union(named[0], i, new LinkReason("capitals", 0.9, $"{node.Name} is {nodes[named[0]].Name} written in capitals"));
            }
        }

        static void Add(Dictionary<string, List<int>> index, string key, int node)
        {
            if (!index.TryGetValue(key, out var list))
            {
                list = [];
                index[key] = list;
            }

            list.Add(node);
        }
    }

    /// <summary>
    /// Two governments led by one person, whose names differ in one word and which no article names
    /// side by side, are one government translated two ways: Sarraj's "Government of National
    /// Accord" is his "government of national unity" in a report translated from Russian. A rival
    /// government has another leader (Gweil's "government of national salvation"; Dbeibah's later
    /// Government of National Unity), so it stays apart.
    /// </summary>
    private static void JoinSameLeader(List<Node> nodes, NodeForest forest, IReadOnlyList<ChainTie> leads)
    {
        if (leads.Count == 0)
        {
            return;
        }

        // Only the chains some tie names are looked up, not every chain of the store.
        var tied = leads.SelectMany(t => new[] { (t.ArticleSeq, t.SourceChain), (t.ArticleSeq, t.TargetChain) }).ToHashSet();
        var nodeOfChain = new Dictionary<(long Article, int Chain), int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var chain in nodes[i].Chains)
            {
                if (tied.Contains((chain.ArticleSeq, chain.Chain)))
                {
                    nodeOfChain[(chain.ArticleSeq, chain.Chain)] = i;
                }
            }
        }

        // Leader's group → the governments it leads, with an article that says so.
        var led = new Dictionary<int, Dictionary<int, (int Leader, long Article)>>();
        foreach (var tie in leads)
        {
            if (nodeOfChain.TryGetValue((tie.ArticleSeq, tie.SourceChain), out var leader)
                && nodeOfChain.TryGetValue((tie.ArticleSeq, tie.TargetChain), out var body)
                && nodes[leader].Family == KindFamily.Person && nodes[body].Kind == ActorKind.Government)
            {
                var leaderRoot = forest.Find(leader);
                if (!led.TryGetValue(leaderRoot, out var bodies))
                {
                    bodies = [];
                    led[leaderRoot] = bodies;
                }

                bodies.TryAdd(body, (leader, tie.ArticleSeq));
            }
        }

        if (led.Values.All(b => b.Count < 2))
        {
            return;
        }

        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var root = forest.Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                list = [];
                members[root] = list;
            }

            list.Add(i);
        }

        foreach (var bodies in led.Values.Where(b => b.Count > 1))
        {
            var list = bodies.ToList();
            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var (a, b) = (list[x].Key, list[y].Key);
                    var (rootA, rootB) = (forest.Find(a), forest.Find(b));
                    if (rootA == rootB)
                    {
                        continue;
                    }

                    var groupA = members[rootA];
                    var groupB = members[rootB];
                    if (FullNames(nodes, groupA).SelectMany(na => FullNames(nodes, groupB).Select(nb => (A: na, B: nb)))
                            .Select(p => (p.A, p.B, Words: OneWordApart(p.A.Words, p.B.Words)))
                            .FirstOrDefault(p => p.Words is not null) is not { Words: { } words } pair
                        || Articles(nodes, groupA).Overlaps(Articles(nodes, groupB)))
                    {
                        continue;
                    }

                    var leader = nodes[list[x].Value.Leader];
                    var articleA = list[x].Value.Article;
                    var articleB = list[y].Value.Article;
                    forest.Union(a, b, new LinkReason("same-leader", 0.85, string.Create(CultureInfo.InvariantCulture,
                        $"{pair.B.Name} and {pair.A.Name} are both led by {leader.Name} (articles {ArticleOf(nodes[b], articleB)} and {ArticleOf(nodes[a], articleA)}), no article names both, and their names differ in one word ({words.B} for {words.A})")));
                    members.Remove(rootA);
                    members.Remove(rootB);
                    members[forest.Find(a)] = [.. groupA, .. groupB];
                }
            }
        }

        static string ArticleOf(Node node, long seq) => node.Chains.First(c => c.ArticleSeq == seq).ArticleId.Short;
    }

    /// <summary>The names of a group written out in full, not as an acronym.</summary>
    private static IEnumerable<Node> FullNames(List<Node> nodes, List<int> group)
        => group.Select(i => nodes[i]).Where(n => !n.IsAcronym && n.Words.Count >= 2);

    /// <summary>The articles that name a group.</summary>
    private static HashSet<long> Articles(List<Node> nodes, List<int> group)
        => group.SelectMany(i => nodes[i].Chains.Select(c => c.ArticleSeq)).ToHashSet();

    /// <summary>The one word two names of equal length differ in, when they differ in one and it is not the first.</summary>
    private static (string A, string B)? OneWordApart(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count || a.Count < 2)
        {
            return null;
        }

        var differing = Enumerable.Range(0, a.Count).Where(i => !string.Equals(a[i], b[i], StringComparison.Ordinal)).ToList();
        return differing is [var only] && only > 0 ? (a[only], b[only]) : null;
    }

    /// <summary>Within one family, an armed group, a government and a media outlet stay apart.</summary>
    private static bool KindsAgree(ActorKind a, ActorKind b)
    {
        if (a.Family() != b.Family())
        {
            return false;
        }

        var strict = new[] { ActorKind.ArmedGroup, ActorKind.Government, ActorKind.Media };
        return a == b || !strict.Contains(a) || !strict.Contains(b);
    }

    // ---- overrides ---------------------------------------------------------------------------------

    private static string? ApplyOverride(List<Group> groups, ActorOverride item)
    {
        var subject = Find(groups, item.Subject, out var problem);
        if (subject is null)
        {
            return problem;
        }

        var when = item.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        switch (item.Action)
        {
            case OverrideAction.Merge:
                foreach (var name in item.Arguments)
                {
                    var other = Find(groups, name, out problem);
                    if (other is null)
                    {
                        return problem;
                    }

                    if (ReferenceEquals(other, subject))
                    {
                        continue;
                    }

                    foreach (var (chain, _) in other.Members)
                    {
                        subject.Members.Add((chain, new ChainLink(chain.ArticleSeq, chain.Chain, "analyst-merge", 1.0, $"merged by an analyst on {when}: {item.Subject} and {name}")));
                    }

                    other.Members.Clear();
                    subject.Members.Sort((a, b) => (a.Chain.ArticleSeq, a.Chain.Chain).CompareTo((b.Chain.ArticleSeq, b.Chain.Chain)));
                }

                return null;
            case OverrideAction.Split:
                var spellings = new HashSet<string>(item.Arguments, StringComparer.OrdinalIgnoreCase);
                var leaving = subject.Members.Where(m => spellings.Contains(m.Chain.Name) || m.Chain.Spellings.Any(spellings.Contains) || m.Chain.Acronyms.Any(spellings.Contains)).ToList();
                if (leaving.Count == 0)
                {
                    return $"{subject.Name} has no mention written {string.Join(" or ", item.Arguments)}";
                }

                if (leaving.Count == subject.Members.Count)
                {
                    return $"every mention of {subject.Name} is written so; nothing would be left";
                }

                subject.Members.RemoveAll(leaving.Contains);
                var split = new Group();
                split.Members.AddRange(leaving.Select(m => (m.Chain, new ChainLink(m.Chain.ArticleSeq, m.Chain.Chain, "analyst-split", 1.0, $"split from {subject.Name} by an analyst on {when}"))));
                groups.Add(split);
                return null;
            case OverrideAction.Rename:
                subject.NameOverride = item.Arguments[0];
                return null;
            case OverrideAction.Kind:
                if (!ActorKinds.TryParse(item.Arguments[0], out var kind))
                {
                    return $"unknown kind {item.Arguments[0]}";
                }

                subject.KindOverride = (kind, $"set by an analyst on {when}");
                return null;
            default:
                return "unknown override";
        }
    }

    private static Group? Find(List<Group> groups, string nameOrId, out string? problem)
    {
        var live = groups.Where(g => g.Members.Count > 0).ToList();
        var found = live.Where(g => g.Id == nameOrId).ToList();
        if (found.Count == 0)
        {
            found = live.Where(g => string.Equals(g.Name, nameOrId, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        if (found.Count == 0)
        {
            found = live.Where(g => g.Members.Any(m => string.Equals(m.Chain.Name, nameOrId, StringComparison.OrdinalIgnoreCase)
                || m.Chain.Spellings.Contains(nameOrId, StringComparer.OrdinalIgnoreCase)
                || m.Chain.Acronyms.Contains(nameOrId, StringComparer.OrdinalIgnoreCase))).ToList();
        }

        problem = found.Count switch
        {
            0 => $"no actor is called {nameOrId}",
            1 => null,
            _ => $"{nameOrId} names {found.Count} actors ({string.Join(", ", found.Select(g => $"{g.Name} [{g.Id}]"))}); use an id",
        };
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>An entity while it is being made: its chains and the analyst's name and kind, if any.</summary>
    private sealed class Group
    {
        public List<(StoredChain Chain, ChainLink Link)> Members { get; } = [];

        public string? NameOverride { get; set; }

        public (ActorKind Kind, string Reason)? KindOverride { get; set; }

        /// <summary>Named after its earliest chain, so an entity keeps its id as articles are added.</summary>
        public string Id => Members.Count == 0 ? "" : $"{Members[0].Chain.ArticleId.Short[..8]}-{Members[0].Chain.Chain}";

        public string Name => NameOverride ?? BestName();

        public (ActorKind Kind, string Reason) Kind => KindOverride ?? VoteKind();

        private string BestName()
        {
            return Members
                .GroupBy(m => m.Chain.Name, StringComparer.Ordinal)
                .OrderByDescending(g => IsAcronymLike(g.Key) ? 0 : 1)
                .ThenByDescending(g => NameForms.Core(g.Key).Count > 1 ? 1 : 0)
                .ThenByDescending(g => g.Sum(m => m.Chain.Mentions))
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
        }

        private (ActorKind, string) VoteKind()
        {
            // An organisation only by the recognizer's word counts half against a place of that name.
            var votes = Members.GroupBy(m => m.Chain.Kind)
                .Select(g => (Kind: g.Key, Weight: g.Sum(m => m.Chain.KindFromRecognizerOnly && m.Chain.Kind == ActorKind.Organization ? (m.Chain.Mentions + 1) / 2 : m.Chain.Mentions)))
                .OrderByDescending(v => v.Weight)
                .ThenBy(v => v.Kind)
                .ToList();
            var total = votes.Sum(v => v.Weight);
            var best = votes[0];
            // "References", not "mentions": the vote counts pronouns and titles too, while an actor's
            // mentions count its names only (78 against 104 for Khalifa Haftar in the demo store).
            return (best.Kind, string.Create(CultureInfo.InvariantCulture, $"{best.Weight} of the {total} references to it (pronouns and titles included) are read as {best.Kind.ToName()}"));
        }

        private static bool IsAcronymLike(string name) => !name.Contains(' ', StringComparison.Ordinal) && name.Count(char.IsUpper) >= 2 && name.Length <= 7;
    }
}

internal readonly record struct LinkReason(string Rule, double Score, string Detail);

/// <summary>Union-find over name nodes; the root that joins another group keeps the reason it joined.</summary>
internal sealed class NodeForest(int count)
{
    private readonly int[] parent = Enumerable.Range(0, count).ToArray();

    public LinkReason?[] Reasons { get; } = new LinkReason?[count];

    public int Find(int node)
    {
        while (parent[node] != node)
        {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }

        return node;
    }

    /// <summary>Joins <paramref name="joining"/>'s group to <paramref name="anchor"/>'s, for <paramref name="reason"/>.</summary>
    public void Union(int anchor, int joining, LinkReason reason)
    {
        var a = Find(anchor);
        var b = Find(joining);
        if (a == b)
        {
            return;
        }

        // The root that stops being a root is the one that had no reason yet; it takes this one.
        if (b > a)
        {
            parent[b] = a;
            Reasons[b] = reason;
        }
        else
        {
            parent[a] = b;
            Reasons[a] = reason;
        }
    }
}
