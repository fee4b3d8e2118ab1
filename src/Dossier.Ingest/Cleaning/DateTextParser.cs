using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Core.Documents;

namespace Dossier.Ingest.Cleaning;

/// <summary>Publication dates as machines write them (ISO 8601, RFC 822) and as pages print them.</summary>
public static partial class DateTextParser
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>ISO 8601 ("2019-04-16", "2019-04-16T14:38:00Z") and RFC 822 ("Tue, 16 Apr 2019 14:38:00 +0000").</summary>
    public static PublicationDate? ParseMachineDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (IsoDate().Match(trimmed) is { Success: true } iso)
        {
            var year = Int(iso.Groups["y"].Value);
            var month = Int(iso.Groups["m"].Value);
            var day = Int(iso.Groups["d"].Value);
            if (!Valid(year, month, day))
            {
                return null;
            }

            return iso.Groups["h"].Success && Int(iso.Groups["h"].Value) < 24 && Int(iso.Groups["min"].Value) < 60
                ? PublicationDate.OfMinute(year, month, day, Int(iso.Groups["h"].Value), Int(iso.Groups["min"].Value))
                : PublicationDate.OfDay(year, month, day);
        }

        return null;
    }

    /// <summary>
    /// A date as a page prints it, in the order it gives: "April 16 14:38 2019", "March 3, 2021",
    /// "3 March 2021 10:05", "Tuesday, 16 April 2019", "Tue, 16 Apr 2019 14:38:00 +0000". The whole
    /// text must be a date (with words such as "Published:" or "Updated" around it), not a sentence
    /// that contains one.
    /// </summary>
    public static PublicationDate? ParseHumanDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = HumanDate().Match(text.Trim());
        if (!match.Success)
        {
            return ParseMachineDate(text);
        }

        var month = MonthNumber(match.Groups["month"].Value);
        var day = Int(match.Groups["day"].Value);
        var year = Int(match.Groups["year"].Value);
        if (month == 0 || !Valid(year, month, day))
        {
            return null;
        }

        if (match.Groups["hour"].Success)
        {
            var hour = Int(match.Groups["hour"].Value);
            var minute = Int(match.Groups["minute"].Value);
            var meridiem = match.Groups["ampm"].Value.ToLowerInvariant();
            if (meridiem.StartsWith('p') && hour < 12)
            {
                hour += 12;
            }
            else if (meridiem.StartsWith('a') && hour == 12)
            {
                hour = 0;
            }

            if (hour < 24 && minute < 60)
            {
                return PublicationDate.OfMinute(year, month, day, hour, minute);
            }
        }

        return PublicationDate.OfDay(year, month, day);
    }

    /// <summary>True when the whole line is a date, a time, or both, with nothing else of substance.</summary>
    public static bool IsDateOrTimeLine(string line) => line.Any(char.IsAsciiDigit) && DateOrTimeLine().IsMatch(line.Trim());

    private static int MonthNumber(string name)
    {
        var lower = name.ToLowerInvariant();
        for (var i = 0; i < Months.Length; i++)
        {
            if (lower.StartsWith(Months[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool Valid(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<min>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    private const string MonthName = "(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

    [GeneratedRegex(@"^(?:(?:published|posted|updated|last\s+updated|date)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?" +
                    @"(?:" + MonthName + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?" + @"|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+" + MonthName + @")" +
                    @"[\s,/|·-]*(?:(?<hour>\d{1,2})\s*:\s*(?<minute>\d{2})(?::\d{2})?\s*(?<ampm>[ap]\.?m\.?)?[\s,/|·-]*)?(?<year>(?:19|20)\d{2})" +
                    @"(?:[\s,/|·-]*(?:at\s+)?(?<hour>\d{1,2})\s*:\s*(?<minute>\d{2})(?::\d{2})?\s*(?<ampm>[ap]\.?m\.?)?)?\s*(?:[+-]\d{4}|gmt|utc|[a-z]{2,4}t)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HumanDate();

    [GeneratedRegex(@"^(?:(?:published|posted|updated|last\s+updated|date)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?" +
                    @"(?:(?:" + MonthName + @"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+" + MonthName + @")(?:,?\s+(?:19|20)\d{2})?|(?:19|20)\d{2}|\d{4}-\d{2}-\d{2})?" +
                    @"[\s,/|·-]*(?:\d{1,2}\s*:\s*\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?[\s,/|·-]*(?:(?:19|20)\d{2})?\s*(?:gmt|utc)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOrTimeLine();
}
