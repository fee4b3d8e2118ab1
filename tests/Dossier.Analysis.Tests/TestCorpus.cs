using Dossier.Analysis;
using Dossier.Core.Actors;
using Dossier.Core.Analysis;
using Dossier.Core.Documents;
using Dossier.Core.Facts;

namespace Dossier.Analysis.Tests;

/// <summary>Builds a small corpus by hand: articles with their mentions, and the facts found in them.</summary>
internal sealed class TestCorpus
{
    private readonly List<ArticleReading> articles = [];
    private readonly Dictionary<string, EntitySummary> entities = new(StringComparer.Ordinal);

    public List<ClaimRow> Claims { get; } = [];

    public List<EventRow> Events { get; } = [];

    public List<RelationRow> Relations { get; } = [];

    public EventActor Entity(string id, string name, ActorKind kind)
    {
        entities[id] = new EntitySummary(id, name, kind, 1, 1, [new SpellingCount(name, 1)]);
        return new EventActor(id, name);
    }

    /// <summary>An article whose mentions are every occurrence of the given words, joined to the given entities.</summary>
    public ArticleId Article(string text, string? outlet = null, string? published = null, ArticleId? copyOf = null, IReadOnlyList<string>? notices = null, params (string Words, string EntityId, MentionForm Form)[] mentions)
    {
        var id = new ArticleId($"{articles.Count + 1:x2}".PadRight(32, '0'));
        var spans = new List<EntityMentionSpan>();
        foreach (var (words, entityId, form) in mentions)
        {
            for (var at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + words.Length, StringComparison.Ordinal))
            {
                var entity = entities[entityId];
                spans.Add(new EntityMentionSpan(at, at + words.Length, form, entityId, entity.Name, entity.Kind));
            }
        }

        articles.Add(new ArticleReading(id, "Title " + articles.Count, outlet, published, copyOf, text.Split(' ').Length, text, [.. spans.OrderBy(s => s.Start)], notices ?? []));
        return id;
    }

    public ClaimRow Claim(ArticleId article, string speaker, string? speakerId, Modality modality, string content, ClaimForm form = ClaimForm.IndirectSpeech, string cue = "said")
    {
        var reading = articles.Single(a => a.Id == article);
        var start = reading.Text.IndexOf(content, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the claim's content is not in the article: {content}");
        var claim = new ClaimRow(article, reading.Title, reading.Outlet, reading.Published, form, modality, cue, speaker, speakerId, speakerId is null ? null : entities[speakerId].Name,
            null, null, content, reading.Text, start, start + content.Length, []);
        Claims.Add(claim);
        return claim;
    }

    public EventRow Event(ArticleId article, EventType type, EventActor? place, string evidence, DateOnly? date = null, IReadOnlyList<EventActor>? agents = null, IReadOnlyList<EventActor>? targets = null, string? saidBy = null, params EventCountRow[] counts)
    {
        var reading = articles.Single(a => a.Id == article);
        var row = new EventRow(article, reading.Title, reading.Outlet, reading.Published, type, "attacked", date, date, date is null ? null : "day", null, place, agents ?? [], targets ?? [], counts, saidBy, evidence);
        Events.Add(row);
        return row;
    }

    public RelationRow Relation(ArticleId article, RelationKind kind, EventActor source, EventActor target, string polarity = "asserted", string? saidBy = null)
    {
        var reading = articles.Single(a => a.Id == article);
        var row = new RelationRow(article, reading.Outlet, kind, source, target, "cue", polarity, saidBy, $"{source.Name} {kind} {target.Name}.");
        Relations.Add(row);
        return row;
    }

    public static EventCountRow Killed(long low, string bound = "exact") => new(CountKind.Killed, low, null, bound, low.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public CorpusFacts Build() => new(articles, [.. entities.Values], Claims, Events, Relations);
}
