using Dossier.Core.Identity;

namespace Dossier.Core.Tests.Identity;

public sealed class MinHashSignatureTests
{
    private const string Story = """
        Forces loyal to the internationally recognized government pushed back an assault on the airport road south
        of Tripoli on Tuesday, a spokesman said, while the Libyan National Army said it had taken two checkpoints
        near Ain Zara and lost four fighters. Residents reported shelling through the night and more than three
        hundred families fled toward the city centre, according to the local council, which asked for a truce.
        """;

    [Fact]
    public void Signature_of_a_lightly_edited_copy_is_similar()
    {
        var copy = Story.Replace("Tuesday", "Wednesday", StringComparison.Ordinal) + " Reuters contributed reporting.";

        var similarity = MinHashSignature.FromText(Story).Similarity(MinHashSignature.FromText(copy));

        Assert.InRange(similarity, 0.7, 1.0);
    }

    [Fact]
    public void Signature_of_a_different_text_is_not_similar()
    {
        const string other = "The central bank published its quarterly figures on inflation and the exchange rate, which analysts had expected to fall.";

        var similarity = MinHashSignature.FromText(Story).Similarity(MinHashSignature.FromText(other));

        Assert.InRange(similarity, 0.0, 0.1);
    }

    [Fact]
    public void Signature_survives_its_byte_form_and_shares_bands_with_a_copy()
    {
        var signature = MinHashSignature.FromText(Story);
        var restored = MinHashSignature.FromBytes(signature.ToBytes());
        var copy = MinHashSignature.FromText(Story + " Updated.");

        Assert.Equal(1.0, signature.Similarity(restored));
        Assert.NotEmpty(signature.BandKeys().Intersect(copy.BandKeys()));
        Assert.Equal(MinHashSignature.Bands, signature.BandKeys().Length);
    }

    [Fact]
    public void Signature_is_the_same_in_every_run()
    {
        Assert.Equal(MinHashSignature.FromText(Story).ToBytes(), MinHashSignature.FromText(Story).ToBytes());
    }

    [Fact]
    public void Signature_of_a_text_shorter_than_a_shingle_is_still_made()
    {
        Assert.Equal(1.0, MinHashSignature.FromText("Two words").Similarity(MinHashSignature.FromText("two words")));
        Assert.Equal(1.0, MinHashSignature.FromText(string.Empty).Similarity(MinHashSignature.FromText(" ")));
    }

    [Fact]
    public void Signature_bytes_of_the_wrong_length_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MinHashSignature.FromBytes(new byte[7]));
    }
}
