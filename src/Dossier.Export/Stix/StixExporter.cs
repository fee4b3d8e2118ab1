using Dossier.Core.Documents;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Core.Actors;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Storage;
using Dossier.Export.Graph;
using Dossier.Export.Json;

namespace Dossier.Export.Stix;

/// <summary>
/// A STIX 2.1 bundle: an identity per person, government, state, organisation or outlet; a
/// threat-actor per armed group or movement; a location per place or facility; a report per article
/// (pointing at the actors it names and the notes made of its facts); a relationship per tie; a note
/// per event report and per claim; and an opinion where a denial answers an accusation made earlier
/// in the same article. Ids are UUIDv5 of our own ids. Properties STIX has no name for carry the
/// <c>x_dossier_</c> prefix.
/// </summary>
internal static class StixExporter
{
    private const int FlushAt = 64 * 1024;

    public static void Write(IDossierStore store, ExportFilter filter, Stream output, ExportOptions options, ExportCounter counter)
    {
        var stamp = Timestamp(options.Timestamp);
        // No nesting checks, as in the JSON export: the tests parse every bundle back and validate each object.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
        json.WriteStartObject();
        json.WriteString("type", "bundle");
        json.WriteString("id", StixIds.Of("bundle", $"{filter.EntityId}|{filter.From}|{filter.To}"));
        json.WriteStartArray("objects");

        // Objects written so far, by our id: a reference is only made to an object in the bundle.
        var actors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in store.ReadEntities(filter))
        {
            var id = WriteEntity(json, entity, stamp);
            actors[entity.Id] = id;
            Next(json, counter, id);
        }

        var reports = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in store.ReadArticles(filter))
        {
            var refs = article.EntityIds.Where(actors.ContainsKey).Select(e => actors[e])
                .Concat(article.Events.Select(o => StixIds.Of("note", EventKey(article.Id.Value, o))))
                .Concat(article.Claims.Select(o => StixIds.Of("note", ClaimKey(article.Id.Value, o))))
                .ToList();
            if (refs.Count == 0)
            {
                // A report must point at something; an article with no actor and no fact has nothing to point at.
                continue;
            }

            reports.Add(article.Id.Value);
            var id = StixIds.Of("report", article.Id.Value);
            Common(json, "report", id, stamp);
            json.WriteString("name", article.Title ?? article.OriginPath);
            json.WriteStartArray("report_types");
            json.WriteStringValue("threat-report");
            json.WriteEndArray();
            json.WriteString("published", Published(article) ?? stamp);
            Strings(json, "object_refs", refs);
            json.WriteStartArray("external_references");
            json.WriteStartObject();
            json.WriteString("source_name", article.Outlet ?? "unknown outlet");
            if (article.Url is { } url)
            {
                json.WriteString("url", url);
            }

            json.WriteString("external_id", article.Id.Value);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("x_dossier_article", article.Id.Value);
            Optional(json, "x_dossier_outlet", article.Outlet);
            Optional(json, "x_dossier_published", article.Published);
            Optional(json, "x_dossier_copy_of", article.CopyOf?.Value);
            json.WriteEndObject();
            Next(json, counter, id);
        }

        foreach (var tie in TieAggregator.Read(store, filter))
        {
            if (!actors.TryGetValue(tie.Source, out var source) || !actors.TryGetValue(tie.Target, out var target))
            {
                continue;
            }

            var id = StixIds.Of("relationship", $"{tie.Source}|{tie.Kind.ToName()}|{tie.Target}");
            Common(json, "relationship", id, stamp);
            json.WriteString("relationship_type", tie.Kind.ToName().Replace('_', '-'));
            json.WriteString("source_ref", source);
            json.WriteString("target_ref", target);
            json.WriteNumber("x_dossier_reports", tie.Reports);
            json.WriteNumber("x_dossier_evidence", tie.Evidence);
            json.WriteNumber("x_dossier_independent_sources", tie.IndependentSources);
            json.WriteEndObject();
            Next(json, counter, id);
        }

        foreach (var report in store.ReadEvents(filter))
        {
            var refs = Refs(reports, actors, report.Source.ArticleId.Value,
                [.. (report.Place is { } place ? [place] : Array.Empty<ExportActor>()), .. report.Agents, .. report.Targets]);
            if (refs.Count == 0)
            {
                continue;
            }

            var id = StixIds.Of("note", EventKey(report.Source.ArticleId.Value, report.Ordinal));
            Common(json, "note", id, stamp);
            json.WriteString("abstract", EventAbstract(report));
            json.WriteString("content", report.Sentence);
            Strings(json, "object_refs", refs);
            json.WriteString("x_dossier_event_type", report.Type.ToName());
            json.WriteString("x_dossier_modality", report.Modality.ToString().ToLowerInvariant());
            Optional(json, "x_dossier_speaker", report.Speaker?.Name ?? report.Speaker?.Text);
            json.WriteEndObject();
            Next(json, counter, id);
        }

        // A denial answers the accusation made last before it in the same article, if there is one.
        string? previous = null;
        string? accusation = null;
        foreach (var claim in store.ReadClaims(filter))
        {
            var article = claim.Source.ArticleId.Value;
            if (!string.Equals(previous, article, StringComparison.Ordinal))
            {
                previous = article;
                accusation = null;
            }

            var speakerActors = new List<ExportActor>();
            if (claim.Speaker.EntityId is { } speaker)
            {
                speakerActors.Add(new ExportActor(speaker, claim.Speaker.Name ?? claim.Speaker.Text));
            }

            if (claim.Affiliation is { } affiliation)
            {
                speakerActors.Add(affiliation);
            }

            var refs = Refs(reports, actors, article, speakerActors);
            if (refs.Count == 0)
            {
                continue;
            }

            var id = StixIds.Of("note", ClaimKey(article, claim.Ordinal));
            var said = claim.Speaker.Name ?? claim.Speaker.Text;
            Common(json, "note", id, stamp);
            json.WriteString("abstract", $"{said} ({claim.Modality.ToString().ToLowerInvariant()}): {TextClipping.Clip(claim.Content, 120)}");
            json.WriteString("content", claim.Sentence);
            Strings(json, "object_refs", refs);
            Optional(json, "x_dossier_speaker", said);
            json.WriteString("x_dossier_cue", claim.Cue);
            json.WriteString("x_dossier_modality", claim.Modality.ToString().ToLowerInvariant());
            json.WriteEndObject();
            Next(json, counter, id);

            if (claim.Modality == Modality.Alleged)
            {
                accusation = id;
            }
            else if (claim.Modality == Modality.Denied && accusation is not null)
            {
                var opinion = StixIds.Of("opinion", ClaimKey(article, claim.Ordinal));
                Common(json, "opinion", opinion, stamp);
                json.WriteString("opinion", "strongly-disagree");
                json.WriteString("explanation", claim.Content);
                Strings(json, "authors", [said]);
                Strings(json, "object_refs", [accusation]);
                json.WriteString("x_dossier_denial", id);
                json.WriteEndObject();
                Next(json, counter, opinion);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static string WriteEntity(Utf8JsonWriter json, ExportEntity entity, string stamp)
    {
        var (type, identityClass) = entity.Kind switch
        {
            ActorKind.ArmedGroup or ActorKind.Movement => ("threat-actor", null),
            ActorKind.Place or ActorKind.Facility => ("location", null),
            ActorKind.Person => ("identity", "individual"),
            _ => ("identity", "organization"),
        };
        var id = StixIds.Of(type, entity.Id);
        Common(json, type, id, stamp);
        json.WriteString("name", entity.Name);
        if (identityClass is not null)
        {
            json.WriteString("identity_class", identityClass);
        }

        var others = entity.Spellings.Select(s => s.Text).Where(s => !string.Equals(s, entity.Name, StringComparison.Ordinal)).ToList();
        if (type == "threat-actor" && others.Count > 0)
        {
            Strings(json, "aliases", others);
        }

        if (type == "location")
        {
            // STIX wants a region, a country or coordinates. Dossier does not geocode places yet, so
            // it states that it does not know rather than guess a country from the name.
            json.WriteString("region", "unknown");
            json.WriteString("description", "Place named in the reports; not geocoded.");
        }

        json.WriteString("x_dossier_entity", entity.Id);
        json.WriteString("x_dossier_kind", entity.Kind.ToName());
        json.WriteNumber("x_dossier_mentions", entity.Mentions);
        Strings(json, "x_dossier_spellings", entity.Spellings.Select(s => s.Text).DefaultIfEmpty(entity.Name).ToList());
        json.WriteEndObject();
        return id;
    }

    private static List<string> Refs(HashSet<string> reports, Dictionary<string, string> actors, string article, IEnumerable<ExportActor> named)
    {
        var refs = new List<string>();
        if (reports.Contains(article))
        {
            refs.Add(StixIds.Of("report", article));
        }

        foreach (var actor in named)
        {
            if (actor.EntityId is { } entity && actors.TryGetValue(entity, out var id) && !refs.Contains(id))
            {
                refs.Add(id);
            }
        }

        return refs;
    }

    private static string EventKey(string article, int ordinal) => $"{article}:e{ordinal.ToString(CultureInfo.InvariantCulture)}";

    private static string ClaimKey(string article, int ordinal) => $"{article}:c{ordinal.ToString(CultureInfo.InvariantCulture)}";

    private static string EventAbstract(ExportEvent report)
    {
        var parts = new List<string> { report.Type.ToName() };
        if (report.Place is { } place)
        {
            parts.Add("at " + place.Name);
        }

        if (report.DateFirst is { } date)
        {
            parts.Add("on " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var count in report.Counts)
        {
            parts.Add($"{count.Kind.ToString().ToLowerInvariant()} {count.Text}");
        }

        return string.Join(' ', parts);
    }

    private static void Common(Utf8JsonWriter json, string type, string id, string stamp)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("spec_version", "2.1");
        json.WriteString("id", id);
        json.WriteString("created", stamp);
        json.WriteString("modified", stamp);
    }

    /// <summary>STIX forbids properties whose value is null: one without a value is left out.</summary>
    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Next(Utf8JsonWriter json, ExportCounter counter, string id)
    {
        counter.Count(id[..id.IndexOf("--", StringComparison.Ordinal)]);
        if (json.BytesPending > FlushAt)
        {
            json.Flush();
        }
    }

    /// <summary>STIX timestamps: RFC 3339 in UTC with a Z, milliseconds kept.</summary>
    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Published(ExportArticle article) => PublicationDateOf(article.Published) is { } date ? Timestamp(date) : null;

    private static DateTimeOffset? PublicationDateOf(string? published) =>
        Dossier.Core.Documents.PublicationDate.TryParseIso(published, out var date)
            ? new DateTimeOffset(date.Year, date.Month, date.Day, date.Hour, date.Minute, 0, TimeSpan.Zero)
            : null;

}
