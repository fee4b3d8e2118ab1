using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Dossier.Cli.Tests.Commands;

/// <summary>
/// <c>dossier serve</c> as a real process, the way a user starts it: the token given in a file or
/// in DOSSIER_TOKEN is required of every write, and appears neither on the command line (which
/// every local user reads in ps) nor in what the server prints.
/// </summary>
public sealed partial class ServeCommandTests
{
    private const string Token = "serve-token-5f2c9a71";

    private const string Article = """
        Talks in Tripoli

        The Government of National Accord met envoys in Tripoli on Tuesday, a spokesman said.
        """;

    [Theory]
    [InlineData("file")]
    [InlineData("environment")]
    public async Task Serve_requires_the_token_from_a_file_or_DOSSIER_TOKEN_and_shows_it_nowhere(string givenBy)
    {
        using var workspace = new Workspace();
        var ingest = CliRun.Run("ingest", workspace.Write("talks.txt", Article), "--db", workspace.Database);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var tokenFile = workspace.Write("token.txt", Token + "\n");
        string[] arguments = givenBy == "file"
            ? ["serve", "--db", workspace.Database, "--port", "0", "--allow-ingest", "--token-file", tokenFile]
            : ["serve", "--db", workspace.Database, "--port", "0", "--allow-ingest"];

        using var server = ServerProcess.Start(arguments, givenBy == "environment" ? Token : null);
        var address = await server.AddressAsync();
        using var client = new HttpClient();
        using var refused = await client.SendAsync(Post(address, "not-the-token-0000"));
        using var missing = await client.SendAsync(Post(address, null));
        using var stored = await client.SendAsync(Post(address, Token));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.True(stored.StatusCode == HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        Assert.Contains("ingest allowed with the token", server.Output, StringComparison.Ordinal);
        await server.WaitForOutputAsync("articles stored");
        Assert.Contains("ingest refused (401)", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, server.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_an_empty_token_file_stops_with_one_line_naming_the_file()
    {
        using var workspace = new Workspace();
        var tokenFile = workspace.Write("token.txt", "\n");

        using var server = ServerProcess.Start(["serve", "--db", workspace.Database, "--port", "0", "--allow-ingest", "--token-file", tokenFile], null);
        var exit = await server.ExitAsync();

        Assert.Equal(2, exit);
        var error = Assert.Single(server.Errors);
        Assert.Contains(tokenFile, error, StringComparison.Ordinal);
        Assert.Contains("the first line is empty", error, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(Uri address, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "api/ingest")) { Content = JsonContent.Create(new { text = Article }) };
        request.Headers.Add("X-Dossier-Client", "test");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return request;
    }

    [GeneratedRegex(@" at (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Address();

    /// <summary>The dossier command in a process of its own, its output kept line by line; killed on disposal.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

        private readonly Process process;
        private readonly ConcurrentQueue<string> output = new();
        private readonly ConcurrentQueue<string> errors = new();

        private ServerProcess(Process process) => this.process = process;

        public string Output => string.Join('\n', output);

        public IReadOnlyList<string> Errors => [.. errors];

        /// <summary>The process's command line as ps shows it to every local user.</summary>
        public string CommandLine { get; private set; } = "";

        public static ServerProcess Start(string[] arguments, string? environmentToken)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dossier.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Remove("DOSSIER_TOKEN");
            if (environmentToken is not null)
            {
                start.Environment["DOSSIER_TOKEN"] = environmentToken;
            }

            var server = new ServerProcess(Process.Start(start)!);
            server.process.OutputDataReceived += (_, e) => { if (e.Data is not null) { server.output.Enqueue(e.Data); } };
            server.process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { server.errors.Enqueue(e.Data); } };
            server.process.BeginOutputReadLine();
            server.process.BeginErrorReadLine();
            var cmdline = $"/proc/{server.process.Id}/cmdline";
            server.CommandLine = File.Exists(cmdline) ? File.ReadAllText(cmdline).Replace('\0', ' ') : string.Join(' ', start.ArgumentList);
            return server;
        }

        public async Task<Uri> AddressAsync()
        {
            await WaitForOutputAsync(" at http://");
            return new Uri(Address().Match(Output).Groups[1].Value);
        }

        public async Task WaitForOutputAsync(string text)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                Assert.False(process.HasExited, $"dossier exited ({(process.HasExited ? process.ExitCode : 0)}): {string.Join('\n', errors)}");
                Assert.True(DateTime.UtcNow < deadline, $"no \"{text}\" within {Patience.TotalSeconds} s: {Output}");
                await Task.Delay(100);
            }
        }

        public async Task<int> ExitAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode;
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
