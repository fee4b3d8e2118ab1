using System.Globalization;

namespace Dossier.Core.Documents;

/// <summary>How much of a date the source gave.</summary>
public enum DatePrecision
{
    Year,
    Month,
    Day,
    Minute,
}

/// <summary>
/// A publication date as precise as the source made it: "2019" stays a year, "April 16 14:38 2019"
/// keeps its minute. Times are as printed; the source rarely says which zone.
/// </summary>
public readonly record struct PublicationDate(int Year, int Month, int Day, int Hour, int Minute, DatePrecision Precision)
{
    public static PublicationDate OfDay(int year, int month, int day) => new(year, month, day, 0, 0, DatePrecision.Day);

    public static PublicationDate OfMinute(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, DatePrecision.Minute);

    public DateOnly Date => new(Year, Precision >= DatePrecision.Month ? Month : 1, Precision >= DatePrecision.Day ? Day : 1);

    /// <summary>ISO 8601 cut to the precision: <c>2019</c>, <c>2019-04</c>, <c>2019-04-16</c>, <c>2019-04-16T14:38</c>.</summary>
    public string ToIso() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}T{Hour:D2}:{Minute:D2}"),
    };

    public static bool TryParseIso(string? text, out PublicationDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split('T');
        var ymd = parts[0].Split('-');
        if (!int.TryParse(ymd[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        if (ymd.Length == 1)
        {
            date = new PublicationDate(year, 1, 1, 0, 0, DatePrecision.Year);
            return true;
        }

        if (!int.TryParse(ymd[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (ymd.Length == 2)
        {
            date = new PublicationDate(year, month, 1, 0, 0, DatePrecision.Month);
            return true;
        }

        if (!int.TryParse(ymd[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            date = OfDay(year, month, day);
            return true;
        }

        var hm = parts[1].Split(':');
        if (hm.Length >= 2 && int.TryParse(hm[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour < 24 &&
            int.TryParse(hm[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) && minute < 60)
        {
            date = OfMinute(year, month, day, hour, minute);
            return true;
        }

        return false;
    }

    public override string ToString() => ToIso();
}
