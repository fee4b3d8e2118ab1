using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Core.Storage;
using Dossier.Storage;

namespace Dossier.Cli;

/// <summary>Options every command shares, made fresh per command so each help page lists them.</summary>
internal static class CommonOptions
{
    public const string DefaultDatabase = "dossier.db";

    public static Option<string> Database() => new("--db")
    {
        Description = DossierStores.Help + ".",
        HelpName = "PATH|URI",
        DefaultValueFactory = _ => DefaultDatabase,
    };

    /// <summary>Reads --from and --to as YYYY-MM-DD, or writes which one is not a date and returns false.</summary>
    public static bool TryDates(CliEnvironment environment, string? fromText, string? toText, out DateOnly? from, out DateOnly? to)
    {
        ArgumentNullException.ThrowIfNull(environment);
        (from, to) = (null, null);
        foreach (var (option, value) in new[] { ("--from", fromText), ("--to", toText) })
        {
            if (value is null)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                environment.Error.WriteLine($"dossier: {option} {value}: expected a date as YYYY-MM-DD");
                return false;
            }

            if (option == "--from")
            {
                from = parsed;
            }
            else
            {
                to = parsed;
            }
        }

        return true;
    }

    /// <summary>How many threads find actors in articles; all cores unless told.</summary>
    public static Option<int> Jobs()
    {
        var option = new Option<int>("--jobs", "-j")
        {
            Description = "Threads that clean articles and find their actors and facts; the store is written by one. The default is one per core.",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--jobs must be at least 1");
            }
        });
        return option;
    }

    public static Option<OutputFormat> Format(bool csv = false)
    {
        var option = new Option<OutputFormat>("--format")
        {
            Description = csv ? "How to print: table for people, json for scripts, csv or tsv for spreadsheets." : "How to print: table for people, json for scripts.",
            DefaultValueFactory = _ => OutputFormat.Table,

            // Help would otherwise list every value of the enum, csv too where it is refused.
            HelpName = csv ? "table|json|csv|tsv" : "table|json",
        };
        if (!csv)
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<OutputFormat>() is OutputFormat.Csv or OutputFormat.Tsv)
                {
                    result.AddError($"--format {result.GetValueOrDefault<OutputFormat>().ToString().ToLowerInvariant()} is not available for this command; use table or json");
                }
            });
        }

        return option;
    }

    /// <summary>Opens the store a user named, turning every way that can fail into one line on stderr.</summary>
    public static IDossierStore? OpenStore(string path, CliEnvironment environment)
    {
        try
        {
            return DossierStores.Open(path, environment.Clock);
        }
        catch (StoreException exception)
        {
            environment.Error.WriteLine($"dossier: {exception.Message}");
            return null;
        }
    }

    /// <summary>Opens an existing store for reading; a missing file is an error, not a new empty store.</summary>
    public static IDossierStore? OpenExistingStore(string path, CliEnvironment environment)
    {
        if (!DossierStores.Exists(path))
        {
            environment.Error.WriteLine($"dossier: {path}: no such store; run `dossier ingest PATH...` or `dossier demo` first");
            return null;
        }

        return OpenStore(path, environment);
    }
}

/// <summary>Exit codes: 0 all went well, 1 some input was refused, 2 the command could not run.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int SomeRefused = 1;
    public const int Failure = 2;
}
