using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Export;
using Dossier.Core.Facts;
using Dossier.Core.Identity;
using Dossier.Core.Storage;
using Dossier.Export;
using Dossier.Storage.Sqlite;

namespace Dossier.Bench;

/// <summary>
/// <c>export --articles N</c>: a store of N generated articles with their facts (written as the
/// extractors write them, without running the NLP), then each export format written to a file by a
/// fresh process of its own, so that each one's peak memory is its own. Reports MB/s and peak memory.
/// The store is kept (<c>bench-export-N.db</c> in the temp folder) and reused by later runs.
/// </summary>
internal static class ExportBenchmark
{
    public static int Run(int articles, int seed, string? only)
    {
        var database = EnsureStore(articles, seed);

        Console.WriteLine("| format | output MB | objects | seconds | MB/s | objects/s | peak memory |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var format in Enum.GetValues<ExportFormat>().Where(f => only is null || f.ToName() == only))
        {
            // Run as `dotnet Dossier.Bench.dll` or as the apphost: the child is started the same way.
            var viaDotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet";
            string[] arguments = viaDotnet ? [typeof(ExportBenchmark).Assembly.Location, "export-one", database, format.ToName()] : ["export-one", database, format.ToName()];
            var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, arguments)
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            Console.WriteLine(line);
        }

        return 0;
    }

    /// <summary>The store of N generated articles, built on first use and kept in the temp folder.</summary>
    public static string EnsureStore(int articles, int seed)
    {
        var database = Path.Combine(Path.GetTempPath(), $"bench-export-{articles}-{seed}.db");
        if (!File.Exists(database))
        {
            var watch = Stopwatch.StartNew();
            Build(database, articles, seed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {database}: {articles:N0} articles in {watch.Elapsed.TotalSeconds:0} s, {new FileInfo(database).Length / 1e6:0} MB"));
        }

        return database;
    }

    /// <summary>One format, in this process: the line of the table for it.</summary>
    public static int One(string database, string formatName)
    {
        ExportFormats.TryParse(formatName, out var format);
        var output = Path.Combine(Path.GetTempPath(), $"bench-export.{formatName}");
        using var store = SqliteDossierStore.Open(database);
        var watch = Stopwatch.StartNew();
        ExportSummary summary;
        using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            summary = DossierExporter.Export(store, format, ExportFilter.All, file, new ExportOptions(DateTimeOffset.UnixEpoch));
        }

        watch.Stop();
        var megabytes = new FileInfo(output).Length / 1e6;
        var seconds = watch.Elapsed.TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        File.Delete(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {formatName} | {megabytes:N1} | {summary.Total:N0} | {seconds:0.0} | {megabytes / seconds:0.0} | {summary.Total / seconds:N0} | {peak:0} MB |"));
        return 0;
    }

    /// <summary>Each store reader alone, for finding where an export spends its time.</summary>
    public static int Readers(string database)
    {
        using var store = SqliteDossierStore.Open(database);
        void Time(string name, Func<int> read)
        {
            var watch = Stopwatch.StartNew();
            var rows = read();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {rows:N0} rows in {watch.Elapsed.TotalSeconds:0.00} s"));
        }

        Time("events (cold)", () => store.ReadEvents(ExportFilter.All).Count());
        Time("articles", () => store.ReadArticles(ExportFilter.All).Count());
        Time("entities", () => store.ReadEntities(ExportFilter.All).Count());
        Time("claims", () => store.ReadClaims(ExportFilter.All).Count());
        Time("events", () => store.ReadEvents(ExportFilter.All).Count());
        Time("events by date", () => store.ReadEvents(ExportFilter.All, byDate: true).Count());
        Time("relations", () => store.ReadRelations(ExportFilter.All, byTie: false).Count());
        Time("relations by tie", () => store.ReadRelations(ExportFilter.All).Count());
        return 0;
    }

    private static readonly string[] FirstNames = ["Khalifa", "Fayez", "Ahmed", "Mohammed", "Ali", "Omar", "Salah", "Abdul", "Khaled", "Osama", "Hassan", "Ibrahim", "Mustafa", "Youssef", "Hamza", "Tarek", "Nouri", "Fathi", "Aguila", "Abdelhakim"];
    private static readonly string[] LastNames = ["Haftar", "Sarraj", "Mismari", "Bashagha", "Dbeibah", "Saleh", "Mitiq", "Juwaili", "Naqrush", "Ghneiwa", "Kara", "Bukhamada", "Zintani", "Misrati", "Obeidi", "Gaddafi", "Werfalli", "Tajouri", "Qadi", "Senussi"];
    private static readonly string[] GroupWords = ["Tripoli", "Misrata", "Zintan", "Benghazi", "Sirte", "Derna", "Fezzan", "Nafusa", "Coastal", "Southern", "Eastern", "Western", "Revolutionary", "Special", "National"];
    private static readonly string[] GroupKinds = ["Brigade", "Battalion", "Forces", "Militia", "Army", "Guard", "Shield", "Protection Force"];
    private static readonly string[] PlaceStarts = ["Ain", "Bir", "Wadi", "Ras", "Tal", "Qasr", "Bani", "Abu", "Umm", "Sidi"];
    private static readonly string[] PlaceEnds = ["Zara", "Ghanem", "Lanuf", "Kaam", "Hamra", "Walid", "Jdir", "Zayyan", "Salim", "Bilal", "Fares", "Ajaj", "Rabi", "Hussein", "Khalil"];
    private static readonly string[] Outlets = [.. Enumerable.Range(1, 40).Select(i => $"Outlet {i:D2}")];
    private static readonly string[] Filler =
    [
        "Residents described long queues for fuel and bread in the early morning hours.",
        "Diplomats in the region said that talks on a ceasefire were expected to resume next month.",
        "The humanitarian situation has worsened since the start of the year, aid agencies say.",
        "Electricity cuts lasting up to twelve hours a day have been reported across the coastal cities.",
        "Analysts say that foreign backing has prolonged the conflict and complicated any settlement.",
        "Schools in the affected districts remained closed for a second week.",
    ];

    private static void Build(string database, int articles, int seed)
    {
        var random = new Random(seed);
        var people = FirstNames.SelectMany(f => LastNames.Select(l => $"{f} {l}")).ToArray();
        var groups = GroupWords.SelectMany(w => GroupKinds.Select(k => $"{w} {k}")).ToArray();
        var places = PlaceStarts.SelectMany(s => PlaceEnds.Select(e => $"{s} {e}")).ToArray();
        using (var store = SqliteDossierStore.Open(database + ".building"))
        {
            for (var i = 0; i < articles; i++)
            {
                AddArticle(store, random, i, people, groups, places);
                if (i % 10_000 == 9_999)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1:N0} articles"));
                }
            }

            store.Flush();
            var entities = store.ReadChains()
                .GroupBy(c => (c.Name, c.Kind))
                .Select(g => new ResolvedEntity("E" + StableId(g.Key.Name), g.Key.Name, g.Key.Kind, "bench",
                    [.. g.Select(c => new ChainLink(c.ArticleSeq, c.Chain, "same-name", 1, ""))]))
                .ToList();
            store.ReplaceEntities(entities);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Move(database + ".building", database);
    }

    private static string StableId(string name) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 6));

    /// <summary>One article: eight reported facts told in templates whose offsets are known, between filler sentences.</summary>
    private static void AddArticle(IDossierStore store, Random random, int index, string[] people, string[] groups, string[] places)
    {
        var text = new StringBuilder();
        var actors = new List<(string Name, ActorKind Kind, List<ActorMention> Mentions)>();
        var claims = new List<Claim>();
        var events = new List<ReportedEvent>();
        var relations = new List<Relation>();
        var published = new DateOnly(2019, 1, 1).AddDays(random.Next(730));

        int Actor(string name, ActorKind kind)
        {
            var chain = actors.FindIndex(a => a.Name == name);
            if (chain < 0)
            {
                actors.Add((name, kind, []));
                chain = actors.Count - 1;
            }

            actors[chain].Mentions.Add(new ActorMention(text.Length, text.Length + name.Length, MentionForm.Name, "bench"));
            text.Append(name);
            return chain;
        }

        (int Start, int End) Words(string words)
        {
            var start = text.Length;
            text.Append(words);
            return (start, text.Length);
        }

        text.Append("Article ").Append(index.ToString(CultureInfo.InvariantCulture)).Append(". ");
        for (var fact = 0; fact < 4; fact++)
        {
            text.Append(Filler[random.Next(Filler.Length)]).Append(' ');

            // "G1 attacked G2 in P on DATE, killing N people."
            var sentence = text.Length;
            var agent = Actor(groups[random.Next(groups.Length)], ActorKind.ArmedGroup);
            var trigger = Words(" attacked ");
            var target = Actor(groups[random.Next(groups.Length)], ActorKind.ArmedGroup);
            text.Append(" in ");
            var place = Actor(places[random.Next(places.Length)], ActorKind.Place);
            var day = published.AddDays(-random.Next(4));
            var date = Words($" on {day:MMMM d}");
            text.Append(", killing ");
            var killed = random.Next(1, 300);
            var count = Words(killed.ToString(CultureInfo.InvariantCulture));
            text.Append(" people.");
            events.Add(new ReportedEvent(EventType.Attack, sentence, text.Length, trigger.Start + 1, trigger.End - 1, day, day, "day", date.Start + 1, date.End,
                place, [agent], [target], [new EventCount(CountKind.Killed, killed, null, "exact", count.Start, count.End)], null));
            text.Append(' ');

            // "P1 leads G."
            sentence = text.Length;
            var leader = Actor(people[random.Next(people.Length)], ActorKind.Person);
            var cue = Words(" leads ");
            var led = Actor(groups[random.Next(groups.Length)], ActorKind.ArmedGroup);
            text.Append('.');
            relations.Add(new Relation(RelationKind.Leads, leader, led, sentence, text.Length, cue.Start + 1, cue.End - 1, null));
            text.Append(' ');

            // "P2 said that G had shelled P."  (a claim, and the event it reports)
            sentence = text.Length;
            var speaker = Actor(people[random.Next(people.Length)], ActorKind.Person);
            var said = Words(" said");
            text.Append(" that ");
            var content = text.Length;
            var shooter = Actor(groups[random.Next(groups.Length)], ActorKind.ArmedGroup);
            var shelled = Words(" had shelled ");
            var shelledPlace = Actor(places[random.Next(places.Length)], ActorKind.Place);
            var contentEnd = text.Length;
            text.Append('.');
            var modality = random.Next(10) == 0 ? Modality.Denied : random.Next(5) == 0 ? Modality.Alleged : Modality.Reported;
            claims.Add(new Claim(sentence, text.Length, content, contentEnd, said.Start + 1, said.End, ClaimForm.IndirectSpeech, modality,
                actors[speaker].Mentions[^1].Start, actors[speaker].Mentions[^1].End, speaker, null));
            events.Add(new ReportedEvent(EventType.AirstrikeOrShelling, sentence, text.Length, shelled.Start + 5, shelled.End - 1, null, null, null, null, null,
                shelledPlace, [shooter], [], [], claims.Count - 1));
            relations.Add(new Relation(RelationKind.Attacked, shooter, shelledPlace, sentence, text.Length, shelled.Start + 5, shelled.End - 1, claims.Count - 1));
            text.Append(' ');
        }

        text.Append(Filler[random.Next(Filler.Length)]);
        var clean = text.ToString();
        var metadata = new ArticleMetadata
        {
            Outlet = Outlets[random.Next(Outlets.Length)],
            Title = $"Report {index}",
            Published = PublicationDate.OfDay(published.Year, published.Month, published.Day),
        };
        var document = new Document(new DocumentOrigin($"bench/{index}.txt", SourceFormat.Text), clean, metadata,
            new OffsetMap([new OffsetSegment(0, clean.Length, 0, clean.Length)]), [], []) { CleanerVersion = "bench" };
        var added = store.AddArticle(document, MinHashSignature.FromText(clean));
        if (added.Outcome != AddOutcome.Duplicate)
        {
            store.ReplaceArticleActors(added.Id,
                [.. actors.Select((a, chain) => new ArticleActor(chain, a.Name, a.Kind, "bench", a.Mentions))], claims, events, relations, "bench");
        }
    }
}
