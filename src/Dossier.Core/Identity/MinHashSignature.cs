using System.Buffers.Binary;
using System.Numerics;

namespace Dossier.Core.Identity;

/// <summary>
/// A MinHash sketch of an article's word 4-shingles. Two sketches agree in about as many positions as
/// the articles' shingle sets overlap (Jaccard similarity), which finds syndicated copies with a few
/// edits or different chrome without comparing whole texts.
/// </summary>
public sealed class MinHashSignature
{
    /// <summary>Hashes per signature.</summary>
    public const int Size = 128;

    /// <summary>Locality-sensitive hashing bands: 32 bands of 4 rows. Two articles with Jaccard 0.7
    /// share at least one band with probability 0.9998; at 0.3 only 0.23 do, and those are checked.</summary>
    public const int Bands = 32;

    public const int RowsPerBand = Size / Bands;

    public const int ShingleWords = 4;

    private static readonly ulong[] Seeds = MakeSeeds();

    private readonly uint[] values;

    private MinHashSignature(uint[] values) => this.values = values;

    public ReadOnlySpan<uint> Values => values;

    public static MinHashSignature FromText(string text) => FromNormalizedText(Documents.TextNormalizer.ForIdentity(text));

    /// <summary>
    /// The signature of a text already in <see cref="Documents.TextNormalizer.ForIdentity"/> form (words
    /// separated by single spaces), read in place without splitting it into strings.
    /// </summary>
    public static MinHashSignature FromNormalizedText(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var starts = new List<int>(normalized.Length / 5);
        for (var i = 0; i < normalized.Length; i++)
        {
            if (i == 0 || normalized[i - 1] == ' ')
            {
                starts.Add(i);
            }
        }

        var minima = new ulong[Size];
        Array.Fill(minima, ulong.MaxValue);
        var wordCount = starts.Count;
        var shingleCount = Math.Max(1, wordCount - ShingleWords + 1);
        var width = Math.Min(ShingleWords, wordCount);
        var lanes = Vector<ulong>.Count;
        var steps = new ulong[lanes];
        for (var lane = 0; lane < lanes; lane++)
        {
            steps[lane] = (ulong)(lane + 1);
        }

        var laneSteps = new Vector<ulong>(steps);
        var mask = new Vector<ulong>(0xFFFF_FFFF_0000_0000UL);
        for (var i = 0; i < shingleCount && wordCount > 0; i++)
        {
            // Two strong hashes combined as h1 + k·h2 give the k-th hash function (Kirsch and
            // Mitzenmacher): one multiply-add per function instead of a full mix, and as good for
            // MinHash. The top 32 bits are the hash value; the low bits are masked off so that the
            // minimum of the 64-bit sums is the minimum of the 32-bit values.
            var end = i + width < wordCount ? starts[i + width] - 1 : normalized.Length;
            var h1 = StableHash.Of(normalized.AsSpan(starts[i], end - starts[i]));
            var h2 = StableHash.Mix(h1 ^ Seeds[0]) | 1;
            var step = laneSteps * h2 + new Vector<ulong>(h1);
            var stride = new Vector<ulong>(h2 * (ulong)lanes);
            for (var k = 0; k < Size; k += lanes)
            {
                var current = new Vector<ulong>(minima, k);
                Vector.Min(current, step & mask).CopyTo(minima, k);
                step += stride;
            }
        }

        var values = new uint[Size];
        for (var k = 0; k < Size; k++)
        {
            values[k] = (uint)(minima[k] >> 32);
        }

        return new MinHashSignature(values);
    }

    public static MinHashSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size * sizeof(uint))
        {
            throw new ArgumentException($"A signature is {Size * sizeof(uint)} bytes, not {bytes.Length}.", nameof(bytes));
        }

        var values = new uint[Size];
        for (var i = 0; i < Size; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return new MinHashSignature(values);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Size * sizeof(uint)];
        for (var i = 0; i < Size; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return bytes;
    }

    /// <summary>The estimated Jaccard similarity of the two articles' shingle sets, 0 to 1.</summary>
    public double Similarity(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var same = 0;
        for (var i = 0; i < Size; i++)
        {
            if (values[i] == other.values[i])
            {
                same++;
            }
        }

        return (double)same / Size;
    }

    /// <summary>One key per band; articles sharing any key are candidates for a near-duplicate check.</summary>
    public long[] BandKeys()
    {
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var key = StableHash.Mix((ulong)band + 1);
            for (var r = 0; r < RowsPerBand; r++)
            {
                key = StableHash.Mix(key ^ values[(band * RowsPerBand) + r]);
            }

            keys[band] = (long)key;
        }

        return keys;
    }



    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Size];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Size; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = StableHash.Mix(state);
        }

        return seeds;
    }
}
