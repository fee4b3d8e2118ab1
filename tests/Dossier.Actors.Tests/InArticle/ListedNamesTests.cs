using Dossier.Actors.InArticle;
using Dossier.Actors.Lexicon;

namespace Dossier.Actors.Tests.InArticle;

public sealed class ListedNamesTests
{
    private static readonly AliasTable Aliases = AliasTable.Of(
    [
        new AliasEntry("QDe.004", "AL-QAIDA", "Al Qaeda", "a.k.a."),
        new AliasEntry("QDe.004", "AL-QAIDA", "The Base", "a.k.a."),
        new AliasEntry("QDe.115", "AL-QAIDA IN IRAQ", "Islamic State of Iraq", "a.k.a."),
    ]);

    private static List<string> Found(string text) => [.. new ListedNames(Aliases).Find(text).Select(o => text[o.Start..o.End])];

    [Fact]
    public void A_listed_primary_name_is_found_however_its_article_is_written()
    {
        Assert.Equal(["al-Qaida", "Al-Qaida in Iraq"], Found("A strike hit al-Qaida vehicles. Al-Qaida in Iraq denied it."));
    }

    [Fact]
    public void A_listed_name_is_found_only_where_its_words_are_capitalized()
    {
        Assert.Empty(Found("Troops left the base. An islamic state of iraq was never declared."));
        Assert.Equal(["Islamic State of Iraq"], Found("The Islamic State of Iraq claimed it."));
    }

    [Fact]
    public void A_listed_name_of_one_word_is_not_looked_for()
    {
        // "The Base" is one core word: too common to be read as a name.
        Assert.Empty(Found("They met at The Base camp."));
    }

    [Fact]
    public void A_name_the_recognizer_missed_but_the_list_holds_is_a_mention_of_its_own()
    {
        const string text = "A U.S. strike hit two al-Qaida vehicles near Sarmada.";
        var actors = new ArticleLinker(Articles.Countries, listed: new ListedNames(Aliases)).Link(Articles.Make(text, ("Sarmada", "LOC")));

        Assert.Contains(actors, a => a.Name == "al-Qaida");
    }
}
