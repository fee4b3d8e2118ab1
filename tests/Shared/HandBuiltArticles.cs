using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Nlp.Sentences;
using Dossier.Nlp.Tokenizing;

namespace Dossier.Tests.Shared;

/// <summary>
/// Builds annotated articles by hand: real tokens and sentences, placeholder part-of-speech tags, and
/// the entity mentions a test names (every whole-word occurrence of each), so that what comes after
/// the recognizer is tested apart from what the recognizer happens to find.
/// </summary>
internal static class HandBuiltArticles
{
    public static Document Make(string text, params (string Text, string Type)[] entities) => Make(text, [], entities);

    /// <summary>As <see cref="Make(string, ValueTuple{string, string}[])"/>, with the words <paramref name="properNouns"/> tagged as proper nouns.</summary>
    public static Document Make(string text, IReadOnlyCollection<string> properNouns, params (string Text, string Type)[] entities)
        => Make(text, tokens => [.. tokens.Select(t => properNouns.Contains(text[t.Start..t.End]) ? "PROPN" : "X")], entities);

    /// <summary>As <see cref="Make(string, ValueTuple{string, string}[])"/>, with the universal tags <paramref name="tag"/> gives the tokens.</summary>
    public static Document Make(string text, Func<IReadOnlyList<Token>, string[]> tag, params (string Text, string Type)[] entities)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var document = new Document(new DocumentOrigin("test.txt", SourceFormat.Text), text, ArticleMetadata.Empty,
            new OffsetMap([new OffsetSegment(0, text.Length, 0, text.Length)]), [], []);
        new RuleTokenizer().Process(document, CancellationToken.None);
        new SentenceSplitter().Process(document, CancellationToken.None);
        var tokens = document.Tokens!;
        var tags = tag(tokens);
        document.SetPartsOfSpeech(new PartOfSpeechLayer(tags, tags));
        var mentions = new List<EntityMention>();
        foreach (var (name, type) in entities)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                if ((end == text.Length || !char.IsLetter(text[end])) && !mentions.Any(m => m.Start < end && m.End > at))
                {
                    var first = tokens.Select((t, i) => (t, i)).First(p => p.t.End > at).i;
                    var last = tokens.Select((t, i) => (t, i)).Last(p => p.t.Start < end).i;
                    mentions.Add(new EntityMention(first, last + 1, at, end, type));
                }
            }
        }

        document.SetMentions([.. mentions.OrderBy(m => m.Start)]);
        return document;
    }
}
