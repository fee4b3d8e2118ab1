using System.Security.Cryptography;
using System.Text;

namespace Dossier.Core.Documents;

/// <summary>
/// An article's identity: the hex SHA-256 (first 128 bits) of its normalized clean text, so the same
/// article read twice, from any file or format, gets the same id.
/// </summary>
public readonly record struct ArticleId(string Value) : IComparable<ArticleId>
{
    /// <summary>The number of hex digits in an id.</summary>
    public const int Length = 32;

    public static ArticleId FromCleanText(string cleanText)
    {
        ArgumentNullException.ThrowIfNull(cleanText);
        return FromNormalizedText(TextNormalizer.ForIdentity(cleanText));
    }

    /// <summary>The id of a text already in <see cref="TextNormalizer.ForIdentity"/> form.</summary>
    public static ArticleId FromNormalizedText(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return new ArticleId(Convert.ToHexStringLower(hash.AsSpan(0, Length / 2)));
    }

    /// <summary>The first twelve digits: enough to tell articles apart in listings.</summary>
    public string Short => Value.Length > 12 ? Value[..12] : Value;

    public int CompareTo(ArticleId other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}
