using System.Diagnostics;
using System.Text;
using Dossier.Nlp.Corpora;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tokenizing;

namespace Dossier.Nlp.Evaluation;

/// <summary>
/// Sentence boundary F1 on a CoNLL-U file. Each document's text is rebuilt from its sentences'
/// <c># text</c> lines, joined by a space within a paragraph and a blank line between paragraphs (as
/// Dossier's cleaned articles are); our tokenizer and splitter then run on that raw text, and a
/// predicted sentence end counts when it falls on a gold sentence end. The last sentence of each
/// document is left out of the count, as its end is given.
/// </summary>
public static class SentenceEvaluator
{
    public static EvaluationReport Evaluate(string goldPath, bool paragraphBreaks = true)
    {
        return ScoreDocuments(goldPath, paragraphBreaks, Documents(goldPath, paragraphBreaks));
    }

    /// <summary>Each document's rebuilt text and the character offsets where its gold sentences end.</summary>
    public static List<(string Text, HashSet<int> Ends)> Documents(string goldPath, bool paragraphBreaks)
    {
        var documents = new List<(string Text, HashSet<int> Ends)>();
        var text = new StringBuilder();
        var ends = new HashSet<int>();
        foreach (var sentence in ConlluReader.Read(goldPath))
        {
            if (sentence.NewDocument && text.Length > 0)
            {
                documents.Add((text.ToString(), ends));
                text.Clear();
                ends = [];
            }

            var sentenceText = sentence.Text ?? string.Join(' ', sentence.Words);
            if (text.Length > 0)
            {
                text.Append(sentence.NewParagraph && paragraphBreaks ? "\n\n" : " ");
            }

            text.Append(sentenceText);
            ends.Add(text.Length);
        }

        if (text.Length > 0)
        {
            documents.Add((text.ToString(), ends));
        }

        return documents;
    }

    private static EvaluationReport ScoreDocuments(string goldPath, bool paragraphBreaks, List<(string Text, HashSet<int> Ends)> documents)
    {
        int gold = 0, predicted = 0, correct = 0, words = 0;
        var watch = new Stopwatch();
        foreach (var (documentText, goldEnds) in documents)
        {
            watch.Start();
            var tokens = RuleTokenizer.Tokenize(documentText);
            var sentences = SentenceSplitter.Split(documentText, tokens);
            watch.Stop();
            words += tokens.Count;
            var documentEnd = documentText.Length;
            var predictedEnds = sentences.Select(s => s.End).Where(e => e != documentEnd).ToHashSet();
            goldEnds.Remove(documentEnd);
            gold += goldEnds.Count;
            predicted += predictedEnds.Count;
            correct += predictedEnds.Count(goldEnds.Contains);
        }

        var overall = Score.ForSpans(gold, predicted, correct);
        return new EvaluationReport("sentences", goldPath, overall, new Dictionary<string, Score> { ["boundary"] = overall },
            words / Math.Max(1e-9, watch.Elapsed.TotalSeconds), words,
            paragraphBreaks ? "text rebuilt with paragraph breaks between # newpar paragraphs" : "text rebuilt with single spaces only");
    }
}
