using System.Text;
using System.Text.Json;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Reading;

/// <summary>
/// Reads any supported Pulumi file, recognised by its content: a preview digest, a stack export, or a stream of
/// engine events. Anything else, or a malformed or truncated file, is an <see cref="IacFormatException"/> naming the
/// file and the line or JSON path.
/// </summary>
public static class IacInputReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static IacStack ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IacFormatException($"{path}: cannot read: {ex.Message}", ex);
        }

        return Read(content, path);
    }

    public static IacStack Read(ReadOnlyMemory<byte> content, string file)
    {
        RefuseInvalidUtf8(content.Span, file);
        var text = SkipBom(content);
        var lines = SplitLines(text);
        if (lines.Count == 0)
        {
            throw new IacFormatException($"{file}: empty file: expected pulumi preview --json, pulumi stack export or engine events");
        }

        if (IsEngineEvent(text[lines[0].Range]))
        {
            return EngineEventsReader.Read(ParseLines(text, lines, file), file);
        }

        JsonElement root;
        using (var document = ParseDocument(text, file))
        {
            root = document.RootElement.Clone(); // resources keep elements of it beyond the pooled document's life
        }

        if (PreviewDigestReader.Recognises(root))
        {
            return PreviewDigestReader.Read(root, file);
        }

        if (StackExportReader.Recognises(root))
        {
            return StackExportReader.Read(root, file);
        }

        throw new IacFormatException($"{file}: not a Pulumi file: expected pulumi preview --json (steps), pulumi stack export (deployment) or engine events (one per line)");
    }

    private static ReadOnlyMemory<byte> SkipBom(ReadOnlyMemory<byte> content) =>
        content.Span.StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content;

    /// <summary>The non-blank lines with their 1-based numbers.</summary>
    private static List<(int Number, Range Range)> SplitLines(ReadOnlyMemory<byte> text)
    {
        var lines = new List<(int, Range)>();
        var span = text.Span;
        var start = 0;
        var number = 1;
        while (start <= span.Length)
        {
            var length = span[start..].IndexOf((byte)'\n');
            var end = length < 0 ? span.Length : start + length;
            if (!span[start..end].Trim(" \t\r"u8).IsEmpty)
            {
                lines.Add((number, start..end));
            }

            if (length < 0)
            {
                break;
            }

            start = end + 1;
            number++;
        }

        return lines;
    }

    /// <summary>A stream's first line is a whole event; a pretty-printed preview's first line is not valid JSON alone.</summary>
    private static bool IsEngineEvent(ReadOnlyMemory<byte> firstLine)
    {
        try
        {
            using var document = JsonDocument.Parse(firstLine, Options);
            return EngineEventsReader.Recognises(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<(int Line, JsonElement Event)> ParseLines(ReadOnlyMemory<byte> text, List<(int Number, Range Range)> lines, string file)
    {
        foreach (var (number, range) in lines)
        {
            using var document = ParseLine(text[range], file, number);
            yield return (number, document.RootElement.Clone());
        }
    }

    /// <summary>Replacing bytes that are not UTF-8 would change names and ids silently: refuse them, with line and offset.</summary>
    private static void RefuseInvalidUtf8(ReadOnlySpan<byte> content, string file)
    {
        if (System.Text.Unicode.Utf8.IsValid(content))
        {
            return;
        }

        try
        {
            CloudPI.Dracon.Io.StrictText.Decode(content, file);
        }
        catch (FormatException ex)
        {
            throw new IacFormatException(ex.Message, ex);
        }
    }

    private static JsonDocument ParseLine(ReadOnlyMemory<byte> line, string file, int number)
    {
        try
        {
            return JsonDocument.Parse(line, Options);
        }
        catch (JsonException ex)
        {
            throw new IacFormatException($"{file}: line {number}: malformed or truncated engine event: {FirstSentence(ex.Message)}", ex);
        }
    }

    private static JsonDocument ParseDocument(ReadOnlyMemory<byte> text, string file)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw new IacFormatException($"{file}: line {(ex.LineNumber ?? 0) + 1}: malformed or truncated JSON: {FirstSentence(ex.Message)}", ex);
        }
    }

    private static string FirstSentence(string message) => message.Split(" LineNumber:", 2)[0].Trim();
}
