using System.Globalization;
using Dossier.Core.Documents;
using Dossier.Core.Identity;
using Dossier.Core.Storage;

namespace Dossier.Ingest.Jobs;

/// <summary>What the ingest tells its caller as it goes, for progress bars and refusal lines.</summary>
public interface IIngestObserver
{
    /// <summary>All inputs are expanded; <paramref name="files"/> files will be read.</summary>
    void Started(int files);

    void FileStarted(string path);

    void Added(Document document, AddResult result);

    /// <summary>A file, line or item that was not stored, with a one-line reason.</summary>
    void Refused(string origin, string reason);

    /// <summary>An article stored without part of its input that may be text, with a one-line note saying what.</summary>
    void Noted(string origin, string note);
}

/// <summary>The outcome of one ingest, as printed at its end.</summary>
public sealed record IngestReport(int Files, int Read, int Stored, int Duplicates, int NearDuplicates, int Refused, TimeSpan Elapsed, long WordsStored)
{
    public IngestRunSummary ToSummary() => new(Read, Stored, Duplicates, NearDuplicates, Refused);
}

/// <summary>
/// Read, clean, fingerprint and store: the ingest data flow for one batch of inputs. Bad input costs
/// its own file, line or item and nothing else; an article is stored whole or not at all.
/// </summary>
public sealed class IngestJob(IDossierStore store, ArticleReader reader, ArticleCleaner cleaner, TimeProvider clock, Func<Stream> openStandardInput, int jobs = 1)
{
    public IngestReport Run(IReadOnlyList<string> inputs, IIngestObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(observer);
        var started = clock.GetTimestamp();
        var runId = store.BeginIngestRun(inputs, clock.GetUtcNow());
        var files = new List<InputFile>();
        var refused = 0;
        foreach (var outcome in InputExpander.Expand(inputs))
        {
            switch (outcome)
            {
                case ExpandOutcome.File file:
                    files.Add(file.Input);
                    break;
                case ExpandOutcome.Refused refusal:
                    Refuse(refusal.Path, refusal.Reason);
                    break;
            }
        }

        observer.Started(files.Count);
        int read = 0, stored = 0, duplicates = 0, nearDuplicates = 0;
        long words = 0;
        InputFile? current = null;
        foreach (var item in Prepare(files, cancellationToken))
        {
            if (!ReferenceEquals(item.File, current))
            {
                current = item.File;
                observer.FileStarted(item.File.Path);
            }

            switch (item.Outcome)
            {
                case ReadOutcome.Refused refusal:
                    Refuse(refusal.Origin, refusal.Reason);
                    continue;
                case ReadOutcome.Article article:
                    read++;
                    if (item.Signature is not { } signature)
                    {
                        Refuse(article.Raw.Origin.ToString(), "no article text left after cleaning");
                        continue;
                    }

                    var document = item.Document!;
                    var result = store.AddArticle(document, signature);
                    switch (result.Outcome)
                    {
                        case AddOutcome.Stored:
                            stored++;
                            break;
                        case AddOutcome.NearDuplicate:
                            nearDuplicates++;
                            break;
                        default:
                            duplicates++;
                            break;
                    }

                    if (result.Outcome != AddOutcome.Duplicate)
                    {
                        words += TextNormalizer.CountWords(document.Text);
                    }

                    observer.Added(document, result);
                    if (result.Outcome != AddOutcome.Duplicate)
                    {
                        foreach (var hidden in document.Removed.Where(r => r.Reason == RemovalReason.HiddenText))
                        {
                            observer.Noted(document.Origin.ToString(), $"stored without text found inside <{hidden.Rule["html-".Length..]}>, which a browser does not show: \"{hidden.Preview}\"");
                        }
                    }

                    break;
            }
        }

        var report = new IngestReport(files.Count, read, stored, duplicates, nearDuplicates, refused, clock.GetElapsedTime(started), words);
        store.FinishIngestRun(runId, report.ToSummary(), clock.GetUtcNow());
        return report;

        void Refuse(string origin, string reason)
        {
            refused++;
            store.RecordRefusal(runId, origin, reason);
            observer.Refused(origin, reason);
        }
    }

    /// <summary>A file's article or refusal, with the article cleaned and fingerprinted when it has text left.</summary>
    private sealed record Prepared(InputFile File, ReadOutcome Outcome, Document? Document, MinHashSignature? Signature);

    /// <summary>
    /// Reads the files in order and cleans and fingerprints their articles, on <c>jobs</c> threads
    /// when asked; the results come in input order, so which of two copies is the original does not
    /// depend on the threads.
    /// </summary>
    private IEnumerable<Prepared> Prepare(List<InputFile> files, CancellationToken cancellationToken)
    {
        var items = Read(files, cancellationToken);
        if (jobs == 1)
        {
            return items.Select(Clean);
        }

        return Unwrapped(items.AsParallel().AsOrdered().WithDegreeOfParallelism(jobs).WithCancellation(cancellationToken).Select(Clean));
    }

    private IEnumerable<(InputFile File, ReadOutcome Outcome)> Read(List<InputFile> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcomes = file.IsStandardInput
                ? reader.Read(file, openStandardInput(), cancellationToken)
                : reader.Read(file, cancellationToken);
            foreach (var outcome in outcomes)
            {
                yield return (file, outcome);
            }
        }
    }

    private Prepared Clean((InputFile File, ReadOutcome Outcome) item)
    {
        if (item.Outcome is not ReadOutcome.Article article)
        {
            return new Prepared(item.File, item.Outcome, null, null);
        }

        var document = cleaner.Clean(article.Raw);

        // Counted on the clean text, as the annotators see it, and here, before the store or the
        // linker spends anything on it.
        var words = TextNormalizer.CountWords(document.Text);
        if (words > reader.Options.MaxArticleWords)
        {
            return new Prepared(item.File, new ReadOutcome.Refused(article.Raw.Origin.ToString(), string.Create(CultureInfo.InvariantCulture,
                $"article has {words:N0} words, over the {reader.Options.MaxArticleWords:N0}-word limit (--max-article-words); split it or raise the limit")), null, null);
        }

        return string.IsNullOrWhiteSpace(document.Text)
            ? new Prepared(item.File, item.Outcome, document, null)
            : new Prepared(item.File, item.Outcome, document, MinHashSignature.FromNormalizedText(document.IdentityText));
    }

    /// <summary>Rethrows what a thread threw (a full disk, a cancellation) as itself rather than wrapped.</summary>
    private static IEnumerable<T> Unwrapped<T>(IEnumerable<T> source)
    {
        using var enumerator = source.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(aggregate.InnerExceptions[0]);
            }

            yield return enumerator.Current;
        }
    }
}
