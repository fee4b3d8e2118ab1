using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Nlp.Extraction;

/// <summary>How a reported number bounds the true one.</summary>
public enum QuantityBound
{
    /// <summary>"36 terrorists": the number as given.</summary>
    Exact,

    /// <summary>"about 1 700", "some 13,600", "around 150": near the number, either side.</summary>
    Approximate,

    /// <summary>"more than 150", "at least 21", "dozens": the number is a floor.</summary>
    AtLeast,

    /// <summary>"nearly 600", "up to 300", "fewer than 10": the number is a ceiling.</summary>
    AtMost,

    /// <summary>"2 000 to 2 500", "300 – 350": both ends given.</summary>
    Range,
}

/// <summary>
/// A count as a report gave it: the lowest figure it supports (ACLED codes the lowest), the highest
/// where the text gives one, how the words bound it, and the words themselves.
/// </summary>
public sealed record Quantity(long Low, long? High, QuantityBound Bound, string Text, int Start, int End);

/// <summary>
/// Reads counts from news English: digits with commas, thin or plain spaces ("2 400"), decimals with
/// scale words ("1.5 million"), number words ("two", "a dozen"), vague plurals ("dozens" = at least 12,
/// as ACLED codes them), ranges and hedges ("nearly", "more than", "up to").
/// </summary>
public static partial class QuantityParser
{
    private static readonly Dictionary<string, long> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100,
        ["a dozen"] = 12, ["dozen"] = 12, ["a hundred"] = 100, ["a thousand"] = 1000, ["a score"] = 20,
    };

    // Vague plurals are floors: "dozens" is at least 12, as ACLED codes it; "hundreds" at least 100.
    private static readonly Dictionary<string, long> VaguePlurals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozens"] = 12, ["scores"] = 20, ["hundreds"] = 100, ["thousands"] = 1000, ["tens of thousands"] = 10_000,
        ["hundreds of thousands"] = 100_000, ["millions"] = 1_000_000, ["several"] = 3, ["a few"] = 2, ["a handful"] = 3,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["m"] = 1_000_000, ["bn"] = 1_000_000_000,
    };

    /// <summary>Every count in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<Quantity> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Quantity>();
        foreach (Match match in Pattern().Matches(text))
        {
            if (Read(match) is { } quantity)
            {
                found.Add(quantity);
            }
        }

        return found;
    }

    /// <summary>The first count in <paramref name="text"/>, or null.</summary>
    public static Quantity? Parse(string text) => FindAll(text).FirstOrDefault();

    private static Quantity? Read(Match match)
    {
        var hedge = match.Groups["hedge"].Value.ToLowerInvariant();
        var bound = hedge switch
        {
            "" => QuantityBound.Exact,
            _ when hedge.StartsWith("more than", StringComparison.Ordinal) || hedge.StartsWith("over", StringComparison.Ordinal) ||
                   hedge.StartsWith("at least", StringComparison.Ordinal) || hedge.StartsWith("upwards of", StringComparison.Ordinal) ||
                   hedge.StartsWith("in excess of", StringComparison.Ordinal) => QuantityBound.AtLeast,
            _ when hedge.StartsWith("nearly", StringComparison.Ordinal) || hedge.StartsWith("almost", StringComparison.Ordinal) || hedge.StartsWith("close to", StringComparison.Ordinal) ||
                   hedge.StartsWith("up to", StringComparison.Ordinal) || hedge.StartsWith("fewer than", StringComparison.Ordinal) ||
                   hedge.StartsWith("less than", StringComparison.Ordinal) || hedge.StartsWith("at most", StringComparison.Ordinal) ||
                   hedge.StartsWith("under", StringComparison.Ordinal) => QuantityBound.AtMost,
            _ => QuantityBound.Approximate,
        };

        long low;
        long? high = null;
        if (match.Groups["vague"].Success)
        {
            low = VaguePlurals[Collapse(match.Groups["vague"].Value)];
            bound = bound == QuantityBound.AtMost ? QuantityBound.AtMost : QuantityBound.AtLeast;
        }
        else
        {
            if (ReadNumber(match.Groups["first"].Value) is not { } first)
            {
                return null;
            }

            low = first;
            if (match.Groups["second"].Success && ReadNumber(match.Groups["second"].Value) is { } second && second >= first)
            {
                high = second;
                bound = QuantityBound.Range;
            }

            if (match.Groups["scale"].Success)
            {
                var scale = Scales[match.Groups["scale"].Value];
                low = ScaleOf(match.Groups["first"].Value, scale);
                if (high is not null)
                {
                    high = ScaleOf(match.Groups["second"].Value, scale);
                }
            }
        }

        return new Quantity(low, high, bound, match.Value, match.Index, match.Index + match.Length);
    }

    private static long ScaleOf(string number, long scale) =>
        decimal.TryParse(Digits(number), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? (long)(value * scale)
            : Words.TryGetValue(Collapse(number), out var word) ? word * scale : 0;

    private static long? ReadNumber(string text)
    {
        var collapsed = Collapse(text);
        if (Words.TryGetValue(collapsed, out var word))
        {
            return word;
        }

        var digits = Digits(text);
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? (long)value : null;
    }

    /// <summary>Digits and a decimal point only: "13,600" and "2 400" (thin or plain space) are thousands.</summary>
    private static string Digits(string text) =>
        new(text.Where(c => char.IsAsciiDigit(c) || c == '.').ToArray());

    private static string Collapse(string text) => string.Join(' ', text.Split([' ', '\u00a0', '\u2009', '\u202f'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    [GeneratedRegex("""
        (?<![\w.,])
        (?:(?<hedge>more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|up\s+to|fewer\s+than|less\s+than|at\s+most|under|nearly|almost|about|around|roughly|approximately|some|an\s+estimated|close\s+to|as\s+many\s+as)\s+)?
        (?:
            (?<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions|several|a\s+few|a\s+handful)
          |
            (?<first>\d{1,3}(?:(?:,|[\u00a0\u2009\u202f ](?=\d{3}\b))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|a\s+dozen|a\s+hundred|a\s+thousand|a\s+score|dozen|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine|ten)
            (?:\s*(?:-|–|—|to|and)\s*(?<second>\d{1,3}(?:(?:,|[\u00a0\u2009\u202f ](?=\d{3}\b))\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?
            (?:\s+(?<scale>thousand|million|billion)|(?<scale>m|bn)\b)?
        )
        (?![\w])
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
