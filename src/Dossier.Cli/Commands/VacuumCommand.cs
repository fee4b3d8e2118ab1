using System.CommandLine;
using System.Globalization;
using Dossier.Cli.Output;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier vacuum</c>: give back the space that re-linking and overrides leave behind.</summary>
internal static class VacuumCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var command = new Command("vacuum",
            "Give back the space of replaced actors and facts and refresh the query planner's statistics. " +
            "Worth running after a large ingest or after the linker changed; the store is busy while it runs.")
        {
            database,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var before = store.GetStatistics().Bytes;
            var started = environment.Clock.GetTimestamp();
            try
            {
                store.Vacuum();
            }
            catch (System.Data.Common.DbException exception)
            {
                environment.Error.WriteLine($"dossier: {store.Location}: vacuum stopped: {exception.Message.ReplaceLineEndings(" ")}; the store is unchanged");
                return ExitCodes.Failure;
            }

            var after = store.GetStatistics().Bytes;
            environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Vacuumed {store.Location} in {environment.Clock.GetElapsedTime(started).TotalSeconds:0.0} s: {Numbers.Format(before / 1024.0 / 1024.0, "0.0")} MB before, {Numbers.Format(after / 1024.0 / 1024.0, "0.0")} MB after."));
            return ExitCodes.Success;
        });
        return command;
    }
}
