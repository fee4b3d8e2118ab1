using System.CommandLine;
using System.Globalization;
using Dossier.Cli.Output;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier stats</c>: what the store holds and when it was last fed.</summary>
internal static class StatsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format();
        var command = new Command("stats", "Show the store's counts, size on disk and last ingest.") { database, format };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var stats = store.GetStatistics();
            var lastIngest = stats.LastIngest?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                JsonOutput.Write(environment.Out, new
                {
                    store = store.Location,
                    articles = stats.Articles,
                    copies = stats.Copies,
                    actors = stats.Actors,
                    events = stats.Events,
                    claims = stats.Claims,
                    ties = stats.Ties,
                    refusals = stats.Refusals,
                    bytes = stats.Bytes,
                    lastIngest = stats.LastIngest?.ToString("O", CultureInfo.InvariantCulture),
                });
                return ExitCodes.Success;
            }

            environment.Out.WriteLine($"Store      {store.Location}");
            environment.Out.WriteLine($"Articles   {Numbers.Format(stats.Articles)} ({Numbers.Format(stats.Copies)} copies of another article)");
            environment.Out.WriteLine($"Actors     {Numbers.Format(stats.Actors)}");
            environment.Out.WriteLine($"Events     {Numbers.Format(stats.Events)} reports");
            environment.Out.WriteLine($"Claims     {Numbers.Format(stats.Claims)} (a copy's repeat of its original's claim counted once)");
            environment.Out.WriteLine($"Ties       {Numbers.Format(stats.Ties)} reports");
            environment.Out.WriteLine($"Refused    {Numbers.Format(stats.Refusals)} inputs over all ingests");
            environment.Out.WriteLine($"Size       {Numbers.Format(stats.Bytes / 1024.0 / 1024.0, "0.0")} MB");
            environment.Out.WriteLine($"Last ingest {lastIngest ?? "never finished"}");
            return ExitCodes.Success;
        });
        return command;
    }
}
