using Dossier.Nlp.Corpora;
using Dossier.Nlp.Tagging;

namespace Dossier.Nlp.Parsing;

/// <summary>
/// Realistic part-of-speech tags for parser training. The shipped tagger was trained on the
/// parser's training sentences, so its tags there are almost gold, and a parser trained on them
/// learns to trust tags more than it should. Jackknifing gives each fold the tags of a tagger that
/// never saw it.
/// </summary>
public static class TrainingTags
{
    /// <summary>The sentences with their tags replaced by <paramref name="tagger"/>'s.</summary>
    public static List<TreeSentence> Retag(IReadOnlyList<TreeSentence> sentences, PerceptronTagger tagger)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tagger);
        return [.. sentences.Select(s =>
        {
            var (universal, penn) = tagger.Tag(s.Words);
            return s with { Universal = universal, Penn = penn };
        })];
    }

    /// <summary>
    /// Splits the sentences into <paramref name="folds"/> contiguous blocks (documents stay together),
    /// trains a tagger on all blocks but one and tags that one with it. Also returns the tagger of
    /// the first fold, for tagging held-out data the same way.
    /// </summary>
    public static (List<TreeSentence> Sentences, PerceptronTagger FirstFoldTagger) Jackknife(IReadOnlyList<TreeSentence> sentences, int folds, TaggerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var result = new List<TreeSentence>(sentences.Count);
        PerceptronTagger? first = null;
        for (var fold = 0; fold < folds; fold++)
        {
            var from = (int)((long)sentences.Count * fold / folds);
            var to = (int)((long)sentences.Count * (fold + 1) / folds);
            var training = sentences.Take(from).Concat(sentences.Skip(to))
                .Select(s => new TaggedSentence(s.Words, s.Universal, s.Penn, null, false, false)).ToList();
            options.Progress?.Invoke($"fold {fold + 1}/{folds}: training a tagger on {training.Count:N0} sentences, tagging {to - from:N0}");
            var tagger = PerceptronTagger.Train(training, options with { Progress = null });
            first ??= tagger;
            result.AddRange(Retag([.. sentences.Skip(from).Take(to - from)], tagger));
        }

        return (result, first!);
    }
}
