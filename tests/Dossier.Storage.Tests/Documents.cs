using Dossier.Core.Documents;

namespace Dossier.Storage.Tests;

/// <summary>Builds cleaned documents by hand, the way the cleaner would, without running it.</summary>
internal static class Documents
{
    public static Document Make(string text, string? outlet = null, string? title = null, string? published = null, string path = "test.txt")
    {
        PublicationDate? date = PublicationDate.TryParseIso(published, out var parsed) ? parsed : null;
        var metadata = new ArticleMetadata { Outlet = outlet, Title = title, Published = date };
        var map = new OffsetMap([new OffsetSegment(0, text.Length, 10, text.Length)]);
        var removed = new[] { new RemovedRange(0, 10, RemovalReason.SiteChrome, "test-rule", "Menu Home") };
        var captions = text.Length > 5 ? new[] { new TextSpan(0, 5) } : [];
        return new Document(new DocumentOrigin(path, SourceFormat.Text), text, metadata, map, removed, captions) { CleanerVersion = "test" };
    }

    /// <summary>A few hundred distinct words, so that shingle similarity means something.</summary>
    public static string Story(int seed, int sentences = 40)
    {
        var random = new Random(seed);
        string[] subjects = ["The brigade", "Haftar", "The government", "Militias", "The council", "Observers", "The spokesman", "Fighters"];
        string[] verbs = ["attacked", "reported", "denied", "captured", "supported", "left", "entered", "praised"];
        string[] objects = ["the airport", "Tripoli", "the oil terminal", "the southern suburbs", "Misrata", "the convoy", "Benghazi", "the prison"];
        var words = new List<string>();
        for (var i = 0; i < sentences; i++)
        {
            words.Add($"{subjects[random.Next(subjects.Length)]} {verbs[random.Next(verbs.Length)]} {objects[random.Next(objects.Length)]} on day {random.Next(1000)} with {random.Next(500)} men.");
        }

        return string.Join(' ', words);
    }
}
