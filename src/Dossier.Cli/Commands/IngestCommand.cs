using System.CommandLine;
using System.Globalization;
using Dossier.Cli.Output;
using Dossier.Core.Documents;
using Dossier.Core.Storage;
using Dossier.Ingest;
using Dossier.Ingest.Jobs;
using Dossier.Storage;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier ingest PATH...</c>: read, clean and store articles, and say what was refused and why.</summary>
internal static class IngestCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files, folders (read recursively), globs such as 'news/**/*.html', or - for standard input. " +
                          "Formats: plain text, HTML, JSON lines (.jsonl: one article object a line), RSS and Atom.",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format();
        var maxFileSize = new Option<int>("--max-file-size")
        {
            Description = "Refuse files larger than this many megabytes (JSON lines files are streamed and exempt).",
            HelpName = "MB",
            DefaultValueFactory = _ => 50,
        };
        var maxArticleWords = new Option<int>("--max-article-words")
        {
            Description = "Refuse an article with more words than this after cleaning (the rest of its file goes on): its cost grows with its words.",
            HelpName = "N",
            DefaultValueFactory = _ => new ReaderOptions().MaxArticleWords,
        };
        var noLink = new Option<bool>("--no-link")
        {
            Description = "Only store the articles; find and join their actors later with dossier link.",
        };
        var jobs = CommonOptions.Jobs();
        var command = new Command("ingest", "Read articles into the store: clean them, drop exact duplicates, link near-duplicates to their original, then find the actors in them and join them across articles.")
        {
            paths, database, format, maxFileSize, maxArticleWords, noLink, jobs,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var megabytes = parse.GetValue(maxFileSize);
            if (megabytes <= 0)
            {
                environment.Error.WriteLine("dossier: --max-file-size must be a positive number of megabytes");
                return Task.FromResult(ExitCodes.Failure);
            }

            if (parse.GetValue(maxArticleWords) <= 0)
            {
                environment.Error.WriteLine("dossier: --max-article-words must be a positive number of words");
                return Task.FromResult(ExitCodes.Failure);
            }

            var options = new ReaderOptions { MaxFileBytes = megabytes * 1024L * 1024L, MaxArticleWords = parse.GetValue(maxArticleWords) };
            return Task.FromResult(Run(environment, parse.GetValue(database)!, parse.GetValue(paths)!, options, parse.GetValue(format), cancellationToken, link: !parse.GetValue(noLink), jobs: parse.GetValue(jobs)));
        });
        return command;
    }

    public static int Run(CliEnvironment environment, string databasePath, IReadOnlyList<string> inputs, ReaderOptions options,
        OutputFormat format, CancellationToken cancellationToken, bool link = true, int jobs = 1)
    {
        if (!DossierStores.Exists(databasePath) && NothingToRead(environment, inputs))
        {
            // A mistyped path must not leave an empty store behind that later commands take for a real one.
            environment.Error.WriteLine($"dossier: nothing to read; {databasePath} was not created");
            return ExitCodes.SomeRefused;
        }

        using var store = CommonOptions.OpenStore(databasePath, environment);
        if (store is null)
        {
            return ExitCodes.Failure;
        }

        IngestReport report;
        try
        {
            report = Ingest(environment, store, inputs, options, cancellationToken, jobs);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or IOException)
        {
            // A full disk or a store locked for too long stops the run; what was committed stays.
            environment.Error.WriteLine($"dossier: {store.Location}: {exception.Message.ReplaceLineEndings(" ")}; articles stored before this are kept, run the same ingest again to finish");
            return ExitCodes.Failure;
        }

        PrintReport(environment, store, report, format);
        if (link)
        {
            try
            {
                if (!ActorCommands.RunLinking(environment, store, quiet: format == OutputFormat.Json, cancellationToken, jobs))
                {
                    return ExitCodes.Failure;
                }
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or IOException)
            {
                environment.Error.WriteLine($"dossier: {store.Location}: linking stopped: {exception.Message.ReplaceLineEndings(" ")}; the articles are stored, run dossier link to finish");
                return ExitCodes.Failure;
            }
        }

        return report.Refused == 0 ? ExitCodes.Success : ExitCodes.SomeRefused;
    }

    /// <summary>True when no input names a file, after saying why for each one.</summary>
    private static bool NothingToRead(CliEnvironment environment, IReadOnlyList<string> inputs)
    {
        var refusals = new List<ExpandOutcome.Refused>();
        foreach (var outcome in InputExpander.Expand(inputs))
        {
            if (outcome is ExpandOutcome.Refused refused)
            {
                refusals.Add(refused);
            }
            else
            {
                return false;
            }
        }

        foreach (var refused in refusals)
        {
            environment.Error.WriteLine($"{refused.Path}: {refused.Reason}");
        }

        return true;
    }

    /// <summary>Runs the ingest with a progress bar on a terminal and plain lines otherwise.</summary>
    public static IngestReport Ingest(CliEnvironment environment, IDossierStore store, IReadOnlyList<string> inputs,
        ReaderOptions options, CancellationToken cancellationToken, int jobs = 1)
    {
        var job = new IngestJob(store, new ArticleReader(options), new ArticleCleaner(), environment.Clock, environment.OpenStandardInput, jobs);
        if (!environment.IsInteractive)
        {
            return job.Run(inputs, new PlainObserver(environment), cancellationToken);
        }

        var refusals = new List<string>();
        var console = environment.CreateConsole();
        var report = console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => job.Run(inputs, new ProgressObserver(context, refusals), cancellationToken));
        foreach (var line in refusals)
        {
            environment.Error.WriteLine(line);
        }

        return report;
    }

    private static void PrintReport(CliEnvironment environment, IDossierStore store, IngestReport report, OutputFormat format)
    {
        var statistics = store.GetStatistics();
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(environment.Out, new
            {
                store = store.Location,
                files = report.Files,
                read = report.Read,
                stored = report.Stored,
                duplicates = report.Duplicates,
                nearDuplicates = report.NearDuplicates,
                refused = report.Refused,
                seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                articlesInStore = statistics.Articles,
            });
            return;
        }

        var seconds = report.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? report.Read / seconds : 0;
        var output = environment.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {report.Read} {Plural(report.Read, "article")} from {report.Files} {Plural(report.Files, "file")} in {seconds:0.0} s ({rate:0} articles/s)."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stored           {report.Stored,8}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  duplicates       {report.Duplicates,8}   already in the store, nothing added"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  near-duplicates  {report.NearDuplicates,8}   stored as copies of an earlier article"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  refused          {report.Refused,8}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Store {store.Location}: {statistics.Articles} {Plural(statistics.Articles, "article")} ({statistics.Copies} {Plural(statistics.Copies, "copy", "copies")})."));
    }

    private static string Plural(int count, string one, string? many = null) => count == 1 ? one : many ?? one + "s";

    private sealed class PlainObserver(CliEnvironment environment) : IIngestObserver
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
        private long lastReport;
        private int files;
        private int filesDone;
        private int articles;

        public void Started(int files)
        {
            this.files = files;
            lastReport = environment.Clock.GetTimestamp();
        }

        public void FileStarted(string path)
        {
            filesDone++;
            Tick();
        }

        public void Added(Document document, AddResult result)
        {
            articles++;
            Tick();
        }

        public void Refused(string origin, string reason) => environment.Error.WriteLine($"{origin}: {reason}");

        public void Noted(string origin, string note) => environment.Error.WriteLine($"{origin}: {note}");

        // Plain lines for logs and pipes, at most one every few seconds so a long run shows it is alive.
        private void Tick()
        {
            if (environment.Clock.GetElapsedTime(lastReport) < Interval)
            {
                return;
            }

            lastReport = environment.Clock.GetTimestamp();
            environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: file {filesDone}/{files}, {articles} articles read"));
        }
    }

    private sealed class ProgressObserver(ProgressContext context, List<string> refusals) : IIngestObserver
    {
        private ProgressTask? task;
        private int articles;

        public void Started(int files) => task = context.AddTask($"Reading {files} files", maxValue: Math.Max(1, files));

        public void FileStarted(string path)
        {
            task?.Increment(1);
        }

        public void Added(Document document, AddResult result)
        {
            articles++;
            if (task is not null && articles % 50 == 0)
            {
                task.Description = string.Create(CultureInfo.InvariantCulture, $"{articles} articles");
            }
        }

        public void Refused(string origin, string reason) => refusals.Add($"{origin}: {reason}");

        public void Noted(string origin, string note) => refusals.Add($"{origin}: {note}");
    }
}
