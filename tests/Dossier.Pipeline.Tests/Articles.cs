using Dossier.Actors.Lexicon;
using Dossier.Core.Documents;
using Dossier.Tests.Shared;

namespace Dossier.Pipeline.Tests;

/// <summary>Articles built by hand up to their entity mentions, and the shipped country table.</summary>
internal static class Articles
{
    public static CountryNames Countries { get; } = CountryNames.Load(Path.Combine(AppContext.BaseDirectory, "models", CountryNames.FileName));

    public static Document Make(string text, params (string Text, string Type)[] entities) => HandBuiltArticles.Make(text, entities);
}
