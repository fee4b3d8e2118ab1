using System.CommandLine;
using Dossier.Storage;
using Dossier.Web;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier serve</c>: the web UI and JSON API over a store, on this machine only.</summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var host = Host();
        var port = Port();
        var allowIngest = new Option<bool>("--allow-ingest")
        {
            Description = "Open the ingest page and POST /api/ingest (uploads and pasted text). Without it the server is read-only.",
        };
        var token = new Option<string?>("--token")
        {
            Description = "An access token that every write must carry (Authorization: Bearer TOKEN); at least 8 characters. " +
                          "Other local users can read it in ps: prefer --token-file or the " + ServerToken.EnvironmentVariable + " environment variable, read when neither option is given.",
            HelpName = "TOKEN",
        };
        var tokenFile = new Option<string?>("--token-file")
        {
            Description = "Read the access token from the first line of this file (trimmed) instead of the command line.",
            HelpName = "PATH",
        };
        var command = new Command("serve", "Serve the web UI (actor graph, dossiers, events on a timeline and a map, sources, search) and its JSON API on 127.0.0.1.")
        {
            database, host, port, allowIngest, token, tokenFile,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (ServerToken.TryResolve(parse.GetValue(token), parse.GetValue(tokenFile), environment.Variable(ServerToken.EnvironmentVariable), out var accessToken) is { } problem)
            {
                environment.Error.WriteLine($"dossier: {problem}");
                return ExitCodes.Failure;
            }

            return await RunAsync(environment, new DossierWebOptions
            {
                DatabasePath = parse.GetValue(database)!,
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                AllowIngest = parse.GetValue(allowIngest),
                Token = accessToken,
                ApplicationDirectory = environment.ApplicationDirectory,
                Clock = environment.Clock,
                Log = environment.Out,
            }, cancellationToken);
        });
        return command;
    }

    public static Option<string> Host() => new("--host")
    {
        Description = "The loopback address to listen on (127.0.0.1, ::1 or localhost).",
        HelpName = "ADDRESS",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    public static Option<int> Port() => new("--port")
    {
        Description = "The port to listen on; 0 picks a free one.",
        HelpName = "N",
        DefaultValueFactory = _ => DossierWebOptions.DefaultPort,
    };

    /// <summary>Serves until the command is cancelled (Ctrl+C), having printed the address.</summary>
    public static async Task<int> RunAsync(CliEnvironment environment, DossierWebOptions options, CancellationToken cancellationToken)
    {
        DossierServer server;
        try
        {
            server = await DossierServer.StartAsync(options, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            environment.Error.WriteLine($"dossier: {exception.Message}");
            return ExitCodes.Failure;
        }

        await using (server)
        {
            var writes = !options.AllowIngest ? "read-only" : options.Token is null ? "ingest allowed" : "ingest allowed with the token";
            environment.Out.WriteLine($"Serving {DossierStores.Describe(options.DatabasePath)} ({writes}) at {server.Address}");
            environment.Out.WriteLine("Open that address in a browser; the API's OpenAPI document is at " + new Uri(server.Address, DossierServer.OpenApiPath) + ". Ctrl+C stops.");
            environment.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving and exit normally.
            }
        }

        return ExitCodes.Success;
    }
}
