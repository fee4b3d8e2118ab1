using System.Buffers.Binary;

namespace Dossier.Storage.Sql;

/// <summary>An offset map as four little-endian int32 per segment: compact, and read back exactly.</summary>
internal static class OffsetMapCodec
{
    public static byte[] Encode(OffsetMap map)
    {
        var segments = map.Segments;
        var bytes = new byte[segments.Count * 16];
        for (var i = 0; i < segments.Count; i++)
        {
            var span = bytes.AsSpan(i * 16);
            BinaryPrimitives.WriteInt32LittleEndian(span, segments[i].CleanStart);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], segments[i].CleanLength);
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], segments[i].SourceStart);
            BinaryPrimitives.WriteInt32LittleEndian(span[12..], segments[i].SourceLength);
        }

        return bytes;
    }

    public static OffsetMap Decode(byte[] bytes)
    {
        var segments = new OffsetSegment[bytes.Length / 16];
        for (var i = 0; i < segments.Length; i++)
        {
            var span = bytes.AsSpan(i * 16);
            segments[i] = new OffsetSegment(
                BinaryPrimitives.ReadInt32LittleEndian(span),
                BinaryPrimitives.ReadInt32LittleEndian(span[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[12..]));
        }

        return new OffsetMap(segments);
    }
}
