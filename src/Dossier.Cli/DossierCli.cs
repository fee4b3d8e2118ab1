using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli;

/// <summary>The <c>dossier</c> command: builds the command tree and runs one invocation.</summary>
internal static class DossierCli
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand(
            "Dossier turns news reports about an armed conflict into a sourced map of it: who is who, what happened, and who says so.")
        {
            IngestCommand.Create(environment),
            SourcesCommand.Create(environment),
            ArticleCommand.Create(environment),
            SearchCommand.Create(environment),
            StatsCommand.Create(environment),
            VacuumCommand.Create(environment),
            DemoCommand.Create(environment),
            ServeCommand.Create(environment),
            TrainCommand.Create(environment),
            EvalCommand.Create(environment),
        };
        foreach (var command in ActorCommands.Create(environment))
        {
            root.Add(command);
        }

        root.Add(ClaimsCommand.Create(environment));
        root.Add(EventsCommand.Create(environment));
        root.Add(RelationsCommand.Create(environment));
        foreach (var command in AnalysisCommands.Create(environment))
        {
            root.Add(command);
        }
        root.Add(ExportCommand.Create(environment));

        // eval's other subcommands live in EvalCommand; the fact scores sit beside the fact commands.
        root.Subcommands.Single(c => c.Name == "eval").Add(EvalFactsCommand.Create(environment));

        return root;
    }

    public static int Run(string[] args, CliEnvironment environment)
    {
        var root = Build(environment);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error };
        try
        {
            return parse.Invoke(configuration);
        }
        catch (OperationCanceledException)
        {
            environment.Error.WriteLine("dossier: cancelled");
            return ExitCodes.Failure;
        }
    }
}
