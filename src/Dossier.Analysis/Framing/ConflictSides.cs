using Dossier.Core.Actors;
using Dossier.Core.Facts;

namespace Dossier.Analysis;

/// <summary>One side of the conflict: the actor it is named after and every actor found on it.</summary>
public sealed record ConflictSide(string Name, string LeaderId, IReadOnlySet<string> Members);

/// <summary>
/// The two sides of the conflict, from the ties between actors: the two armed actors most often
/// reported fighting or opposing each other are the poles; an actor that leads, belongs to, is
/// allied with or supports one is on its side, and one that fights a side is on the other.
/// Actors with no such tie stay on neither.
/// </summary>
public static class ConflictSides
{
    public static IReadOnlyList<ConflictSide> Find(CorpusFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var hostile = new Dictionary<(string, string), int>();
        var friendly = new List<(string A, string B)>();
        var enemies = new List<(string A, string B)>();
        foreach (var relation in facts.Relations)
        {
            if (relation.Source.EntityId is not { } source || relation.Target.EntityId is not { } target || source == target || relation.Polarity == "denied")
            {
                continue;
            }

            switch (relation.Kind)
            {
                case RelationKind.Opposes or RelationKind.Attacked:
                    enemies.Add((source, target));
                    var key = string.CompareOrdinal(source, target) < 0 ? (source, target) : (target, source);
                    if (IsArmedActor(facts, source) && IsArmedActor(facts, target))
                    {
                        hostile[key] = hostile.GetValueOrDefault(key) + 1;
                    }

                    break;
                case RelationKind.Leads or RelationKind.MemberOf or RelationKind.AlliedWith or RelationKind.Supports or RelationKind.SpokespersonOf:
                    friendly.Add((source, target));
                    break;
            }
        }

        foreach (var incident in facts.Events.Where(e => e.Type is EventType.Attack or EventType.ArmedClash or EventType.AirstrikeOrShelling))
        {
            foreach (var agent in incident.Agents.Select(a => a.EntityId).OfType<string>())
            {
                foreach (var target in incident.Targets.Select(a => a.EntityId).OfType<string>().Where(t => t != agent))
                {
                    enemies.Add((agent, target));
                    if (IsArmedActor(facts, agent) && IsArmedActor(facts, target))
                    {
                        var key = string.CompareOrdinal(agent, target) < 0 ? (agent, target) : (target, agent);
                        hostile[key] = hostile.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        if (hostile.Count == 0)
        {
            return [];
        }

        var ((first, second), _) = hostile.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1, StringComparer.Ordinal).First();
        var side = new Dictionary<string, int> { [first] = 0, [second] = 1 };
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (a, b) in friendly)
            {
                changed |= Spread(side, a, b, same: true);
            }

            foreach (var (a, b) in enemies)
            {
                changed |= Spread(side, a, b, same: false);
            }
        }

        return
        [
            new ConflictSide(facts.NameOf(first), first, side.Where(p => p.Value == 0).Select(p => p.Key).ToHashSet(StringComparer.Ordinal)),
            new ConflictSide(facts.NameOf(second), second, side.Where(p => p.Value == 1).Select(p => p.Key).ToHashSet(StringComparer.Ordinal)),
        ];
    }

    private static bool Spread(Dictionary<string, int> side, string a, string b, bool same)
    {
        if (side.TryGetValue(a, out var sideOfA) && !side.ContainsKey(b))
        {
            side[b] = same ? sideOfA : 1 - sideOfA;
            return true;
        }

        if (side.TryGetValue(b, out var sideOfB) && !side.ContainsKey(a))
        {
            side[a] = same ? sideOfB : 1 - sideOfB;
            return true;
        }

        return false;
    }

    private static bool IsArmedActor(CorpusFacts facts, string entityId)
        => facts.KindOf(entityId) is ActorKind.ArmedGroup or ActorKind.Government or ActorKind.Person or ActorKind.Movement;
}
