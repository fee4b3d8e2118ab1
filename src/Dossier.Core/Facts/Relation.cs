using Dossier.Core.Documents;

namespace Dossier.Core.Facts;

/// <summary>The kinds of tie between actors, with a direction: source leads / supports / attacked ... target.</summary>
public enum RelationKind
{
    Leads,
    MemberOf,
    AlliedWith,
    Supports,
    Opposes,
    Attacked,
    Controls,
    DesignatedTerroristBy,
    BasedIn,
    SpokespersonOf,
}

/// <summary>
/// A tie between two actors of an article, as one sentence states it: the cue words, the sentence,
/// and the claim it is part of (whose speaker and modality it inherits), if any.
/// </summary>
public sealed record Relation(RelationKind Kind, int Source, int Target, int SentenceStart, int SentenceEnd, int CueStart, int CueEnd, int? Claim);

/// <summary>A relation as listed, with both actors as entities and how it was put.</summary>
public sealed record RelationRow(
    ArticleId ArticleId,
    string? Outlet,
    RelationKind Kind,
    EventActor Source,
    EventActor Target,
    string Cue,
    string Polarity,
    string? SaidBy,
    string Evidence);

public static class RelationKinds
{
    public static string ToName(this RelationKind kind) => kind switch
    {
        RelationKind.MemberOf => "member_of",
        RelationKind.AlliedWith => "allied_with",
        RelationKind.DesignatedTerroristBy => "designated_terrorist_by",
        RelationKind.BasedIn => "based_in",
        RelationKind.SpokespersonOf => "spokesperson_of",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string text, out RelationKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in Enum.GetValues<RelationKind>())
        {
            if (string.Equals(candidate.ToName(), text.Trim().Replace('-', '_'), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string AllNames => string.Join(", ", Enum.GetValues<RelationKind>().Select(k => k.ToName()));
}
