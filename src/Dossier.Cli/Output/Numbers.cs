using System.Globalization;

namespace Dossier.Cli.Output;

internal static class Numbers
{
    public static string Format(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>"1 tie", "2 ties": the count with the noun in the number it takes.</summary>
    public static string Count(int value, string one, string many) => $"{Format(value)} {(value == 1 ? one : many)}";
}
