using System.CommandLine;
using System.Globalization;
using Dossier.Cli.Output;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Facts.Evaluation;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval facts --gold FILE [--db DB]</c>: the store's claims, events and relations against hand-made gold.</summary>
internal static class EvalFactsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var gold = new Option<string>("--gold") { Description = "Gold JSON with \"claims\", \"events\" and \"relations\" (and the \"entities\" they refer to).", Required = true, HelpName = "FILE" };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format();
        var errors = new Option<bool>("--errors") { Description = "Also list, for claims, events and relations, the gold facts no stored fact equals (\"missed\"), the stored facts that equal no gold fact (\"false hit\") and the wrong fields of facts paired by their evidence (\"field\")." };
        var command = new Command("facts", "Score the store's claims, events and relations against a gold file: precision, recall and F1 per kind, accuracy per field, speaker attribution for quotes and reported speech.")
        {
            gold, database, format, errors,
        };
        command.SetAction(parse =>
        {
            var goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath))
            {
                environment.Error.WriteLine($"dossier: {goldPath}: no such file");
                return ExitCodes.Failure;
            }

            FactGold facts;
            try
            {
                facts = FactGold.Read(goldPath);
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

            var result = Evaluate(store, facts);
            foreach (var problem in result.Problems)
            {
                environment.Error.WriteLine($"dossier: {goldPath}: {problem}");
            }

            Print(environment, goldPath, result, parse.GetValue(format), parse.GetValue(errors));
            return ExitCodes.Success;
        });
        return command;
    }

    private static FactEvaluation Evaluate(IDossierStore store, FactGold facts)
    {
        var claims = store.ListClaims(new ClaimFilter(Limit: int.MaxValue));
        var events = store.ListEvents();
        var relations = store.ListRelations();
        var articles = new Dictionary<string, EvaluatedArticle>(StringComparer.Ordinal);
        foreach (var (id, _) in store.ListArticles())
        {
            if (store.FindArticle(id.Value) is ArticleLookup.Found found)
            {
                articles[id.Value] = new EvaluatedArticle(Path.GetFileName(found.Article.Origin.Path), found.Article.Text);
            }
        }

        var spellings = store.ListEntities(null, int.MaxValue).ToDictionary(e => e.Id, e => (IReadOnlySet<string>)e.Spellings.Select(s => s.Text).Append(e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        return FactEvaluator.Evaluate(facts, articles, claims, events, relations, id => id is not null && spellings.TryGetValue(id, out var names) ? names : new HashSet<string>());
    }

    private static void Print(CliEnvironment environment, string goldPath, FactEvaluation result, OutputFormat format, bool errors)
    {
        object? Json(FactScore? s) => s is null ? null : errors
            ? new
            {
                precision = Math.Round(s.Precision, 4),
                recall = Math.Round(s.Recall, 4),
                f1 = Math.Round(s.F1, 4),
                gold = s.Gold,
                predicted = s.Predicted,
                matched = s.Matched,
                fields = s.Fields.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)),
                missed = s.Missed,
                falseHits = s.FalseHits,
                fieldErrors = s.FieldErrors,
            }
            : new
            {
                precision = Math.Round(s.Precision, 4),
                recall = Math.Round(s.Recall, 4),
                f1 = Math.Round(s.F1, 4),
                gold = s.Gold,
                predicted = s.Predicted,
                matched = s.Matched,
                fields = s.Fields.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)),
            };
        static object? Attribution(AttributionScore? s) => s is null ? null : new { precision = Math.Round(s.Precision, 4), recall = Math.Round(s.Recall, 4), f1 = Math.Round(s.F1, 4), gold = s.Gold, predicted = s.Predicted, correct = s.Correct };

        var all = new[] { result.Claims, result.Events, result.Relations }.Where(s => s is not null).Cast<FactScore>().ToList();
        var gold = all.Sum(s => s.Gold);
        var predicted = all.Sum(s => s.Predicted);
        var matched = all.Sum(s => s.Matched);
        var overall = new FactScore(gold, predicted, matched, new Dictionary<string, double>());
        if (format == OutputFormat.Json)
        {
            JsonOutput.WriteReport(environment.Out, new
            {
                task = "facts",
                gold = goldPath,
                overall = new { precision = Math.Round(overall.Precision, 4), recall = Math.Round(overall.Recall, 4), f1 = Math.Round(overall.F1, 4) },
                byType = new { events = Json(result.Events), claims = Json(result.Claims), relations = Json(result.Relations) },
                speakerAttribution = new { directQuotes = Attribution(result.DirectQuotes), indirectSpeech = Attribution(result.IndirectSpeech) },
            });
            return;
        }

        var output = environment.Out;
        output.WriteLine($"facts on {goldPath}");
        Line("overall", overall);
        Line("claims", result.Claims);
        Line("events", result.Events);
        Line("relations", result.Relations);
        if (result.DirectQuotes is { } quotes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  speaker, quotes      precision {quotes.Precision:0.0000}  recall {quotes.Recall:0.0000}  F1 {quotes.F1:0.0000}  (gold {quotes.Gold}, predicted {quotes.Predicted}, correct {quotes.Correct})"));
        }

        if (result.IndirectSpeech is { } speech)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  speaker, reported    precision {speech.Precision:0.0000}  recall {speech.Recall:0.0000}  F1 {speech.F1:0.0000}  (gold {speech.Gold}, predicted {speech.Predicted}, correct {speech.Correct})"));
        }

        if (errors)
        {
            var scored = new[] { ("claim", result.Claims), ("event", result.Events), ("relation", result.Relations) }.Where(p => p.Item2 is not null);
            foreach (var (kind, score) in scored)
            {
                foreach (var (label, lines) in new[] { ("missed", score!.Missed), ("false hit", score.FalseHits), ("field", score.FieldErrors) })
                {
                    foreach (var line in lines)
                    {
                        output.WriteLine($"  {kind} {label}: {line}");
                    }
                }
            }
        }

        void Line(string name, FactScore? s)
        {
            if (s is null)
            {
                output.WriteLine($"  {name,-20} (no gold)");
                return;
            }

            var fields = string.Join(", ", s.Fields.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.00}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} precision {s.Precision:0.0000}  recall {s.Recall:0.0000}  F1 {s.F1:0.0000}  (gold {s.Gold}, predicted {s.Predicted}, matched {s.Matched}){(fields.Length > 0 ? "; " + fields : "")}"));
        }
    }
}
