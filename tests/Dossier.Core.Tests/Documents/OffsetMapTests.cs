using Dossier.Core.Documents;

namespace Dossier.Core.Tests.Documents;

public sealed class OffsetMapTests
{
    [Fact]
    public void Offset_map_maps_each_character_of_an_exact_piece_to_the_same_source_character()
    {
        const string source = "MENU\nFirst paragraph.\nJUNK\nSecond paragraph.";
        var first = source.IndexOf("First", StringComparison.Ordinal);
        var second = source.IndexOf("Second", StringComparison.Ordinal);
        var clean = "First paragraph.\n\nSecond paragraph.";
        var map = new OffsetMap([new OffsetSegment(0, 16, first, 16), new OffsetSegment(18, 17, second, 17)]);

        for (var i = 0; i < clean.Length; i++)
        {
            if (clean[i] != '\n')
            {
                Assert.Equal(clean[i], source[map.ToSource(i)]);
            }
        }
    }

    [Fact]
    public void Offset_map_maps_inside_a_respelt_piece_to_its_start()
    {
        // "&amp;" in the source became "&" in the clean text.
        var map = new OffsetMap([new OffsetSegment(0, 5, 100, 9)]);

        Assert.Equal(100, map.ToSource(0));
        Assert.Equal(100, map.ToSource(3));
        Assert.Equal(109, map.ToSource(5));
    }

    [Fact]
    public void Offset_map_maps_a_span_to_an_ordered_source_span()
    {
        var map = new OffsetMap([new OffsetSegment(0, 10, 50, 10), new OffsetSegment(12, 10, 80, 10)]);

        var span = map.ToSource(new TextSpan(5, 15));

        Assert.Equal(new TextSpan(55, 83), span);
    }

    [Fact]
    public void Offset_map_without_segments_maps_to_zero()
    {
        Assert.Equal(0, new OffsetMap([]).ToSource(10));
    }
}
