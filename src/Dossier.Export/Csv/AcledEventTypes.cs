using Dossier.Core.Facts;

namespace Dossier.Export.Csv;

/// <summary>
/// ACLED's disorder type, event type and sub-event type for each of our event types. Ours are coarser
/// than ACLED's in places: an "attack" between armed groups is a battle, and a capture is coded as a
/// non-state actor taking territory because the extractor does not tell who regains what.
/// </summary>
internal static class AcledEventTypes
{
    public static (string Disorder, string Type, string SubType) Of(EventType type, string trigger) => type switch
    {
        EventType.Attack or EventType.ArmedClash => ("Political violence", "Battles", "Armed clash"),
        EventType.AirstrikeOrShelling => ("Political violence", "Explosions/Remote violence",
            trigger.Contains("air", StringComparison.OrdinalIgnoreCase) || trigger.Contains("drone", StringComparison.OrdinalIgnoreCase) || trigger.Contains("bomb", StringComparison.OrdinalIgnoreCase)
                ? "Air/drone strike"
                : "Shelling/artillery/missile attack"),
        EventType.Capture => ("Political violence", "Battles", "Non-state actor overtakes territory"),
        EventType.Killing => ("Political violence", "Violence against civilians", "Attack"),
        EventType.Abduction => ("Political violence", "Violence against civilians", "Abduction/forced disappearance"),
        EventType.Arrest => ("Strategic developments", "Strategic developments", "Arrests"),
        _ => ("Strategic developments", "Strategic developments", "Other"),
    };

    /// <summary>ACLED's time precision: 1 the day is known, 2 the week, 3 the month or only the year.</summary>
    public static string TimePrecision(string? precision) => precision switch
    {
        "day" => "1",
        "week" => "2",
        null => "",
        _ => "3",
    };
}
