using System.CommandLine;
using Dossier.Analysis.Copies;
using Dossier.Cli.Output;
using Dossier.Core.Facts;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier relations [--actor A] [--kind K]</c>: who leads, backs, fights or controls whom, and who says so.</summary>
internal static class RelationsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format(csv: true);
        var actor = new Option<string?>("--actor") { Description = "Only ties of this actor, either end (any spelling).", HelpName = "ACTOR" };
        var kind = new Option<string?>("--kind") { Description = $"Only ties of this kind: {RelationKinds.AllNames}.", HelpName = "KIND" };
        var command = new Command("relations", "List ties between actors (leads, member_of, allied_with, supports, opposes, attacked, controls, designated_terrorist_by, based_in, spokesperson_of), each with its sentence and who says so.")
        {
            database, format, actor, kind,
        };
        command.SetAction(parse =>
        {
            RelationKind? wanted = null;
            if (parse.GetValue(kind) is { } text)
            {
                if (!RelationKinds.TryParse(text, out var parsed))
                {
                    environment.Error.WriteLine($"dossier: unknown relation kind {text}; kinds are {RelationKinds.AllNames}");
                    return ExitCodes.Failure;
                }

                wanted = parsed;
            }

            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            string? actorId = null;
            if (parse.GetValue(actor) is { } name)
            {
                actorId = ActorCommands.FindQuietly(store, name)?.Id;
                if (actorId is null)
                {
                    environment.Error.WriteLine($"dossier: --actor {name}: no actor is called so; dossier actors lists them");
                    return ExitCodes.Failure;
                }
            }

            var relations = store.ListRelations()
                .Where(r => wanted is null || r.Kind == wanted)
                .Where(r => actorId is null || r.Source.EntityId == actorId || r.Target.EntityId == actorId)
                .ToList();
            Print(environment, CopiedRelations.Fold(relations, ArticleCopies.Load(store)), parse.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <param name="relations">The ties to print, a copy's repeated tie folded into its original's.</param>
    /// <param name="total">Printed in the closing line when the list is a part of that many (dossier show prints the first few).</param>
    public static void Print(CliEnvironment environment, IReadOnlyList<ListedRelation> relations, OutputFormat format, int? total = null)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonOutput.Write(environment.Out, relations.Select(listed => (Listed: listed, Row: listed.Relation)).Select(p => new
                {
                    kind = p.Row.Kind.ToName(),
                    source = p.Row.Source.Name,
                    sourceActor = p.Row.Source.EntityId,
                    target = p.Row.Target.Name,
                    targetActor = p.Row.Target.EntityId,
                    cue = p.Row.Cue,
                    polarity = p.Row.Polarity,
                    saidBy = p.Row.SaidBy,
                    article = p.Row.ArticleId.Value,
                    outlet = p.Row.Outlet,
                    copiedBy = p.Listed.CopiedBy,
                    evidence = p.Row.Evidence,
                }));
                return;
            case OutputFormat.Csv or OutputFormat.Tsv:
                CsvOutput.Write(environment.Out, ["kind", "source", "target", "cue", "polarity", "said_by", "article", "outlet", "evidence", "copied_by"],
                    relations.Select(l => (IReadOnlyList<string?>)[l.Relation.Kind.ToName(), l.Relation.Source.Name, l.Relation.Target.Name, l.Relation.Cue, l.Relation.Polarity, l.Relation.SaidBy, l.Relation.ArticleId.Value, l.Relation.Outlet, l.Relation.Evidence, string.Join("; ", l.CopiedBy)]), format);
                return;
        }

        if (relations.Count == 0)
        {
            environment.Out.WriteLine("No relations match.");
            return;
        }

        var table = new Table().AddColumns("Source", "Tie", "Target", "Put as", "Words", "Article");
        foreach (var (r, copiedBy) in relations)
        {
            table.AddRow(
                Markup.Escape(r.Source.Name),
                r.Kind.ToName(),
                Markup.Escape(r.Target.Name),
                Markup.Escape(r.SaidBy is null ? r.Polarity : $"{r.Polarity} by {r.SaidBy}"),
                Markup.Escape(r.Cue.Length > 70 ? r.Cue[..69] + "…" : r.Cue),
                Markup.Escape(r.ArticleId.Short + (copiedBy.Count > 0 ? $" (copied by {string.Join(", ", copiedBy)})" : "")));
        }

        environment.CreateConsole().Write(table);
        environment.Out.WriteLine(total is { } all && all > relations.Count
            ? $"The first {relations.Count} of {all} relations. --format json gives each one's sentence."
            : $"{relations.Count} relations. --format json gives each one's sentence.");
    }
}
