namespace Dossier.Core.Identity;

/// <summary>
/// 64-bit hashes that are the same in every run and on every machine (string.GetHashCode is
/// randomized per process): FNV-1a over characters, finished with the splitmix64 mixer. Used for
/// anything stored or shipped: MinHash signatures, model feature keys.
/// </summary>
public static class StableHash
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
