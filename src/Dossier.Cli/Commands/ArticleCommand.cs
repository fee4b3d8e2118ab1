using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Core.Documents;
using Dossier.Core.Storage;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier article ID</c>: one article's clean text and metadata, and what the cleaner removed and why.</summary>
internal static class ArticleCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string>("ID") { Description = "The article's id, or any unique start of it (as listed by search)." };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format();
        var command = new Command("article", "Show one article: metadata, clean text (captions marked), and every removed part with its reason.")
        {
            id, database, format,
        };
        command.SetAction(parse => Run(environment, parse.GetValue(database)!, parse.GetValue(id)!, parse.GetValue(format)));
        return command;
    }

    public static int Run(CliEnvironment environment, string databasePath, string id, OutputFormat format)
    {
        using var store = CommonOptions.OpenExistingStore(databasePath, environment);
        if (store is null)
        {
            return ExitCodes.Failure;
        }

        switch (store.FindArticle(id))
        {
            case ArticleLookup.NotFound:
                environment.Error.WriteLine($"dossier: no article with id {id} in {databasePath}");
                return ExitCodes.Failure;
            case ArticleLookup.Ambiguous ambiguous:
                environment.Error.WriteLine($"dossier: {id} could be any of {string.Join(", ", ambiguous.Candidates.Select(c => c.Short))}; give more of the id");
                return ExitCodes.Failure;
            case ArticleLookup.Found found when format == OutputFormat.Json:
                WriteJson(environment, found.Article);
                return ExitCodes.Success;
            case ArticleLookup.Found found:
                WriteTable(environment, found.Article);
                return ExitCodes.Success;
            default:
                throw new InvalidOperationException("unknown lookup result");
        }
    }

    private static void WriteJson(CliEnvironment environment, StoredArticle article) =>
        JsonOutput.Write(environment.Out, new
        {
            id = article.Id.Value,
            title = article.Metadata.Title,
            outlet = article.Metadata.Outlet,
            author = article.Metadata.Author,
            url = article.Metadata.Url,
            published = article.Metadata.Published?.ToIso(),
            publishedPrecision = article.Metadata.Published?.Precision.ToString().ToLowerInvariant(),
            origin = article.Origin.ToString(),
            format = article.Origin.Format.Name(),
            copyOf = article.CopyOf?.Value,
            copySimilarity = article.CopySimilarity,
            words = article.WordCount,
            text = article.Text,
            captions = article.Captions.Select(c => new { start = c.Start, end = c.End, text = article.Text[c.Start..c.End] }),
            removed = article.Removed.Select(r => new { start = r.Start, end = r.End, reason = r.Reason.ToString(), rule = r.Rule, preview = r.Preview }),
        });

    private static void WriteTable(CliEnvironment environment, StoredArticle article)
    {
        var console = environment.CreateConsole();
        var metadata = new Grid().AddColumn().AddColumn();
        metadata.AddRow("[bold]Id[/]", article.Id.Value);
        metadata.AddRow("[bold]Title[/]", Markup.Escape(article.Metadata.Title ?? "(none found)"));
        metadata.AddRow("[bold]Outlet[/]", Markup.Escape(article.Metadata.Outlet ?? "(none found)"));
        metadata.AddRow("[bold]Author[/]", Markup.Escape(article.Metadata.Author ?? "(none found)"));
        metadata.AddRow("[bold]Published[/]", article.Metadata.Published is { } date ? $"{date.ToIso()} ({date.Precision.ToString().ToLowerInvariant()})" : "(none found)");
        if (article.Metadata.Url is { } url)
        {
            metadata.AddRow("[bold]URL[/]", Markup.Escape(url));
        }

        metadata.AddRow("[bold]From[/]", Markup.Escape($"{article.Origin} ({article.Origin.Format.Name()})"));
        metadata.AddRow("[bold]Words[/]", Numbers.Format(article.WordCount));
        if (article.CopyOf is { } original)
        {
            metadata.AddRow("[bold]Copy of[/]", $"{original.Value} (similarity {Numbers.Format(article.CopySimilarity ?? 0, "0.00")})");
        }

        console.Write(metadata);
        console.WriteLine();
        console.MarkupLine("[bold underline]Text[/] [dim](captions in [italic]italics[/], marked ▌)[/]");
        WriteText(console, article);
        console.WriteLine();
        if (article.Removed.Count == 0)
        {
            console.MarkupLine("[bold underline]Removed[/]: nothing.");
            return;
        }

        console.MarkupLine($"[bold underline]Removed[/] ({article.Removed.Count} parts of the source, offsets into the source text)");
        var table = new Table().AddColumns("Source range", "Reason", "Rule", "Text");
        foreach (var range in article.Removed)
        {
            table.AddRow($"{range.Start}..{range.End}", range.Reason.ToString(), Markup.Escape(range.Rule), Markup.Escape(range.Preview));
        }

        console.Write(table);
    }

    private static void WriteText(IAnsiConsole console, StoredArticle article)
    {
        var position = 0;
        foreach (var caption in article.Captions.OrderBy(c => c.Start))
        {
            if (caption.Start > position)
            {
                console.WriteLine(article.Text[position..caption.Start].TrimEnd('\n'));
            }

            console.MarkupLine("▌ [italic]" + Markup.Escape(article.Text[caption.Start..caption.End]) + "[/]");
            position = caption.End;
        }

        if (position < article.Text.Length)
        {
            console.WriteLine(article.Text[position..].TrimStart('\n'));
        }
    }
}
