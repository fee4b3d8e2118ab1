using Dossier.Core.Identity;

namespace Dossier.Nlp.Learning;

/// <summary>
/// 64-bit feature keys built without allocating strings: a template number mixed with the hashes of
/// the values it combines. Stable across runs and machines (never string.GetHashCode), so a model
/// file means the same thing everywhere.
/// </summary>
public static class FeatureHash
{
    public static ulong Of(ReadOnlySpan<char> text) => StableHash.Of(text);

    public static ulong OfLower(ReadOnlySpan<char> text)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 0x100000001b3UL;
        }

        return Mix(hash);
    }

    public static ulong Combine(int template, ulong value) => Mix(value ^ (0x9E3779B97F4A7C15UL * (ulong)(template + 1)));

    public static ulong Combine(int template, ulong first, ulong second) =>
        Mix(Combine(template, first) ^ (second * 0xC2B2AE3D27D4EB4FUL));

    public static ulong Combine(int template, ulong first, ulong second, ulong third) =>
        Mix(Combine(template, first, second) ^ (third * 0x165667B19E3779F9UL));

    public static ulong Mix(ulong x) => StableHash.Mix(x);
}
