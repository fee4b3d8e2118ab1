using Spectre.Console;

namespace Dossier.Cli;

/// <summary>
/// Everything a command touches outside itself: output, error, input, the clock, whether a person is
/// watching. Tests build one over string writers and run the real commands in-process.
/// </summary>
internal sealed class CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required Func<Stream> OpenStandardInput { get; init; }

    /// <summary>True when a person is watching a terminal: show progress bars and colour.</summary>
    public required bool IsInteractive { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The width tables are laid out to: the <c>COLUMNS</c> variable when it is set, else the
    /// terminal's width when there is a terminal, else null (then 160 columns, for files and pipes).
    /// </summary>
    public int? Width { get; init; }

    /// <summary>Reads an environment variable; tests give their own instead of changing the process's.</summary>
    /// <value>The default value reads the process's environment.</value>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Where the program's own files (the bundled sample corpus) live.</summary>
    public string ApplicationDirectory { get; init; } = AppContext.BaseDirectory;

    public static CliEnvironment FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OpenStandardInput = Console.OpenStandardInput,
        IsInteractive = !Console.IsOutputRedirected && !Console.IsErrorRedirected &&
                        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
        Width = WidthFrom(Environment.GetEnvironmentVariable("COLUMNS")) ?? TerminalWidth(),
    };

    /// <summary>The width <c>COLUMNS</c> asks for, or null when it is unset or not a sensible number of columns.</summary>
    public static int? WidthFrom(string? columns) =>
        int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width) && width is >= 20 and <= 1000 ? width : null;

    /// <summary>The terminal's width, found even when output goes to a pipe if the terminal is still there.</summary>
    private static int? TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : null;
        }
        catch (Exception exception) when (exception is IOException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A Spectre console over <see cref="Out"/>: styled on a terminal, plain text otherwise.</summary>
    public IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsInteractive ? InteractionSupport.Yes : InteractionSupport.No,
        });

        // COLUMNS or the terminal decide; output with neither (a file, a pipe with no terminal)
        // gets 160 columns, since 80 would fold every table into a tall column.
        if (Width is { } width)
        {
            console.Profile.Width = width;
        }
        else if (!IsInteractive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
