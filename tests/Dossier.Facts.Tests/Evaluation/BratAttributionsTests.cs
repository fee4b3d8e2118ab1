using Dossier.Core.Documents;
using Dossier.Facts.Evaluation;

namespace Dossier.Facts.Tests.Evaluation;

public sealed class BratAttributionsTests
{
    // Offsets:        0         1         2         3         4         5         6         7
    //                 0123456789012345678901234567890123456789012345678901234567890123456789012345
    private const string Text = "The mayor said the bridge was closed. Talks, it was reported, had stalled.";

    private const string Annotation =
        "T1\tSource 0 9\tThe mayor\n" +
        "T2\tCue 10 14\tsaid\n" +
        "T3\tContent 15 36\tthe bridge was closed\n" +
        "T4\tAttribution 10 14\tsaid\n" +
        "E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3\n" +
        "T5\tCue 45 60\tit was reported\n" +
        "T6\tContent 38 43;62 73\tTalks had stalled\n" +
        "T7\tAttribution-no-source 45 60\tit was reported\n" +
        "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n" +
        "#1\tAnnotatorNotes T5\ta note\n";

    [Fact]
    public void An_attribution_joins_its_cue_source_and_content()
    {
        var attributions = BratAttributions.Read(Annotation, Text, "test.ann");

        Assert.Equal(2, attributions.Count);
        var said = attributions[0];
        Assert.Equal([new TextSpan(10, 14)], said.Cue);
        Assert.Equal("The mayor", Text[said.Source[0].Start..said.Source[0].End]);
        Assert.Equal("the bridge was closed", Text[said.Content[0].Start..said.Content[0].End]);
    }

    [Fact]
    public void A_discontinuous_span_keeps_each_fragment()
    {
        var reported = BratAttributions.Read(Annotation, Text, "test.ann")[1];

        Assert.Equal([new TextSpan(38, 43), new TextSpan(62, 73)], reported.Content);
        Assert.Equal("Talks", Text[38..43]);
        Assert.Equal("had stalled", Text[62..73]);
    }

    [Fact]
    public void An_attribution_with_no_source_in_the_text_has_none()
    {
        var reported = BratAttributions.Read(Annotation, Text, "test.ann")[1];

        Assert.False(reported.HasSource);
        Assert.Equal("it was reported", Text[reported.Cue[0].Start..reported.Cue[0].End]);
    }

    [Fact]
    public void A_span_text_broken_over_lines_does_not_end_the_file()
    {
        const string text = "Line one.\n\nShe said so.";
        const string annotation = "T1\tContent 0 11\tLine one.\n\nT2\tCue 15 19\tsaid\nT3\tSource 11 14\tShe\nE1\tAttribution:T2 Cue:T2 Source:T3 Content:T1\n";

        var attributions = BratAttributions.Read(annotation, text, "test.ann");

        Assert.Equal("said", text[attributions.Single().Cue[0].Start..attributions.Single().Cue[0].End]);
    }

    [Fact]
    public void Offsets_count_characters_beyond_the_basic_plane_once()
    {
        // brat counts code points: the emoji is one character there, two UTF-16 units here.
        const string text = "\U0001F600 He said no.";
        const string annotation = "T1\tCue 5 9\tsaid\nT2\tSource 2 4\tHe\nT3\tContent 10 12\tno\nE1\tAttribution:T1 Cue:T1 Source:T2 Content:T3\n";

        var attribution = BratAttributions.Read(annotation, text, "test.ann").Single();

        Assert.Equal("said", text[attribution.Cue[0].Start..attribution.Cue[0].End]);
        Assert.Equal("He", text[attribution.Source[0].Start..attribution.Source[0].End]);
    }

    [Fact]
    public void A_span_outside_the_text_names_the_file_and_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => BratAttributions.Read("T1\tCue 5 500\tsaid\n", Text, "bad.ann"));

        Assert.Contains("bad.ann: line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_several_annotators_the_first_file_by_name_is_read()
    {
        var root = Directory.CreateTempSubdirectory("brat-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "text"));
            Directory.CreateDirectory(Path.Combine(root, "attributions"));
            File.WriteAllText(Path.Combine(root, "text", "story.txt"), Text);
            File.WriteAllText(Path.Combine(root, "attributions", "story_b2.ann"), Annotation);
            File.WriteAllText(Path.Combine(root, "attributions", "story_a1.ann"), string.Join('\n', Annotation.Split('\n').Take(5)) + "\n");

            var texts = BratAttributions.ReadDirectory(root);

            var story = Assert.Single(texts);
            Assert.Equal("story_a1.ann", story.AnnotationFile);
            Assert.Single(story.Attributions);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
