using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;

namespace CloudPI.Graph.Apoc;

/// <summary>
/// Reads an APOC JSON export (<c>apoc.export.json.*</c>): JSON_LINES, one node or relationship object per line, and
/// also ARRAY_JSON as long as no element spans lines (one element per line, or the whole array on one line).
/// Streams line by line; nodes must come before the relationships that use them, as APOC writes them.
/// </summary>
public static class ApocJsonLinesReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the file at <paramref name="path"/>; errors name the file and the 1-based line.
    /// </summary>
    /// <param name="path">The graph file.</param>
    /// <param name="progress">Told the bytes read so far and the file's length as the reading goes, for a progress line.</param>
    /// <exception cref="GraphFormatException">A line is not a valid record.</exception>
    public static PropertyGraph ReadFile(string path, Action<long, long>? progress = null)
    {
        if (Directory.Exists(path))
        {
            throw new GraphFormatException(path, "is a directory; expected a graph file (an APOC JSON-lines export)");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(progress is null ? stream : new ProgressStream(stream, progress), path);
    }

    /// <exception cref="GraphFormatException">A line is not a valid record.</exception>
    public static PropertyGraph Read(Stream stream, string sourceName)
    {
        var builder = new PropertyGraphBuilder();
        ReadInto(stream, sourceName, builder);
        return builder.Build();
    }

    /// <summary>Adds the records of <paramref name="stream"/> to <paramref name="builder"/>.</summary>
    /// <exception cref="GraphFormatException">A line is not a valid record.</exception>
    public static void ReadInto(Stream stream, string sourceName, PropertyGraphBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var lines = new PooledLineReader(stream);
        ReadInto(lines, sourceName, builder);
    }

    /// <summary>Adds the records of <paramref name="lines"/>; a test gives a reader with a small line limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ReadInto(PooledLineReader lines, string sourceName, PropertyGraphBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(builder);
        var parser = new ApocRecordParser(builder);
        bool? arrayLayout = null;
        while (NextLine(lines, sourceName, out var line))
        {
            // Replacing bad bytes would silently change values (a tag "prod" that no longer matches): refuse them.
            if (!Utf8.IsValid(line))
            {
                var at = InvalidUtf8Index(line);
                throw new GraphFormatException(sourceName, lines.LineNumber, $"invalid UTF-8 at byte offset {lines.LineOffset + at} (byte {at + 1} of the line)");
            }

            try
            {
                arrayLayout ??= StartsArray(line);
                if (arrayLayout is { } isArray)
                {
                    ParseLine(parser, line, isArray);
                }
            }
            catch (RecordException e)
            {
                throw new GraphFormatException(sourceName, lines.LineNumber, e.Message);
            }
            catch (JsonException e)
            {
                throw new GraphFormatException(sourceName, lines.LineNumber, $"invalid JSON ({e.Message})", e);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool NextLine(PooledLineReader lines, string sourceName, out ReadOnlySpan<byte> line)
    {
        try
        {
            return lines.TryReadLine(out line);
        }
        catch (InvalidDataException e)
        {
            throw new GraphFormatException(sourceName, lines.LineNumber + 1, e.Message, e);
        }
    }

    /// <summary>Where the first byte that is not valid UTF-8 sits in <paramref name="bytes"/>.</summary>
    private static int InvalidUtf8Index(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return bytes.Length;
        }
        catch (DecoderFallbackException ex)
        {
            return ex.Index;
        }
    }

    /// <summary>Whether the first non-blank line opens an ARRAY_JSON export; blank leading lines decide nothing.</summary>
    private static bool? StartsArray(ReadOnlySpan<byte> line)
    {
        var trimmed = line.TrimStart(" \t"u8);
        return trimmed.IsEmpty ? null : trimmed[0] == (byte)'[';
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParseLine(ApocRecordParser parser, ReadOnlySpan<byte> line, bool arrayLayout)
    {
        var separators = arrayLayout ? " \t,[]"u8 : " \t"u8;
        var rest = line.TrimStart(separators);
        var records = 0;
        while (!rest.IsEmpty)
        {
            if (records > 0 && !arrayLayout)
            {
                throw new RecordException("unexpected content after the record (JSON_LINES holds one record per line)");
            }

            // The parser stops at the record's closing brace, so what follows it is never read as JSON here.
            records++;
            rest = rest[ParseRecord(parser, rest)..].TrimStart(separators);
        }
    }

    /// <summary>
    /// Parses the record at the start of <paramref name="json"/> and returns its length: with the fast reader, and
    /// again with the strict one when the fast one leaves the record to it or the record fails (the strict reader's
    /// error then stands; the parser adds a record only once it has read all of it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ParseRecord(ApocRecordParser parser, ReadOnlySpan<byte> json)
    {
        var fast = new FastRecordTokens(json);
        try
        {
            parser.ParseRecord(ref fast);
            return fast.BytesConsumed;
        }
        catch (Exception)
        {
            return ParseStrictly(parser, json);
        }
    }

    /// <summary>A method of its own: the strict reader's large state would otherwise be cleared on every record's call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ParseStrictly(ApocRecordParser parser, ReadOnlySpan<byte> json)
    {
        var strict = new StrictRecordTokens(json);
        parser.ParseRecord(ref strict);
        return strict.BytesConsumed;
    }

    /// <summary>A read-only pass-through that reports how far the reading got after each block.</summary>
    private sealed class ProgressStream(FileStream inner, Action<long, long> progress) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Report(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Report(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Report(int read)
        {
            progress(inner.Position, inner.Length);
            return read;
        }
    }
}
