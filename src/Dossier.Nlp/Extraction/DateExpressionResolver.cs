using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Nlp.Extraction;

/// <summary>How precisely a report dates something: ACLED's day, week, month and year.</summary>
public enum TimePrecision
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>
/// A time expression resolved to a span of days: "On Wednesday, March 18" to one day, "last week" to
/// seven, "in September 2012" to a month. <see cref="Basis"/> says how it was resolved, so a reader
/// can check it ("weekday pins the year", "relative to the publication date").
/// </summary>
public sealed record ResolvedTime(DateOnly First, DateOnly Last, TimePrecision Precision, string Text, int Start, int End, string Basis);

/// <summary>
/// Finds time expressions in a sentence and resolves them against the article's publication date.
/// A date without a year takes the publication year (or the year before, when it would otherwise lie
/// after publication); when the article has no date, a weekday named with the day and month pins the
/// year: the first year, from the latest year the article mentions on, in which that day falls on
/// that weekday.
/// </summary>
public static partial class DateExpressionResolver
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly Dictionary<string, DayOfWeek> WeekdayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sunday"] = DayOfWeek.Sunday, ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
    };

    /// <summary>
    /// Every time expression in <paramref name="text"/> that can be resolved. <paramref name="published"/>
    /// is the article's date, when known; <paramref name="latestYearMentioned"/> is the latest year the
    /// article names, used only to pin a weekday's year when there is no publication date.
    /// </summary>
    public static IReadOnlyList<ResolvedTime> FindAll(string text, DateOnly? published, int? latestYearMentioned = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<ResolvedTime>();
        foreach (Match match in Pattern().Matches(text))
        {
            if (Resolve(match, published, latestYearMentioned) is { } resolved)
            {
                found.Add(resolved);
            }
        }

        return found;
    }

    /// <summary>The latest plausible year (1900 to 2100) written in the text, for <see cref="FindAll"/>.</summary>
    public static int? LatestYear(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? latest = null;
        foreach (Match match in Year().Matches(text))
        {
            var year = int.Parse(match.Value, CultureInfo.InvariantCulture);
            if (latest is null || year > latest)
            {
                latest = year;
            }
        }

        return latest;
    }

    private static ResolvedTime? Resolve(Match match, DateOnly? published, int? latestYear)
    {
        var text = match.Value;
        var start = match.Index;
        var end = match.Index + match.Length;
        ResolvedTime Make(DateOnly first, DateOnly last, TimePrecision precision, string basis) => new(first, last, precision, text, start, end, basis);

        var monthGroup = match.Groups["month"].Success ? match.Groups["month"] : match.Groups["month2"];
        var dayGroup = match.Groups["day"].Success ? match.Groups["day"] : match.Groups["day2"];
        var yearGroup = match.Groups["year"];
        var weekdayGroup = match.Groups["weekday"];

        if (monthGroup.Success)
        {
            var month = MonthOf(monthGroup.Value);
            int? day = dayGroup.Success ? int.Parse(dayGroup.Value, CultureInfo.InvariantCulture) : null;
            if (yearGroup.Success)
            {
                var year = int.Parse(yearGroup.Value, CultureInfo.InvariantCulture);
                return day is { } d && IsValid(year, month, d)
                    ? Make(new DateOnly(year, month, d), new DateOnly(year, month, d), TimePrecision.Day, "stated")
                    : day is null ? Make(new DateOnly(year, month, 1), EndOfMonth(year, month), TimePrecision.Month, "stated") : null;
            }

            if (match.Groups["thisyear"].Success && published is { } anchorYear && day is { } dd && IsValid(anchorYear.Year, month, dd))
            {
                return Make(new DateOnly(anchorYear.Year, month, dd), new DateOnly(anchorYear.Year, month, dd), TimePrecision.Day, "year of publication");
            }

            if (published is { } anchor)
            {
                // A month and day before the publication date: this year's, else last year's.
                var year = anchor.Year;
                if (day is { } d)
                {
                    if (!IsValid(year, month, d) || new DateOnly(year, month, d) > anchor.AddDays(7))
                    {
                        year--;
                    }

                    return IsValid(year, month, d) ? Make(new DateOnly(year, month, d), new DateOnly(year, month, d), TimePrecision.Day, "year from publication date") : null;
                }

                if (month > anchor.Month)
                {
                    year--;
                }

                return Make(new DateOnly(year, month, 1), EndOfMonth(year, month), TimePrecision.Month, "year from publication date");
            }

            if (weekdayGroup.Success && day is { } pinnedDay && latestYear is { } from)
            {
                var weekday = WeekdayNames[weekdayGroup.Value];
                for (var year = from; year < from + 12; year++)
                {
                    if (IsValid(year, month, pinnedDay) && new DateOnly(year, month, pinnedDay).DayOfWeek == weekday)
                    {
                        return Make(new DateOnly(year, month, pinnedDay), new DateOnly(year, month, pinnedDay), TimePrecision.Day,
                            string.Create(CultureInfo.InvariantCulture, $"weekday pins the year: first {year} on or after {from}, the latest year the article names"));
                    }
                }
            }

            return null;
        }

        if (match.Groups["yearonly"].Success)
        {
            var year = int.Parse(match.Groups["yearonly"].Value, CultureInfo.InvariantCulture);
            return Make(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), TimePrecision.Year, "stated");
        }

        if (published is not { } published2)
        {
            return null;
        }

        if (weekdayGroup.Success)
        {
            // "on Sunday" in a report means the last Sunday on or before publication.
            var weekday = WeekdayNames[weekdayGroup.Value];
            var back = ((int)published2.DayOfWeek - (int)weekday + 7) % 7;
            var date = published2.AddDays(-back);
            return Make(date, date, TimePrecision.Day, "last such weekday on or before publication");
        }

        var relative = match.Groups["relative"].Value.ToLowerInvariant();
        var monday = published2.AddDays(-(((int)published2.DayOfWeek + 6) % 7));
        return relative switch
        {
            "yesterday" => Make(published2.AddDays(-1), published2.AddDays(-1), TimePrecision.Day, "relative to publication"),
            "today" => Make(published2, published2, TimePrecision.Day, "relative to publication"),
            "last week" => Make(monday.AddDays(-7), monday.AddDays(-1), TimePrecision.Week, "relative to publication"),
            "this week" => Make(monday, monday.AddDays(6), TimePrecision.Week, "relative to publication"),
            "the weekend" or "this weekend" or "last weekend" => Make(monday.AddDays(-2), monday.AddDays(-1), TimePrecision.Week, "relative to publication"),
            "last month" => Make(new DateOnly(published2.Year, published2.Month, 1).AddMonths(-1), new DateOnly(published2.Year, published2.Month, 1).AddDays(-1), TimePrecision.Month, "relative to publication"),
            "last year" => Make(new DateOnly(published2.Year - 1, 1, 1), new DateOnly(published2.Year - 1, 12, 31), TimePrecision.Year, "relative to publication"),
            "this year" => Make(new DateOnly(published2.Year, 1, 1), new DateOnly(published2.Year, 12, 31), TimePrecision.Year, "relative to publication"),
            _ => null,
        };
    }

    private static int MonthOf(string name)
    {
        var lower = name.ToLowerInvariant().TrimEnd('.');
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(lower, StringComparison.Ordinal) && lower.Length >= 3)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"not a month: {name}", nameof(name));
    }

    private static bool IsValid(int year, int month, int day) => year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    [GeneratedRegex(@"\b(19\d\d|20\d\d|2100)\b")]
    private static partial Regex Year();

    [GeneratedRegex("""
        \b(?:
            (?:(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?
            (?:
                (?<month>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)
                  (?:(?:,\s*|\s+)(?<year>(?:19|20)\d\d)\b|(?<thisyear>\s+of\s+this\s+year))?
              |
                (?<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month2>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))\.?
                  (?:,?\s+(?<year>(?:19|20)\d\d)\b)?
              |
                (?<=\b(?:in|of|since|until|by|from|during|early|late|mid-?|end\s+of)\s+)(?<month>(?:January|February|March|April|May|June|July|August|September|October|November|December))
                  (?:\s+(?<year>(?:19|20)\d\d)\b)?
            )
          |
            (?<=\b(?:in|since|until|by|from|during|early|late|of)\s+)(?<yearonly>(?:19|20)\d\d)\b(?!\s*[-–]\d)
          |
            (?<=\b(?:on|at\s+the\s+dawn\s+of|on\s+the\s+night\s+of|late|early|last)\s+)(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
          |
            (?<relative>yesterday|today|last\s+week|this\s+week|last\s+month|last\s+year|this\s+year|(?<=over\s+)the\s+weekend|this\s+weekend|last\s+weekend)
        )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
