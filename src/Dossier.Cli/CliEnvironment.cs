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

    /// <summary>Where the program's own files (the bundled sample corpus) live.</summary>
    public string ApplicationDirectory { get; init; } = AppContext.BaseDirectory;

    public static CliEnvironment FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        OpenStandardInput = Console.OpenStandardInput,
        IsInteractive = !Console.IsOutputRedirected && !Console.IsErrorRedirected &&
                        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
    };

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

        // Piped output has no terminal width; 80 columns would fold every table into a tall column.
        if (!IsInteractive)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
