using System.CommandLine;
using System.Globalization;
using Dossier.Actors.Evaluation;
using Dossier.Cli.Output;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval actors --gold FILE [--db DB]</c>: the store's actors against hand-made gold.</summary>
internal static class EvalActorsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var gold = new Option<string>("--gold") { Description = "Gold actors JSON: {\"entities\": [{\"id\", \"type\", \"canonical\", \"mentions\": [{\"doc\", \"text\"}]}]}.", Required = true, HelpName = "FILE" };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format();
        var verbose = new Option<bool>("--errors") { Description = "Also list the gold actors split over several actors, and the actors that join several gold actors." };
        var command = new Command("actors", "Score the store's actors (which mentions were joined) against a gold file: B-cubed and pairwise precision, recall and F1.")
        {
            gold, database, format, verbose,
        };
        command.SetAction(parse =>
        {
            var goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath))
            {
                environment.Error.WriteLine($"dossier: {goldPath}: no such file");
                return ExitCodes.Failure;
            }

            IReadOnlyList<GoldEntity> entities;
            try
            {
                entities = ActorGold.Read(goldPath);
            }
            catch (InvalidDataException exception)
            {
                environment.Error.WriteLine($"dossier: {exception.Message}");
                return ExitCodes.Failure;
            }

            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var rows = store.ListEntityMentions();
            var result = ActorEvaluator.Evaluate(entities, rows, store.ListEntities(null, int.MaxValue));
            var aside = ActorEvaluator.Evaluate(entities, rows, articleAside: true);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                JsonOutput.WriteReport(environment.Out, new
                {
                    task = "actors",
                    gold = goldPath,
                    overall = Json(result.BCubed),
                    pairwise = Json(result.Pairwise),
                    overallArticleAside = Json(aside.BCubed),
                    pairwiseArticleAside = Json(aside.Pairwise),
                    goldForms = result.GoldForms,
                    found = result.Found,
                    actors = result.Actors,
                    spurious = result.Spurious.Count,
                    spuriousActors = result.Spurious,
                    kindAccuracy = result.KindsScored == 0 ? 0 : Math.Round((double)result.KindsRight / result.KindsScored, 4),
                    kindsScored = result.KindsScored,
                    splits = result.Splits.Select(s => new { gold = s.Gold, actors = s.Entities }),
                    merges = result.Merges.Select(m => new { actor = m.Entity, gold = m.Gold }),
                });
                return ExitCodes.Success;
            }

            var output = environment.Out;
            output.WriteLine($"actors on {goldPath}: {result.GoldForms} gold forms in {entities.Count} actors; {result.Found} found in the store");
            output.WriteLine(Line("B-cubed", result.BCubed));
            output.WriteLine(Line("pairwise", result.Pairwise));
            output.WriteLine($"  with a gold form's leading article set aside (\"the United States\" is the mention \"United States\"; {aside.Found} found):");
            output.WriteLine(Line("B-cubed", aside.BCubed));
            output.WriteLine(Line("pairwise", aside.Pairwise));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  actors     {result.Actors}, of which {result.Spurious.Count} hold no gold form"));
            if (result.KindsScored > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  kinds      {(double)result.KindsRight / result.KindsScored:0.0000} of {result.KindsScored} found gold forms have a kind that fits their gold type"));
            }

            if (parse.GetValue(verbose))
            {
                foreach (var (goldId, actors) in result.Splits)
                {
                    output.WriteLine($"  split: {goldId} is in {string.Join(", ", actors)}");
                }

                foreach (var (actor, goldIds) in result.Merges)
                {
                    output.WriteLine($"  merge: {actor} holds {string.Join(", ", goldIds)}");
                }

                foreach (var name in result.Spurious)
                {
                    output.WriteLine($"  no gold form: {name}");
                }

                foreach (var (text, type, kind) in result.WrongKinds)
                {
                    output.WriteLine($"  kind: {text} is {type}, given {kind}");
                }
            }

            return ExitCodes.Success;
        });
        return command;

        static object Json(ClusterScore s) => new { precision = Math.Round(s.Precision, 4), recall = Math.Round(s.Recall, 4), f1 = Math.Round(s.F1, 4) };

        static string Line(string name, ClusterScore s)
            => string.Create(CultureInfo.InvariantCulture, $"  {name,-10} precision {s.Precision:0.0000}  recall {s.Recall:0.0000}  F1 {s.F1:0.0000}");
    }
}
