using Dossier.Actors.Lexicon;
using Dossier.Actors.Resolution;
using Dossier.Core.Actors;
using Dossier.Core.Documents;

namespace Dossier.Actors.Tests.Lexicon;

public sealed class AliasTableTests
{
    private static readonly AliasTable Table = AliasTable.Of(
    [
        new("XDe.001", "NORTHERN LIBERATION FRONT", "NORTHERN LIBERATION FRONT", "primary"),
        new("XDe.001", "NORTHERN LIBERATION FRONT", "People's Army of the North", "f.k.a."),
        new("XDe.002", "SOUTHERN GUARD", "SOUTHERN GUARD", "primary"),
        new("XDe.002", "SOUTHERN GUARD", "Sons of the River", "a.k.a."),
        new("XDe.003", "RIVER BRIGADE", "Sons of the River", "a.k.a."),
    ]);

    private static StoredChain Chain(int article, int chain, string name, ActorKind kind)
        => new(article, new ArticleId($"{article:x8}{new string('0', 24)}"), chain, name, kind, [name], [], 1);

    [Fact]
    public void A_name_is_found_whatever_its_case_articles_and_small_words()
    {
        Assert.Equal("XDe.001", Table.Find("the People’s Army in the North")?.Reference);
        Assert.Equal("XDe.001", Table.Find("Northern Liberation Front")?.Reference);
    }

    [Fact]
    public void A_name_listed_under_two_references_is_none_of_them()
        => Assert.Null(Table.Find("Sons of the River"));

    [Fact]
    public void The_resolver_joins_two_names_listed_as_one_organisation_and_names_the_listing()
    {
        var resolver = new ActorResolver(Articles.Countries, Table);
        StoredChain[] chains = [Chain(1, 0, "Northern Liberation Front", ActorKind.ArmedGroup), Chain(2, 0, "People's Army of the North", ActorKind.ArmedGroup), Chain(3, 0, "Sons of the River", ActorKind.ArmedGroup)];

        var result = resolver.Resolve(chains, []);

        Assert.Equal(2, result.Entities.Count);
        var front = result.Entities.Single(e => e.Members.Count == 2);
        var joined = front.Members.Single(m => m.ArticleSeq == 2);
        Assert.Equal("alias-table", joined.Rule);
        Assert.Contains("XDe.001", joined.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_un_list_gives_its_entities_names_without_acronyms_and_not_its_individuals()
    {
        var path = Path.Combine(Path.GetTempPath(), $"un-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.xml");
        File.WriteAllText(path, """
            <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>JOHN</FIRST_NAME><REFERENCE_NUMBER>XDi.001</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>
            <ENTITIES><ENTITY><FIRST_NAME>NORTHERN LIBERATION FRONT (NLF)</FIRST_NAME><REFERENCE_NUMBER>XDe.001 </REFERENCE_NUMBER>
            <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>NLF</ALIAS_NAME></ENTITY_ALIAS>
            <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>People's Army of the North</ALIAS_NAME></ENTITY_ALIAS>
            <ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS></ENTITY></ENTITIES></CONSOLIDATED_LIST>
            """);
        try
        {
            var table = AliasTable.FromUnConsolidatedList(path);

            Assert.Equal(2, table.Count);
            Assert.Equal("NORTHERN LIBERATION FRONT", table.Find("People's Army of the North")?.Primary);
            Assert.Null(table.Find("NLF"));
            Assert.Null(table.Find("John"));

            var copy = path + ".tsv";
            table.Write(copy);
            Assert.Equal("XDe.001", AliasTable.Load(copy).Find("Northern Liberation Front")?.Reference);
            File.Delete(copy);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
