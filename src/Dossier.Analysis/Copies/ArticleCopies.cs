using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Core.Storage;

namespace Dossier.Analysis.Copies;

/// <summary>
/// Which stored article is a syndicated copy of which. A copy's fact in the same words as one of
/// its original's is one more report of that fact, never a second fact: the listings use this to
/// put it under the original's (claims do so in the store, disputes in the ledger).
/// </summary>
public sealed class ArticleCopies
{
    private readonly IReadOnlyDictionary<ArticleId, ArticleId> originals;
    private readonly HashSet<ArticleId> copied;

    /// <param name="originals">Each copy's id and the id of the article it copies.</param>
    public ArticleCopies(IReadOnlyDictionary<ArticleId, ArticleId> originals)
    {
        ArgumentNullException.ThrowIfNull(originals);
        this.originals = originals;
        copied = [.. originals.Values];
    }

    /// <summary>No article is a copy: every fact stands on its own.</summary>
    public static ArticleCopies None { get; } = new(new Dictionary<ArticleId, ArticleId>());

    /// <summary>The store's copies, read from the articles' metadata (no text).</summary>
    public static ArticleCopies Load(IDossierStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var originals = new Dictionary<ArticleId, ArticleId>();
        foreach (var article in store.ReadArticles(ExportFilter.All))
        {
            if (article.CopyOf is { } original)
            {
                originals[article.Id] = original;
            }
        }

        return new ArticleCopies(originals);
    }

    /// <summary>Whether some article is a copy of <paramref name="article"/>.</summary>
    public bool HasCopies(ArticleId article) => copied.Contains(article);

    /// <summary>The article <paramref name="article"/> copies, or null when it is an original.</summary>
    public ArticleId? OriginalOf(ArticleId article) => originals.TryGetValue(article, out var original) ? original : null;
}
