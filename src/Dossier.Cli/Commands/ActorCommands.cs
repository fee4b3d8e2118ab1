using System.CommandLine;
using System.Globalization;
using Dossier.Cli.Output;
using Dossier.Core.Actors;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Nlp;
using Dossier.Nlp.Linking;
using Dossier.Pipeline;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>
/// The actor commands: <c>actors</c> lists them, <c>show</c> opens one by any spelling, and
/// <c>merge</c>, <c>split</c>, <c>rename</c> and <c>kind</c> store an analyst's correction that
/// every later linking applies again; <c>link</c> redoes the linking by hand.
/// </summary>
internal static class ActorCommands
{
    public static IEnumerable<Command> Create(CliEnvironment environment)
    {
        yield return Actors(environment);
        yield return Show(environment);
        yield return Merge(environment);
        yield return Split(environment);
        yield return Rename(environment);
        yield return Kind(environment);
        yield return Link(environment);
        yield return Worker(environment);
    }

    /// <summary>Annotates what has no actors yet and links all again; prints one summary line.</summary>
    public static bool RunLinking(CliEnvironment environment, IDossierStore store, bool quiet, CancellationToken cancellationToken, int jobs = 1)
        => OpenLinking(environment, store) is { } linking && RunLinking(environment, store, linking, quiet, cancellationToken, jobs);

    private static AnnotationWorker? OpenLinking(CliEnvironment environment, IDossierStore store)
    {
        var modelsDirectory = NlpModels.DefaultDirectory(environment.ApplicationDirectory);
        try
        {
            return AnnotationWorker.Open(store, modelsDirectory);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine($"dossier: cannot load the models in {modelsDirectory}: {exception.Message}; reinstall Dossier");
            return null;
        }
    }

    private static string Describe(LinkingProgress progress) => progress.Step switch
    {
        LinkingStep.Annotating => $"link: {Numbers.Format(progress.Done)}/{Numbers.Format(progress.Total)} articles annotated",
        LinkingStep.SecondLook => $"link: {Numbers.Format(progress.Done)}/{Numbers.Format(progress.Total)} articles looked at again with the names the corpus knows",
        _ when progress.Done < progress.Total => $"link: joining {Numbers.Format(progress.Total)} article actors into actors ...",
        _ => $"link: {Numbers.Format(progress.Total)} article actors joined",
    };

    private static bool RunLinking(CliEnvironment environment, IDossierStore store, AnnotationWorker linking, bool quiet, CancellationToken cancellationToken, int jobs)
    {
        var started = environment.Clock.GetTimestamp();
        var lastReport = started;
        var report = linking.Run(
            progress =>
            {
                // Every 5 s at most, so a small ingest says nothing; joining has no steps in between,
                // so a long linking says when it starts.
                var joins = progress.Step == LinkingStep.Joining && progress.Done == 0 && environment.Clock.GetElapsedTime(started) >= TimeSpan.FromSeconds(5);
                if (joins || environment.Clock.GetElapsedTime(lastReport) >= TimeSpan.FromSeconds(5))
                {
                    lastReport = environment.Clock.GetTimestamp();
                    environment.Error.WriteLine(Describe(progress));
                }
            },
            problem => environment.Error.WriteLine(problem),
            cancellationToken,
            jobs);
        foreach (var warning in report.Warnings)
        {
            environment.Error.WriteLine($"dossier: {warning}");
        }

        if (!quiet)
        {
            environment.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Linked: {report.ArticlesAnnotated} {(report.ArticlesAnnotated == 1 ? "article" : "articles")} annotated in {report.Annotating.TotalSeconds:0.0} s; " +
                $"{report.Chains} article actors joined into {report.Entities} actors in {report.Resolving.TotalSeconds:0.0} s."));
        }

        return true;
    }

    private static Command Actors(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var format = CommonOptions.Format(csv: true);
        var kind = new Option<string?>("--kind") { Description = $"Only actors of this kind: {ActorKinds.AllNames}.", HelpName = "KIND" };
        var top = new Option<int>("--top") { Description = "How many actors, most mentioned first.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var command = new Command("actors", "List the actors: one line per real-world actor, with its kind, mentions, articles and every spelling.")
        {
            database, format, kind, top,
        };
        command.SetAction(parse =>
        {
            ActorKind? wanted = null;
            if (parse.GetValue(kind) is { } text)
            {
                if (!ActorKinds.TryParse(text, out var parsed))
                {
                    environment.Error.WriteLine($"dossier: unknown kind {text}; kinds are {ActorKinds.AllNames}");
                    return ExitCodes.Failure;
                }

                wanted = parsed;
            }

            if (parse.GetValue(top) <= 0)
            {
                environment.Error.WriteLine("dossier: --top must be a positive number");
                return ExitCodes.Failure;
            }

            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var actors = store.ListEntities(wanted, parse.GetValue(top));
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                JsonOutput.Write(environment.Out, actors.Select(a => new
                {
                    id = a.Id,
                    name = a.Name,
                    kind = a.Kind.ToName(),
                    mentions = a.Mentions,
                    articles = a.Articles,
                    spellings = a.Spellings.Select(s => new { text = s.Text, count = s.Count }),
                }));
                return ExitCodes.Success;
            }

            if (parse.GetValue(format) is OutputFormat.Csv or OutputFormat.Tsv)
            {
                CsvOutput.Write(environment.Out, ["id", "name", "kind", "mentions", "articles", "spellings"],
                    actors.Select(a => (IReadOnlyList<string?>)
                    [
                        a.Id, a.Name, a.Kind.ToName(), a.Mentions.ToString(CultureInfo.InvariantCulture), a.Articles.ToString(CultureInfo.InvariantCulture),
                        string.Join("; ", a.Spellings.Select(s => s.Text)),
                    ]), parse.GetValue(format));
                return ExitCodes.Success;
            }

            if (actors.Count == 0)
            {
                environment.Out.WriteLine("No actors yet: ingest some articles first (dossier ingest PATH).");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Actor", "Kind", "Mentions", "Articles", "Spellings", "Id");
            foreach (var actor in actors)
            {
                table.AddRow(
                    Markup.Escape(actor.Name),
                    actor.Kind.ToName(),
                    Numbers.Format(actor.Mentions),
                    Numbers.Format(actor.Articles),
                    Markup.Escape(string.Join(", ", actor.Spellings.Take(8).Select(s => $"{s.Text} ×{s.Count}")) + (actor.Spellings.Count > 8 ? $", … {actor.Spellings.Count - 8} more" : "")),
                    actor.Id);
            }

            environment.CreateConsole().Write(table);
            environment.Out.WriteLine("dossier show NAME explains why each spelling was joined.");
            return ExitCodes.Success;
        });
        return command;
    }

    // An actor named in most of a large corpus appears in tens of thousands of articles: the table
    // shows the first ones, the JSON all.
    private const int ArticlesShown = 200;

    private static Command Show(CliEnvironment environment)
    {
        var name = new Argument<string>("NAME") { Description = "Any spelling of the actor (\"Hifter\", \"khaftar\", \"LNA\") or its id." };
        var database = CommonOptions.Database();
        var format = CommonOptions.Format();
        var command = new Command("show", "One actor's entry: its names with counts and why each was joined, its kind, and the articles that mention it.")
        {
            name, database, format,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var wanted = parse.GetValue(name)!;
            var entity = Resolve(environment, store, wanted);
            if (entity is null)
            {
                return ExitCodes.Failure;
            }

            var detail = store.GetEntity(entity.Id)!;
            var claimsBy = store.ListClaims(new Core.Facts.ClaimFilter(SpeakerEntityId: entity.Id, Limit: 1000));
            var claimsAbout = store.ListClaims(new Core.Facts.ClaimFilter(AboutEntityId: entity.Id, Limit: 1000));
            var relations = Dossier.Analysis.Copies.CopiedRelations.Fold(
                [.. store.ListRelations().Where(r => r.Source.EntityId == entity.Id || r.Target.EntityId == entity.Id)],
                Dossier.Analysis.Copies.ArticleCopies.Load(store));
            var events = store.ListEvents().Where(e => e.Agents.Concat(e.Targets).Append(e.Place).Any(a => a?.EntityId == entity.Id)).ToList();
            var labels = Dossier.Analysis.FramingReport.LabelsOf(
                Dossier.Analysis.CorpusFacts.LoadForLabels(store, [.. detail.Appearances.Select(a => a.ArticleId).Distinct()]), entity.Id);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                JsonOutput.Write(environment.Out, new
                {
                    id = detail.Summary.Id,
                    name = detail.Summary.Name,
                    kind = detail.Summary.Kind.ToName(),
                    kindReason = detail.KindReason,
                    mentions = detail.Summary.Mentions,
                    articles = detail.Summary.Articles,
                    spellings = detail.Names.Select(s => new { text = s.Text, count = s.Count, form = s.Form.ToString(), reason = s.Reason, firstArticle = s.FirstArticle.Value }),
                    appearances = detail.Appearances.Select(a => new
                    {
                        article = a.ArticleId.Value,
                        title = a.Title,
                        outlet = a.Outlet,
                        file = a.OriginPath,
                        name = a.ChainName,
                        mentions = a.Mentions,
                        rule = a.Rule,
                        score = a.Score,
                        reason = a.Detail,
                    }),
                    overrides = detail.Overrides,
                    relations = relations.Select(l => l.Relation).Select(r => new { kind = r.Kind.ToName(), source = r.Source.Name, target = r.Target.Name, cue = r.Cue, polarity = r.Polarity, saidBy = r.SaidBy, article = r.ArticleId.Value }),
                    events = events.Select(e => new { type = e.Type.ToName(), date = e.DateFirst?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), place = e.Place?.Name, evidence = e.Evidence, article = e.ArticleId.Value }),
                    claimsBy = claimsBy.Select(ClaimJson),
                    claimsAbout = claimsAbout.Select(ClaimJson),
                    labels = labels.Select(l => new
                    {
                        outlet = l.Outlet,
                        speaker = l.Speaker,
                        label = l.Label,
                        tone = Dossier.Analysis.LabelLexicon.ToName(l.Tone),
                        count = l.Count,
                        evidence = l.Uses.Select(u => new { article = u.Article.Value, words = u.Words, sentence = u.Evidence }),
                    }),
                });
                return ExitCodes.Success;
            }

            var console = environment.CreateConsole();
            var summary = detail.Summary;
            console.MarkupLine($"[bold]{Markup.Escape(summary.Name)}[/]  [dim]{summary.Id}[/]");
            console.MarkupLine($"kind: {summary.Kind.ToName()} [dim]({Markup.Escape(detail.KindReason)})[/]");
            console.MarkupLine($"{Numbers.Format(summary.Mentions)} mentions in {Numbers.Format(summary.Articles)} articles");
            console.WriteLine();
            console.MarkupLine("[bold]Names[/], and how each first joined the actor in its article");
            var names = new Table().AddColumns("Name", "Times", "Form", "Why (first use)");
            foreach (var name in detail.Names)
            {
                names.AddRow(Markup.Escape(name.Text), Numbers.Format(name.Count), name.Form.ToString(), Markup.Escape($"{name.Reason} [{name.FirstArticle.Short}]"));
            }

            console.Write(names);
            console.MarkupLine("[bold]Articles[/], and why each article's actor was joined to the others");
            var table = new Table().AddColumns("Article", "Named", "Mentions", "Joined because");
            foreach (var appearance in detail.Appearances.Take(ArticlesShown))
            {
                var article = $"{appearance.ArticleId.Short} {appearance.Title ?? Path.GetFileName(appearance.OriginPath)}";
                table.AddRow(
                    Markup.Escape(article.Length > 60 ? article[..59] + "…" : article),
                    Markup.Escape(appearance.ChainName),
                    Numbers.Format(appearance.Mentions),
                    Markup.Escape($"{appearance.Rule}: {appearance.Detail}"));
            }

            console.Write(table);
            if (detail.Appearances.Count > ArticlesShown)
            {
                console.MarkupLine($"[dim]… and {Numbers.Format(detail.Appearances.Count - ArticlesShown)} more articles; --format json lists them all.[/]");
            }

            if (relations.Count > 0)
            {
                var (roles, ties) = TieCount.Of(relations.Select(l => l.Relation), entity.Id);
                console.MarkupLine($"[bold]Roles and ties[/]: {Numbers.Count(roles, "role", "roles")} and {Numbers.Count(ties, "tie", "ties")}, stated in {Numbers.Count(relations.Count, "sentence", "sentences")} (dossier relations --actor gives them all)");
                RelationsCommand.Print(environment, [.. relations.Take(15)], OutputFormat.Table, relations.Count);
            }

            if (labels.Count > 0)
            {
                console.MarkupLine($"[bold]Labels[/]: what each outlet, and each speaker it quotes, calls {Markup.Escape(summary.Name)} (dossier sources --framing --actor gives them all)");
                var labelTable = new Table().AddColumns("Outlet", "Label", "Tone", "Times", "Whose words", "Example");
                foreach (var label in labels)
                {
                    var example = label.Uses[0];
                    labelTable.AddRow(
                        Markup.Escape(label.Outlet), Markup.Escape(label.Label), Dossier.Analysis.LabelLexicon.ToName(label.Tone), Numbers.Format(label.Count),
                        Markup.Escape(label.Speaker is null ? "the outlet's own" : $"quoting {label.Speaker}"),
                        Markup.Escape($"{example.Article.Short}: {FramingOutput.Around(example.Evidence, example.Words, 100)}"));
                }

                console.Write(labelTable);
            }

            if (events.Count > 0)
            {
                console.MarkupLine($"[bold]Events[/]: {events.Count} reports (dossier events --actor lists them)");
            }

            if (claimsBy.Count > 0)
            {
                console.MarkupLine($"[bold]What {Markup.Escape(summary.Name)} says[/] ({claimsBy.Count}; dossier claims --by gives them all)");
                ClaimsCommand.Print(environment, [.. claimsBy.Take(10)], OutputFormat.Table);
            }

            if (claimsAbout.Count > 0)
            {
                console.MarkupLine($"[bold]Claims about {Markup.Escape(summary.Name)}[/] ({claimsAbout.Count}; dossier claims --about gives them all)");
                ClaimsCommand.Print(environment, [.. claimsAbout.Take(10)], OutputFormat.Table);
            }

            if (detail.Overrides.Count > 0)
            {
                console.MarkupLine("[bold]Analyst overrides[/]");
                foreach (var line in detail.Overrides)
                {
                    console.MarkupLine("  " + Markup.Escape(line));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static object ClaimJson(Core.Facts.ClaimRow c) => new
    {
        article = c.ArticleId.Value,
        speaker = c.SpeakerText,
        speakerName = c.SpeakerName,
        cue = c.Cue,
        modality = c.Modality.ToString().ToLowerInvariant(),
        content = c.Content,
        evidence = c.Sentence,
        copiedBy = c.CopiedBy,
    };

    /// <summary>One entity by id, spelling, or a word or variant of its spellings; null when none or several.</summary>
    public static EntitySummary? FindQuietly(IDossierStore store, string wanted)
    {
        ArgumentNullException.ThrowIfNull(store);
        var found = store.FindEntities(wanted);
        if (found.Count == 1)
        {
            return found[0];
        }

        if (found.Count > 1)
        {
            return null;
        }

        var close = store.ListSpellings()
            .Where(s => s.Spelling.Split(' ', '-').Contains(wanted, StringComparer.OrdinalIgnoreCase)
                        || NameVariantMatcher.Match(wanted, s.Spelling).Score >= NameVariantMatcher.SameName)
            .Select(s => s.EntityId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return close.Count == 1 ? store.FindEntities(close[0]).FirstOrDefault() : null;
    }

    /// <summary>Finds one entity by id or spelling, or says what is near and returns null.</summary>
    private static EntitySummary? Resolve(CliEnvironment environment, IDossierStore store, string wanted)
    {
        var found = store.FindEntities(wanted);
        if (found.Count == 1)
        {
            return found[0];
        }

        if (found.Count > 1)
        {
            // A spelling shared by two actors: the caller must choose by id.
            environment.Error.WriteLine($"dossier: {wanted} names {found.Count} actors; use an id:");
            foreach (var entity in found)
            {
                environment.Error.WriteLine($"  {entity.Id}  {entity.Name} ({entity.Kind.ToName()}, {entity.Mentions} mentions)");
            }

            return null;
        }

        // "Hifter" when the articles wrote "Khalifa Hifter" and "Haftar": a word of a spelling, or a
        // spelling the name matcher joins, opens the actor when they all point to one.
        var spellings = store.ListSpellings();
        var close = spellings
            .Where(s => s.Spelling.Split(' ', '-').Contains(wanted, StringComparer.OrdinalIgnoreCase)
                        || NameVariantMatcher.Match(wanted, s.Spelling).Score >= NameVariantMatcher.SameName)
            .Select(s => s.EntityId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (close.Count == 1)
        {
            var entity = store.FindEntities(close[0]).FirstOrDefault();
            if (entity is not null)
            {
                environment.Error.WriteLine($"dossier: {wanted} is not written so in any article; it is a spelling of {entity.Name}");
                return entity;
            }
        }

        var suggestions = spellings
            .Select(s => (s.Spelling, s.EntityId, Score: Math.Max(NameVariantMatcher.Match(wanted, s.Spelling).Score, NameVariantMatcher.JaroWinkler(wanted.ToLowerInvariant(), s.Spelling.ToLowerInvariant()))))
            .Where(s => s.Score >= 0.8)
            .OrderByDescending(s => s.Score)
            .DistinctBy(s => s.EntityId)
            .Take(5)
            .ToList();
        if (suggestions.Count == 0)
        {
            environment.Error.WriteLine($"dossier: no actor is called {wanted}, and no name is near it; dossier actors lists them");
        }
        else
        {
            environment.Error.WriteLine($"dossier: no actor is called {wanted}. Did you mean:");
            foreach (var (spelling, id, _) in suggestions)
            {
                environment.Error.WriteLine($"  {spelling}  ({id})");
            }
        }

        return null;
    }

    private static Command Merge(CliEnvironment environment)
    {
        var first = new Argument<string>("A") { Description = "The actor that stays (any spelling or id)." };
        var second = new Argument<string>("B") { Description = "The actor joined to it (any spelling or id)." };
        var command = new Command("merge", "Join two actors into one, for good: the merge is stored and made again after every ingest.") { first, second };
        return Override(environment, command, OverrideAction.Merge, parse => (parse.GetValue(first)!, [parse.GetValue(second)!]));
    }

    private static Command Split(CliEnvironment environment)
    {
        var entity = new Argument<string>("ENTITY") { Description = "The actor to split (any spelling or id)." };
        var mentions = new Argument<string[]>("MENTION") { Description = "Spellings whose mentions leave it and become an actor of their own.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("split", "Take the mentions written a certain way out of an actor into a new one, for good.") { entity, mentions };
        return Override(environment, command, OverrideAction.Split, parse => (parse.GetValue(entity)!, parse.GetValue(mentions)!));
    }

    private static Command Rename(CliEnvironment environment)
    {
        var entity = new Argument<string>("ENTITY") { Description = "The actor (any spelling or id)." };
        var name = new Argument<string>("NAME") { Description = "The name to show it by." };
        var command = new Command("rename", "Choose the name an actor is shown by, for good.") { entity, name };
        return Override(environment, command, OverrideAction.Rename, parse => (parse.GetValue(entity)!, [parse.GetValue(name)!]));
    }

    private static Command Kind(CliEnvironment environment)
    {
        var entity = new Argument<string>("ENTITY") { Description = "The actor (any spelling or id)." };
        var kind = new Argument<string>("KIND") { Description = $"One of {ActorKinds.AllNames}." };
        var command = new Command("kind", "Set what kind of actor it is, for good.") { entity, kind };
        return Override(environment, command, OverrideAction.Kind, parse => (parse.GetValue(entity)!, [parse.GetValue(kind)!]));
    }

    private static Command Override(CliEnvironment environment, Command command, OverrideAction action, Func<ParseResult, (string Subject, string[] Arguments)> read)
    {
        var database = CommonOptions.Database();
        command.Add(database);
        command.SetAction((parse, cancellationToken) =>
        {
            var (subject, arguments) = read(parse);
            if (action == OverrideAction.Kind && !ActorKinds.TryParse(arguments[0], out _))
            {
                environment.Error.WriteLine($"dossier: unknown kind {arguments[0]}; kinds are {ActorKinds.AllNames}");
                return Task.FromResult(ExitCodes.Failure);
            }

            if (action == OverrideAction.Rename && string.IsNullOrWhiteSpace(arguments[0]))
            {
                environment.Error.WriteLine("dossier: the new name is empty");
                return Task.FromResult(ExitCodes.Failure);
            }

            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return Task.FromResult(ExitCodes.Failure);
            }

            // Every actor named must exist now; it is stored by the name the analyst used.
            var named = action == OverrideAction.Merge ? arguments.Prepend(subject) : [subject];
            foreach (var name in named)
            {
                if (Resolve(environment, store, name) is null)
                {
                    return Task.FromResult(ExitCodes.Failure);
                }
            }

            var target = Resolve(environment, store, subject)!;
            if (action == OverrideAction.Split)
            {
                var spellings = store.GetEntity(target.Id)!.Summary.Spellings.Select(s => s.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var missing = arguments.Where(a => !spellings.Contains(a)).ToList();
                if (missing.Count > 0)
                {
                    environment.Error.WriteLine($"dossier: {target.Name} has no mention written {string.Join(", ", missing)}; its spellings are {string.Join(", ", spellings)}");
                    return Task.FromResult(ExitCodes.Failure);
                }
            }

            store.AddOverride(action, subject, arguments, environment.Clock.GetUtcNow());
            var stored = store.ListOverrides()[^1];
            var linking = AnnotationWorker.Open(store, NlpModels.DefaultDirectory(environment.ApplicationDirectory));
            var resolution = linking.Resolve();
            var problem = resolution.Warnings.FirstOrDefault(w => w.StartsWith($"override {stored.Seq} ", StringComparison.Ordinal));
            if (problem is not null)
            {
                environment.Error.WriteLine($"dossier: {problem}");
                return Task.FromResult(ExitCodes.Failure);
            }

            var after = store.FindEntities(action == OverrideAction.Rename ? arguments[0] : subject).FirstOrDefault();
            environment.Out.WriteLine(action switch
            {
                OverrideAction.Merge => $"Merged {arguments[0]} into {after?.Name ?? subject}; {resolution.Entities.Count} actors now. Stored: every later ingest makes this merge again.",
                OverrideAction.Split => $"Split {string.Join(", ", arguments)} out of {target.Name}; {resolution.Entities.Count} actors now. Stored: every later ingest makes this split again.",
                OverrideAction.Rename => $"{target.Name} is now shown as {arguments[0]}. Stored for every later ingest.",
                _ => $"{after?.Name ?? subject} is now of kind {arguments[0]}. Stored for every later ingest.",
            });
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Link(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var jobs = CommonOptions.Jobs();
        var command = new Command("link", "Find the actors of articles that have none yet and join all actors again (ingest does this itself).") { database, jobs };
        command.SetAction((parse, cancellationToken) =>
        {
            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return Task.FromResult(ExitCodes.Failure);
            }

            return Task.FromResult(RunLinking(environment, store, quiet: false, cancellationToken, parse.GetValue(jobs)) ? ExitCodes.Success : ExitCodes.Failure);
        });
        return command;
    }

    private static Command Worker(CliEnvironment environment)
    {
        var database = CommonOptions.Database();
        var jobs = CommonOptions.Jobs();
        var follow = new Option<bool>("--follow")
        {
            Description = "Keep running: look for newly stored articles every --interval seconds until stopped (Ctrl+C).",
        };
        var interval = new Option<int>("--interval")
        {
            Description = "Seconds between looks for new articles with --follow.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 5,
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--interval must be at least 1 second");
            }
        });
        var command = new Command("worker",
            "Find actors and facts in stored articles that have none yet, then join all actors again. Several workers, in " +
            "one process or many, share one store: each takes articles in claims no other worker gets, and a worker killed " +
            "midway loses only its unfinished claim, which the next worker takes. Pair with `dossier ingest --no-link`.")
        {
            database, jobs, follow, interval,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var store = CommonOptions.OpenExistingStore(parse.GetValue(database)!, environment);
            if (store is null)
            {
                return ExitCodes.Failure;
            }

            var linking = OpenLinking(environment, store);
            if (linking is null)
            {
                return ExitCodes.Failure;
            }

            try
            {
                do
                {
                    if (store.ArticlesNeedingActors(linking.LinkerVersion).Count > 0)
                    {
                        if (!RunLinking(environment, store, linking, quiet: false, cancellationToken, parse.GetValue(jobs)))
                        {
                            return ExitCodes.Failure;
                        }
                    }
                    else if (!parse.GetValue(follow))
                    {
                        environment.Out.WriteLine("No article needs actors; nothing to do.");
                    }

                    if (parse.GetValue(follow))
                    {
                        await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(interval)), environment.Clock, cancellationToken);
                    }
                }
                while (parse.GetValue(follow));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                environment.Error.WriteLine("worker: stopped; finished claims are stored, an unfinished one is left for the next worker");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
