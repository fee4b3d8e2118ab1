using Dossier.Core.Export;
using Dossier.Core.Storage;
using Dossier.Export.Csv;
using Dossier.Export.Graph;
using Dossier.Export.Json;
using Dossier.Export.Stix;

namespace Dossier.Export;

/// <summary>Writes a store, or the part a filter chooses, in one format, streaming: memory does not grow with the store.</summary>
public static class DossierExporter
{
    public static ExportSummary Export(IDossierStore store, ExportFormat format, ExportFilter filter, Stream output, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var counter = new ExportCounter(options);
        switch (format)
        {
            case ExportFormat.Json:
                JsonExporter.Write(store, filter, output, counter);
                break;
            case ExportFormat.Csv:
                AcledCsvExporter.Write(store, filter, output, options.Places, counter);
                break;
            case ExportFormat.Gexf:
                GexfExporter.Write(store, filter, output, options, counter);
                break;
            case ExportFormat.GraphML:
                GraphMLExporter.Write(store, filter, output, counter);
                break;
            case ExportFormat.Stix:
                StixExporter.Write(store, filter, output, options, counter);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }

        output.Flush();
        return counter.Summary();
    }
}

/// <summary>Counts what an export writes, by kind, and reports progress now and then.</summary>
internal sealed class ExportCounter(ExportOptions options)
{
    private readonly SortedDictionary<string, long> counts = new(StringComparer.Ordinal);
    private long total;

    public void Count(string kind)
    {
        counts[kind] = counts.GetValueOrDefault(kind) + 1;
        total++;
        if (options.Progress is { } progress && total % options.ProgressEvery == 0)
        {
            progress(kind, total);
        }
    }

    public ExportSummary Summary() => new(new Dictionary<string, long>(counts, StringComparer.Ordinal));
}
