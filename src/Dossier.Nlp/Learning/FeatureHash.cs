namespace Dossier.Nlp.Learning;

/// <summary>
/// 64-bit feature keys built without allocating strings: a template number mixed with the hashes of
/// the values it combines. Stable across runs and machines (never string.GetHashCode), so a model
/// file means the same thing everywhere.
/// </summary>
public static class FeatureHash
{
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001b3UL;
        }

        return Mix(hash);
    }

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

    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }
}
