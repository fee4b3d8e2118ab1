using Dossier.Core.Actors;

namespace Dossier.Actors.Lexicon;

/// <summary>
/// The words that tell what kind of actor a name is and which titles and descriptions stand for
/// actors. General English and conflict-reporting vocabulary, not names of particular actors: a
/// name is an armed group because it is a "Brigade" or an "Army", never because it is on a list.
/// </summary>
public static class ActorWords
{
    /// <summary>Words in a name that make it an armed group.</summary>
    public static readonly IReadOnlySet<string> ArmedGroupWords = Set(
        "army", "armies", "brigade", "brigades", "battalion", "battalions", "militia", "militias", "force", "forces",
        "front", "guard", "guards", "revolutionaries", "mujahideen", "mujahedeen", "jihad", "ansar", "qaeda", "qaida",
        "kaida", "isis", "isil", "daesh", "taliban", "shura", "regiment", "division", "corps", "legion", "commandos",
        "rebels", "fighters", "militants", "wagner", "hezbollah", "hamas", "boko", "shabaab", "al-shabaab", "tigers", "defenders", "operation");

    /// <summary>Words that put a group outside the law, as its enemies call it: "the terrorist group", "the extremist militia".</summary>
    public static readonly IReadOnlySet<string> OutlawWords = Set(
        "terrorist", "terror", "extremist", "jihadist", "jihadi", "insurgent", "militant", "rebel", "criminal", "outlaw");

    /// <summary>Words in a name that make it a government or a state institution.</summary>
    public static readonly IReadOnlySet<string> GovernmentWords = Set(
        "government", "ministry", "ministries", "parliament", "congress", "senate", "assembly", "council", "cabinet",
        "presidency", "house", "representatives", "embassy", "consulate", "department", "administration", "authority",
        "authorities", "kingdom", "republic", "nations", "commission", "court", "office", "police", "navy", "air", "security");

    public static readonly IReadOnlySet<string> MediaWords = Set(
        "news", "press", "times", "post", "herald", "observer", "tribune", "gazette", "journal", "daily", "tv", "television",
        "radio", "broadcasting", "reuters", "afp", "bbc", "cnn", "agency", "images", "magazine", "telegraph", "guardian", "monitor");

    public static readonly IReadOnlySet<string> MovementWords = Set(
        "movement", "party", "brotherhood", "alliance", "coalition", "union", "league", "mouvement");

    public static readonly IReadOnlySet<string> FacilityWords = Set(
        "airbase", "airport", "base", "prison", "terminal", "port", "harbour", "harbor", "refinery", "field", "oilfield",
        "camp", "barracks", "hospital", "university", "palace", "square", "bridge", "dam", "compound", "academy");

    /// <summary>Words in a name that make it an organisation of no narrower kind.</summary>
    public static readonly IReadOnlySet<string> OrganizationWords = Set(
        "organization", "organisation", "institute", "foundation", "company", "corporation", "bank", "committee",
        "red", "crescent", "international", "watch", "amnesty", "society", "association", "group", "inc", "ltd", "observatory");

    /// <summary>
    /// Titles written before a person's name ("Field Marshal Khalifa Haftar", "Gen. Haftar"), and role
    /// nouns that stand for a person as "the marshal". The value is the role a description names.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PersonTitles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["marshal"] = "marshal", ["marshall"] = "marshal", ["field"] = "marshal", ["general"] = "general", ["gen"] = "general",
        ["gen."] = "general", ["colonel"] = "colonel", ["col"] = "colonel", ["col."] = "colonel", ["major"] = "major",
        ["maj."] = "major", ["captain"] = "captain", ["capt."] = "captain", ["lieutenant"] = "lieutenant", ["lt."] = "lieutenant",
        ["commander"] = "commander", ["commander-in-chief"] = "commander", ["warlord"] = "warlord", ["strongman"] = "strongman",
        ["president"] = "president", ["premier"] = "prime minister", ["minister"] = "minister", ["pm"] = "prime minister", ["prime"] = "", ["prime minister"] = "prime minister",
        ["spokesman"] = "spokesman", ["spokeswoman"] = "spokesman", ["spokesperson"] = "spokesman", ["sheikh"] = "sheikh",
        ["imam"] = "imam", ["emir"] = "emir", ["king"] = "king", ["prince"] = "prince", ["leader"] = "leader", ["chief"] = "chief",
        ["mr"] = "", ["mr."] = "", ["mrs"] = "", ["mrs."] = "", ["ms"] = "", ["ms."] = "", ["dr"] = "", ["dr."] = "",
        ["renegade"] = "", ["head"] = "head", ["mufti"] = "mufti", ["admiral"] = "admiral",
        ["mayor"] = "mayor", ["governor"] = "governor", ["ambassador"] = "ambassador", ["envoy"] = "envoy",
        ["secretary"] = "secretary", ["director"] = "director", ["commissioner"] = "commissioner", ["chancellor"] = "chancellor",
    };

    /// <summary>
    /// Words of an office's name after "of" or "for" ("Secretary of Defense", "Minister for the Middle
    /// East", "Secretary of State for Foreign Affairs"): the recognizer often takes them into the name
    /// that follows ("Defense Ash Carter"), which they are not part of. Ministries and regions, no names.
    /// </summary>
    public static readonly IReadOnlySet<string> OfficeWords = Set(
        "state", "defense", "defence", "foreign", "affairs", "interior", "home", "treasury", "justice", "homeland", "security",
        "middle", "east", "west", "north", "south", "central", "near", "far", "africa", "asia", "europe", "americas",
        "energy", "commerce", "health", "education", "labor", "labour", "agriculture", "veterans", "transportation", "war",
        "finance", "economy", "trade", "culture", "information", "commonwealth", "development", "international", "public",
        "planning", "oil", "petroleum", "refugees", "immigration", "environment", "housing", "tourism", "communications",
        "intelligence", "staff", "operations", "political", "military", "national", "armed", "forces", "army", "navy", "air",
        "force", "marine", "corps", "religious", "freedom", "human", "rights", "counterterrorism", "relations");

    /// <summary>Role nouns that may stand for an organisation: "the group", "the militia", "the U.N.-backed government".</summary>
    public static readonly IReadOnlyDictionary<string, ActorKind> GroupNouns = new Dictionary<string, ActorKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["group"] = ActorKind.ArmedGroup, ["militia"] = ActorKind.ArmedGroup, ["organization"] = ActorKind.ArmedGroup,
        ["organisation"] = ActorKind.ArmedGroup, ["movement"] = ActorKind.Movement, ["government"] = ActorKind.Government,
        ["administration"] = ActorKind.Government, ["parliament"] = ActorKind.Government, ["army"] = ActorKind.ArmedGroup,
        ["outlet"] = ActorKind.Media, ["newspaper"] = ActorKind.Media, ["broadcaster"] = ActorKind.Media, ["news agency"] = ActorKind.Media,
    };

    /// <summary>Nouns after a nationality word that make it name its state acting: "Turkish drones", "Egyptian aviation".</summary>
    public static readonly IReadOnlySet<string> StateActionNouns = Set(
        "forces", "force", "troops", "army", "military", "mercenaries", "drones", "drone", "jets", "aircraft", "aviation",
        "warplanes", "planes", "government", "officials", "authorities", "officers", "advisers", "advisors", "support",
        "backing", "intervention", "navy", "soldiers", "weapons", "arms", "president", "ministry", "embassy", "intelligence",
        "air", "warships", "helicopters", "militants", "fighters", "contractors", "operatives", "diplomats", "delegation");

    public static readonly IReadOnlySet<string> MalePronouns = Set("he", "him", "his", "himself");

    public static readonly IReadOnlySet<string> FemalePronouns = Set("she", "her", "hers", "herself");

    /// <summary>
    /// Months and days of the week: not part of a name ("Lebanon November" is Lebanon, then a date)
    /// and no name alone.
    /// </summary>
    public static readonly IReadOnlySet<string> DateWords = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    /// <summary>
    /// Names of times, not of actors: feasts and holidays of the world's calendars, and the head
    /// words of time expressions ("Greenwich Mean Time", "Thanksgiving Day", "Republic Day", "New Year's Eve").
    /// </summary>
    public static readonly IReadOnlySet<string> TimeNames = Set(
        "thanksgiving", "christmas", "easter", "ramadan", "ramadhan", "eid", "eid al-fitr", "eid al-adha", "hanukkah", "passover", "diwali",
        "nowruz", "norooz", "ashura", "lent", "advent", "pentecost", "yom kippur", "rosh hashanah", "muharram", "mawlid", "new year",
        "halloween", "ramzan", "holi", "vesak", "epiphany");

    public static readonly IReadOnlySet<string> TimeHeads = Set("day", "eve", "time", "week", "weekend", "month", "year", "season", "holiday", "holidays", "anniversary");

    /// <summary>Words never part of a name's core, dropped from its front: "the LNA", "renegade Gen.".</summary>
    public static readonly IReadOnlySet<string> LeadingNoise = Set("the", "a", "an", "renegade", "self-styled", "so-called", "late", "former", "ex");

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);
}
