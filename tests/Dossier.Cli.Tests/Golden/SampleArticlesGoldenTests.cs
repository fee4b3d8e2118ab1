using System.Globalization;
using System.Text;
using Dossier.Cli.Tests.Commands;
using Dossier.Core.Export;
using Dossier.Storage;
using Dossier.Tests.Shared;
using Xunit.Abstractions;

namespace Dossier.Cli.Tests.Golden;

/// <summary>
/// Pins the actors and facts that <c>dossier ingest</c> finds in each of the five sample articles,
/// one golden file per article (<c>Golden/NAME.txt</c>), so that a change anywhere in extraction,
/// linking or resolution shows in review as a diff of what was found. Regenerate on purpose:
/// <c>UPDATE_GOLDEN=1 dotnet test tests/Dossier.Cli.Tests -c Release --filter SampleArticlesGoldenTests</c>.
/// </summary>
public sealed class SampleArticlesGoldenTests(ListingCommandTests.SampleStore store, ITestOutputHelper output) : IClassFixture<ListingCommandTests.SampleStore>
{
    [Theory]
    [InlineData("000_ac65af662f8ebc5c")]
    [InlineData("001_4ed0ee6546685465")]
    [InlineData("002_6f2dabe29688e59e")]
    [InlineData("003_5239a062d73ba755")]
    [InlineData("004_21db872869ca31cf")]
    public void Golden_actors_and_facts_of_a_sample_article_are_unchanged(string article)
    {
        var report = SampleArticleReport.Of(store.Database, article + ".txt");

        GoldenFile.Check(Path.Combine(SourceDirectory(), article + ".txt"), report, output);
    }

    [Fact]
    public void Every_sample_article_has_a_golden_file()
    {
        if (GoldenFile.Updating)
        {
            // The theory above is writing them, maybe after this test has run.
            return;
        }

        var samples = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples", "libya"), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var golden = Directory.EnumerateFiles(SourceDirectory(), "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(samples, golden);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

/// <summary>
/// One article's actors, claims, events and ties as stable text: a line each, sorted within its
/// section, with no store-made ids or sequence numbers (they would change the file for reasons that
/// are not extraction). An actor named in a fact is written as the article names it, followed by
/// <c>[= NAME]</c> when resolution joined it to an actor of another name.
/// </summary>
internal static class SampleArticleReport
{
    public static string Of(string database, string fileName)
    {
        using var store = DossierStores.Open(database);
        var articleId = store.ListArticles().Single(a => Path.GetFileName(a.OriginPath) == fileName).Id;
        var entities = store.ReadEntities(ExportFilter.All).ToDictionary(e => e.Id, StringComparer.Ordinal);

        var actors = store.ListEntityMentions()
            .Where(m => Path.GetFileName(m.OriginPath) == fileName)
            .GroupBy(m => m.EntityId, StringComparer.Ordinal)
            .Select(g => $"{entities[g.Key].Name} ({entities[g.Key].Kind}): " + string.Join(", ",
                g.GroupBy(m => m.Text, StringComparer.Ordinal).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} x{s.Count()}")));

        string Actor(ExportActor? actor) =>
            actor is null ? "-"
            : actor.EntityId is { } id && entities.TryGetValue(id, out var entity) && entity.Name != actor.Name ? $"{actor.Name} [= {entity.Name}]"
            : actor.Name;
        string Speaker(ExportSpeaker? speaker) =>
            speaker is null ? "-" : speaker.Name is { } name && name != speaker.Text ? $"{speaker.Text} [= {name}]" : speaker.Text;
        string Actors(IEnumerable<ExportActor> list) => string.Join("; ", list.Select(Actor));

        var claims = store.ReadClaims(ExportFilter.All).Where(c => c.Source.ArticleId == articleId)
            .Select(c => $"{Speaker(c.Speaker)} | {c.Form} {c.Modality} '{c.Cue}' | affiliation {Actor(c.Affiliation)} | {c.Content}");
        var events = store.ReadEvents(ExportFilter.All).Where(e => e.Source.ArticleId == articleId)
            .Select(e => $"{e.Type} '{e.Trigger}' | agents {Actors(e.Agents)} | targets {Actors(e.Targets)} | place {Actor(e.Place)} | date {Date(e.DateFirst)}..{Date(e.DateLast)} {e.DatePrecision ?? "-"} '{e.DateText}'"
                + $" | counts {string.Join("; ", e.Counts.Select(n => $"{n.Kind} {n.Bound} {n.Low}{(n.High is { } high ? "-" + high.ToString(CultureInfo.InvariantCulture) : "")} '{n.Text}'"))} | {e.Modality} by {Speaker(e.Speaker)}");
        var relations = store.ReadRelations(ExportFilter.All).Where(r => r.Source.ArticleId == articleId)
            .Select(r => $"{Actor(r.From)} {r.Kind} {Actor(r.To)} | '{r.Cue}' | {r.Modality} by {Speaker(r.Speaker)}");

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {fileName}: what `dossier ingest samples/libya` finds in it\n");
        Section(text, "actors (name (kind): spellings in this article x mentions)", actors);
        Section(text, "claims (speaker | form modality 'cue' | affiliation | content)", claims);
        Section(text, "events (type 'trigger' | agents | targets | place | date | counts | modality by speaker)", events);
        Section(text, "ties (from kind to | 'cue' | modality by speaker)", relations);
        return text.ToString();
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var sorted = lines.Select(l => l.ReplaceLineEndings(" ")).Order(StringComparer.Ordinal).ToList();
        text.Append(CultureInfo.InvariantCulture, $"\n## {sorted.Count} {title}\n");
        foreach (var line in sorted)
        {
            text.Append(line).Append('\n');
        }
    }
}
