using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Identity;
using Dossier.Core.Storage;

namespace Dossier.Storage.Tests;

/// <summary>
/// What every store must do. Each backend's test class derives from this and says how to open a fresh
/// store, so SQLite and PostgreSQL are held to the same behaviour.
/// </summary>
public abstract partial class DossierStoreContract : IDisposable
{
    private readonly List<IDossierStore> opened = [];

    protected abstract IDossierStore OpenFresh();

    /// <summary>Opens the same store again, as a later process would.</summary>
    protected abstract IDossierStore Reopen();

    protected IDossierStore Open()
    {
        var store = OpenFresh();
        opened.Add(store);
        return store;
    }

    protected IDossierStore OpenAgain()
    {
        var store = Reopen();
        opened.Add(store);
        return store;
    }

    [StoreFact]
    public void Store_adds_an_article_and_finds_it_by_id_and_by_prefix()
    {
        var store = Open();
        var document = Documents.Make(Documents.Story(1), outlet: "Libya Observer", title: "Fighting in Tripoli", published: "2019-04-16T14:38");

        var result = Add(store, document);

        Assert.Equal(AddOutcome.Stored, result.Outcome);
        var byId = Assert.IsType<ArticleLookup.Found>(store.FindArticle(document.Id.Value)).Article;
        var byPrefix = Assert.IsType<ArticleLookup.Found>(store.FindArticle(document.Id.Value[..8].ToUpperInvariant())).Article;
        Assert.Equal(document.Text, byId.Text);
        Assert.Equal(byId.Id, byPrefix.Id);
        Assert.Equal("Libya Observer", byId.Metadata.Outlet);
        Assert.Equal("Fighting in Tripoli", byId.Metadata.Title);
        Assert.Equal("2019-04-16T14:38", byId.Metadata.Published?.ToIso());
        Assert.Equal(DatePrecision.Minute, byId.Metadata.Published?.Precision);
        Assert.Equal(document.Removed, byId.Removed);
        Assert.Equal(document.Captions, byId.Captions);
        Assert.Equal(document.OffsetMap.Segments, byId.OffsetMap.Segments);
        Assert.Equal("test.txt", byId.Origin.Path);
        Assert.Null(byId.CopyOf);
        Assert.True(byId.WordCount > 300);
    }

    [StoreFact]
    public void Store_adds_nothing_for_an_article_it_already_has()
    {
        var store = Open();
        var document = Documents.Make(Documents.Story(2));
        Add(store, document);

        // Same words, different spacing, case and quotes: the same article.
        var again = Documents.Make("  " + document.Text.ToUpperInvariant().Replace(" ", "  \n", StringComparison.Ordinal) + " ", path: "other.txt");
        var result = Add(store, again);

        Assert.Equal(AddOutcome.Duplicate, result.Outcome);
        Assert.Equal(document.Id, result.Id);
        Assert.Equal(1, store.GetStatistics().Articles);
    }

    [StoreFact]
    public void Store_keeps_a_near_duplicate_as_a_copy_of_its_original()
    {
        var store = Open();
        var original = Documents.Make(Documents.Story(3), outlet: "Reuters");
        var edited = Documents.Make(original.Text.Replace("Tripoli", "the capital", StringComparison.Ordinal)[..^40] + " Reuters contributed to this report.", outlet: "Daily Copy");
        Add(store, original);

        var result = Add(store, edited);

        Assert.Equal(AddOutcome.NearDuplicate, result.Outcome);
        Assert.Equal(original.Id, result.OriginalId);
        Assert.InRange(result.Similarity, store.NearDuplicateThreshold, 1.0);
        var stored = Assert.IsType<ArticleLookup.Found>(store.FindArticle(edited.Id.Value)).Article;
        Assert.Equal(original.Id, stored.CopyOf);
        var copySource = Assert.Single(store.ListSources(), s => s.Outlet == "Daily Copy");
        Assert.Equal(1, copySource.Copies);
        Assert.Equal(0, copySource.Originals);
    }

    [StoreFact]
    public void Store_counts_a_copy_of_a_copy_against_the_first_original()
    {
        var store = Open();
        var original = Documents.Make(Documents.Story(4));
        var copy = Documents.Make(original.Text + " Copied by the first site.");
        var copyOfCopy = Documents.Make(copy.Text + " And again by a second.");
        Add(store, original);
        Add(store, copy);

        var result = Add(store, copyOfCopy);

        Assert.Equal(AddOutcome.NearDuplicate, result.Outcome);
        Assert.Equal(original.Id, result.OriginalId);
    }

    [StoreFact]
    public void Store_keeps_different_articles_apart()
    {
        var store = Open();
        for (var seed = 10; seed < 40; seed++)
        {
            Assert.Equal(AddOutcome.Stored, Add(store, Documents.Make(Documents.Story(seed))).Outcome);
        }

        Assert.Equal(30, store.GetStatistics().Articles);
        Assert.Equal(0, store.GetStatistics().Copies);
    }

    [StoreFact]
    public void Store_keeps_articles_when_opened_again()
    {
        var store = Open();
        var document = Documents.Make(Documents.Story(5));
        Add(store, document);
        store.Dispose();

        var reopened = OpenAgain();

        Assert.IsType<ArticleLookup.Found>(reopened.FindArticle(document.Id.Value));
        Assert.Equal(AddOutcome.Duplicate, Add(reopened, document).Outcome);
    }

    [StoreFact]
    public void Store_finds_nothing_for_an_unknown_or_malformed_id()
    {
        var store = Open();
        Add(store, Documents.Make(Documents.Story(6)));

        Assert.IsType<ArticleLookup.NotFound>(store.FindArticle("ffffffffffffffff"));
        Assert.IsType<ArticleLookup.NotFound>(store.FindArticle("not-an-id; DROP TABLE articles"));
        Assert.IsType<ArticleLookup.NotFound>(store.FindArticle(string.Empty));
    }

    [StoreFact]
    public void Store_reports_an_ambiguous_prefix_with_its_candidates()
    {
        var store = Open();
        var ids = new List<ArticleId>();
        for (var seed = 100; seed < 140; seed++)
        {
            ids.Add(Add(store, Documents.Make(Documents.Story(seed))).Id);
        }

        var shared = ids.GroupBy(id => id.Value[0]).First(g => g.Count() > 1);

        var lookup = store.FindArticle(shared.Key.ToString());

        var ambiguous = Assert.IsType<ArticleLookup.Ambiguous>(lookup);
        Assert.All(ambiguous.Candidates, id => Assert.StartsWith(shared.Key.ToString(), id.Value, StringComparison.Ordinal));
    }

    [StoreFact]
    public void Store_ranks_search_hits_and_marks_the_matched_words()
    {
        var store = Open();
        var about = Documents.Make("Khalifa Haftar launched an offensive on Tripoli. Haftar said the marshal's forces advanced. " + Documents.Story(7), title: "Haftar advances");
        var mentions = Documents.Make("A minor note on Haftar. " + Documents.Story(8));
        var unrelated = Documents.Make("Nothing about the commander here at all. " + Documents.Story(9).Replace("Haftar", "Someone", StringComparison.Ordinal));
        Add(store, about);
        Add(store, mentions);
        Add(store, unrelated);

        var hits = store.Search("haftar", 10, 0);

        Assert.Equal(about.Id, hits[0].Id);
        Assert.DoesNotContain(hits, h => h.Id == unrelated.Id);
        Assert.Contains("\u0002Haftar\u0003", hits[0].Snippet, StringComparison.Ordinal);
        Assert.Equal("Haftar advances", hits[0].Title);
    }

    [StoreTheory]
    [InlineData("\"unterminated phrase")]
    [InlineData("AND OR NOT")]
    [InlineData("NEAR(a b) * ^ : -")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("   ")]
    public void Store_search_never_fails_on_what_a_user_types(string query)
    {
        var store = Open();
        Add(store, Documents.Make(Documents.Story(11)));

        var hits = store.Search(query, 10, 0);

        Assert.NotNull(hits);
        Assert.NotNull(store.Search(query, 10, 0, SearchOrder.Newest));
        Assert.InRange(store.CountMatches(query, atMost: 5), 0, 1);
        Assert.Equal(1, store.GetStatistics().Articles);
    }

    [StoreFact]
    public void Store_search_pages_through_hits()
    {
        var store = Open();
        for (var seed = 200; seed < 215; seed++)
        {
            Add(store, Documents.Make("Misrata brigade report. " + Documents.Story(seed)));
        }

        var first = store.Search("misrata brigade", 10, 0);
        var second = store.Search("misrata brigade", 10, 10);

        Assert.Equal(10, first.Count);
        Assert.Equal(5, second.Count);
        Assert.Empty(first.Select(h => h.Id).Intersect(second.Select(h => h.Id)));
    }

    [StoreFact]
    public void Store_search_counts_matches_up_to_a_limit_and_lists_them_newest_first_when_asked()
    {
        var store = Open();
        var stored = new List<ArticleId>();
        for (var seed = 300; seed < 306; seed++)
        {
            var document = Documents.Make("Zintan brigade report. " + Documents.Story(seed));
            Add(store, document);
            stored.Add(document.Id);
        }

        var newest = store.Search("zintan", 4, 0, SearchOrder.Newest);

        Assert.Equal(6, store.CountMatches("zintan"));
        Assert.Equal(5, store.CountMatches("zintan", atMost: 5));
        Assert.Equal(0, store.CountMatches("   "));
        Assert.Equal(stored.AsEnumerable().Reverse().Take(4), newest.Select(h => h.Id));
        Assert.Contains("\u0002Zintan\u0003", newest[0].Snippet, StringComparison.Ordinal);
        Assert.Equal(stored.Take(2).Reverse(), store.Search("zintan", 10, 4, SearchOrder.Newest).Select(h => h.Id));
        Assert.Equal(6, store.Search("zintan", 10, 0).Count);
    }

    [StoreFact]
    public void Store_lists_sources_with_counts_and_date_range()
    {
        var store = Open();
        Add(store, Documents.Make(Documents.Story(20), outlet: "MintPress News", published: "2019-04-16"));
        Add(store, Documents.Make(Documents.Story(21), outlet: "MintPress News", published: "2019-05-02T10:00"));
        Add(store, Documents.Make(Documents.Story(22)));

        var sources = store.ListSources();

        var mint = sources[0];
        Assert.Equal("MintPress News", mint.Outlet);
        Assert.Equal(2, mint.Articles);
        Assert.Equal("2019-04-16", mint.FirstPublished);
        Assert.Equal("2019-05-02T10:00", mint.LastPublished);
        Assert.Contains(sources, s => s.Outlet == "(unknown outlet)" && s.Articles == 1);
    }

    [StoreFact]
    public void Store_records_ingest_runs_and_refusals()
    {
        var store = Open();
        var run = store.BeginIngestRun(["corpus/"], DateTimeOffset.UnixEpoch);
        store.RecordRefusal(run, "corpus/bad.bin", "binary file, not text");
        store.FinishIngestRun(run, new IngestRunSummary(3, 2, 0, 0, 1), DateTimeOffset.UnixEpoch.AddMinutes(1));

        var stats = store.GetStatistics();

        Assert.Equal(1, stats.Refusals);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(1), stats.LastIngest);
        Assert.True(stats.Bytes > 0);
    }

    [StoreFact]
    public void Store_keeps_an_articles_actors_with_their_mentions_and_reasons()
    {
        var store = Open();
        var document = Documents.Make("Khalifa Haftar met the LNA. Haftar spoke. " + Documents.Story(3));
        document.SetActors(
        [
            new ArticleActor(0, "Khalifa Haftar", ActorKind.Person, "the recognizer found a person",
                [new ActorMention(0, 14, MentionForm.Name, "first mention"), new ActorMention(28, 34, MentionForm.PartialName, "part of the full name")]),
            new ArticleActor(1, "Libyan National Army", ActorKind.ArmedGroup, "\"Army\"", [new ActorMention(23, 26, MentionForm.Acronym, "initials")]),
        ], "test-linker");
        Add(store, document);

        var chains = store.ReadChains().ToList();

        Assert.Equal(2, chains.Count);
        Assert.Equal(["Khalifa Haftar", "Haftar"], chains[0].Spellings);
        Assert.Equal(ActorKind.ArmedGroup, chains[1].Kind);
        Assert.Equal(["LNA"], chains[1].Acronyms);
        Assert.Empty(store.ArticlesNeedingActors("test-linker"));
        Assert.Equal([document.Id], store.ArticlesNeedingActors("a-newer-linker"));
    }

    [StoreFact]
    public void Store_replaces_an_articles_actors_and_lists_entities_by_any_spelling()
    {
        var store = Open();
        var document = Documents.Make("Khalifa Haftar and Haftar. " + Documents.Story(4));
        Add(store, document);
        Assert.Equal([document.Id], store.ArticlesNeedingActors("v1"));
        store.ReplaceArticleActors(document.Id,
        [
            new ArticleActor(0, "Khalifa Haftar", ActorKind.Person, "person",
                [new ActorMention(0, 14, MentionForm.Name, "first mention"), new ActorMention(19, 25, MentionForm.PartialName, "surname")]),
        ], [], [], [], "v1");
        var chain = Assert.Single(store.ReadChains());
        store.ReplaceEntities([new ResolvedEntity("e1", "Khalifa Haftar", ActorKind.Person, "person", [new ChainLink(chain.ArticleSeq, chain.Chain, "first", 1, "first")])]);

        var listed = Assert.Single(store.ListEntities(null, 10));
        Assert.Equal(2, listed.Mentions);
        Assert.Equal(1, listed.Articles);
        Assert.Equal(["Haftar", "Khalifa Haftar"], listed.Spellings.Select(s => s.Text).Order(StringComparer.Ordinal));
        Assert.Equal("e1", Assert.Single(store.FindEntities("HAFTAR")).Id);
        Assert.Empty(store.FindEntities("Sarraj"));
        Assert.Empty(store.ListEntities(ActorKind.Place, 10));
        var detail = store.GetEntity("e1")!;
        Assert.Equal("surname", detail.Names.Single(n => n.Text == "Haftar").Reason);
        Assert.Equal(document.Id, Assert.Single(detail.Appearances).ArticleId);
        Assert.Equal(["Khalifa Haftar", "Haftar"], store.ListEntityMentions().Select(m => m.Text));
    }

    [StoreFact]
    public void Store_keeps_overrides_in_order_across_reopening()
    {
        var store = Open();
        store.AddOverride(OverrideAction.Merge, "Haftar", ["Hifter"], DateTimeOffset.UnixEpoch);
        store.AddOverride(OverrideAction.Kind, "BZB", ["armed-group"], DateTimeOffset.UnixEpoch.AddMinutes(1));
        store.Dispose();

        var overrides = OpenAgain().ListOverrides();

        Assert.Equal([OverrideAction.Merge, OverrideAction.Kind], overrides.Select(o => o.Action));
        Assert.Equal(["Hifter"], overrides[0].Arguments);
        Assert.Equal("BZB", overrides[1].Subject);
    }

    public void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        Cleanup();
        GC.SuppressFinalize(this);
    }

    protected virtual void Cleanup()
    {
    }

    private static AddResult Add(IDossierStore store, Document document) =>
        store.AddArticle(document, MinHashSignature.FromText(document.Text));
}
