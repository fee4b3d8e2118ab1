namespace Dossier.Core.Facts;

/// <summary>Event types an ACLED coder would recognise.</summary>
public enum EventType
{
    Attack,
    ArmedClash,
    AirstrikeOrShelling,
    Capture,
    Killing,
    Abduction,
    Arrest,
    Displacement,
    Escape,
    Meeting,
    PhoneCall,
}

/// <summary>What a count counts.</summary>
public enum CountKind
{
    Killed,
    Injured,
    Displaced,
    Kidnapped,
}

/// <summary>
/// A count in an event, as the words gave it: the lowest figure (ACLED codes the lowest), the highest
/// when a range or a ceiling is given, how the words bound it, and where the words are.
/// </summary>
public sealed record EventCount(CountKind Kind, long Low, long? High, string Bound, int Start, int End);

/// <summary>
/// One event as one sentence reports it: its type and trigger word, when (resolved against the
/// publication date, with its precision and the words it came from), where (an actor of the article
/// that is a place), who did it and to whom, the counts, and the claim it is part of, if any.
/// </summary>
public sealed record ReportedEvent(
    EventType Type,
    int SentenceStart,
    int SentenceEnd,
    int TriggerStart,
    int TriggerEnd,
    DateOnly? DateFirst,
    DateOnly? DateLast,
    string? DatePrecision,
    int? DateStart,
    int? DateEnd,
    int? PlaceChain,
    IReadOnlyList<int> Agents,
    IReadOnlyList<int> Targets,
    IReadOnlyList<EventCount> Counts,
    int? Claim);

public static class EventTypes
{
    public static string ToName(this EventType type) => type switch
    {
        EventType.ArmedClash => "armed-clash",
        EventType.AirstrikeOrShelling => "airstrike-or-shelling",
        EventType.PhoneCall => "phone-call",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string text, out EventType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var candidate in Enum.GetValues<EventType>())
        {
            if (string.Equals(candidate.ToName(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static string AllNames => string.Join(", ", Enum.GetValues<EventType>().Select(t => t.ToName()));
}
