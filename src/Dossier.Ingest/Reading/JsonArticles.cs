using System.Text.Json;
using Dossier.Core.Documents;
using Dossier.Ingest.Cleaning;

namespace Dossier.Ingest;

/// <summary>
/// One article as a JSON object: <c>url</c>, <c>title</c>, <c>text</c> or <c>html</c>, <c>published</c>,
/// <c>outlet</c>, <c>author</c>; all optional but a body. Unknown fields are ignored, so exports from
/// other tools load as they are.
/// </summary>
internal static class JsonArticles
{
    /// <summary>The article in <paramref name="json"/>, or a refusal reason.</summary>
    public static ReadOutcome FromObject(JsonElement json, DocumentOrigin origin)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return ArticleReader.Refuse(origin.ToString(), $"expected a JSON object, found {Describe(json.ValueKind)}");
        }

        var text = String(json, "text") ?? String(json, "body") ?? String(json, "content");
        var html = String(json, "html");
        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
        {
            return ArticleReader.Refuse(origin.ToString(), "no article body: the object has neither \"text\" nor \"html\"");
        }

        var published = String(json, "published") ?? String(json, "date") ?? String(json, "published_at");
        var declared = new ArticleMetadata
        {
            Title = Clean(String(json, "title")),
            Url = Clean(String(json, "url")),
            Outlet = Clean(String(json, "outlet") ?? String(json, "source") ?? String(json, "site")),
            Author = Clean(String(json, "author")),
            Published = DateTextParser.ParseMachineDate(published) ?? DateTextParser.ParseHumanDate(published),
        };
        var isHtml = string.IsNullOrWhiteSpace(text);
        return new ReadOutcome.Article(new RawDocument(origin with { Format = SourceFormat.JsonLines }, isHtml ? html! : text!, isHtml, declared));
    }

    /// <summary>A whole file holding a JSON array of article objects, or null when it is not one.</summary>
    public static List<ReadOutcome>? ReadArray(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            return text.TrimStart().StartsWith('[') ? [ArticleReader.Refuse(path, $"malformed JSON: {ArticleReader.OneLine(exception.Message)}")] : null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return [FromObject(root, new DocumentOrigin(path, SourceFormat.JsonLines))];
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return [ArticleReader.Refuse(path, $"expected an array of article objects, found {Describe(root.ValueKind)}")];
            }

            var outcomes = new List<ReadOutcome>();
            var item = 0;
            foreach (var element in root.EnumerateArray())
            {
                item++;
                outcomes.Add(FromObject(element, new DocumentOrigin(path, SourceFormat.JsonLines, Item: item)));
            }

            return outcomes.Count > 0 ? outcomes : [ArticleReader.Refuse(path, "empty JSON array")];
        }
    }

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// JSON lines streamed one line at a time: a malformed line is refused with its line number and the
/// good lines go on; memory stays bounded by the longest line, whatever the file's size.
/// </summary>
internal sealed class JsonLinesReader(ReaderOptions options)
{
    public IEnumerable<ReadOutcome> Read(string path, Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var state = new LineState(path);
        var ready = new List<ReadOutcome>();
        var any = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Consume(buffer.AsSpan(0, read), state, ready);
            foreach (var outcome in ready)
            {
                any = true;
                yield return outcome;
            }

            ready.Clear();
        }

        if (Finish(state) is { } last)
        {
            any = true;
            yield return last;
        }

        if (!any)
        {
            yield return ArticleReader.Refuse(path, "empty file (no JSON lines)");
        }
    }

    private void Consume(ReadOnlySpan<byte> span, LineState state, List<ReadOutcome> ready)
    {
        if (state.AtStart)
        {
            state.AtStart = false;
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }
        }

        while (!span.IsEmpty)
        {
            var newline = span.IndexOf((byte)'\n');
            var part = newline < 0 ? span : span[..newline];
            if (!state.TooLong)
            {
                if (state.Line.Length + part.Length > options.MaxLineBytes)
                {
                    state.TooLong = true;
                    state.Line.SetLength(0);
                }
                else
                {
                    state.Line.Write(part);
                }
            }

            if (newline < 0)
            {
                return;
            }

            if (Finish(state) is { } outcome)
            {
                ready.Add(outcome);
            }

            state.Line.SetLength(0);
            state.TooLong = false;
            state.LineNumber++;
            span = span[(newline + 1)..];
        }
    }

    private ReadOutcome? Finish(LineState state) => Finish(state.Path, state.LineNumber, state.Line, state.TooLong);

    private ReadOutcome? Finish(string path, int lineNumber, MemoryStream line, bool tooLong)
    {
        var origin = new DocumentOrigin(path, SourceFormat.JsonLines, Line: lineNumber);
        if (tooLong)
        {
            return ArticleReader.Refuse(origin.ToString(), $"line is over the {options.MaxLineBytes / 1024 / 1024} MB limit for one article");
        }

        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']).IsEmpty)
        {
            return null; // blank lines separate nothing and are not an error
        }

        var text = TextDecoder.DecodeUtf8(bytes, out var reason);
        if (text is null)
        {
            return ArticleReader.Refuse(origin.ToString(), reason!);
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return JsonArticles.FromObject(document.RootElement, origin);
        }
        catch (JsonException exception)
        {
            return ArticleReader.Refuse(origin.ToString(), $"malformed JSON: {ArticleReader.OneLine(exception.Message)}");
        }
    }
}

internal sealed class LineState(string path)
{
    public string Path { get; } = path;

    public MemoryStream Line { get; } = new();

    public int LineNumber { get; set; } = 1;

    public bool TooLong { get; set; }

    public bool AtStart { get; set; } = true;
}
