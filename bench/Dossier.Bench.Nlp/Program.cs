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
            "ner-conll" => NerConll(root, data),
            "ner-open" => NerOpen(root, data),
            "sentences" => Sentences(data),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dossier-bench-nlp speed [WORDS] | pos | ner-open | ner-conll | sentences");
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
        var tagger = PerceptronTagger.Load(Path.Combine(root, "bench", "out", "pos.model"));
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
        var recognizer = EntityRecognizer.Train(sentences, tagger, new EntityTrainingOptions { Progress = Console.Error.WriteLine, Gazetteer = gazetteer });
        Console.WriteLine($"ner-open: {sentences.Count:N0} sentences trained in {watch.Elapsed.TotalSeconds:0.0} s");
        var output = Path.Combine(root, "bench", "out", "ner-open.model");
        recognizer.Save(output);
        Console.WriteLine($"ner-open: {new FileInfo(output).Length / 1e6:0.00} MB");
        Report("uner test", EntityEvaluator.Evaluate(recognizer, Path.Combine(data, "uner-english-ewt", "en_ewt-ud-test.iob2")));
        Report("conll testb", EntityEvaluator.Evaluate(recognizer, Path.Combine(data, "conll2003", "eng.testb")));
        return 0;
    }

    private static int NerConll(string root, string data)
    {
        var tagger = PerceptronTagger.Load(Path.Combine(root, "bench", "out", "pos.model"));
        var watch = Stopwatch.StartNew();
        var sentences = IobReader.Read(Path.Combine(data, "conll2003", "eng.train")).ToList();
        var gazetteer = LoadGazetteer(root, sentences);
        var recognizer = EntityRecognizer.Train(sentences, tagger, new EntityTrainingOptions { Progress = Console.Error.WriteLine, Gazetteer = gazetteer });
        Console.WriteLine($"ner-conll: trained in {watch.Elapsed.TotalSeconds:0.0} s");

        // Written only under bench/out (ignored by git): a model of Reuters text is never shipped.
        recognizer.Save(Path.Combine(root, "bench", "out", "conll-ner.model"));
        Report("conll testa", EntityEvaluator.Evaluate(recognizer, Path.Combine(data, "conll2003", "eng.testa")));
        Report("conll testb", EntityEvaluator.Evaluate(recognizer, Path.Combine(data, "conll2003", "eng.testb")));
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
        return Gazetteer.FromNpm(folder, common);
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
}
