using Dossier.Core.Facts;

namespace Dossier.Cli.Commands;

/// <summary>
/// An actor's roles and ties counted as its dossier page counts them, so that <c>dossier show</c>
/// and the page agree: one tie per kind, direction and other actor, however many sentences state
/// it (a tie stated in seven sentences is one tie); a role is a lead, spokesperson or member tie
/// the actor holds. Counting sentences instead gave "Ties (32)" on the page against 15 in show.
/// </summary>
internal static class TieCount
{
    public static (int Roles, int Ties) Of(IEnumerable<RelationRow> relations, string actorId)
    {
        ArgumentNullException.ThrowIfNull(relations);
        var roles = new HashSet<(RelationKind, string)>();
        var ties = new HashSet<(RelationKind, bool, string)>();
        foreach (var r in relations)
        {
            var active = r.Source.EntityId == actorId;
            var other = active ? r.Target : r.Source;
            var otherKey = other.EntityId ?? other.Name;
            if (active && r.Kind is RelationKind.Leads or RelationKind.SpokespersonOf or RelationKind.MemberOf)
            {
                roles.Add((r.Kind, otherKey));
            }
            else
            {
                ties.Add((r.Kind, active, otherKey));
            }
        }

        return (roles.Count, ties.Count);
    }
}
