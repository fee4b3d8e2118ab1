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
public sealed class IngestJob(IDossierStore store, ArticleReader reader, ArticleCleaner cleaner, TimeProvider clock, Func<Stream> openStandardInput)
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
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            observer.FileStarted(file.Path);
            var outcomes = file.IsStandardInput
                ? reader.Read(file, openStandardInput(), cancellationToken)
                : reader.Read(file, cancellationToken);
            foreach (var outcome in outcomes)
            {
                switch (outcome)
                {
                    case ReadOutcome.Refused refusal:
                        Refuse(refusal.Origin, refusal.Reason);
                        continue;
                    case ReadOutcome.Article article:
                        read++;
                        var document = cleaner.Clean(article.Raw);
                        if (string.IsNullOrWhiteSpace(document.Text))
                        {
                            Refuse(article.Raw.Origin.ToString(), "no article text left after cleaning");
                            continue;
                        }

                        var result = store.AddArticle(document, MinHashSignature.FromNormalizedText(document.IdentityText));
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
                        break;
                }
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
}
