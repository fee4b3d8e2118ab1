using Dossier.Nlp.Entities;

namespace Dossier.Nlp.Tests.Entities;

public sealed class GazetteerTests
{
    private static readonly Gazetteer Places = new(
        new Dictionary<string, string>(StringComparer.Ordinal) { ["Chicago"] = "TOWN", ["New York"] = "TOWN", ["Libya"] = "COUNTRY" },
        new HashSet<string>(StringComparer.Ordinal) { "Rose", "Khalifa" },
        new HashSet<string>(StringComparer.Ordinal) { "rose", "new", "in", "and" });

    [Fact]
    public void Gazetteer_matches_the_longest_name_and_marks_lower_case_matches()
    {
        string?[] expected = [null, "lB-TOWN", null, "B-TOWN", "I-TOWN", null, "B-COUNTRY"];
        Assert.Equal<IEnumerable<string?>>(expected, Places.Match(["in", "chicago", "and", "New", "York", "and", "Libya"]));
    }

    [Fact]
    public void Gazetteer_lexicon_tells_first_names_from_dictionary_words()
    {
        Assert.Equal(3, Places.Lexicon("Rose")); // a first name and a word
        Assert.Equal(5, Places.Lexicon("KHALIFA")); // a first name, not a word
        Assert.Equal(4, Places.Lexicon("Haftar")); // neither
        Assert.Equal(2, Places.Lexicon("new"));
        Assert.Equal(0, Places.Lexicon("2019"));
    }

    [Fact]
    public void Gazetteer_survives_saving_with_its_word_lists()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            Places.Write(writer);
        }

        stream.Position = 0;
        var loaded = Gazetteer.Read(new BinaryReader(stream));
        Assert.Equal(3, loaded.Count);
        Assert.Equal(2, loaded.FirstNameCount);
        Assert.Equal(3, loaded.Lexicon("Rose"));
    }
}
