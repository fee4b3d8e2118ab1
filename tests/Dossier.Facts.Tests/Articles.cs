using Dossier.Actors.InArticle;
using Dossier.Actors.Lexicon;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Tests.Shared;

namespace Dossier.Facts.Tests;

/// <summary>Articles built by hand up to their actors: the named mentions, then the real linker.</summary>
internal static class Articles
{
    private static readonly ArticleLinker Linker = new(CountryNames.Load(Path.Combine(AppContext.BaseDirectory, "models", CountryNames.FileName)));

    public static Document Make(string text, params (string Text, string Type)[] entities)
    {
        var document = HandBuiltArticles.Make(text, entities);
        Linker.Process(document, CancellationToken.None);
        return document;
    }

    /// <summary>
    /// An article with the parse a test gives it, one entry per token in text order:
    /// <c>word/UPOS/head/relation</c>, the head counted from 1 within its sentence (0 for the root).
    /// The parse is written by hand, so what the fact extractors read from it is tested apart from
    /// what the parser happens to find.
    /// </summary>
    public static Document Parsed(string text, string parse, params (string Text, string Type)[] entities)
    {
        var entries = parse.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('/')).ToArray();
        var document = HandBuiltArticles.Make(text, tokens =>
        {
            Assert.Equal(entries.Length, tokens.Count);
            for (var i = 0; i < tokens.Count; i++)
            {
                Assert.Equal(entries[i][0], text[tokens[i].Start..tokens[i].End]);
            }

            return [.. entries.Select(e => e[1])];
        }, entities);
        Linker.Process(document, CancellationToken.None);
        var heads = new int[entries.Length];
        foreach (var sentence in document.Sentences!)
        {
            for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
            {
                var head = int.Parse(entries[i][2], System.Globalization.CultureInfo.InvariantCulture);
                heads[i] = head == 0 ? -1 : sentence.TokenStart + head - 1;
            }
        }

        document.SetDependencies(new DependencyLayer(heads, [.. entries.Select(e => e[3])], [.. entries.Select(_ => true)]));
        return document;
    }
}
