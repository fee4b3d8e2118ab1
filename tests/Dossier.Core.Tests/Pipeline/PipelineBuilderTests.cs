using Dossier.Core.Documents;
using Dossier.Core.Pipeline;

namespace Dossier.Core.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    [Fact]
    public void Builder_accepts_stages_whose_requirements_come_before_them()
    {
        var pipeline = new PipelineBuilder()
            .Add(new FakeStage("Tokenizer", [DocumentLayer.CleanText], [DocumentLayer.Tokens]))
            .Add(new FakeStage("Tagger", [DocumentLayer.Tokens], [DocumentLayer.PartsOfSpeech]))
            .Build();

        Assert.Equal(["Tokenizer", "Tagger"], pipeline.Stages.Select(s => s.Name));
    }

    [Fact]
    public void Builder_names_the_missing_layer_and_what_usually_provides_it()
    {
        var builder = new PipelineBuilder()
            .Add(new FakeStage("Tagger", [DocumentLayer.Tokens], [DocumentLayer.PartsOfSpeech]));

        var error = Assert.Throws<PipelineConfigurationException>(builder.Build);

        Assert.Contains("Tagger requires Tokens", error.Message, StringComparison.Ordinal);
        Assert.Contains("RuleTokenizer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_refuses_a_stage_in_the_wrong_order()
    {
        var builder = new PipelineBuilder()
            .Add(new FakeStage("Tagger", [DocumentLayer.Tokens], [DocumentLayer.PartsOfSpeech]))
            .Add(new FakeStage("Tokenizer", [DocumentLayer.CleanText], [DocumentLayer.Tokens]));

        Assert.Throws<PipelineConfigurationException>(builder.Build);
    }

    [Fact]
    public void Builder_refuses_two_stages_writing_the_same_layer()
    {
        var builder = new PipelineBuilder()
            .Add(new FakeStage("First", [], [DocumentLayer.Tokens]))
            .Add(new FakeStage("Second", [], [DocumentLayer.Tokens]));

        var error = Assert.Throws<PipelineConfigurationException>(builder.Build);

        Assert.Contains("Second produces Tokens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_turns_a_failing_stage_into_a_failure_record_with_its_name()
    {
        var pipeline = new PipelineBuilder()
            .Add(new FakeStage("Broken", [], [DocumentLayer.Tokens], fail: true))
            .Build();
        var document = MakeDocument("Some text.");

        var failure = pipeline.Run(document, CancellationToken.None);

        Assert.NotNull(failure);
        Assert.Equal("Broken", failure.Stage);
        Assert.Equal(document.Id, failure.ArticleId);
        Assert.Contains("boom", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_reports_a_stage_that_did_not_produce_what_it_declared()
    {
        var pipeline = new PipelineBuilder()
            .Add(new FakeStage("Lazy", [], [DocumentLayer.Tokens], mark: false))
            .Build();

        var failure = pipeline.Run(MakeDocument("Text."), CancellationToken.None);

        Assert.Equal("Lazy", failure?.Stage);
        Assert.Contains("did not produce", failure?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_runs_every_stage_and_the_document_carries_their_layers()
    {
        var pipeline = new PipelineBuilder()
            .Add(new FakeStage("Tokenizer", [DocumentLayer.CleanText], [DocumentLayer.Tokens]))
            .Build();
        var document = MakeDocument("Text.");

        Assert.Null(pipeline.Run(document, CancellationToken.None));
        Assert.True(document.Has(DocumentLayer.Tokens));
    }

    [Fact]
    public void Document_refuses_a_layer_written_twice()
    {
        var document = MakeDocument("Text.");
        document.MarkProduced(DocumentLayer.Tokens);

        Assert.Throws<InvalidOperationException>(() => document.MarkProduced(DocumentLayer.Tokens));
    }

    internal static Document MakeDocument(string text) =>
        new(new DocumentOrigin("t.txt", SourceFormat.Text), text, ArticleMetadata.Empty,
            new OffsetMap([new OffsetSegment(0, text.Length, 0, text.Length)]), [], []);

    private sealed class FakeStage(string name, DocumentLayer[] requires, DocumentLayer[] produces, bool fail = false, bool mark = true) : IDocumentStage
    {
        public string Name => name;

        public string Version => "1";

        public IReadOnlySet<DocumentLayer> Requires { get; } = requires.ToHashSet();

        public IReadOnlySet<DocumentLayer> Produces { get; } = produces.ToHashSet();

        public void Process(Document document, CancellationToken cancellationToken)
        {
            if (fail)
            {
                throw new InvalidOperationException("boom");
            }

            if (mark)
            {
                foreach (var layer in produces)
                {
                    document.MarkProduced(layer);
                }
            }
        }
    }
}
