using System.Collections.Concurrent;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Core.Storage;

namespace Dossier.Pipeline;

/// <summary>
/// The store side of the annotation worker: articles taken from the store in claims, annotated on
/// several threads while only the calling thread touches the store, and written back with the
/// version they were annotated by.
/// </summary>
internal sealed class ArticleClaims(IDossierStore store)
{
    /// <summary>Articles taken per claim: enough to keep every thread busy, few enough that a killed worker loses little.</summary>
    public const int ClaimSize = 64;

    /// <summary>
    /// Claims and handles the selected articles until none is left, including those another worker
    /// holds now: when they are all claimed elsewhere this waits, and takes over any claim given up,
    /// so that every later step sees all of them done.
    /// </summary>
    public void ClaimAll(LinkerVersions which, CancellationToken cancellationToken, Action<IReadOnlyList<StoredArticle>> handle)
    {
        while (store.CountArticles(which) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var claim = store.ClaimArticles(which, ClaimSize);
            if (claim.Articles.Count == 0)
            {
                cancellationToken.WaitHandle.WaitOne(OtherWorkersPoll);
                continue;
            }

            handle(Read(claim.Articles));
            claim.Complete();
        }

        store.Flush();
    }

    private static readonly TimeSpan OtherWorkersPoll = TimeSpan.FromMilliseconds(250);

    private List<StoredArticle> Read(IEnumerable<ArticleId> ids)
    {
        var articles = new List<StoredArticle>();
        foreach (var id in ids)
        {
            if (store.FindArticle(id.Value) is ArticleLookup.Found found)
            {
                articles.Add(found.Article);
            }
        }

        return articles;
    }

    /// <summary>
    /// Runs <paramref name="annotate"/> over the articles on up to <paramref name="jobs"/> threads
    /// while this thread hands each result to <paramref name="write"/> as it comes: the store is only
    /// ever touched from the calling thread.
    /// </summary>
    public static void Annotate(IReadOnlyList<StoredArticle> articles, int jobs, CancellationToken cancellationToken,
        Action<StoredArticle, Annotated> write, Func<StoredArticle, CancellationToken, Annotated> annotate)
    {
        if (jobs == 1 || articles.Count < 2)
        {
            foreach (var article in articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                write(article, annotate(article, cancellationToken));
            }

            return;
        }

        using var results = new BlockingCollection<(StoredArticle Article, Annotated Result)>();
        var workers = Task.Run(() =>
        {
            try
            {
                Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken },
                    article => results.Add((article, annotate(article, cancellationToken))));
            }
            finally
            {
                results.CompleteAdding();
            }
        }, CancellationToken.None);
        foreach (var (article, result) in results.GetConsumingEnumerable(CancellationToken.None))
        {
            write(article, result);
        }

        // Rethrows what a worker threw (a cancellation, a stage's bug) once the written ones are in.
        workers.GetAwaiter().GetResult();
    }

    public void Write(StoredArticle article, Document document, StageFailure? failure, Action<string>? problem, string version)
    {
        if (failure is not null)
        {
            problem?.Invoke($"{article.Origin}: actors not found: {failure}");
            store.ReplaceArticleActors(article.Id, [], [], [], [], version);
            return;
        }

        store.ReplaceArticleActors(article.Id, document.Actors!, document.Claims!, document.Events!, document.Relations!, version);
    }
}
