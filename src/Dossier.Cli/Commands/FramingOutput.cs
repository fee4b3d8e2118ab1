using Dossier.Core.Documents;
using System.Globalization;
using Dossier.Analysis;
using Dossier.Cli.Output;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary>Prints framing (labels and alignment) and sourcing profiles as tables or JSON.</summary>
internal static class FramingOutput
{
    public static void Print(CliEnvironment environment, FramingReport report, string? actorId, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(report);
        var counts = report.Counts.Where(c => c.EntityId is not null && (actorId is null || c.EntityId == actorId)).ToList();
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(environment.Out, new
            {
                labels = counts.Select(LabelJson),
                unattached = report.Counts.Where(c => c.EntityId is null && actorId is null).Select(LabelJson),
                sides = report.Sides.Select(s => new { name = s.Name, leader = s.LeaderId, members = s.Members.Order(StringComparer.Ordinal) }),
                alignments = report.Alignments.Select(a => new
                {
                    outlet = a.Outlet,
                    reading = a.Reading,
                    sides = a.Sides.Select(s => new { side = s.Side, favourableLabels = s.Favourable, unfavourableLabels = s.Unfavourable, casualtyReports = s.CasualtyReports, namedPerpetrator = s.NamedPerpetrator }),
                }),
            });
            return;
        }

        if (format is OutputFormat.Csv or OutputFormat.Tsv)
        {
            // The labels only, one line per outlet, actor, label and speaker: the rows a spreadsheet
            // sorts and counts. The sides and each outlet's alignment are in table and json.
            CsvOutput.Write(environment.Out, ["outlet", "actor", "actor_id", "label", "tone", "times", "speaker", "example_article", "example"],
                counts.OrderBy(c => c.Outlet, StringComparer.Ordinal).ThenBy(c => c.EntityName, StringComparer.Ordinal).ThenByDescending(c => c.Count).Select(c => (IReadOnlyList<string?>)
                [
                    c.Outlet, c.EntityName, c.EntityId, c.Label, c.Tone.ToName(), c.Count.ToString(CultureInfo.InvariantCulture), c.Speaker,
                    c.Uses[0].Article.Value, c.Uses[0].Evidence,
                ]), format);
            return;
        }

        var console = environment.CreateConsole();
        if (counts.Count == 0)
        {
            console.WriteLine("No loaded labels are applied to a named actor.");
        }

        foreach (var outlet in counts.GroupBy(c => c.Outlet))
        {
            console.MarkupLine($"[bold]{Markup.Escape(outlet.Key)}[/]: labels by actor");
            var table = new Table().AddColumns("Actor", "Label", "Tone", "Times", "Whose words", "Example");
            foreach (var count in outlet.OrderBy(c => c.EntityName, StringComparer.Ordinal).ThenByDescending(c => c.Count))
            {
                table.AddRow(
                    Markup.Escape(count.EntityName ?? "-"),
                    Markup.Escape(count.Label),
                    count.Tone.ToName(),
                    count.Count.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(count.Speaker is null ? "the outlet's own" : $"quoting {count.Speaker}"),
                    Markup.Escape($"{count.Uses[0].Article.Short}: {Around(count.Uses[0].Evidence, count.Uses[0].Words, 100)}"));
            }

            console.Write(table);
        }

        if (actorId is not null)
        {
            return;
        }

        if (report.Sides.Count == 2)
        {
            console.MarkupLine($"[bold]Sides[/], from who fights, leads, backs and allies with whom: {Markup.Escape(report.Sides[0].Name)} ({report.Sides[0].Members.Count} actors) and {Markup.Escape(report.Sides[1].Name)} ({report.Sides[1].Members.Count} actors)");
            var alignment = new Table().AddColumns("Outlet", "Side", "Favourable labels", "Unfavourable labels", "Casualty reports", "Named perpetrator", "Reading");
            foreach (var outlet in report.Alignments)
            {
                foreach (var side in outlet.Sides)
                {
                    alignment.AddRow(
                        Markup.Escape(outlet.Outlet), Markup.Escape(side.Side),
                        side.Favourable.ToString(CultureInfo.InvariantCulture), side.Unfavourable.ToString(CultureInfo.InvariantCulture),
                        side.CasualtyReports.ToString(CultureInfo.InvariantCulture), side.NamedPerpetrator.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(side == outlet.Sides[0] ? outlet.Reading : ""));
                }
            }

            console.Write(alignment);
        }
        else
        {
            console.WriteLine("No two sides could be told apart: no two armed actors are reported fighting or opposing each other.");
        }
    }

    public static void PrintProfiles(CliEnvironment environment, IReadOnlyList<SourcingProfile> outlets, IReadOnlyList<SourcingProfile> articles, OutputFormat format)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(outlets);
        ArgumentNullException.ThrowIfNull(articles);
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(environment.Out, new { outlets = outlets.Select(ProfileJson), articles = articles.Select(ProfileJson) });
            return;
        }

        if (format is OutputFormat.Csv or OutputFormat.Tsv)
        {
            // The outlets' and the articles' profiles in one table, told apart by the first column.
            CsvOutput.Write(environment.Out,
                ["level", "subject", "words", "facts", "named_speaker", "unnamed_source", "no_source", "hedges", "loaded_labels", "loaded_labels_per_1000_words", "single_source_facts", "disputed_facts", "opinion_markers"],
                outlets.Select(p => ("outlet", p)).Concat(articles.Select(p => ("article", p))).Select(row => (IReadOnlyList<string?>)
                [
                    row.Item1, row.p.Subject, row.p.Words.ToString(CultureInfo.InvariantCulture), row.p.Facts.ToString(CultureInfo.InvariantCulture),
                    row.p.NamedSpeaker.ToString(CultureInfo.InvariantCulture), row.p.UnnamedSource.ToString(CultureInfo.InvariantCulture), row.p.NoSource.ToString(CultureInfo.InvariantCulture),
                    row.p.Hedges.Count == 0 ? "" : Kinds(row.p.Hedges), row.p.LoadedLabels.ToString(CultureInfo.InvariantCulture),
                    row.p.LoadedLabelsPerThousandWords.ToString("0.0", CultureInfo.InvariantCulture), row.p.SingleSourceFacts.ToString(CultureInfo.InvariantCulture),
                    row.p.DisputedFacts.ToString(CultureInfo.InvariantCulture), row.p.OpinionMarkers.Count == 0 ? "" : Kinds(row.p.OpinionMarkers),
                ]), format);
            return;
        }

        var console = environment.CreateConsole();
        foreach (var (heading, profiles) in new[] { ("Sourcing profile per outlet", outlets), ("Sourcing profile per article", articles) })
        {
            console.MarkupLine($"[bold]{heading}[/] (signals with their evidence, not a truth score; --format json lists every hedge and marker)");
            var table = new Table().AddColumns("Source", "Facts", "Named speaker", "Unnamed source", "No source", "Hedges", "Loaded labels /1000 words", "Single-source", "Disputed", "Opinion markers");
            foreach (var profile in profiles)
            {
                table.AddRow(
                    Markup.Escape(TextClipping.Clip(profile.Subject, 60)),
                    profile.Facts.ToString(CultureInfo.InvariantCulture),
                    Percent(profile, profile.NamedSpeaker),
                    Percent(profile, profile.UnnamedSource),
                    Percent(profile, profile.NoSource),
                    Markup.Escape(Kinds(profile.Hedges)),
                    profile.LoadedLabelsPerThousandWords.ToString("0.0", CultureInfo.InvariantCulture),
                    profile.SingleSourceFacts.ToString(CultureInfo.InvariantCulture),
                    profile.DisputedFacts.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(Kinds(profile.OpinionMarkers)));
            }

            console.Write(table);
        }
    }

    private static object LabelJson(LabelCount count) => new
    {
        outlet = count.Outlet,
        speaker = count.Speaker,
        actor = count.EntityId,
        actorName = count.EntityName,
        label = count.Label,
        tone = count.Tone.ToName(),
        count = count.Count,
        uses = count.Uses.Select(u => new { article = u.Article.Value, words = u.Words, start = u.Start, end = u.End, evidence = u.Evidence }),
    };

    private static object ProfileJson(SourcingProfile profile) => new
    {
        subject = profile.Subject,
        articles = profile.Articles.Select(a => a.Value),
        words = profile.Words,
        facts = profile.Facts,
        namedSpeaker = profile.NamedSpeaker,
        unnamedSource = profile.UnnamedSource,
        noSource = profile.NoSource,
        hedges = profile.Hedges.Select(m => new { kind = m.Kind, words = m.Words, evidence = m.Evidence }),
        loadedLabels = profile.LoadedLabels,
        loadedLabelsPer1000Words = Math.Round(profile.LoadedLabelsPerThousandWords, 2),
        singleSourceFacts = profile.SingleSourceFacts,
        disputedFacts = profile.DisputedFacts,
        opinionMarkers = profile.OpinionMarkers.Select(m => new { kind = m.Kind, words = m.Words, evidence = m.Evidence }),
    };

    private static string Percent(SourcingProfile profile, int part)
        => profile.Facts == 0 ? "-" : $"{part} ({profile.Share(part):P0})";

    private static string Kinds(IReadOnlyList<Marker> markers)
        => markers.Count == 0 ? "-" : string.Join(", ", markers.GroupBy(m => m.Kind).Select(g => $"{g.Key.Replace('_', ' ')} ×{g.Count()}"));

    /// <summary>The part of the sentence around the label's words, so the example shows them.</summary>
    public static string Around(string sentence, string words, int length)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var at = sentence.IndexOf(words, StringComparison.Ordinal);
        if (sentence.Length <= length || at < 0)
        {
            return TextClipping.Clip(sentence, length);
        }

        var start = Math.Clamp(at - ((length - words.Length) / 2), 0, sentence.Length - length);
        var window = sentence.Substring(start, length);
        if (start > 0)
        {
            window = "…" + window[1..];
        }

        return start + length < sentence.Length ? window[..^1] + "…" : window;
    }
}
