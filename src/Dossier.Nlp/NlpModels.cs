using Dossier.Core.Pipeline;
using Dossier.Nlp.Entities;
using Dossier.Nlp.Parsing;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tagging;
using Dossier.Nlp.Tokenizing;

namespace Dossier.Nlp;

/// <summary>
/// The shipped models, loaded once per process and shared: every stage is read-only after loading,
/// so one instance serves all threads.
/// </summary>
public sealed class NlpModels
{
    public const string PosFile = "pos.model";
    public const string NerFile = "ner.model";
    public const string ParseFile = "parse.model";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, NlpModels> Loaded = new(StringComparer.Ordinal);

    private NlpModels(PerceptronTagger tagger, EntityRecognizer recognizer, DependencyParser parser)
    {
        Tagger = tagger;
        Recognizer = recognizer;
        Parser = parser;
    }

    public PerceptronTagger Tagger { get; }

    public EntityRecognizer Recognizer { get; }

    /// <summary>The dependency parser over all sentences; <see cref="DependencyParser.WithSentenceFilter"/> gives one that parses only some.</summary>
    public DependencyParser Parser { get; }

    /// <summary>The models folder that ships beside the program (copied there by the build).</summary>
    public static string DefaultDirectory(string applicationDirectory) => Path.Combine(applicationDirectory, "models");

    /// <summary>Loads the models in <paramref name="directory"/> once; later calls return the same instance.</summary>
    public static NlpModels Load(string directory)
    {
        var key = Path.GetFullPath(directory);
        lock (Gate)
        {
            if (!Loaded.TryGetValue(key, out var models))
            {
                var tagger = PerceptronTagger.Load(Path.Combine(key, PosFile));
                models = new NlpModels(tagger, EntityRecognizer.Load(Path.Combine(key, NerFile), tagger), DependencyParser.Load(Path.Combine(key, ParseFile)));
                Loaded[key] = models;
            }

            return models;
        }
    }

    /// <summary>Tokens, sentences, parts of speech, entity mentions and dependencies, checked in order.</summary>
    public DocumentPipeline BuildPipeline() => new PipelineBuilder()
        .Add(new RuleTokenizer())
        .Add(new SentenceSplitter())
        .Add(Tagger)
        .Add(Recognizer)
        .Add(Parser)
        .Build();
}
