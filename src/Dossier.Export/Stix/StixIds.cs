using System.Security.Cryptography;
using System.Text;

namespace Dossier.Export.Stix;

/// <summary>
/// STIX identifiers made from our own ids with UUIDv5 (RFC 9562, SHA-1 of a namespace and a name),
/// so that exporting the same store twice gives the same ids and a consumer can update objects in place.
/// </summary>
public static class StixIds
{
    /// <summary>RFC 9562's namespace for URLs; ours is the v5 UUID of Dossier's name in it.</summary>
    private static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    public static readonly Guid Namespace = UuidV5(UrlNamespace, "dossier:stix");

    /// <summary><c>type--uuid</c>, the uuid made from the type and our id, so that two types never share one.</summary>
    public static string Of(string type, string ourId) => $"{type}--{UuidV5(Namespace, type + ":" + ourId):D}";

    public static Guid UuidV5(Guid @namespace, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        @namespace.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        // SHA-1 is what version 5 is defined with; nothing here depends on its strength.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
