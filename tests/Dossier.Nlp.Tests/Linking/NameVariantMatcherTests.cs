using Dossier.Nlp.Linking;

namespace Dossier.Nlp.Tests.Linking;

public sealed class NameVariantMatcherTests
{
    [Theory]
    [InlineData("Haftar", "hftr")]
    [InlineData("Hifter", "hftr")]
    [InlineData("Khaftar", "hftr")]
    [InlineData("Haftaru", "hftr")]
    [InlineData("Huftar", "hftr")]
    [InlineData("Hoftar", "hftr")]
    [InlineData("Dzhufra", "jfr")]
    [InlineData("Jufra", "jfr")]
    [InlineData("Gaddafi", "kdfi")]
    [InlineData("Qadhafi", "kdfi")]
    [InlineData("Misrati", "msrti")]
    [InlineData("Misrata", "msrt")]
    [InlineData("Dbeibah", "db")]
    [InlineData("Gharyan", "krn")]
    [InlineData("Garyan", "krn")]
    [InlineData("Defence", "dfns")]
    [InlineData("Sarraj", "srj")]
    [InlineData("Saraj", "srj")]
    public void Key_merges_the_spellings_that_transliteration_confuses(string word, string key)
    {
        Assert.Equal(key, NameForms.Key(word.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("Fayez al-Sarraj", "fayez sarraj")]
    [InlineData("Khaftar’s", "khaftar")]
    [InlineData("Abdelhakim Belhadj", "abd hakim belhadj")]
    [InlineData("Abu Sufyan Ben Qumu", "abu sufyan bin qumu")]
    [InlineData("Barak ash-Shaty", "barak shaty")]
    public void Core_drops_articles_and_possessives_and_normalises_particles(string name, string core)
    {
        Assert.Equal(core, string.Join(' ', NameForms.Core(name)));
    }

    [Theory]
    [InlineData("Haftar", "Hifter")]
    [InlineData("Khalifa Haftar", "Khalifa Haftaru")]
    [InlineData("Fayez al-Sarraj", "Faiz Saraj")]
    [InlineData("Ahmed Mismari", "Ahmad Al-Mesmari")]
    [InlineData("Benghazi Defense Brigade", "Benghazi Defense Brigades")]
    [InlineData("Abdelhakim Belhadj", "Abdul Hakim Belhaj")]
    [InlineData("Haftar", "Khaftar")]
    [InlineData("Haftar", "Haftaru")]
    [InlineData("Haftar", "Huftar")]
    [InlineData("Hifter", "Khaftar's")]
    [InlineData("Khalifa Haftar", "Khalifa Hifter")]
    [InlineData("Khalifa Haftar", "Caliph Haftar")]
    [InlineData("Sarraj", "Serraj")]
    [InlineData("Sarraj", "Saraj")]
    [InlineData("Mismari", "Mesmari")]
    [InlineData("Ahmed Al-Mismari", "Ahmad Al-Mesmari")]
    [InlineData("Al-Qaeda", "al Qaeda")]
    [InlineData("Al-Qaeda", "Al-Qaida")]
    [InlineData("Al-Qaeda", "Kaida")]
    [InlineData("Jufra", "Dzhufra")]
    [InlineData("Wanis Bukhamada", "Wanis Bu Khamada")]
    [InlineData("Benghazi Defence Brigades", "Benghazi Defense Brigades")]
    [InlineData("Tripoli Revolutionaries Brigade", "Tripoli Revolutionary Brigade")]
    [InlineData("Zawiya", "Az-Zawiyah")]
    [InlineData("Fuad Mohamed Khalaf", "Fuad Mohammed Kalaf")]
    public void Matcher_joins_spellings_of_one_name(string a, string b)
    {
        var match = NameVariantMatcher.Match(a, b);

        Assert.True(match.Score >= NameVariantMatcher.SameName, $"{a} / {b}: {match}");
        Assert.NotEqual("none", match.Rule);
    }

    [Theory]
    [InlineData("Haftar", "Sarraj")]
    [InlineData("Government of National Accord", "Government of National Unity")]
    [InlineData("Libyan National Army", "Libyan National Council")]
    [InlineData("Salah Badi", "Salah Huwaydi")]
    [InlineData("Ahmed Mismari", "Ahmed Al-Ghasri")]
    [InlineData("Tripoli", "Tobruk")]
    [InlineData("Mohammed Al-Manfood", "Mohammed El-Sheikhy")]
    [InlineData("Mohammed al-Manfood", "Mahmoud al-Manfood")]
    [InlineData("Haftar", "Hafez")]
    [InlineData("Khalifa Haftar", "Khaled Haftar")]
    [InlineData("Aguila Saleh", "Aguila Salem")]
    [InlineData("Misrata", "Misrati")]
    [InlineData("Jufra", "Kufra")]
    [InlineData("Hassan", "Hussein")]
    [InlineData("Qusay Saddam Hussein", "Uday Saddam Hussein")]
    [InlineData("Kim Song Chol", "Kim Tong Chol")]
    public void Matcher_keeps_different_names_apart(string a, string b)
    {
        Assert.True(NameVariantMatcher.Match(a, b).Score < NameVariantMatcher.SameName);
    }

    [Fact]
    public void Matcher_treats_a_surname_alone_as_a_candidate_for_context_not_a_certainty()
    {
        var match = NameVariantMatcher.Match("Haftar", "Khalifa Haftar");

        Assert.Equal("part-of-name", match.Rule);
        Assert.InRange(match.Score, 0.5, NameVariantMatcher.SameName);
    }

    [Theory]
    [InlineData("Saddam Hussein al-Tikriti", "Qusay Saddam Hussein al-Tikriti")]
    [InlineData("Haftar", "Khalifa Haftar")]
    public void Matcher_keeps_a_name_inside_a_longer_one_below_the_threshold(string a, string b)
    {
        Assert.True(NameVariantMatcher.Match(a, b).Score < NameVariantMatcher.SameName);
    }

    [Fact]
    public void Matcher_gives_the_same_result_on_prepared_keys_as_on_strings()
    {
        foreach (var (a, b) in new[] { ("Khalifa Haftar", "Haftar"), ("Faiz Saraj", "Fayez al-Sarraj"), ("Wanis Bukhamada", "Wanis Bu Khamada"), ("Tripoli", "Tobruk") })
        {
            Assert.Equal(NameVariantMatcher.Match(a, b), NameVariantMatcher.Match(NameKey.Of(a), NameKey.Of(b)));
        }
    }

    [Fact]
    public void Matcher_is_symmetric()
    {
        foreach (var (a, b) in new[] { ("Khalifa Haftar", "Haftar"), ("Faiz Saraj", "Fayez al-Sarraj"), ("Misrata", "Misurati") })
        {
            Assert.Equal(NameVariantMatcher.Match(a, b).Score, NameVariantMatcher.Match(b, a).Score);
        }
    }
}
