namespace Dossier.Core.Actors;

/// <summary>
/// The short form of a country's formal name that news English still uses: "Republic of Turkey"
/// gives "Turkey", where world-countries' common name is "Türkiye". One rule for the linker's
/// country table and the map's place lookup, so a state the linker knows is a country on the map.
/// </summary>
public static class CountryShortForms
{
    private static readonly string[] Prefixes = ["Republic of ", "Kingdom of ", "State of ", "Commonwealth of "];

    /// <summary>The name after its form of state, or null when there is none or the rest is itself "X of Y".</summary>
    public static string? Of(string spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        foreach (var prefix in Prefixes)
        {
            if (spelling.StartsWith(prefix, StringComparison.Ordinal) && !spelling[prefix.Length..].Contains(" of ", StringComparison.Ordinal))
            {
                return spelling[prefix.Length..];
            }
        }

        return null;
    }
}
