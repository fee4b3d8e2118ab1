using System.CommandLine;
using System.Globalization;
using Dossier.Cli.Output;
using Dossier.Facts.Evaluation;
using Dossier.Nlp;
using Dossier.Pipeline;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier eval attribution --polnear DIR</c>: who said what, Dossier's claims against
/// PolNeAR-style brat attributions, each text annotated in memory as an ingest would.
/// </summary>
internal static class EvalAttributionCommand
{
    /// <summary>Errors of each kind the table prints with <c>--errors</c>; JSON lists them all.</summary>
    private const int ErrorsShown = 10;

    public static Command Create(CliEnvironment environment)
    {
        var polnear = new Option<string>("--polnear") { Description = "A folder with text/NAME.txt and attributions/NAME_ANNOTATOR.ann (brat: Source, Cue, Content); with several annotators, the first file by name is read.", Required = true, HelpName = "DIR" };
        var models = new Option<string>("--models")
        {
            Description = "Folder of the model files.",
            HelpName = "DIR",
            DefaultValueFactory = _ => NlpModels.DefaultDirectory(environment.ApplicationDirectory),
        };
        var format = CommonOptions.Format();
        var errors = new Option<bool>("--errors") { Description = $"Also show attributions missed, claims with no gold attribution (false hits), and wrong sources and contents, with their sentence ({ErrorsShown} of each in the table, all in JSON)." };
        var command = new Command("attribution", "Score the claims Dossier finds (cue, source, content) against attributions marked in brat standoff: precision, recall and F1 of each.")
        {
            polnear, models, format, errors,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var directory = parse.GetValue(polnear)!;
            IReadOnlyList<AttributionText> texts;
            ArticleAnnotator annotator;
            try
            {
                texts = BratAttributions.ReadDirectory(directory);
                annotator = ArticleAnnotator.Open(parse.GetValue(models)!);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"dossier: {exception.Message}");
                return Task.FromResult(ExitCodes.Failure);
            }

            var cases = new List<AttributionCase>();
            foreach (var text in texts)
            {
                var annotated = annotator.Annotate(text.Name, text.Text, cancellationToken);
                if (annotated.Failure is { } failure)
                {
                    environment.Error.WriteLine($"dossier: {text.Name}: {failure.Stage}: {failure.Reason}");
                }

                var document = annotated.Document;
                cases.Add(new AttributionCase(text.Name, text.Text, document.Tokens ?? [], document.Sentences ?? [], text.Attributions,
                    [.. (annotated.Failure is null ? document.Claims ?? [] : []).Select(PredictedAttribution.Of)]));
            }

            Print(environment, directory, AttributionEvaluator.Evaluate(cases), parse.GetValue(format), parse.GetValue(errors));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void Print(CliEnvironment environment, string directory, AttributionEvaluation result, OutputFormat format, bool errors)
    {
        static object Json(AttributionMeasure m) => new { precision = Math.Round(m.Precision, 4), recall = Math.Round(m.Recall, 4), f1 = Math.Round(m.F1, 4) };

        if (format == OutputFormat.Json)
        {
            var scores = new
            {
                task = "attribution",
                polnear = directory,
                overall = Json(result.Cue),
                byType = new { cue = Json(result.Cue), source = Json(result.Source), content = Json(result.Content) },
                texts = result.Texts,
                gold = result.Gold,
                predicted = result.Predicted,
            };
            JsonOutput.WriteReport<object>(environment.Out, errors
                ? new
                {
                    scores.task, scores.polnear, scores.overall, scores.byType, scores.texts, scores.gold, scores.predicted,
                    errors = result.Errors.Select(e => new
                    {
                        kind = e.Kind, text = e.Name, start = e.Start, sentence = e.Sentence,
                        gold = new { cue = e.GoldCue, source = e.GoldSource, content = e.GoldContent },
                        predicted = new { cue = e.PredictedCue, source = e.PredictedSource, content = e.PredictedContent },
                    }),
                }
                : scores);
            return;
        }

        var output = environment.Out;
        output.WriteLine($"attribution on {directory}: {result.Texts} texts, {result.Gold} gold attributions, {result.Predicted} claims");
        Line("cue", result.Cue);
        Line("source", result.Source);
        Line("content", result.Content);
        if (!errors)
        {
            return;
        }

        foreach (var group in result.Errors.GroupBy(e => e.Kind))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
            foreach (var error in group.Take(ErrorsShown))
            {
                output.WriteLine($"    {error.Name} at {error.Start}: {error.Sentence.ReplaceLineEndings(" ")}");
                output.WriteLine($"      gold:      cue {Quoted(error.GoldCue)}, source {Quoted(error.GoldSource)}, content {Quoted(error.GoldContent)}");
                output.WriteLine($"      predicted: cue {Quoted(error.PredictedCue)}, source {Quoted(error.PredictedSource)}, content {Quoted(error.PredictedContent)}");
            }
        }

        void Line(string name, AttributionMeasure m)
            => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-8} precision {m.Precision:0.0000}  recall {m.Recall:0.0000}  F1 {m.F1:0.0000}"));

        static string Quoted(string? words) => words is null ? "none" : $"\"{(words.Length > 120 ? words[..120] + "…" : words).ReplaceLineEndings(" ")}\"";
    }
}
