using Dossier.Core.Documents;
using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier claims [--by S] [--about A]</c>: who says what, each with its sentence and article.</summary>
internal static class ClaimsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format(csv: true);
        var by = new Option<string?>("--by") { Description = "Only claims by this speaker: an actor (any spelling; also those who speak for it) or words of a described source (\"LNA sources\").", HelpName = "SPEAKER" };
        var about = new Option<string?>("--about") { Description = "Only claims whose words mention this actor (any spelling).", HelpName = "ACTOR" };
        var limit = new Option<int>("--limit") { Description = "At most this many claims.", DefaultValueFactory = _ => 100, HelpName = "N" };
        var command = new Command("claims", "List reported speech: who says what (quotes, \"X said that\", \"according to X\"), the cue, how it is put (reported, alleged, denied, hedged), and where.")
        {
            database, format, by, about, limit,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(limit) <= 0)
            {
                environment.Error.WriteLine("dossier: --limit must be a positive number");
                return ExitCodes.Failure;
            }

            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var filter = new ClaimFilter(Limit: parse.GetValue(limit));
            if (parse.GetValue(by) is { } speaker)
            {
                var entity = FindOne(store, speaker);
                filter = filter with { SpeakerEntityId = entity, SpeakerText = entity is null ? speaker : null };
            }

            if (parse.GetValue(about) is { } subject)
            {
                var entity = FindOne(store, subject);
                if (entity is null)
                {
                    environment.Error.WriteLine($"dossier: no actor is called {subject}; dossier actors lists them");
                    return ExitCodes.Failure;
                }

                filter = filter with { AboutEntityId = entity };
            }

            var claims = store.ListClaims(filter);
            Print(environment, claims, parse.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string? FindOne(IDossierStore store, string name) => ActorCommands.FindQuietly(store, name)?.Id;

    public static void Print(CliEnvironment environment, IReadOnlyList<ClaimRow> claims, OutputFormat format)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.Write(environment.Out, claims.Select(c => new
                {
                    article = c.ArticleId.Value,
                    title = c.Title,
                    outlet = c.Outlet,
                    published = c.Published,
                    form = Name(c.Form),
                    modality = c.Modality.ToString().ToLowerInvariant(),
                    speaker = c.SpeakerText,
                    speakerActor = c.SpeakerEntityId,
                    speakerName = c.SpeakerName,
                    onBehalfOf = c.AffiliationEntityId,
                    onBehalfOfName = c.AffiliationName,
                    cue = c.Cue,
                    content = c.Content,
                    evidence = c.Sentence,
                    contentStart = c.ContentStart,
                    contentEnd = c.ContentEnd,
                    copiedBy = c.CopiedBy,
                }));
                return;
            case OutputFormat.Csv or OutputFormat.Tsv:
                CsvOutput.Write(environment.Out,
                    ["article", "outlet", "published", "speaker", "speaker_actor", "on_behalf_of", "cue", "form", "modality", "content", "evidence", "copied_by"],
                    claims.Select(c => (IReadOnlyList<string?>)[c.ArticleId.Value, c.Outlet, c.Published, c.SpeakerText, c.SpeakerName, c.AffiliationName, c.Cue, Name(c.Form), c.Modality.ToString().ToLowerInvariant(), c.Content, c.Sentence, string.Join("; ", c.CopiedBy)]), format);
                return;
        }

        if (claims.Count == 0)
        {
            environment.Out.WriteLine("No claims match.");
            return;
        }

        var console = environment.CreateConsole();
        var table = new Table().AddColumns("Speaker", "Cue", "How", "What is said", "Article");
        foreach (var claim in claims)
        {
            var speaker = claim.SpeakerName is { } name && !string.Equals(name, claim.SpeakerText, StringComparison.Ordinal) ? $"{claim.SpeakerText} ({name})" : claim.SpeakerText;
            if (claim.AffiliationName is { } affiliation)
            {
                speaker += $", for {affiliation}";
            }

            table.AddRow(
                Markup.Escape(speaker),
                Markup.Escape(claim.Cue),
                $"{Name(claim.Form)}, {claim.Modality.ToString().ToLowerInvariant()}",
                Markup.Escape(TableText.Clip(claim.Content, console)),
                Markup.Escape($"{claim.ArticleId.Short} {claim.Outlet ?? ""}".Trim() + (claim.CopiedBy.Count > 0 ? $" (copied by {string.Join(", ", claim.CopiedBy)})" : "")));
        }

        TableText.Write(console, table);
        environment.Out.WriteLine($"{claims.Count} claims. --format json gives each one's sentence and offsets.");
    }

    private static string Name(ClaimForm form) => form switch
    {
        ClaimForm.DirectQuote => "quote",
        ClaimForm.IndirectSpeech => "reported speech",
        _ => "according to",
    };

}
