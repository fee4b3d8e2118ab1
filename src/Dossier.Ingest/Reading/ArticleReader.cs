using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Ingest.Cleaning;

namespace Dossier.Ingest;

/// <summary>Limits that keep one bad input from taking the machine down.</summary>
public sealed record ReaderOptions
{
    /// <summary>Files larger than this are refused unread, except JSON lines, which are streamed.</summary>
    /// <value>The default value is 50 MB.</value>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>One JSON line larger than this is refused (the rest of the file goes on).</summary>
    /// <value>The default value is 16 MB.</value>
    public int MaxLineBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// An article with more words than this after cleaning is refused (the rest of its file goes on).
    /// A 300-page report is about 150,000 words; the limit keeps one pasted archive from holding the
    /// ingest for an hour while it stays far above any report.
    /// </summary>
    /// <value>The default value is 200,000 words.</value>
    public int MaxArticleWords { get; init; } = 200_000;
}

/// <summary>What reading produced: an article, or a file, line or item refused with a one-line reason.</summary>
public abstract record ReadOutcome
{
    public sealed record Article(RawDocument Raw) : ReadOutcome;

    /// <summary><paramref name="Origin"/> is <c>path</c>, <c>path:LINE</c> or <c>path#ITEM</c>.</summary>
    public sealed record Refused(string Origin, string Reason) : ReadOutcome;
}

/// <summary>
/// Reads articles from one input: plain text, HTML, JSON lines, a JSON array, RSS 2.0 or Atom, told
/// apart by extension and content. Never throws for bad input: every problem becomes a
/// <see cref="ReadOutcome.Refused"/> and the caller goes on to the next input.
/// </summary>
public sealed class ArticleReader(ReaderOptions options)
{
    public ReaderOptions Options => options;

    private static readonly string[] JsonLinesExtensions = [".jsonl", ".ndjson", ".jsonlines"];
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml", ".shtml"];
    private static readonly string[] FeedExtensions = [".xml", ".rss", ".atom"];

    /// <summary>A file named as text is read as text, whatever tags it quotes.</summary>
    private static readonly string[] TextExtensions = [".txt", ".text"];

    public IEnumerable<ReadOutcome> Read(InputFile input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsStandardInput)
        {
            return Read(input, Console.OpenStandardInput(), cancellationToken);
        }

        FileStream stream;
        try
        {
            var info = new FileInfo(input.Path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            {
                return [Refuse(input.Path, $"broken link to {info.LinkTarget}")];
            }

            if (!info.Exists)
            {
                return [Refuse(input.Path, "file vanished before it could be read")];
            }

            if (info.Length == 0)
            {
                return [Refuse(input.Path, "empty file")];
            }

            if (!IsJsonLinesName(input.Path) && info.Length > options.MaxFileBytes)
            {
                return [Refuse(input.Path, string.Create(CultureInfo.InvariantCulture,
                    $"file is {info.Length / 1024.0 / 1024.0:0.0} MB, over the {options.MaxFileBytes / 1024.0 / 1024.0:0.#} MB limit (--max-file-size)"))];
            }

            stream = new FileStream(input.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return [Refuse(input.Path, $"cannot read: {OneLine(exception.Message)}")];
        }

        return Read(input, stream, cancellationToken);
    }

    /// <summary>Reads from an open stream (standard input, tests); the stream is disposed when done.
    /// JSON lines come out one by one as they are read, so a file of any size runs in bounded memory.</summary>
    public IEnumerable<ReadOutcome> Read(InputFile input, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stream);
        return ReadStream(input, stream, cancellationToken);
    }

    private IEnumerable<ReadOutcome> ReadStream(InputFile input, Stream stream, CancellationToken cancellationToken)
    {
        using (stream)
        {
            var buffered = new BufferedStream(stream, 64 * 1024);
            var head = new byte[4096];
            var headLength = 0;
            string? failure = null;
            try
            {
                headLength = ReadHead(buffered, head);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                failure = $"cannot read: {OneLine(exception.Message)}";
            }

            if (failure is not null)
            {
                yield return Refuse(input.Path, failure);
                yield break;
            }

            var prefix = head.AsMemory(0, headLength);
            if (IsJsonLinesName(input.Path) || (!HasOtherKnownExtension(input.Path) && LooksLikeJsonLines(prefix.Span)))
            {
                foreach (var outcome in new JsonLinesReader(options).Read(input.Path, new PrefixedStream(prefix, buffered), cancellationToken))
                {
                    yield return outcome;
                }

                yield break;
            }

            byte[]? bytes = null;
            try
            {
                bytes = ReadAll(prefix, buffered);
            }
            catch (InvalidDataException exception)
            {
                failure = exception.Message;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                failure = $"cannot read: {OneLine(exception.Message)}";
            }

            if (failure is not null)
            {
                yield return Refuse(input.Path, failure);
                yield break;
            }

            foreach (var outcome in ReadWhole(input, bytes!))
            {
                yield return outcome;
            }
        }
    }

    private List<ReadOutcome> ReadWhole(InputFile input, byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return [Refuse(input.Path, "empty file")];
        }

        var text = TextDecoder.Decode(bytes, out var reason);
        if (text is null)
        {
            return [Refuse(input.Path, reason!)];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return [Refuse(input.Path, "empty file (only whitespace)")];
        }

        var start = text.AsSpan().TrimStart();
        var extension = Path.GetExtension(input.Path).ToLowerInvariant();
        if (FeedExtensions.Contains(extension) || start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) ||
            start.StartsWith("<rss", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<feed", StringComparison.OrdinalIgnoreCase))
        {
            if (FeedReader.LooksLikeFeed(text))
            {
                return FeedReader.Read(input.Path, text);
            }

            if (FeedExtensions.Contains(extension) && !HtmlSniffer.LooksLikeHtml(text))
            {
                return [Refuse(input.Path, "XML, but neither an RSS 2.0 nor an Atom feed")];
            }
        }

        if (extension == ".json" || start.StartsWith("[", StringComparison.Ordinal))
        {
            var array = JsonArticles.ReadArray(input.Path, text);
            if (array is not null)
            {
                return array;
            }
        }

        var isHtml = HtmlExtensions.Contains(extension) || (!TextExtensions.Contains(extension) && HtmlSniffer.LooksLikeHtml(text));
        var format = isHtml ? SourceFormat.Html : SourceFormat.Text;
        return [new ReadOutcome.Article(new RawDocument(new DocumentOrigin(input.Path, format), text, isHtml, ArticleMetadata.Empty))];
    }

    private static int ReadHead(Stream stream, byte[] head)
    {
        var total = 0;
        while (total < head.Length)
        {
            var read = stream.Read(head, total, head.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private byte[] ReadAll(ReadOnlyMemory<byte> prefix, Stream rest)
    {
        // Standard input has no length to check up front, so the limit is enforced while reading.
        using var memory = new MemoryStream();
        memory.Write(prefix.Span);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = rest.Read(buffer, 0, buffer.Length)) > 0)
        {
            memory.Write(buffer, 0, read);
            if (memory.Length > options.MaxFileBytes)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"input is over the {options.MaxFileBytes / 1024.0 / 1024.0:0.#} MB limit (--max-file-size)"));
            }
        }

        return memory.ToArray();
    }

    private static bool IsJsonLinesName(string path) =>
        JsonLinesExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static bool HasOtherKnownExtension(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return HtmlExtensions.Contains(extension) || FeedExtensions.Contains(extension) || extension == ".json";
    }

    /// <summary>A first line that is a JSON object: the start of a JSON lines file.</summary>
    private static bool LooksLikeJsonLines(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var trimmed = head.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        var newline = trimmed.IndexOf((byte)'\n');
        var line = newline < 0 ? trimmed : trimmed[..newline];
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = false });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            // A line cut at the sniff boundary is still JSON lines if it got that far as an object.
            return newline < 0 && reader.BytesConsumed > 1;
        }
    }

    internal static ReadOutcome.Refused Refuse(string origin, string reason) => new(origin, reason);

    internal static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>A stream that first replays bytes already read for sniffing.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position < prefix.Length)
        {
            var take = Math.Min(count, prefix.Length - position);
            prefix.Span.Slice(position, take).CopyTo(buffer.AsSpan(offset));
            position += take;
            return take;
        }

        return rest.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
