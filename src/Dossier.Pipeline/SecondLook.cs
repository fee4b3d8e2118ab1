using Dossier.Actors.InArticle;
using Dossier.Core.Documents;
using Dossier.Core.Pipeline;
using Dossier.Core.Storage;

namespace Dossier.Pipeline;

/// <summary>
/// The corpus-wide second look at the articles annotated once: a name the recognizer found in some
/// article ("Benghazi Defense Brigade", "GNA") but missed in this one is looked up in its text, and
/// the article is annotated again with it when it is there and not yet among the article's names.
/// The names known are taken once, when every article has had its first look.
/// </summary>
/// <remarks>
/// It comes after the first look over the whole corpus, not after each article's: it needs the
/// names of every article, so it starts only once no article is left without its first look, those
/// other workers hold included. An article between the two looks is stored with
/// <see cref="PendingVersion"/>, so a worker killed in between leaves it for the next worker's
/// second look, never skipped.
/// </remarks>
internal sealed class SecondLook(IDossierStore store, ArticleClaims claims, Func<KnownNames, ArticleStages> stagesKnowing, string linkerVersion)
{
    /// <summary>
    /// The layers an article has when the second look links it again: the cleaned text, its tokens
    /// and sentences (made again, cheaply and identically), and the tags and entity mentions its
    /// first look found (<see cref="RecognizedLayers"/>). The stages it runs are checked against
    /// these when they are built.
    /// </summary>
    public static IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer>(PipelineBuilder.CleanedLayers.Concat(
        [DocumentLayer.Tokens, DocumentLayer.Sentences, DocumentLayer.PartsOfSpeech, DocumentLayer.EntityMentions]));

    /// <summary>
    /// The version an article's actors carry between the two looks: annotated by
    /// <paramref name="linkerVersion"/>, not yet looked at again with the names the whole corpus knows.
    /// </summary>
    public static string PendingVersion(string linkerVersion) => linkerVersion + "; first look";

    /// <summary>
    /// Looks again at every article stored with <see cref="PendingVersion"/> and stores each with the
    /// linker version: annotated again when it holds a name the corpus knows and it lacks, as it was
    /// otherwise. <paramref name="recognized"/> holds what this run's first look found, so that those
    /// articles are linked again without the tagger and recognizer; an article not in it (annotated
    /// by another worker, or a run that was stopped) is annotated from the start.
    /// </summary>
    public void Run(RecognizedLayers? recognized, int jobs, Action<LinkingProgress>? progress, Action<string>? problem, CancellationToken cancellationToken)
    {
        var secondLook = new LinkerVersions.Exactly(PendingVersion(linkerVersion));
        var total = store.CountArticles(secondLook);
        if (total == 0)
        {
            return;
        }

        var chains = store.ReadChains().ToList();
        var known = new KnownNames(
            chains.SelectMany(c => c.Spellings.Concat(c.Spellings.Count > 0 ? c.Acronyms : []).Select(name => (name, c.Kind))),
            chains.Where(c => c.Spellings.Count > 0 && c.Descriptions is not null).SelectMany(c => c.Descriptions!.Select(d => (d, c.Name, c.Kind))));
        var namesOf = chains.GroupBy(c => c.ArticleId)
            .ToDictionary(g => g.Key, g => g.SelectMany(c => c.Spellings.Concat(c.Acronyms).Append(c.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase));
        chains.Clear();
        var stages = new StagePool(() => stagesKnowing(known));
        var done = 0;
        claims.ClaimAll(secondLook, cancellationToken, articles =>
        {
            // Which articles hold a known name they do not have yet: looked up on every thread.
            var holds = articles.AsParallel().AsOrdered().WithDegreeOfParallelism(jobs).WithCancellation(cancellationToken)
                .Select(article => namesOf.GetValueOrDefault(article.Id) is var own
                                   && (known.Find(article.Text, name => own is not null && own.Contains(name) && known.Uses(name) <= 1).Any(o => !(own?.Contains(o.Name) ?? false))
                                       || KnownNames.CapitalizedWords(article.Text).Any(w => article.Text[w.Start..w.End] is var word
                                                                                             && !(own?.Contains(word) ?? false) && known.SpellingOf(word) is not null)
                                       || (known.DescriptionCount > 0 && ArticleLinker.GovernmentDescriptions(article.Text).Any(d => known.DescribedAs(d) is not null))))
                .ToArray();
            var wanted = new List<StoredArticle>();
            for (var i = 0; i < articles.Count; i++)
            {
                var article = articles[i];
                if (holds[i])
                {
                    wanted.Add(article);
                }
                else
                {
                    store.SetLinkerVersion(article.Id, linkerVersion);
                    progress?.Invoke(new LinkingProgress(LinkingStep.SecondLook, ++done, Math.Max(total, done)));
                }
            }

            ArticleClaims.Annotate(wanted, jobs, cancellationToken, (article, found) =>
                {
                    claims.Write(article, found.Document, found.Failure, problem, linkerVersion);
                    progress?.Invoke(new LinkingProgress(LinkingStep.SecondLook, ++done, Math.Max(total, done)));
                },
                (article, token) => recognized is { } kept ? stages.Relink(article, kept, token) : stages.Run(article, token));
        });
    }
}
