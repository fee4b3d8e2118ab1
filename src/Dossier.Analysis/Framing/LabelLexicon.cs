using System.Text.RegularExpressions;

namespace Dossier.Analysis;

/// <summary>Whether a label speaks of its actor favourably, unfavourably, or only loads it.</summary>
public enum LabelTone
{
    Unfavourable,
    Favourable,
    Loaded,
}

/// <summary>One loaded label: the form it is counted under, how it sounds, and the pattern that finds it.</summary>
public sealed record LabelTerm(string Label, LabelTone Tone, Regex Pattern);

/// <summary>
/// The loaded words a careful reader notices in conflict reporting: labels that condemn
/// ("terrorists", "warlord", "renegade"), that confer legitimacy ("internationally recognized
/// government", "Field Marshal") and that load without a side ("Islamist", "rebels").
/// </summary>
public static class LabelLexicon
{
    public static IReadOnlyList<LabelTerm> Terms { get; } =
    [
        Term("terrorists", LabelTone.Unfavourable, @"terrorists?"),
        Term("militants", LabelTone.Unfavourable, @"militants?"),
        Term("jihadists", LabelTone.Unfavourable, @"jihadists?|jihadis"),
        Term("extremists", LabelTone.Unfavourable, @"extremists?"),
        Term("radicals", LabelTone.Unfavourable, @"radicals?|radical-sunni"),
        Term("mercenaries", LabelTone.Unfavourable, @"mercenar(?:y|ies)"),
        Term("militia", LabelTone.Unfavourable, @"militias?|militiamen"),
        Term("warlord", LabelTone.Unfavourable, @"warlords?"),
        Term("war criminal", LabelTone.Unfavourable, @"war criminals?"),
        Term("renegade", LabelTone.Unfavourable, @"renegades?"),
        Term("strongman", LabelTone.Unfavourable, @"strongman"),
        Term("dictator", LabelTone.Unfavourable, @"dictators?|tyrants?"),
        Term("regime", LabelTone.Unfavourable, @"regimes?|junta"),
        Term("puppet", LabelTone.Unfavourable, @"puppets?"),
        Term("self-styled", LabelTone.Unfavourable, @"self-(?:styled|proclaimed)|so-called"),
        Term("gangs", LabelTone.Unfavourable, @"gangs?|thugs?"),
        Term("former CIA asset", LabelTone.Unfavourable, @"(?:former\s+)?CIA\s+asset"),
        Term("breakaway", LabelTone.Unfavourable, @"breakaway|rogue"),
        Term("internationally recognized", LabelTone.Favourable, @"internationally[\s-]+recogni[sz]ed"),
        Term("UN-backed", LabelTone.Favourable, @"U\.?N\.?[\s-]+(?:backed|recogni[sz]ed|supported)"),
        Term("legitimate", LabelTone.Favourable, @"legitimate"),
        Term("Field Marshal", LabelTone.Favourable, @"Field\s+Marshall?"),
        Term("commander-in-chief", LabelTone.Favourable, @"commander-in-chief"),
        Term("national army", LabelTone.Favourable, @"national\s+army"),
        Term("heroes", LabelTone.Favourable, @"heroe?s?|heroic"),
        Term("liberation", LabelTone.Favourable, @"liberat(?:ion|ed|e|ing)"),
        Term("Islamists", LabelTone.Loaded, @"islamists?"),
        Term("rebels", LabelTone.Loaded, @"rebels?|insurgents?"),
    ];

    private static LabelTerm Term(string label, LabelTone tone, string pattern)
        => new(label, tone, new Regex($@"(?<![\w-])(?:{pattern})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));

    public static string ToName(this LabelTone tone) => tone switch
    {
        LabelTone.Unfavourable => "unfavourable",
        LabelTone.Favourable => "favourable",
        _ => "loaded",
    };
}
