namespace Dossier.Core.Actors;

/// <summary>What kind of thing an actor is. A person never merges with a place, whatever the spelling.</summary>
public enum ActorKind
{
    Person,
    ArmedGroup,

    /// <summary>A government or a state institution: ministries, parliaments, councils, courts, UN bodies.</summary>
    Government,
    State,

    /// <summary>A political or religious movement.</summary>
    Movement,
    Place,

    /// <summary>An airbase, prison, port, oil terminal and the like.</summary>
    Facility,
    Media,

    /// <summary>Any other organisation: companies, agencies, NGOs.</summary>
    Organization,
}

/// <summary>How a mention names its actor.</summary>
public enum MentionForm
{
    /// <summary>The name as the entity recognizer found it: "Khalifa Haftar", "Libyan National Army".</summary>
    Name,

    /// <summary>Part of a fuller name in the same article: "Haftar" after "Khalifa Haftar".</summary>
    PartialName,
    Acronym,

    /// <summary>A title or description standing for the actor: "the marshal", "the U.N.-backed government".</summary>
    Description,
    Pronoun,

    /// <summary>A nationality word standing for its state: "Turkish drones", "Egyptian aviation".</summary>
    Nationality,
}

/// <summary>One mention of an actor in an article: characters <c>Start..End</c> of the clean text, and why it belongs to its chain.</summary>
public readonly record struct ActorMention(int Start, int End, MentionForm Form, string Reason);

/// <summary>
/// One actor as one article speaks of it: a chain of mentions with the name that best names it
/// there. Linking across articles joins chains into entities; it never changes a chain.
/// </summary>
public sealed record ArticleActor(int Chain, string Name, ActorKind Kind, string KindReason, IReadOnlyList<ActorMention> Mentions);

public static class ActorKinds
{
    /// <summary>Names as the command line and JSON write them: person, armed-group, government, ...</summary>
    public static string ToName(this ActorKind kind) => kind switch
    {
        ActorKind.Person => "person",
        ActorKind.ArmedGroup => "armed-group",
        ActorKind.Government => "government",
        ActorKind.State => "state",
        ActorKind.Movement => "movement",
        ActorKind.Place => "place",
        ActorKind.Facility => "facility",
        ActorKind.Media => "media",
        _ => "organization",
    };

    public static bool TryParse(string text, out ActorKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wanted = text.Trim().Replace('_', '-').ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<ActorKind>())
        {
            if (candidate.ToName() == wanted || (wanted == "organisation" && candidate == ActorKind.Organization))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string AllNames => string.Join(", ", Enum.GetValues<ActorKind>().Select(k => k.ToName()));

    /// <summary>Kinds that may be one actor under different spellings: people, organisations, or places.</summary>
    public static KindFamily Family(this ActorKind kind) => kind switch
    {
        ActorKind.Person => KindFamily.Person,
        ActorKind.State or ActorKind.Place or ActorKind.Facility => KindFamily.Place,
        _ => KindFamily.Organization,
    };
}

/// <summary>
/// Kinds whose names may be spellings of one actor (<see cref="ActorKinds.Family"/>): two names of
/// different families are never joined, whatever their spellings.
/// </summary>
public enum KindFamily
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>Armed groups, governments, movements, media and other organisations.</summary>
    Organization,

    /// <summary>States, places and facilities.</summary>
    Place,
}
