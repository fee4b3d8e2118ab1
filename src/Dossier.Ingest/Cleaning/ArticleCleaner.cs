using System.Text;
using Dossier.Core.Documents;
using Dossier.Ingest.Cleaning;

namespace Dossier.Ingest;

/// <summary>
/// Turns a raw article into a <see cref="Document"/>: the body kept whole, everything else removed and
/// recorded with its reason, captions marked, metadata found, and a map from clean offsets back to
/// the source. Never throws on any input; an input with no body gives an empty text, which the
/// caller refuses.
/// </summary>
public sealed class ArticleCleaner
{
    /// <summary>Changes whenever the same input may clean differently; stored with each article.</summary>
    public const string Version = "1";

    private const string Separator = "\n\n";

    public Document Clean(RawDocument raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        List<Block> blocks;
        var removed = new List<RemovedRange>();
        var found = ArticleMetadata.Empty;
        if (raw.SourceIsHtml)
        {
            var page = HtmlBlocks.Read(raw.SourceText);
            blocks = page.Blocks;
            removed.AddRange(page.MarkupRemoved);
            found = page.Meta;
        }
        else
        {
            blocks = PlainTextBlocks.Split(raw.SourceText);
        }

        var declaredTitle = raw.Declared.Title ?? found.Title;
        var fromText = BoilerplateRules.Apply(blocks, declaredTitle).ToMetadata();
        var metadata = fromText.OverriddenBy(found).OverriddenBy(raw.Declared);

        var text = new StringBuilder(raw.SourceText.Length);
        var segments = new List<OffsetSegment>();
        var captions = new List<TextSpan>();
        foreach (var block in blocks)
        {
            if (block.TrimmedPrefix is { } prefix)
            {
                removed.Add(new RemovedRange(prefix.Start, prefix.End, RemovalReason.RepeatedTitle, "title-glued-to-paragraph", Preview(raw.SourceText[prefix.Start..prefix.End])));
            }

            if (!block.IsBody)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(Separator);
            }

            var start = text.Length;
            text.Append(block.Text);
            segments.Add(new OffsetSegment(start, block.Text.Length, block.Start, block.IsExact ? block.Text.Length : block.End - block.Start));
            if (block.IsCaption)
            {
                captions.Add(new TextSpan(start, text.Length));
            }
        }

        removed.AddRange(MergeRemoved(blocks));
        removed.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return new Document(raw.Origin, text.ToString(), metadata, new OffsetMap(segments), removed, captions) { CleanerVersion = Version };
    }

    /// <summary>Consecutive removed blocks with the same reason and rule become one range.</summary>
    private static IEnumerable<RemovedRange> MergeRemoved(List<Block> blocks)
    {
        Block? first = null;
        Block? last = null;
        foreach (var block in blocks.Append(null))
        {
            if (block is not null && !block.IsBody && first is not null && block.Removal == first.Removal && block.Rule == first.Rule)
            {
                last = block;
                continue;
            }

            if (first is not null)
            {
                var end = Math.Max(first.End, last!.End);
                yield return new RemovedRange(first.Start, end, first.Removal!.Value, first.Rule, Preview(first.Text));
                first = last = null;
            }

            if (block is not null && !block.IsBody)
            {
                first = last = block;
            }
        }
    }

    private static string Preview(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 80 ? line[..80] + "…" : line;
    }
}
