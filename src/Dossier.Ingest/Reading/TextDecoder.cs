using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Dossier.Ingest;

/// <summary>Bytes to text, or the reason they are not text.</summary>
internal static class TextDecoder
{
    private const int SniffBytes = 8192;

    private static readonly Encoding StrictUtf16LittleEndian = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16BigEndian = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// UTF-8 with or without a byte-order mark, or UTF-16 with one. Returns null and a one-line reason
    /// for binary data and invalid UTF-8 (naming the byte offset), never a string with U+FFFD in it.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? reason)
    {
        reason = null;
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
        {
            var encoding = bytes[0] == 0xFF ? StrictUtf16LittleEndian : StrictUtf16BigEndian;
            try
            {
                return encoding.GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                reason = "not valid UTF-16 (it starts with a UTF-16 byte-order mark)";
                return null;
            }
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        if (LooksLikeUtf16WithoutByteOrderMark(bytes) is { } byteOrder)
        {
            reason = $"looks like UTF-16 ({byteOrder}) without a byte-order mark; save it as UTF-8, or as UTF-16 with a byte-order mark";
            return null;
        }

        if (LooksBinary(bytes))
        {
            reason = "binary file, not text";
            return null;
        }

        return DecodeUtf8(bytes, out reason);
    }

    /// <summary>Strict UTF-8; <paramref name="reason"/> names the first bad byte's offset.</summary>
    public static string? DecodeUtf8(ReadOnlySpan<byte> bytes, out string? reason, int offsetBase = 0)
    {
        reason = null;
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 (byte offset {offsetBase + read})");
                return null;
            }

            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Text in UTF-16 with no byte-order mark: in the first 8 KB, nearly every byte on one side of
    /// each pair is zero (the high byte of an ASCII or Latin character) and nearly none on the
    /// other. Guessing the byte order and decoding would be wrong for other scripts, so the
    /// file is refused with what it seems to be rather than called binary.
    /// </summary>
    private static string? LooksLikeUtf16WithoutByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        var sniff = bytes[..(Math.Min(bytes.Length, SniffBytes) & ~1)];
        if (sniff.Length < 8)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sniff.Length; i += 2)
        {
            evenZeros += sniff[i] == 0 ? 1 : 0;
            oddZeros += sniff[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sniff.Length / 2;
        if (oddZeros * 10 >= pairs * 9 && evenZeros * 10 <= pairs)
        {
            return "little-endian";
        }

        return evenZeros * 10 >= pairs * 9 && oddZeros * 10 <= pairs ? "big-endian" : null;
    }

    /// <summary>NUL bytes, or more than one control character in ten, in the first 8 KB.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sniff = bytes[..Math.Min(bytes.Length, SniffBytes)];
        if (sniff.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var control = 0;
        foreach (var b in sniff)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                control++;
            }
        }

        return sniff.Length > 0 && control * 10 > sniff.Length;
    }
}
