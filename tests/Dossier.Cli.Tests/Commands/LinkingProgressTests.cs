using Dossier.Nlp;
using Dossier.Pipeline;
using Dossier.Storage;

namespace Dossier.Cli.Tests.Commands;

public sealed class LinkingProgressTests
{
    [Fact]
    public void Linking_reports_each_step_in_order_and_every_step_reaches_its_total()
    {
        using var workspace = new Workspace();
        var ingest = CliRun.Run("ingest", workspace.SampleCorpus, "--db", workspace.Database, "--no-link");
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var reports = new List<LinkingProgress>();

        LinkingReport report;
        using (var store = DossierStores.Open(workspace.Database))
        {
            report = AnnotationWorker.Open(store, NlpModels.DefaultDirectory(AppContext.BaseDirectory)).Run(reports.Add, null, CancellationToken.None);
        }

        Assert.Equal([LinkingStep.Annotating, LinkingStep.SecondLook, LinkingStep.Joining], reports.Select(r => r.Step).Distinct());
        Assert.Equal(new LinkingProgress(LinkingStep.Annotating, 5, 5), reports.Last(r => r.Step == LinkingStep.Annotating));
        Assert.Equal(new LinkingProgress(LinkingStep.SecondLook, 5, 5), reports.Last(r => r.Step == LinkingStep.SecondLook));
        Assert.Equal([new LinkingProgress(LinkingStep.Joining, 0, report.Chains), new LinkingProgress(LinkingStep.Joining, report.Chains, report.Chains)],
            reports.Where(r => r.Step == LinkingStep.Joining));
        Assert.True(report.Chains > 100);
        Assert.All(reports.Where(r => r.Step != LinkingStep.Joining), r => Assert.InRange(r.Done, 1, r.Total));
    }
}
