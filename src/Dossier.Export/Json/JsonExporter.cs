using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Core.Actors;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Storage;

namespace Dossier.Export.Json;

/// <summary>
/// Everything in one JSON document: articles' metadata, entities with their spellings, and every
/// relation, event and claim as one sentence reports it, with its evidence (article, outlet,
/// sentence, speaker). Written with <see cref="Utf8JsonWriter"/> and flushed as it goes.
/// </summary>
internal static class JsonExporter
{
    /// <summary>Bytes the writer may hold before it is flushed to the stream.</summary>
    private const int FlushAt = 64 * 1024;

    public static void Write(IDossierStore store, ExportFilter filter, Stream output, ExportCounter counter)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions
        {
            // Read by people and scripts, never pasted into a page: keep quotes and letters as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,

            // The writer's nesting checks took a sixth of the export's time (57 s to 46-48 s for 100,000
            // articles); the tests parse every export back, which checks the same nesting.
            SkipValidation = true,
        });
        json.WriteStartObject();
        json.WriteString("format", "dossier-export");
        json.WriteNumber("version", 1);
        json.WriteStartObject("filter");
        json.WriteString("actor", filter.EntityId);
        WriteDate(json, "from", filter.From);
        WriteDate(json, "to", filter.To);
        json.WriteEndObject();

        Section(json, "articles", store.ReadArticles(filter), counter, WriteArticle);
        Section(json, "entities", store.ReadEntities(filter), counter, WriteEntity);
        Section(json, "relations", store.ReadRelations(filter, byTie: false), counter, WriteRelation);
        Section(json, "events", store.ReadEvents(filter), counter, WriteEvent);
        Section(json, "claims", store.ReadClaims(filter), counter, WriteClaim);
        json.WriteEndObject();
        json.Flush();
    }

    private static void Section<T>(Utf8JsonWriter json, string name, IEnumerable<T> rows, ExportCounter counter, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            write(json, row);
            counter.Count(name);
            if (json.BytesPending > FlushAt)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteArticle(Utf8JsonWriter json, ExportArticle article)
    {
        json.WriteStartObject();
        json.WriteString("id", article.Id.Value);
        json.WriteString("title", article.Title);
        json.WriteString("outlet", article.Outlet);
        json.WriteString("author", article.Author);
        json.WriteString("url", article.Url);
        json.WriteString("published", article.Published);
        json.WriteString("copy_of", article.CopyOf?.Value);
        if (article.CopySimilarity is { } similarity)
        {
            json.WriteNumber("copy_similarity", Math.Round(similarity, 4));
        }
        else
        {
            json.WriteNull("copy_similarity");
        }

        json.WriteNumber("words", article.WordCount);
        json.WriteString("origin", article.OriginPath);
        json.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter json, ExportEntity entity)
    {
        json.WriteStartObject();
        json.WriteString("id", entity.Id);
        json.WriteString("name", entity.Name);
        json.WriteString("kind", entity.Kind.ToName());
        json.WriteNumber("mentions", entity.Mentions);
        json.WriteNumber("articles", entity.Articles);
        json.WriteStartArray("spellings");
        foreach (var spelling in entity.Spellings)
        {
            json.WriteStartObject();
            json.WriteString("text", spelling.Text);
            json.WriteNumber("count", spelling.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRelation(Utf8JsonWriter json, ExportRelation relation)
    {
        json.WriteStartObject();
        json.WriteString("id", FactId(relation.Source, 'r', relation.Ordinal));
        json.WriteString("kind", relation.Kind.ToName());
        WriteActor(json, "source", relation.From);
        WriteActor(json, "target", relation.To);
        json.WriteString("cue", relation.Cue);
        json.WriteString("modality", relation.Modality.ToString().ToLowerInvariant());
        WriteEvidence(json, relation.Source, relation.Published, relation.Sentence, relation.Speaker);
        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, ExportEvent report)
    {
        json.WriteStartObject();
        json.WriteString("id", FactId(report.Source, 'e', report.Ordinal));
        json.WriteString("type", report.Type.ToName());
        json.WriteString("trigger", report.Trigger);
        WriteDate(json, "date_first", report.DateFirst);
        WriteDate(json, "date_last", report.DateLast);
        json.WriteString("date_precision", report.DatePrecision);
        json.WriteString("date_text", report.DateText);
        if (report.Place is { } place)
        {
            WriteActor(json, "place", place);
        }
        else
        {
            json.WriteNull("place");
        }

        WriteActors(json, "agents", report.Agents);
        WriteActors(json, "targets", report.Targets);
        json.WriteStartArray("counts");
        foreach (var count in report.Counts)
        {
            json.WriteStartObject();
            json.WriteString("kind", count.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("low", count.Low);
            if (count.High is { } high)
            {
                json.WriteNumber("high", high);
            }
            else
            {
                json.WriteNull("high");
            }

            json.WriteString("bound", count.Bound);
            json.WriteString("text", count.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("modality", report.Modality.ToString().ToLowerInvariant());
        WriteEvidence(json, report.Source, report.Published, report.Sentence, report.Speaker);
        json.WriteEndObject();
    }

    private static void WriteClaim(Utf8JsonWriter json, ExportClaim claim)
    {
        json.WriteStartObject();
        json.WriteString("id", FactId(claim.Source, 'c', claim.Ordinal));
        json.WriteString("form", claim.Form switch
        {
            ClaimForm.DirectQuote => "quote",
            ClaimForm.IndirectSpeech => "reported-speech",
            _ => "according-to",
        });
        json.WriteString("modality", claim.Modality.ToString().ToLowerInvariant());
        json.WriteString("cue", claim.Cue);
        json.WriteString("content", claim.Content);
        if (claim.Affiliation is { } affiliation)
        {
            WriteActor(json, "speaks_for", affiliation);
        }
        else
        {
            json.WriteNull("speaks_for");
        }

        WriteEvidence(json, claim.Source, claim.Published, claim.Sentence, claim.Speaker);
        json.WriteEndObject();
    }

    /// <summary>A fact's id: its article and its place among that article's facts of its kind.</summary>
    public static string FactId(ReportSource source, char kind, int ordinal) =>
        string.Create(CultureInfo.InvariantCulture, $"{source.ArticleId.Value}:{kind}{ordinal}");

    private static void WriteEvidence(Utf8JsonWriter json, ReportSource source, string? published, string sentence, ExportSpeaker? speaker)
    {
        json.WriteStartObject("evidence");
        json.WriteString("article", source.ArticleId.Value);
        json.WriteString("outlet", source.Outlet);
        json.WriteString("published", published);
        json.WriteString("copy_of", source.CopyOf?.Value);
        json.WriteString("sentence", sentence);
        if (speaker is null)
        {
            json.WriteNull("speaker");
        }
        else
        {
            json.WriteStartObject("speaker");
            json.WriteString("text", speaker.Text);
            json.WriteString("actor", speaker.EntityId);
            json.WriteString("name", speaker.Name);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter json, string name, ExportActor actor)
    {
        json.WriteStartObject(name);
        WriteActorFields(json, actor);
        json.WriteEndObject();
    }

    private static void WriteActors(Utf8JsonWriter json, string name, IReadOnlyList<ExportActor> actors)
    {
        json.WriteStartArray(name);
        foreach (var actor in actors)
        {
            json.WriteStartObject();
            WriteActorFields(json, actor);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteActorFields(Utf8JsonWriter json, ExportActor actor)
    {
        json.WriteString("actor", actor.EntityId);
        json.WriteString("name", actor.Name);
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } value)
        {
            json.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
