using Dossier.Core.Documents;
using Dossier.Core.Identity;
using Dossier.Core.Storage;

namespace Dossier.Storage.Tests;

/// <summary>Claims: how workers share the articles that need actors.</summary>
public abstract partial class DossierStoreContract
{
    private const string Linker = "linker 1";

    private static readonly LinkerVersions Needing = new LinkerVersions.NoneOf([Linker]);

    [StoreFact]
    public void A_claim_takes_articles_needing_actors_in_the_order_stored_up_to_its_size()
    {
        var store = Open();
        var ids = AddStories(store, 5);

        using var claim = store.ClaimArticles(Needing, 3);

        Assert.Equal(ids.Take(3), claim.Articles);
    }

    [StoreFact]
    public void A_completed_claim_keeps_what_was_written_and_the_next_claim_takes_the_rest()
    {
        var store = Open();
        var ids = AddStories(store, 5);

        using (var claim = store.ClaimArticles(Needing, 3))
        {
            foreach (var id in claim.Articles)
            {
                store.ReplaceArticleActors(id, [], [], [], [], Linker);
            }

            claim.Complete();
        }

        using var next = store.ClaimArticles(Needing, 10);
        Assert.Equal(ids.Skip(3), next.Articles);
        Assert.Equal(ids.Skip(3), store.ArticlesNeedingActors(Linker));
    }

    [StoreFact]
    public void A_claim_given_up_without_completing_leaves_its_articles_for_the_next_worker()
    {
        var store = Open();
        var ids = AddStories(store, 4);

        using (var claim = store.ClaimArticles(Needing, 4))
        {
            store.ReplaceArticleActors(claim.Articles[0], [], [], [], [], Linker);
            store.Flush(); // a flush inside a claim must not commit half of it
        }

        Assert.Equal(ids, store.ArticlesNeedingActors(Linker));
        using var again = store.ClaimArticles(Needing, 4);
        Assert.Equal(ids, again.Articles);
    }

    [StoreFact]
    public void A_claim_completed_is_kept_when_the_store_is_opened_again()
    {
        var store = Open();
        var ids = AddStories(store, 2);
        using (var claim = store.ClaimArticles(Needing, 1))
        {
            store.ReplaceArticleActors(claim.Articles[0], [], [], [], [], Linker);
            claim.Complete();
        }

        store.Dispose();
        var reopened = OpenAgain();

        Assert.Equal(ids.Skip(1), reopened.ArticlesNeedingActors(Linker));
        Assert.Equal(ids, reopened.ArticlesNeedingActors("linker 2"));
    }

    [StoreFact]
    public void A_claim_is_empty_when_every_article_has_actors_from_this_linker()
    {
        var store = Open();
        var ids = AddStories(store, 2);
        foreach (var id in ids)
        {
            store.ReplaceArticleActors(id, [], [], [], [], Linker);
        }

        store.Flush();

        using var claim = store.ClaimArticles(Needing, 10);
        Assert.Empty(claim.Articles);
    }

    [StoreFact]
    public void Articles_are_counted_and_claimed_by_the_version_that_made_their_actors()
    {
        var store = Open();
        var ids = AddStories(store, 4);
        store.ReplaceArticleActors(ids[0], [], [], [], [], "first look");
        store.SetLinkerVersion(ids[1], "first look");
        store.SetLinkerVersion(ids[2], Linker);
        store.Flush();

        Assert.Equal(2, store.CountArticles(new LinkerVersions.Exactly("first look")));
        Assert.Equal(1, store.CountArticles(new LinkerVersions.NoneOf([Linker, "first look"])));
        Assert.Equal(3, store.CountArticles(Needing));
        Assert.Equal(4, store.CountArticles(new LinkerVersions.NoneOf([])));
        using var claim = store.ClaimArticles(new LinkerVersions.Exactly("first look"), 10);
        Assert.Equal(ids.Take(2), claim.Articles);
    }

    [StoreFact]
    public void Setting_the_version_of_a_missing_article_is_an_error()
    {
        var store = Open();

        Assert.Throws<StoreException>(() => store.SetLinkerVersion(new ArticleId("0123456789abcdef"), Linker));
    }

    private static List<ArticleId> AddStories(IDossierStore store, int count)
    {
        var ids = new List<ArticleId>();
        for (var i = 0; i < count; i++)
        {
            var document = Documents.Make(Documents.Story(100 + i), path: $"story-{i}.txt");
            Assert.NotEqual(AddOutcome.Duplicate, store.AddArticle(document, MinHashSignature.FromNormalizedText(document.IdentityText)).Outcome);
            ids.Add(document.Id);
        }

        store.Flush();
        return ids;
    }
}
