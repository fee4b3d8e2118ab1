using Dossier.Actors.Lexicon;
using Dossier.Core.Actors;

namespace Dossier.Actors.InArticle;

/// <summary>A kind, with the words that decided it and how much they count against other evidence.</summary>
/// <remarks>The reason is for people to read; what a later step needs to know is a field of its own.</remarks>
public readonly record struct KindDecision(ActorKind Kind, string Reason, int Weight)
{
    /// <summary>The country a state's name names ("Turkey"; "Ankara" written for Turkey); null when the decision is not a state's name.</summary>
    public string? State { get; init; }

    /// <summary>The name is a capital written for its state ("Ankara dropped all claims"), not the country's own name.</summary>
    public bool IsCapital { get; init; }
}

/// <summary>
/// Decides what kind of actor a name is: a country name makes a state, a head word makes an armed
/// group, a government, a facility or a media outlet ("Benghazi Defense Brigade" is an armed group
/// even when the recognizer called it a place), and otherwise the recognizer's type decides.
/// </summary>
public sealed class KindClassifier(CountryNames countries)
{
    public const int CueWeight = 3;

    /// <summary>What the words around a mention say ("near X"): more than the recognizer's type, less than a word of the name.</summary>
    public const int ContextWeight = 2;
    public const int TypeWeight = 1;

    public KindDecision Classify(string name, string entityType, bool hadPersonTitle)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(entityType);
        if (countries.Country(name, allowCodes: entityType == "LOC") is { } country)
        {
            return new(ActorKind.State, $"a name of {country}", CueWeight) { State = country };
        }

        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length > 0 ? words[^1].Trim('.', ',') : name;
        if (entityType != "PER" && words.Length > 1 && ActorWords.FacilityWords.Contains(last))
        {
            return new(ActorKind.Facility, $"\"{last}\" names a facility", CueWeight);
        }

        var armed = Cue(words, ActorWords.ArmedGroupWords) ?? (IsPhrase(name, "islamic state") ? "Islamic State" : null);
        if (armed is not null)
        {
            return new(ActorKind.ArmedGroup, $"\"{armed}\" names an armed group", CueWeight);
        }

        if (entityType != "PER" && Cue(words, ActorWords.MediaWords) is { } media)
        {
            return new(ActorKind.Media, $"\"{media}\" names a media outlet", CueWeight);
        }

        if (Cue(words, ActorWords.MovementWords) is { } movement)
        {
            return new(ActorKind.Movement, $"\"{movement}\" names a movement", CueWeight);
        }

        if (entityType != "PER" && Cue(words, ActorWords.GovernmentWords) is { } government)
        {
            return new(ActorKind.Government, $"\"{government}\" names a government or institution", CueWeight);
        }

        if (entityType != "PER" && Cue(words, ActorWords.OrganizationWords) is { } organization)
        {
            return new(ActorKind.Organization, $"\"{organization}\" names an organisation", CueWeight);
        }

        if (hadPersonTitle)
        {
            return new(ActorKind.Person, "written with a person's title", CueWeight);
        }

        return entityType switch
        {
            "PER" => new(ActorKind.Person, "the recognizer found a person", TypeWeight),
            "LOC" => new(ActorKind.Place, "the recognizer found a place", TypeWeight),
            _ => new(ActorKind.Organization, "the recognizer found an organisation", TypeWeight),
        };
    }

    private static string? Cue(string[] words, IReadOnlySet<string> cues)
    {
        foreach (var word in words)
        {
            var bare = word.Trim('.', ',', '’', '\'');
            if (bare.EndsWith("’s", StringComparison.Ordinal) || bare.EndsWith("'s", StringComparison.Ordinal))
            {
                bare = bare[..^2];
            }

            if (cues.Contains(bare))
            {
                return bare;
            }
        }

        return null;
    }

    private static bool IsPhrase(string name, string phrase) => name.Contains(phrase, StringComparison.OrdinalIgnoreCase);
}
