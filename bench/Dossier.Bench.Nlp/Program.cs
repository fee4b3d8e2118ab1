using System.Diagnostics;
using System.Globalization;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Evaluation;
using Dossier.Nlp.Tagging;

namespace Dossier.Bench.Nlp;

/// <summary>
/// NLP benchmarks and training experiments. Every model this program trains is written under
/// bench/out (ignored by git); the shipped models are built by <c>dossier train</c> only.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var root = RepositoryRoot();
        var data = Path.Combine(root, "..", "shared", "data");
        var command = args.Length > 0 ? args[0] : "speed";
        return command switch
        {
            "speed" => SpeedBenchmark.Run(root, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000),
            "pos" => Pos(data, args.Skip(1).ToArray()),
            "parse" => Parse(root, data),
            "ner-conll" => NerConll(root, data, args.Contains("--with-dev")),
            "ner-open" => NerOpen(root, data),
            "sentences" => Sentences(data),
            "ner-dump" => NerDump(root, args[1], args[2], args[3]),
            "sentence-errors" => SentenceErrors(args[1]),
            "clean-samples" => CleanSamples(root, args[1]),
            "load" => LoadTimes(root),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dossier-bench-nlp speed [WORDS] | pos | parse | ner-open | ner-conll | sentences");
        return 2;
    }

    private static int Pos(string data, string[] args)
    {
        var ud = Path.Combine(data, "ud-english-ewt");
        var watch = Stopwatch.StartNew();
        var sentences = ConlluReader.Read(Path.Combine(ud, "en_ewt-ud-train.conllu")).ToList();
        var epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : new TaggerTrainingOptions().Epochs;
        var tagger = PerceptronTagger.Train(sentences, new TaggerTrainingOptions { Progress = Console.Error.WriteLine, Epochs = epochs });
        Console.WriteLine($"pos: trained in {watch.Elapsed.TotalSeconds:0.0} s");
        var output = Path.Combine(RepositoryRoot(), "bench", "out", "pos.model");
        tagger.Save(output);
        Console.WriteLine($"pos: {new FileInfo(output).Length / 1e6:0.00} MB");
        foreach (var split in new[] { "dev", "test" })
        {
            var report = TaggerEvaluator.Evaluate(tagger, Path.Combine(ud, $"en_ewt-ud-{split}.conllu"));
            Console.WriteLine($"pos {split}: UPOS {report.Overall.Accuracy:0.0000}  XPOS {report.ByType["XPOS (Penn)"].Accuracy:0.0000}  {report.WordsPerSecond:N0} words/s");
        }

        return 0;
    }

    /// <summary>
    /// Parser experiments: trains on EWT train (tagged by the shipped tagger, or jackknifed with
    /// PARSE_JACKKNIFE=K) and scores dev after each epoch with the tags of a tagger trained on train
    /// only (bench/out/pos-train.model, built once), so that dev's tags are as wrong as test's.
    /// PARSE_EPOCHS, PARSE_EXPLORE_FROM and PARSE_EXPLORE_RATE override the defaults.
    /// </summary>
    private static int Parse(string root, string data)
    {
        var ud = Path.Combine(data, "ud-english-ewt");
        var taggerPath = Path.Combine(root, "bench", "out", "pos-train.model");
        if (!File.Exists(taggerPath))
        {
            PerceptronTagger.Train(ConlluReader.Read(Path.Combine(ud, "en_ewt-ud-train.conllu")).ToList(), new TaggerTrainingOptions()).Save(taggerPath);
        }

        var devTagger = PerceptronTagger.Load(taggerPath);
        var train = ConlluReader.ReadTrees(Path.Combine(ud, "en_ewt-ud-train.conllu")).ToList();
        var folds = int.Parse(Environment.GetEnvironmentVariable("PARSE_JACKKNIFE") ?? "0", CultureInfo.InvariantCulture);
        var tagged = folds > 1
            ? Dossier.Nlp.Parsing.TrainingTags.Jackknife(train, folds, new TaggerTrainingOptions()).Sentences
            : Dossier.Nlp.Parsing.TrainingTags.Retag(train, PerceptronTagger.Load(Path.Combine(root, "models", "pos.model")));
        var dev = Dossier.Nlp.Parsing.TrainingTags.Retag(ConlluReader.ReadTrees(Path.Combine(ud, "en_ewt-ud-dev.conllu")).ToList(), devTagger);
        var defaults = new Dossier.Nlp.Parsing.ParserTrainingOptions();
        var watch = Stopwatch.StartNew();
        var parser = Dossier.Nlp.Parsing.DependencyParser.Train(tagged, new Dossier.Nlp.Parsing.ParserTrainingOptions
        {
            Epochs = int.Parse(Environment.GetEnvironmentVariable("PARSE_EPOCHS") ?? defaults.Epochs.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            ExploreFrom = int.Parse(Environment.GetEnvironmentVariable("PARSE_EXPLORE_FROM") ?? defaults.ExploreFrom.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            ExplorationRate = double.Parse(Environment.GetEnvironmentVariable("PARSE_EXPLORE_RATE") ?? defaults.ExplorationRate.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            Development = dev,
            Progress = Console.Error.WriteLine,
        });
        var output = Path.Combine(root, "bench", "out", "parse.model");
        parser.Save(output);
        Console.WriteLine($"parse: trained in {watch.Elapsed.TotalSeconds:0} s, {new FileInfo(output).Length / 1e6:0.00} MB");
        return 0;
    }

    private static int Sentences(string data)
    {
        var ud = Path.Combine(data, "ud-english-ewt");
        foreach (var split in new[] { "dev", "test" })
        {
            foreach (var paragraphs in new[] { true, false })
            {
                var report = SentenceEvaluator.Evaluate(Path.Combine(ud, $"en_ewt-ud-{split}.conllu"), paragraphs);
                Console.WriteLine($"sentences {split} paragraphs={paragraphs}: F1 {report.Overall.F1:0.0000} P {report.Overall.Precision:0.0000} R {report.Overall.Recall:0.0000}");
            }
        }

        return 0;
    }

    private static int NerOpen(string root, string data)
    {
        var tagger = PerceptronTagger.Load(Path.Combine(root, "models", "pos.model"));
        string[] files =
        [
            Path.Combine(data, "uner-english-ewt", "en_ewt-ud-train.DRAFT-2022-12.PER-ORG-LOC.iob2"),
            Path.Combine(data, "uner-english-ewt", "en_ewt-ud-dev.iob2"),
            Path.Combine(data, "ner-open", "wikigold", "CONLL-format", "data", "wikigold.conll.txt"),
            .. Directory.GetFiles(Path.Combine(data, "ner-open", "BTC", "CONLL-format", "data"), "*.conll").Order(StringComparer.Ordinal),
        ];
        var extra = Environment.GetEnvironmentVariable("NER_FILES");
        if (extra is not null)
        {
            files = extra.Split(':');
        }

        var watch = Stopwatch.StartNew();
        var sentences = files.SelectMany(IobReader.Read).ToList();
        var gazetteer = LoadGazetteer(root, sentences);
        var recognizer = EntityRecognizer.Train(sentences, tagger, TrainingOptions(gazetteer));
        Console.WriteLine($"ner-open: {sentences.Count:N0} sentences trained in {watch.Elapsed.TotalSeconds:0.0} s");
        var output = Path.Combine(root, "bench", "out", "ner-open.model");
        recognizer.Save(output);
        Console.WriteLine($"ner-open: {new FileInfo(output).Length / 1e6:0.00} MB");

        // Scored as saved and loaded again: pruning and half-precision weights are part of the model.
        recognizer = EntityRecognizer.Load(output, tagger);
        Report("uner test", EntityEvaluator.Evaluate(recognizer, Path.Combine(data, "uner-english-ewt", "en_ewt-ud-test.iob2")));
        Report("conll testb", EntityEvaluator.Evaluate(recognizer, Path.Combine(data, "conll2003", "eng.testb")));
        SampleScore(root, tagger, recognizer);
        return 0;
    }

    /// <summary>Entity F1 on the hand-annotated sample articles (tests/Dossier.Nlp.Tests/Golden/sample-entities-gold.json).</summary>
    private static void SampleScore(string root, PerceptronTagger tagger, EntityRecognizer recognizer)
    {
        var goldPath = Path.Combine(root, "tests", "Dossier.Nlp.Tests", "Golden", "sample-entities-gold.json");
        var gold = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(goldPath))!;
        var pipeline = new Dossier.Core.Pipeline.PipelineBuilder()
            .Add(new Dossier.Nlp.Tokenizing.RuleTokenizer()).Add(new Dossier.Nlp.Sentences.SentenceSplitter()).Add(tagger).Add(recognizer).Build();
        var counts = new SortedDictionary<string, (int Gold, int Predicted, int Correct)>(StringComparer.Ordinal);
        foreach (var (file, mentions) in gold.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var raw = new Dossier.Core.Documents.RawDocument(
                new Dossier.Core.Documents.DocumentOrigin(file, Dossier.Core.Documents.SourceFormat.Text),
                File.ReadAllText(Path.Combine(root, "samples", "libya", file)),
                false,
                Dossier.Core.Documents.ArticleMetadata.Empty);
            var document = new Dossier.Ingest.ArticleCleaner().Clean(raw);
            pipeline.Run(document, CancellationToken.None);
            var expected = mentions.Select(m => string.Join(' ', m.Split(' ', 3).Take(2))).ToHashSet(StringComparer.Ordinal);
            var found = document.Mentions!.Select(m => $"{m.Start}-{m.End} {m.Type}").ToHashSet(StringComparer.Ordinal);
            foreach (var key in expected.Union(found))
            {
                var type = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
                var entry = counts.GetValueOrDefault(type);
                counts[type] = (entry.Gold + (expected.Contains(key) ? 1 : 0), entry.Predicted + (found.Contains(key) ? 1 : 0), entry.Correct + (expected.Contains(key) && found.Contains(key) ? 1 : 0));
            }
        }

        var byType = counts.ToDictionary(p => p.Key, p => Score.ForSpans(p.Value.Gold, p.Value.Predicted, p.Value.Correct), StringComparer.Ordinal);
        var overall = Score.ForSpans(counts.Values.Sum(c => c.Gold), counts.Values.Sum(c => c.Predicted), counts.Values.Sum(c => c.Correct));
        Report("samples (2 annotated)", new EvaluationReport("ner", goldPath, overall, byType, 0, 0));
    }

    private static int NerConll(string root, string data, bool withDevelopment)
    {
        var tagger = PerceptronTagger.Load(Path.Combine(root, "models", "pos.model"));
        var watch = Stopwatch.StartNew();
        var sentences = IobReader.Read(Path.Combine(data, "conll2003", "eng.train")).ToList();
        if (withDevelopment)
        {
            // Train and development data together, as many published CoNLL-2003 figures are trained.
            sentences.AddRange(IobReader.Read(Path.Combine(data, "conll2003", "eng.testa")));
        }

        var gazetteer = LoadGazetteer(root, sentences);
        var options = TrainingOptions(gazetteer);
        if (Environment.GetEnvironmentVariable("NER_CLUSTERS") == "1")
        {
            // The open raw text the shipped model may cluster, plus eng.train's own words (never
            // testa or testb): the bench model is not shipped, so Reuters text may shape its clusters.
            var text = OpenClusterText(data).Append(Path.Combine(data, "conll2003", "eng.train")).SelectMany(RawSentences.Read).ToList();
            options = options with { Clusters = WordClusters.Learn(text, new WordClusterOptions { Progress = Console.Error.WriteLine }) };
        }

        var recognizer = EntityRecognizer.Train(sentences, tagger, options);
        Console.WriteLine($"ner-conll: trained in {watch.Elapsed.TotalSeconds:0.0} s");

        // Written only under bench/out (ignored by git): a model of Reuters text is never shipped.
        recognizer.Save(Path.Combine(root, "bench", "out", "conll-ner.model"));
        Report("conll testa", EntityEvaluator.Evaluate(recognizer, Path.Combine(data, "conll2003", "eng.testa")));
        Report("conll testb", EntityEvaluator.Evaluate(recognizer, Path.Combine(data, "conll2003", "eng.testb")));
        return 0;
    }

    /// <summary>Openly licensed tokenized text for word clusters: UD EWT train and dev (not test), wikigold, BTC, WNUT17.</summary>
    private static IEnumerable<string> OpenClusterText(string data)
    {
        var wnut = Path.Combine(data, "ner-open", "WNUT17", "CONLL-format", "data");
        return
        [
            Path.Combine(data, "ud-english-ewt", "en_ewt-ud-train.conllu"),
            Path.Combine(data, "ud-english-ewt", "en_ewt-ud-dev.conllu"),
            Path.Combine(data, "ner-open", "wikigold", "CONLL-format", "data", "wikigold.conll.txt"),
            .. Directory.GetFiles(Path.Combine(data, "ner-open", "BTC", "CONLL-format", "data"), "*.conll").Order(StringComparer.Ordinal),
            Path.Combine(wnut, "train", "wnut17train.conll"),
            Path.Combine(wnut, "dev", "emerging.dev.conll"),
            Path.Combine(wnut, "test", "emerging.test.annotated"),
        ];
    }

    /// <summary>Load time of each model file, cold (first in the process) and warm.</summary>
    private static int LoadTimes(string root)
    {
        for (var run = 1; run <= 2; run++)
        {
            var watch = Stopwatch.StartNew();
            var tagger = PerceptronTagger.Load(Path.Combine(root, "models", "pos.model"));
            var pos = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            EntityRecognizer.Load(Path.Combine(root, "models", "ner.model"), tagger);
            Console.WriteLine($"run {run}: pos.model {pos:N0} ms, ner.model {watch.Elapsed.TotalMilliseconds:N0} ms");
        }

        return 0;
    }

    /// <summary>Writes the cleaned text of each sample article, as the pipeline sees it (for annotating them).</summary>
    private static int CleanSamples(string root, string output)
    {
        Directory.CreateDirectory(output);
        var cleaner = new Dossier.Ingest.ArticleCleaner();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples", "libya"), "*.txt").Order(StringComparer.Ordinal))
        {
            var raw = new Dossier.Core.Documents.RawDocument(
                new Dossier.Core.Documents.DocumentOrigin(Path.GetFileName(file), Dossier.Core.Documents.SourceFormat.Text),
                File.ReadAllText(file),
                false,
                Dossier.Core.Documents.ArticleMetadata.Empty);
            File.WriteAllText(Path.Combine(output, Path.GetFileName(file)), cleaner.Clean(raw).Text);
        }

        return 0;
    }

    /// <summary>Prints sentence ends missed and invented on a CoNLL-U file, with their surroundings.</summary>
    private static int SentenceErrors(string gold)
    {
        foreach (var (text, ends) in SentenceEvaluator.Documents(gold, paragraphBreaks: true))
        {
            var tokens = Dossier.Nlp.Tokenizing.RuleTokenizer.Tokenize(text);
            var predicted = Dossier.Nlp.Sentences.SentenceSplitter.Split(text, tokens).Select(s => s.End).ToHashSet();
            foreach (var end in ends.Where(e => e != text.Length).Order())
            {
                if (!predicted.Contains(end))
                {
                    Console.WriteLine($"MISSED  {Around(text, end)}");
                }
            }

            foreach (var end in predicted.Where(e => e != text.Length && !ends.Contains(e)).Order())
            {
                Console.WriteLine($"INVENTED {Around(text, end)}");
            }
        }

        return 0;

        static string Around(string text, int at) =>
            (text[Math.Max(0, at - 40)..at] + " ‖ " + text[at..Math.Min(text.Length, at + 30)]).ReplaceLineEndings("⏎");
    }

    /// <summary>Writes word, gold and predicted tags a line, for error analysis.</summary>
    private static int NerDump(string root, string model, string gold, string output)
    {
        var tagger = PerceptronTagger.Load(Path.Combine(root, "models", "pos.model"));
        var recognizer = EntityRecognizer.Load(model, tagger);
        using var writer = new StreamWriter(output);
        var sentences = IobReader.Read(gold).ToList();
        var all = EntityEvaluator.Predict(recognizer, sentences);
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var predicted = all[s];
            for (var i = 0; i < sentence.Words.Length; i++)
            {
                writer.WriteLine($"{sentence.Words[i]}\t{sentence.Tags[i]}\t{predicted[i]}");
            }

            writer.WriteLine();
        }

        return 0;
    }

    private static Gazetteer LoadGazetteer(string root, List<EntitySentence> sentences)
    {
        var folder = Path.Combine(root, "data", "gazetteers", "node_modules");
        if (!Directory.Exists(folder))
        {
            return Gazetteer.Empty;
        }

        var common = sentences.SelectMany(s => s.Words).Where(w => w.Length > 0 && char.IsLower(w[0])).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var gazetteer = Gazetteer.FromNpm(folder, common);
        var names = Path.Combine(root, "..", "shared", "data", "names");
        return Environment.GetEnvironmentVariable("NER_NAMES") != "0" && Directory.Exists(names) ? gazetteer.WithNameLists(names) : gazetteer;
    }

    private static void Report(string name, EvaluationReport report)
    {
        Console.WriteLine($"{name}: F1 {report.Overall.F1:0.0000} P {report.Overall.Precision:0.0000} R {report.Overall.Recall:0.0000}  {report.WordsPerSecond:N0} words/s");
        foreach (var (type, score) in report.ByType)
        {
            Console.WriteLine($"  {type,-5} F1 {score.F1:0.0000} P {score.Precision:0.0000} R {score.Recall:0.0000} gold {score.Gold} predicted {score.Predicted}");
        }
    }

    public static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Dossier.slnx")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Training settings, overridable by NER_DOCUMENT, NER_EPOCHS, NER_CASE and NER_FOLDS for experiments.</summary>
    private static EntityTrainingOptions TrainingOptions(Gazetteer gazetteer) => new()
    {
        Progress = Console.Error.WriteLine,
        Gazetteer = gazetteer,
        DocumentFeatures = Environment.GetEnvironmentVariable("NER_DOCUMENT") != "0",
        Epochs = int.Parse(Environment.GetEnvironmentVariable("NER_EPOCHS") ?? "10", CultureInfo.InvariantCulture),
        CaseVariants = double.Parse(Environment.GetEnvironmentVariable("NER_CASE") ?? "0.1", CultureInfo.InvariantCulture),
        Folds = int.Parse(Environment.GetEnvironmentVariable("NER_FOLDS") ?? "2", CultureInfo.InvariantCulture),
    };
}
