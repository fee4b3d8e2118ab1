using System.Globalization;

namespace Dossier.Cli.Output;

internal static class Numbers
{
    public static string Format(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
