using System.CommandLine;
using Dossier.Cli.Output;
using Dossier.Nlp;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Evaluation;
using Dossier.Nlp.Parsing;
using Dossier.Nlp.Tagging;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier eval pos|sentences|ner|parse --gold FILE</c>: measure a model on a standard test set.</summary>
internal static class EvalCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("eval", "Measure the NLP models on a gold-standard file: accuracy or precision, recall and F1 per type, and speed.");
        command.Add(Make(environment, "pos", "Part-of-speech accuracy on a CoNLL-U file (gold tokens).", (gold, models, _) =>
            TaggerEvaluator.Evaluate(PerceptronTagger.Load(Path.Combine(models, NlpModels.PosFile)), gold)));
        command.Add(Make(environment, "sentences", "Sentence boundary F1 on a CoNLL-U file, from its raw text.", (gold, _, spaces) =>
            SentenceEvaluator.Evaluate(gold, paragraphBreaks: !spaces)));
        command.Add(Make(environment, "ner", "Named-entity precision, recall and F1 (exact span and type, as conlleval) on a CoNLL/IOB file.", (gold, models, _) =>
        {
            var tagger = PerceptronTagger.Load(Path.Combine(models, NlpModels.PosFile));
            return EntityEvaluator.Evaluate(EntityRecognizer.Load(Path.Combine(models, NlpModels.NerFile), tagger), gold);
        }));
        command.Add(Parse(environment));
        command.Add(Names(environment));
        command.Add(EvalActorsCommand.Create(environment));
        command.Add(EvalAttributionCommand.Create(environment));
        return command;
    }

    private static Command Make(CliEnvironment environment, string name, string description, Func<string, string, bool, EvaluationReport> evaluate)
    {
        var gold = new Option<string>("--gold") { Description = "The gold-standard file.", Required = true, HelpName = "FILE" };
        var models = new Option<string>("--models")
        {
            Description = "Folder of the model files (pos.model, ner.model).",
            HelpName = "DIR",
            DefaultValueFactory = _ => NlpModels.DefaultDirectory(environment.ApplicationDirectory),
        };
        var format = CommonOptions.Format();
        var spaces = new Option<bool>("--no-paragraphs") { Description = "Sentences only: rebuild the text with single spaces, without paragraph breaks." };
        var command = new Command(name, description) { gold, models, format };
        if (name == "sentences")
        {
            command.Add(spaces);
        }

        command.SetAction(parse =>
        {
            var goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath))
            {
                environment.Error.WriteLine($"dossier: {goldPath}: no such file");
                return ExitCodes.Failure;
            }

            EvaluationReport report;
            try
            {
                report = evaluate(goldPath, parse.GetValue(models)!, parse.GetValue(spaces));
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"dossier: {exception.Message}");
                return ExitCodes.Failure;
            }

            Print(environment, report, parse.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliEnvironment environment, EvaluationReport report, OutputFormat format)
    {
        object ScoreJson(Score s) => s.Accuracy is { } accuracy
            ? new { accuracy = Math.Round(accuracy, 4), total = s.Gold, correct = s.Correct }
            : new { precision = Math.Round(s.Precision ?? 0, 4), recall = Math.Round(s.Recall ?? 0, 4), f1 = Math.Round(s.F1 ?? 0, 4), gold = s.Gold, predicted = s.Predicted, correct = s.Correct };

        if (format == OutputFormat.Json)
        {
            JsonOutput.WriteReport(environment.Out, new
            {
                task = report.Task,
                gold = report.GoldFile,
                overall = ScoreJson(report.Overall),
                byType = report.ByType.ToDictionary(p => p.Key, p => ScoreJson(p.Value)),
                wordsPerSecond = Math.Round(report.WordsPerSecond),
                words = report.Words,
                note = report.Note,
            });
            return;
        }

        var output = environment.Out;
        output.WriteLine($"{report.Task} on {report.GoldFile}: {report.Words:N0} words at {report.WordsPerSecond:N0} words/s");
        if (report.Note is { } note)
        {
            output.WriteLine($"({note})");
        }

        output.WriteLine(Line("overall", report.Overall));
        foreach (var (type, score) in report.ByType)
        {
            output.WriteLine(Line(type, score));
        }

        static string Line(string name, Score s) => s.Accuracy is { } accuracy
            ? $"  {name,-14} accuracy {accuracy:0.0000}  ({s.Correct:N0}/{s.Gold:N0})"
            : $"  {name,-14} precision {s.Precision:0.0000}  recall {s.Recall:0.0000}  F1 {s.F1:0.0000}  (gold {s.Gold:N0}, predicted {s.Predicted:N0}, correct {s.Correct:N0})";
    }

    // `dossier eval parse`: attachment scores, which have their own shape (UAS and LAS, LAS per relation).
    private static Command Parse(CliEnvironment environment)
    {
        var gold = new Option<string>("--gold") { Description = "A CoNLL-U file with gold trees (its words and sentences are used; its tags are not).", Required = true, HelpName = "FILE" };
        var models = new Option<string>("--models")
        {
            Description = "Folder of the model files (pos.model tags the words, parse.model parses).",
            HelpName = "DIR",
            DefaultValueFactory = _ => NlpModels.DefaultDirectory(environment.ApplicationDirectory),
        };
        var format = CommonOptions.Format();
        var command = new Command("parse", "Dependency parsing on a CoNLL-U file: gold words and sentences, our own predicted tags. Prints UAS and LAS over all words, punctuation included (the CoNLL 2018 convention), LAS per gold relation, and the parser's words/s on one thread.")
        {
            gold, models, format,
        };
        command.SetAction(parse =>
        {
            var goldPath = parse.GetValue(gold)!;
            if (!File.Exists(goldPath))
            {
                environment.Error.WriteLine($"dossier: {goldPath}: no such file");
                return ExitCodes.Failure;
            }

            ParseReport report;
            try
            {
                var folder = parse.GetValue(models)!;
                var tagger = PerceptronTagger.Load(Path.Combine(folder, NlpModels.PosFile));
                report = ParserEvaluator.Evaluate(DependencyParser.Load(Path.Combine(folder, NlpModels.ParseFile)), tagger, goldPath);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"dossier: {exception.Message}");
                return ExitCodes.Failure;
            }

            if (parse.GetValue(format) == OutputFormat.Json)
            {
                JsonOutput.WriteReport(environment.Out, new
                {
                    task = "parse",
                    gold = report.GoldFile,
                    overall = new { uas = Math.Round(report.Uas, 4), las = Math.Round(report.Las, 4) },
                    byType = report.ByRelation.ToDictionary(p => p.Key, p => new { las = Math.Round(p.Value.Las, 4), count = p.Value.Count }),
                    wordsPerSecond = Math.Round(report.WordsPerSecond),
                    words = report.Words,
                    sentences = report.Sentences,
                    uposAccuracy = Math.Round(report.TagAccuracy, 4),
                    note = "all words counted, punctuation included; predicted tags",
                });
                return ExitCodes.Success;
            }

            var output = environment.Out;
            output.WriteLine($"parse on {report.GoldFile}: {report.Words:N0} words, {report.Sentences:N0} sentences at {report.WordsPerSecond:N0} words/s (parser alone, one thread)");
            output.WriteLine($"(all words counted, punctuation included; predicted tags, UPOS accuracy {report.TagAccuracy:0.0000})");
            output.WriteLine($"  overall        UAS {report.Uas:0.0000}  LAS {report.Las:0.0000}");
            foreach (var (relation, score) in report.ByRelation)
            {
                output.WriteLine($"  {relation,-14} LAS {score.Las:0.0000}  ({score.Count:N0})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // `dossier eval names`: the name-variant matcher alone, on labelled pairs (--pairs) or on the UN
    // sanctions list's aliases (--gold, the older measure).
    private static Command Names(CliEnvironment environment)
    {
        var pairs = new Option<string>("--pairs") { Description = "Name pairs, one a line: name_a<TAB>name_b<TAB>1|0 (1: the same person or organisation); # starts a comment.", HelpName = "FILE" };
        var gold = new Option<string>("--gold") { Description = "Instead of --pairs: a UN sanctions list TSV (un_sc_name_variants.tsv).", HelpName = "FILE" };
        var errors = new Option<int>("--errors") { Description = "Also list this many wrong decisions, confident false matches first.", HelpName = "N" };
        var format = CommonOptions.Format();
        var command = new Command("names", "Name-variant matcher: precision, recall and F1 at its threshold and the precision-recall curve on labelled name pairs.")
        {
            pairs, gold, errors, format,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(pairs) is null) == (result.GetValue(gold) is null))
            {
                result.AddError("give one of --pairs FILE or --gold FILE");
            }
        });
        command.SetAction(parse =>
        {
            var path = parse.GetValue(pairs) ?? parse.GetValue(gold)!;
            if (!File.Exists(path))
            {
                environment.Error.WriteLine($"dossier: {path}: no such file");
                return ExitCodes.Failure;
            }

            try
            {
                if (parse.GetValue(pairs) is null)
                {
                    Print(environment, NameMatchEvaluator.Evaluate(path), parse.GetValue(format));
                    return ExitCodes.Success;
                }

                var report = NamePairEvaluator.Evaluate(NamePairFile.Read(path), path, parse.GetValue(errors));
                PrintNames(environment, report, parse.GetValue(format));
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                environment.Error.WriteLine($"dossier: {exception.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static void PrintNames(CliEnvironment environment, NamePairReport report, OutputFormat format)
    {
        static object Point(NamePairPoint p) => new
        {
            threshold = p.Threshold,
            precision = Math.Round(p.Score.Precision ?? 0, 4),
            recall = Math.Round(p.Score.Recall ?? 0, 4),
            f1 = Math.Round(p.Score.F1 ?? 0, 4),
            predicted = p.Score.Predicted,
            correct = p.Score.Correct,
        };

        if (format == OutputFormat.Json)
        {
            JsonOutput.WriteReport(environment.Out, new
            {
                task = "names",
                pairsFile = report.File,
                overall = Point(report.AtThreshold),
                curve = report.Curve.Select(Point),
                pairs = report.Pairs,
                samePairs = report.SamePairs,
                pairsPerSecond = Math.Round(report.PairsPerSecond),
                errors = report.Errors.Select(e => new { a = e.Pair.A, b = e.Pair.B, same = e.Pair.Same, line = e.Pair.Line, score = e.Match.Score, rule = e.Match.Rule }),
            });
            return;
        }

        var output = environment.Out;
        var at = report.AtThreshold;
        output.WriteLine($"names on {report.File}: {report.Pairs:N0} pairs ({report.SamePairs:N0} same) at {report.PairsPerSecond:N0} pairs/s");
        output.WriteLine($"  at threshold {at.Threshold:0.00}: precision {at.Score.Precision:0.0000}  recall {at.Score.Recall:0.0000}  F1 {at.Score.F1:0.0000}  (predicted {at.Score.Predicted:N0}, correct {at.Score.Correct:N0})");
        output.WriteLine("  threshold  precision  recall  F1");
        foreach (var p in report.Curve)
        {
            output.WriteLine($"  {p.Threshold,9:0.00}  {p.Score.Precision,9:0.0000}  {p.Score.Recall,6:0.0000}  {p.Score.F1:0.0000}");
        }

        foreach (var e in report.Errors)
        {
            output.WriteLine($"  {(e.Pair.Same ? "missed" : "false match")} line {e.Pair.Line}: {e.Pair.A} / {e.Pair.B}  {e.Match.Score:0.000} {e.Match.Rule}");
        }
    }
}
