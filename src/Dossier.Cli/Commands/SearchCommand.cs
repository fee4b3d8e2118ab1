using System.CommandLine;
using Dossier.Cli.Output;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier search TEXT</c>: ranked full-text hits with snippets.</summary>
internal static class SearchCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var text = new Argument<string[]>("TEXT")
        {
            Description = "Words to find (all must match); \"quoted words\" match as a phrase; word* matches a prefix.",
            Arity = ArgumentArity.OneOrMore,
        };
        var limit = new Option<int>("--limit") { Description = "How many hits to show.", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Skip this many hits first (for paging).", DefaultValueFactory = _ => 0 };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format(csv: true);
        var command = new Command("search", "Search the clean text and titles of all articles; best matches first.")
        {
            text, limit, offset, database, format,
        };
        command.SetAction(parse => Run(
            environment, parse.GetValue(database)!, string.Join(' ', parse.GetValue(text)!), parse.GetValue(limit), parse.GetValue(offset), parse.GetValue(format)));
        return command;
    }

    public static int Run(CliEnvironment environment, string databasePath, string query, int limit, int offset, OutputFormat format)
    {
        if (limit is < 1 or > 10_000 || offset < 0)
        {
            environment.Error.WriteLine("dossier: --limit must be between 1 and 10000 and --offset at least 0");
            return ExitCodes.Failure;
        }

        using var store = CommonOptions.OpenExistingStore(databasePath, environment);
        if (store is null)
        {
            return ExitCodes.Failure;
        }

        var hits = store.Search(query, limit, offset);
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(environment.Out, hits.Select(h => new
            {
                id = h.Id.Value,
                title = h.Title,
                outlet = h.Outlet,
                published = h.Published,
                rank = Math.Round(h.Rank, 4),
                snippet = Plain(h.Snippet),
            }));
            return ExitCodes.Success;
        }

        if (format is OutputFormat.Csv or OutputFormat.Tsv)
        {
            var rank = offset;
            CsvOutput.Write(environment.Out, ["number", "id", "title", "outlet", "published", "rank", "snippet"],
                hits.Select(h => (IReadOnlyList<string?>)
                [
                    (++rank).ToString(System.Globalization.CultureInfo.InvariantCulture), h.Id.Value, h.Title, h.Outlet, h.Published,
                    Math.Round(h.Rank, 4).ToString(System.Globalization.CultureInfo.InvariantCulture), Plain(h.Snippet),
                ]), format);
            return ExitCodes.Success;
        }

        if (hits.Count == 0)
        {
            environment.Out.WriteLine($"No article matches \"{query}\".");
            return ExitCodes.Success;
        }

        var console = environment.CreateConsole();
        var number = offset;
        foreach (var hit in hits)
        {
            number++;
            var heading = $"{number}. [bold]{Markup.Escape(hit.Title ?? "(untitled)")}[/]  {hit.Id.Short}  {Markup.Escape(hit.Outlet ?? "unknown outlet")}  {hit.Published ?? "undated"}";
            console.MarkupLine(heading);
            console.MarkupLine("   " + Highlight(hit.Snippet));
        }

        var total = store.CountMatches(query);
        environment.Out.WriteLine(number < total
            ? $"Matches {offset + 1}–{number} of {total}; --offset {number} shows the next ones."
            : $"Matches {offset + 1}–{number} of {total}.");
        return ExitCodes.Success;
    }

    /// <summary>The snippet with its hit markers removed, for JSON.</summary>
    private static string Plain(string snippet) => snippet.Replace("\u0002", string.Empty, StringComparison.Ordinal).Replace("\u0003", string.Empty, StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>The snippet as Spectre markup: article text escaped, hits in bold. FTS5 always closes what it opens.</summary>
    private static string Highlight(string snippet) =>
        Markup.Escape(snippet.ReplaceLineEndings(" "))
            .Replace("\u0002", "[bold yellow]", StringComparison.Ordinal)
            .Replace("\u0003", "[/]", StringComparison.Ordinal);
}
