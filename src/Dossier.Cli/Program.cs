using Dossier.Cli;

return DossierCli.Run(args, CliEnvironment.FromConsole());
