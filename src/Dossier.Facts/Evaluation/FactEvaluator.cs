using Dossier.Core.Facts;
using Dossier.Nlp.Evaluation;

namespace Dossier.Facts.Evaluation;

/// <summary>
/// Precision, recall and F1 of one kind of fact (<paramref name="Matched"/>: the system facts that
/// equal a gold fact by that kind's rule), and the accuracy of each field over the gold and system
/// facts paired by their evidence alone, so a field's figure says how often it is right where the
/// fact was seen at all.
/// </summary>
public sealed record FactScore(int Gold, int Predicted, int Matched, IReadOnlyDictionary<string, double> Fields)
{
    /// <summary>The gold facts no system fact equals, as "doc: what: evidence", with what the system said there if it said anything.</summary>
    public IReadOnlyList<string> Missed { get; init; } = [];

    /// <summary>The system facts that equal no gold fact, as "file: what: evidence": where precision is lost.</summary>
    public IReadOnlyList<string> FalseHits { get; init; } = [];

    /// <summary>Fields wrong on facts paired by their evidence, as "doc: field X should be Y: evidence".</summary>
    public IReadOnlyList<string> FieldErrors { get; init; } = [];

    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Claims' speaker attribution counted apart: a claim is right only when matched with the right speaker.</summary>
public sealed record AttributionScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

public sealed record FactEvaluation(
    FactScore? Claims, AttributionScore? DirectQuotes, AttributionScore? IndirectSpeech, FactScore? Events, FactScore? Relations, IReadOnlyList<string> Problems);

/// <summary>One article as the evaluation sees it: its file name and clean text.</summary>
public sealed record EvaluatedArticle(string FileName, string Text);

/// <summary>
/// Scores stored facts against gold facts. A system fact is paired with a gold one in the same
/// article whose evidence overlaps it (the gold evidence is an exact substring of the article); each
/// gold fact pairs with at most one system fact, largest overlap first. A pair counts as found only
/// when the fact itself is the same: a claim by its evidence; an event when its type is the gold's
/// and at least one gold actor is named in its role (an agent among the agents or a target among the
/// targets; a gold event naming no actor needs the type only); a tie when its kind, its direction and
/// both ends are the gold's ("allied_with" either way round). Fields are scored over the pairs by
/// evidence alone. Actors are compared by name: the gold entity's forms against the system actor's
/// name and spellings, as <see cref="GoldForms"/> compares forms, with dots also set aside.
/// </summary>
public static class FactEvaluator
{
    public static FactEvaluation Evaluate(FactGold gold, IReadOnlyDictionary<string, EvaluatedArticle> articles,
        IReadOnlyList<ClaimRow> claims, IReadOnlyList<EventRow> events, IReadOnlyList<RelationRow> relations, Func<string?, IReadOnlySet<string>> spellingsOf)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(spellingsOf);
        var problems = new List<string>();
        var scope = new HashSet<string>(StringComparer.Ordinal);

        (string? File, int Start, int End) Locate(string doc, string evidence, string kind)
        {
            var article = articles.Values.FirstOrDefault(a => a.FileName.StartsWith(doc, StringComparison.Ordinal));
            if (article is null)
            {
                problems.Add($"{kind}: no article for doc {doc}");
                return (null, -1, -1);
            }

            scope.Add(article.FileName);
            var at = article.Text.IndexOf(evidence, StringComparison.Ordinal);
            if (at < 0)
            {
                at = article.Text.IndexOf(evidence, StringComparison.OrdinalIgnoreCase);
            }

            if (at < 0)
            {
                problems.Add($"{kind}: evidence not in {article.FileName}: \"{(evidence.Length > 60 ? evidence[..60] + "…" : evidence)}\"");
                return (article.FileName, -1, -1);
            }

            return (article.FileName, at, at + evidence.Length);
        }

        bool Same(string? goldEntity, string? goldText, EventActor? actor)
        {
            if (actor is null)
            {
                return goldEntity is null && goldText is null;
            }

            var names = spellingsOf(actor.EntityId).Append(actor.Name).Select(Normal).ToHashSet(StringComparer.Ordinal);
            if (goldEntity is not null && gold.Entities.TryGetValue(goldEntity, out var known) && known.Names.Select(Normal).Any(names.Contains))
            {
                return true;
            }

            var text = goldText is null ? null : Normal(goldText);
            return text is { Length: > 0 } && names.Any(n => n.Length > 0 && (n.Contains(text, StringComparison.Ordinal) || text.Contains(n, StringComparison.Ordinal)));
        }

        // Every article the gold speaks of is in scope for every kind of fact, whichever kind is scored first.
        var goldDocs = (gold.Claims?.Select(c => c.Doc) ?? []).Concat(gold.Events?.Select(e => e.Doc) ?? []).Concat(gold.Relations?.Select(r => r.Doc) ?? []);
        foreach (var doc in goldDocs.Distinct(StringComparer.Ordinal))
        {
            scope.UnionWith(articles.Values.Where(a => a.FileName.StartsWith(doc, StringComparison.Ordinal)).Select(a => a.FileName).Take(1));
        }

        string FileOf(Core.Documents.ArticleId id) => articles.TryGetValue(id.Value, out var article) ? article.FileName : "";

        (int Start, int End) SpanOf(Core.Documents.ArticleId id, string text)
        {
            var body = articles.TryGetValue(id.Value, out var article) ? article.Text : "";
            var at = body.IndexOf(text, StringComparison.Ordinal);
            return at < 0 ? (-1, -1) : (at, at + text.Length);
        }

        FactScore? claimScore = null;
        AttributionScore? direct = null, indirect = null;
        if (gold.Claims is { } goldClaims)
        {
            var located = goldClaims.Select(g => (Gold: g, Where: Locate(g.Doc, g.Evidence, "claims"))).ToList();
            var system = claims.Where(c => scope.Contains(FileOf(c.ArticleId))).ToList();
            var pairs = Match(located, system, g => g.Where, c => (FileOf(c.ArticleId), c.ContentStart, c.ContentEnd));
            bool Right(GoldClaim g, ClaimRow c) => Same(g.Speaker, g.SpeakerText, new EventActor(c.SpeakerEntityId, c.SpeakerName ?? c.SpeakerText))
                                                 || Same(g.Speaker, g.SpeakerText, new EventActor(null, c.SpeakerText));
            claimScore = new FactScore(goldClaims.Count, system.Count, pairs.Count, new Dictionary<string, double>
            {
                ["speaker"] = Accuracy(pairs, p => Right(p.Gold.Gold, p.System)),
            })
            {
                Missed = [.. located.Where(l => pairs.All(p => !ReferenceEquals(p.Gold.Gold, l.Gold))).Select(l => $"{l.Gold.Doc}: claim by {l.Gold.SpeakerText}: {l.Gold.Evidence}")],
                FieldErrors = [.. pairs.Where(p => !Right(p.Gold.Gold, p.System)).Select(p => $"{p.Gold.Gold.Doc}: speaker {p.System.SpeakerText} ({p.System.SpeakerName}) should be {p.Gold.Gold.SpeakerText}: {p.Gold.Gold.Evidence}")],
                FalseHits = [.. system.Where(c => pairs.All(p => !ReferenceEquals(p.System, c))).Select(c => $"{FileOf(c.ArticleId)}: claim by {c.SpeakerName ?? c.SpeakerText}: {c.Content}")],
            };
            AttributionScore Attribution(bool quotes)
            {
                var goldPart = located.Where(l => l.Gold.Form == "direct" == quotes).ToList();
                var systemPart = system.Where(c => c.Form == ClaimForm.DirectQuote == quotes).ToList();
                var matched = Match(goldPart, systemPart, g => g.Where, c => (FileOf(c.ArticleId), c.ContentStart, c.ContentEnd));
                return new AttributionScore(goldPart.Count, systemPart.Count, matched.Count(p => Right(p.Gold.Gold, p.System)));
            }

            direct = Attribution(quotes: true);
            indirect = Attribution(quotes: false);
        }

        FactScore? eventScore = null;
        if (gold.Events is { } goldEvents)
        {
            var located = goldEvents.Select(g => (Gold: g, Where: Locate(g.Doc, g.Evidence, "events"))).ToList();
            var system = events.Where(e => scope.Contains(FileOf(e.ArticleId))).ToList();
            (string File, int Start, int End) EventSpan(EventRow e)
            {
                var (start, end) = SpanOf(e.ArticleId, e.Evidence);
                return (FileOf(e.ArticleId), start, end);
            }

            var pairs = Match(located, system, g => g.Where, EventSpan);
            var found = Match(located, system, g => g.Where, EventSpan, (g, e) => SameEvent(g.Gold, e));
            bool PlaceRight(GoldEvent g, EventRow e) => g.Place is null ? e.Place is null : Same(g.Place, null, e.Place);
            eventScore = new FactScore(goldEvents.Count, system.Count, found.Count, new Dictionary<string, double>
            {
                ["type"] = Accuracy(pairs, p => SameType(p.Gold.Gold, p.System)),
                ["date"] = Accuracy(pairs, p => p.Gold.Gold.Date == p.System.DateFirst?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ["place"] = Accuracy(pairs, p => PlaceRight(p.Gold.Gold, p.System)),
                ["agents"] = Accuracy(pairs, p => SameSet(p.Gold.Gold.Agents, p.System.Agents)),
                ["targets"] = Accuracy(pairs, p => SameSet(p.Gold.Gold.Targets, p.System.Targets)),
                ["fatalities"] = Accuracy(pairs, p => p.Gold.Gold.Killed == p.System.Counts.FirstOrDefault(c => c.Kind == CountKind.Killed)?.Low),
            })
            {
                Missed = [.. located.Where(l => found.All(p => !ReferenceEquals(p.Gold.Gold, l.Gold))).Select(l => $"{l.Gold.Doc}: {Describe(l.Gold)}: {l.Gold.Evidence}{SaidThere(pairs, l.Gold, Describe)}")],
                FalseHits = [.. system.Where(e => found.All(p => !ReferenceEquals(p.System, e))).Select(e => $"{FileOf(e.ArticleId)}: {Describe(e)}: {e.Evidence}")],
                FieldErrors = [
                    .. pairs.Where(p => !SameType(p.Gold.Gold, p.System)).Select(p => $"{p.Gold.Gold.Doc}: type {p.System.Type.ToName()} should be {p.Gold.Gold.Type}: {p.Gold.Gold.Evidence}"),
                    .. pairs.Where(p => !PlaceRight(p.Gold.Gold, p.System))
                        .Select(p => $"{p.Gold.Gold.Doc}: place {p.System.Place?.Name ?? "none"} should be {p.Gold.Gold.Place ?? "none"}: {p.Gold.Gold.Evidence}"),
                    .. pairs.Where(p => !SameSet(p.Gold.Gold.Agents, p.System.Agents))
                        .Select(p => $"{p.Gold.Gold.Doc}: agents [{string.Join(", ", p.System.Agents.Select(a => a.Name))}] should be [{string.Join(", ", p.Gold.Gold.Agents)}]: {p.Gold.Gold.Evidence}"),
                    .. pairs.Where(p => !SameSet(p.Gold.Gold.Targets, p.System.Targets))
                        .Select(p => $"{p.Gold.Gold.Doc}: targets [{string.Join(", ", p.System.Targets.Select(a => a.Name))}] should be [{string.Join(", ", p.Gold.Gold.Targets)}]: {p.Gold.Gold.Evidence}"),
                ],
            };
        }

        FactScore? relationScore = null;
        var goldKinds = new HashSet<RelationKind>((gold.Relations ?? []).Select(g => RelationKinds.TryParse(g.Type, out var k) ? k : (RelationKind?)null).OfType<RelationKind>());
        if (gold.Relations is { } goldRelations)
        {
            var located = goldRelations.Select(g => (Gold: g, Where: Locate(g.Doc, g.Evidence, "relations"))).ToList();
            var system = relations.Where(r => scope.Contains(FileOf(r.ArticleId))).ToList();
            (string File, int Start, int End) RelationSpan(RelationRow r)
            {
                var (start, end) = SpanOf(r.ArticleId, r.Evidence);
                return (FileOf(r.ArticleId), start, end);
            }

            // The fields are read over ties paired by evidence and one shared end, a system tie going
            // first to the gold tie it equals (one sentence often states several ties).
            var pairs = Match(located, system, g => g.Where, RelationSpan,
                (g, r) => Same(g.Gold.Source, null, r.Source) || Same(g.Gold.Target, null, r.Target) || Same(g.Gold.Source, null, r.Target),
                (g, r) => (SameKind(g.Gold, r) ? 2 : 0) + (SameEnds(g.Gold, r) ? 1 : 0));
            var found = Match(located, system, g => g.Where, RelationSpan, (g, r) => SameKind(g.Gold, r) && SameEnds(g.Gold, r));
            relationScore = new FactScore(goldRelations.Count, system.Count, found.Count, new Dictionary<string, double>
            {
                ["kind"] = Accuracy(pairs, p => SameKind(p.Gold.Gold, p.System)),
                ["direction"] = Accuracy(pairs, p => SameEnds(p.Gold.Gold, p.System)),
            })
            {
                Missed = [.. located.Where(l => found.All(p => !ReferenceEquals(p.Gold.Gold, l.Gold)))
                    .Select(l => $"{l.Gold.Doc}: {l.Gold.Type} {l.Gold.Source} -> {l.Gold.Target}: {l.Gold.Evidence}{SaidThere(pairs, l.Gold, r => $"{r.Kind.ToName()} {r.Source.Name} -> {r.Target.Name}")}")],
                FalseHits = [.. system.Where(r => found.All(p => !ReferenceEquals(p.System, r))).Select(r => $"{FileOf(r.ArticleId)}: {r.Kind.ToName()} {r.Source.Name} -> {r.Target.Name}: {r.Evidence}")],
                FieldErrors = [
                    .. pairs.Where(p => !SameKind(p.Gold.Gold, p.System)).Select(p => $"{p.Gold.Gold.Doc}: kind {p.System.Kind.ToName()} should be {p.Gold.Gold.Type}: {p.Gold.Gold.Evidence}"),
                    .. pairs.Where(p => !SameEnds(p.Gold.Gold, p.System))
                        .Select(p => $"{p.Gold.Gold.Doc}: {p.System.Source.Name} -> {p.System.Target.Name} should be {p.Gold.Gold.Source} -> {p.Gold.Gold.Target}: {p.Gold.Gold.Evidence}"),
                ],
            };
        }

        return new FactEvaluation(claimScore, direct, indirect, eventScore, relationScore, problems);

        bool SameSet(IReadOnlyList<string> goldIds, IReadOnlyList<EventActor> actors)
            => goldIds.Count == actors.Count && goldIds.All(g => actors.Any(a => Same(g, null, a)));

        static bool SameType(GoldEvent g, EventRow e) => EventTypes.TryParse(g.Type.Replace('_', '-'), out var type) && type == e.Type;

        // One gold actor in its own role is enough: "at least one role"; a gold event that names no
        // actor cannot be checked on roles, so its type decides.
        bool SameEvent(GoldEvent g, EventRow e)
            => SameType(g, e)
               && ((g.Agents.Count == 0 && g.Targets.Count == 0)
                   || g.Agents.Any(a => e.Agents.Any(s => Same(a, null, s)))
                   || g.Targets.Any(t => e.Targets.Any(s => Same(t, null, s))));

        bool SameKind(GoldRelation g, RelationRow r) => RelationKinds.TryParse(g.Type, out var kind) && kind == InGoldScheme(r.Kind);

        // Only an alliance has no direction; "X supports Y" and "Y supports X" are different ties.
        bool SameEnds(GoldRelation g, RelationRow r)
            => (Same(g.Source, null, r.Source) && Same(g.Target, null, r.Target))
               || (InGoldScheme(r.Kind) == RelationKind.AlliedWith && Same(g.Source, null, r.Target) && Same(g.Target, null, r.Source));

        // A gold file written in a coarser scheme (re3d has only leads, member_of, allied_with and
        // opposes) scores a tie of a kind it never uses as the kind that scheme folds it into.
        RelationKind InGoldScheme(RelationKind kind)
            => goldKinds.Contains(kind) || !CoarserKind.TryGetValue(kind, out var coarser) || !goldKinds.Contains(coarser) ? kind : coarser;
    }

    /// <summary>The kind a finer tie is folded into by a scheme that lacks it: backing is alliance, an attack opposition, holding a place leading it.</summary>
    private static readonly Dictionary<RelationKind, RelationKind> CoarserKind = new()
    {
        [RelationKind.Supports] = RelationKind.AlliedWith,
        [RelationKind.Attacked] = RelationKind.Opposes,
        [RelationKind.SpokespersonOf] = RelationKind.MemberOf,
        [RelationKind.Controls] = RelationKind.Leads,
    };

    private static string Describe(GoldEvent g) => $"{g.Type} [{string.Join(", ", g.Agents)}] -> [{string.Join(", ", g.Targets)}]";

    private static string Describe(EventRow e) => $"{e.Type.ToName()} [{string.Join(", ", e.Agents.Select(a => a.Name))}] -> [{string.Join(", ", e.Targets.Select(a => a.Name))}]";

    /// <summary>What the system stated over a missed gold fact's evidence, if anything: " (stated: ...)".</summary>
    private static string SaidThere<TG, TS>(List<((TG Gold, (string? File, int Start, int End) Where) Gold, TS System)> pairs, TG gold, Func<TS, string> describe)
        where TG : class
        => pairs.FirstOrDefault(p => ReferenceEquals(p.Gold.Gold, gold)) is { System: { } system } ? $" (stated: {describe(system)})" : "";

    /// <summary>"the U.N" and "U.N." are one name: the forms as <see cref="GoldForms"/> keys them, dots also set aside.</summary>
    private static string Normal(string name) => GoldForms.Key(name.Replace(".", "", StringComparison.Ordinal));

    private static double Accuracy<TG, TS>(List<(TG Gold, TS System)> pairs, Func<(TG Gold, TS System), bool> right)
        => pairs.Count == 0 ? 0 : (double)pairs.Count(right) / pairs.Count;

    /// <summary>Greedy one-to-one matching of gold and system facts in the same file whose spans overlap, largest overlap first.</summary>
    private static List<(TG Gold, TS System)> Match<TG, TS>(List<TG> gold, List<TS> system, Func<TG, (string? File, int Start, int End)> goldSpan,
        Func<TS, (string File, int Start, int End)> systemSpan, Func<TG, TS, bool>? alsoRequire = null, Func<TG, TS, int>? agreement = null)
    {
        // Pairs are taken best first by how much of the two spans they share (overlap over union), so
        // a long system span that covers two gold claims goes to the one it fits.
        var candidates = new List<(int G, int S, int Agreement, double Overlap)>();
        for (var g = 0; g < gold.Count; g++)
        {
            var a = goldSpan(gold[g]);
            if (a.File is null || a.Start < 0)
            {
                continue;
            }

            for (var s = 0; s < system.Count; s++)
            {
                var b = systemSpan(system[s]);
                var overlap = Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start);
                if (b.File == a.File && b.Start >= 0 && overlap > 0 && (alsoRequire is null || alsoRequire(gold[g], system[s])))
                {
                    candidates.Add((g, s, agreement?.Invoke(gold[g], system[s]) ?? 0, (double)overlap / (Math.Max(a.End, b.End) - Math.Min(a.Start, b.Start))));
                }
            }
        }

        var usedGold = new HashSet<int>();
        var usedSystem = new HashSet<int>();
        var pairs = new List<(TG, TS)>();
        foreach (var (g, s, _, _) in candidates.OrderByDescending(c => c.Agreement).ThenByDescending(c => c.Overlap))
        {
            if (usedGold.Add(g))
            {
                if (usedSystem.Add(s))
                {
                    pairs.Add((gold[g], system[s]));
                }
                else
                {
                    usedGold.Remove(g);
                }
            }
        }

        return pairs;
    }
}
