using System.Text.Json;

namespace Dossier.Cli.Tests.Commands;

// The tests that only read share one ingest of the samples (the class fixture); the ones that change
// the store ingest their own.
public sealed class ActorCommandsTests(ListingCommandTests.SampleStore samples) : IClassFixture<ListingCommandTests.SampleStore>
{
    private static List<JsonElement> Actors(string database)
    {
        var actors = CliRun.Run("actors", "--db", database, "--top", "500", "--format", "json");
        Assert.True(actors.ExitCode == 0, actors.Error);
        return [.. actors.Json.EnumerateArray()];
    }

    private static IReadOnlyList<string> Spellings(JsonElement actor)
        => [.. actor.GetProperty("spellings").EnumerateArray().Select(s => s.GetProperty("text").GetString()!)];

    private static Workspace IngestSamples()
    {
        var workspace = new Workspace();
        var ingest = CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.Contains("Linked: 5 articles annotated", ingest.Out, StringComparison.Ordinal);
        return workspace;
    }

    [Theory]
    [InlineData("Haftar", "Khaftar", "Haftaru", "Huftar", "Khalifa Haftar", "Khalifa Hifter", "Hoftar", "Caliph Haftar")]
    [InlineData("Fayez al-Sarraj", "Fayez al-Serraj", "Faiz Saraj", "Saraj")]
    [InlineData("Ahmed Mismari", "Ahmed Al-Mismari", "Ahmad Al-Mesmari", "Mesmari")]
    [InlineData("Libyan National Army", "LNA")]
    [InlineData("Government of National Accord", "GNA", "the UN-recognized government", "internationally recognized government")]
    [InlineData("Benghazi Defense Brigade", "Benghazi Defense Brigades", "BZB", "BOB")]
    [InlineData("Ansar al-Sharia", "Ansar Sharia")]
    [InlineData("Al-Qaida", "al Qaeda", "Kaida", "Al-Qaeda", "al-Qaeda")]
    [InlineData("Islamic State", "ISIS")]
    [InlineData("Turkey", "Ankara")]
    [InlineData("United States", "U.S.", "Washington")]
    public void Every_spelling_of_a_sample_actor_is_one_actor_listed_once(params string[] spellings)
    {
        var actors = Actors(samples.Database);

        var holding = actors.Where(a => Spellings(a).Intersect(spellings, StringComparer.Ordinal).Any()).ToList();
        var actor = Assert.Single(holding);
        Assert.All(spellings, s => Assert.Contains(s, Spellings(actor)));
    }

    [Theory]
    [InlineData("Hifter")]
    [InlineData("khaftar")]
    [InlineData("KHALIFA HAFTAR")]
    public void Show_opens_khalifa_haftar_by_any_spelling_with_the_reason_for_each(string name)
    {
        var show = CliRun.Run("show", name, "--db", samples.Database, "--format", "json");

        Assert.True(show.ExitCode == 0, show.Error);
        var actor = show.Json;
        Assert.Equal("Khalifa Haftar", actor.GetProperty("name").GetString());
        Assert.Equal("person", actor.GetProperty("kind").GetString());
        Assert.Equal(5, actor.GetProperty("articles").GetInt32());
        var huftar = actor.GetProperty("spellings").EnumerateArray().Single(s => s.GetProperty("text").GetString() == "Huftar");
        Assert.Contains("Khalifa Haftar", huftar.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.All(actor.GetProperty("appearances").EnumerateArray(), a => Assert.False(string.IsNullOrEmpty(a.GetProperty("reason").GetString())));
    }

    [Fact]
    public void Show_as_a_table_prints_names_reasons_and_articles()
    {
        var show = CliRun.Run("show", "Hifter", "--db", samples.Database);

        Assert.True(show.ExitCode == 0, show.Error);
        Assert.Contains("Khalifa Haftar", show.Out, StringComparison.Ordinal);
        Assert.Contains("Why (first use)", show.Out, StringComparison.Ordinal);
        Assert.Contains("Jihadists in Libya retreat", show.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_counts_roles_ties_and_their_sentences_as_the_actors_dossier_page_does()
    {
        using var workspace = IngestSamples();
        var id = CliRun.Run("show", "Khalifa Haftar", "--db", workspace.Database, "--format", "json").Json.GetProperty("id").GetString()!;
        await using var server = await Dossier.Web.DossierServer.StartAsync(
            new Dossier.Web.DossierWebOptions { DatabasePath = workspace.Database, Port = 0 }, CancellationToken.None);
        using var client = new HttpClient { BaseAddress = server.Address };
        var dossier = JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/actors/{id}", UriKind.Relative))).RootElement;

        var show = CliRun.Run("show", "Khalifa Haftar", "--db", workspace.Database);

        // The page's count (actor.js, groupTies): one tie per kind, direction and other actor; its
        // roles are the lead, spokesperson and member ties the actor holds, listed apart.
        static int Grouped(IEnumerable<JsonElement> ties, string self) => ties.Select(t =>
        {
            var active = t.GetProperty("source").GetProperty("id").GetString() == self;
            var other = t.GetProperty(active ? "target" : "source");
            return (t.GetProperty("kind").GetString(), active, other.GetProperty("id").GetString() ?? other.GetProperty("name").GetString());
        }).Distinct().Count();
        var all = dossier.GetProperty("ties").EnumerateArray().ToList();
        var roles = Grouped(dossier.GetProperty("roles").EnumerateArray(), id);
        var ties = Grouped(all.Where(t => !(t.GetProperty("source").GetProperty("id").GetString() == id && t.GetProperty("group").GetString() == "leads")), id);
        Assert.True(show.ExitCode == 0, show.Error);
        Assert.True(all.Count > 15, $"{all.Count} sentences: too few to see the first 15 said to be a part");
        Assert.Equal(all.Count, dossier.GetProperty("totals").GetProperty("ties").GetInt32());
        var text = System.Text.RegularExpressions.Regex.Replace(show.Out, @"\s+", " ");
        Assert.Contains($"{roles} role{(roles == 1 ? "" : "s")} and {ties} tie{(ties == 1 ? "" : "s")}, stated in {all.Count} sentences", text, StringComparison.Ordinal);
        Assert.Contains($"The first 15 of {all.Count} relations.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_suggests_near_names_when_none_matches_or_several_do()
    {
        // No article writes "Seif Gaddafi": the son's full name is suggested.
        var near = CliRun.Run("show", "Seif Gaddafi", "--db", samples.Database);
        var far = CliRun.Run("show", "Zanzibar Quux", "--db", samples.Database);

        Assert.Equal(2, near.ExitCode);
        Assert.Contains("Did you mean", near.Error, StringComparison.Ordinal);
        Assert.Contains("Gaddafi", near.Error, StringComparison.Ordinal);
        Assert.Equal(2, far.ExitCode);
        Assert.Contains("no actor is called Zanzibar Quux", far.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Actors_filters_by_kind_and_refuses_an_unknown_kind()
    {
        var states = CliRun.Run("actors", "--db", samples.Database, "--kind", "state", "--format", "json");
        var wrong = CliRun.Run("actors", "--db", samples.Database, "--kind", "wizard");

        Assert.All(states.Json.EnumerateArray(), a => Assert.Equal("state", a.GetProperty("kind").GetString()));
        Assert.Contains(states.Json.EnumerateArray(), a => a.GetProperty("name").GetString() == "Turkey");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("unknown kind wizard", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_always_win_and_survive_a_later_ingest()
    {
        using var workspace = IngestSamples();

        Assert.Equal(0, CliRun.Run("rename", "Khaftar", "Khalifa Belqasim Haftar", "--db", workspace.Database).ExitCode);
        Assert.Equal(0, CliRun.Run("kind", "BBC", "organization", "--db", workspace.Database).ExitCode);
        var merge = CliRun.Run("merge", "Ansar al-Sharia", "Council of Benghazi Revolutionaries’ Shura", "--db", workspace.Database);
        Assert.True(merge.ExitCode == 0, merge.Error);
        var split = CliRun.Run("split", "Haftar", "Khalifa Hifter", "--db", workspace.Database);
        Assert.True(split.ExitCode == 0, split.Error);

        var extra = workspace.Write("extra/new.txt", "Khalifa Haftar visited Benghazi on Monday. Haftar met the BBC there.");
        var ingest = CliRun.Run("ingest", extra, "--db", workspace.Database);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.DoesNotContain("override", ingest.Error, StringComparison.Ordinal);

        var actors = Actors(workspace.Database);
        // A split moves each article's actor written so: the one article that spells it Hifter.
        var haftar = actors.Single(a => a.GetProperty("name").GetString() == "Khalifa Belqasim Haftar");
        Assert.Equal(5, haftar.GetProperty("articles").GetInt32());
        Assert.Contains("Khalifa Haftar", Spellings(haftar));
        Assert.DoesNotContain("Khalifa Hifter", Spellings(haftar));
        Assert.Equal(1, actors.Single(a => Spellings(a).Contains("Khalifa Hifter")).GetProperty("articles").GetInt32());
        Assert.Equal("organization", actors.Single(a => a.GetProperty("name").GetString() == "BBC").GetProperty("kind").GetString());
        var ansar = actors.Single(a => Spellings(a).Contains("Ansar al-Sharia"));
        Assert.Contains("Council of Benghazi Revolutionaries’ Shura", Spellings(ansar));
    }

    [Fact]
    public void An_override_naming_a_missing_actor_is_a_clear_error_and_stores_nothing()
    {
        using var workspace = IngestSamples();

        var merge = CliRun.Run("merge", "Haftar", "Nobody At All", "--db", workspace.Database);
        var split = CliRun.Run("split", "Haftar", "Sarraj", "--db", workspace.Database);
        var kind = CliRun.Run("kind", "Haftar", "wizard", "--db", workspace.Database);

        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("no actor is called Nobody At All", merge.Error, StringComparison.Ordinal);
        Assert.Equal(2, split.ExitCode);
        Assert.Contains("has no mention written Sarraj", split.Error, StringComparison.Ordinal);
        Assert.Equal(2, kind.ExitCode);
        var show = CliRun.Run("show", "Haftar", "--db", workspace.Database, "--format", "json");
        Assert.Empty(show.Json.GetProperty("overrides").EnumerateArray());
    }

    [Fact]
    public void Ingest_without_linking_leaves_actors_to_dossier_link()
    {
        using var workspace = new Workspace();
        CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database, "--no-link");
        Assert.Empty(Actors(workspace.Database));

        var link = CliRun.Run("link", "--db", workspace.Database);

        Assert.True(link.ExitCode == 0, link.Error);
        Assert.Contains("5 articles annotated", link.Out, StringComparison.Ordinal);
        Assert.Contains(Actors(workspace.Database), a => a.GetProperty("name").GetString() == "Khalifa Haftar");
    }
}

public sealed class EvalActorsCommandTests(ListingCommandTests.SampleStore samples) : IClassFixture<ListingCommandTests.SampleStore>
{
    private static string Gold => Path.Combine(AppContext.BaseDirectory, "gold", "actors.json");

    [Fact]
    public void The_sample_actors_make_no_false_merge_against_the_hand_written_gold()
    {
        var eval = CliRun.Run("eval", "actors", "--gold", Gold, "--db", samples.Database, "--format", "json");

        Assert.True(eval.ExitCode == 0, eval.Error);
        var overall = eval.Json.GetProperty("overall");
        // The gold lists every form an analyst would track (descriptions, capitals standing for their
        // state, Russian place spellings); the bar is no false merge and no slide below today's recall.
        Assert.True(overall.GetProperty("precision").GetDouble() >= 0.98, eval.Out);
        Assert.True(overall.GetProperty("f1").GetDouble() >= 0.82, eval.Out);
        Assert.True(eval.Json.GetProperty("pairwise").GetProperty("precision").GetDouble() >= 0.98, eval.Out);
        Assert.Empty(eval.Json.GetProperty("merges").EnumerateArray());

        // The actors that hold no gold form are counted and named, and the kinds scored against the gold types.
        Assert.Equal(eval.Json.GetProperty("spurious").GetInt32(), eval.Json.GetProperty("spurious_actors").GetArrayLength());
        Assert.True(eval.Json.GetProperty("spurious").GetInt32() < eval.Json.GetProperty("actors").GetInt32(), eval.Out);
        Assert.True(eval.Json.GetProperty("kind_accuracy").GetDouble() >= 0.9, eval.Out);
        Assert.True(eval.Json.GetProperty("overall_article_aside").GetProperty("f1").GetDouble() >= overall.GetProperty("f1").GetDouble(), eval.Out);
    }

    [Fact]
    public void A_malformed_gold_file_is_one_clear_line()
    {
        using var workspace = new Workspace();
        CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database);
        var bad = workspace.Write("bad.json", "{\"entities\": [{\"id\": \"x\"}]}");

        var eval = CliRun.Run("eval", "actors", "--gold", bad, "--db", workspace.Database);

        Assert.Equal(2, eval.ExitCode);
        Assert.Contains("entity x has no \"type\"", eval.Error, StringComparison.Ordinal);
    }
}
