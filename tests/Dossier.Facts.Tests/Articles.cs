using Dossier.Actors.InArticle;
using Dossier.Actors.Lexicon;
using Dossier.Core.Documents;
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
}
