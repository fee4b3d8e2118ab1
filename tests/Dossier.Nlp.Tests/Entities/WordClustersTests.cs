using Dossier.Nlp.Entities;

namespace Dossier.Nlp.Tests.Entities;

public sealed class WordClustersTests
{
    private static readonly string[][] Text =
    [
        ["we", "live", "in", "Paris", "."],
        ["we", "live", "in", "London", "."],
        ["they", "work", "in", "Rome", "."],
        ["we", "eat", "an", "apple", "."],
        ["they", "eat", "a", "pear", "."],
        ["they", "eat", "an", "apple", "."],
        ["we", "eat", "a", "pear", "."],
        ["they", "work", "in", "Paris", "."],
        ["we", "live", "in", "Rome", "."],
        ["they", "live", "in", "London", "in", "1996", "."],
        ["we", "work", "in", "London", "in", "2019", "."],
    ];

    private static readonly WordClusterOptions Options = new() { Sizes = [4, 6], MinCount = 1 };

    [Fact]
    public void Clusters_put_words_seen_in_the_same_company_in_one_class()
    {
        var clusters = WordClusters.Learn(Text, Options);
        int ClassOf(string word) => clusters.ClassOf(1, clusters.Find(word));

        Assert.Equal(ClassOf("Paris"), ClassOf("London"));
        Assert.Equal(ClassOf("Paris"), ClassOf("Rome"));
        Assert.NotEqual(ClassOf("Paris"), ClassOf("in"));
    }

    [Fact]
    public void Clusters_fold_digits_and_fall_back_to_lower_case()
    {
        var clusters = WordClusters.Learn(Text, Options);

        Assert.Equal(clusters.Find("1996"), clusters.Find("1234"));
        Assert.Equal(clusters.Find("apple"), clusters.Find("Apple"));
        Assert.Equal(-1, clusters.Find("paris"));
    }

    [Fact]
    public void Clusters_are_the_same_after_a_second_run_and_a_round_trip()
    {
        var first = WordClusters.Learn(Text, Options);
        var second = WordClusters.Learn(Text, Options);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            first.Write(writer);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        var read = WordClusters.Read(reader);

        Assert.Equal(first.Entries().Select(e => (e.Word, string.Join(',', e.Classes))), second.Entries().Select(e => (e.Word, string.Join(',', e.Classes))));
        Assert.Equal(first.Entries().Select(e => (e.Word, string.Join(',', e.Classes))), read.Entries().Select(e => (e.Word, string.Join(',', e.Classes))));
        Assert.Equal([4, 6], read.Sizes);
    }
}
