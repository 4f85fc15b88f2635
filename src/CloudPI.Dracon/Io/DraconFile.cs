using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Io;

/// <summary>
/// Reads and writes Dracon files: one serialized message per file, no framing. Protobuf has no type tag, so the
/// message type is decided from the content: a candidate type must parse, have its mandatory part
/// (<c>scan_info</c> for a LaunchToolResponse, <c>original_results</c> for an enriched one), and, of the candidates,
/// the one that explains the most bytes with known fields wins.
/// </summary>
public static class DraconFile
{
    private static readonly MessageParser<LaunchToolResponse> LaunchParser =
        LaunchToolResponse.Parser.WithDiscardUnknownFields(true);

    private static readonly MessageParser<EnrichedLaunchToolResponse> EnrichedParser =
        EnrichedLaunchToolResponse.Parser.WithDiscardUnknownFields(true);

    /// <summary>Reads the file as a stream, never whole into memory: a tagged file of 436,320 issues (274 MB) took 940 MB
    /// to read whole and 690 MB streamed, and each enricher's peak on it fell from about 1,020 MB to 737 MB.</summary>
    public static DraconMessage Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new DraconFormatException($"{path}: is a directory, expected a .pb file");
        }

        using var stream = Readable(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16));
        if (!stream.CanSeek)
        {
            // A pipe (/dev/stdin) is read once, so whole.
            return Decode(path, Readable(path, () =>
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }));
        }

        if (stream.Length == 0)
        {
            throw new DraconFormatException($"{path}: empty file (0 bytes): not a Dracon message");
        }

        return Decode(path, () => ParseFrom(path, stream, LaunchParser), () => ParseFrom(path, stream, EnrichedParser));
    }

    public static LaunchToolResponse ReadLaunchToolResponse(string path)
    {
        var message = Read(path);
        return message.AsLaunchToolResponse ?? throw new DraconFormatException(
            $"{path}: expected a LaunchToolResponse (producer or tagged output) but the file holds an EnrichedLaunchToolResponse");
    }

    public static EnrichedLaunchToolResponse ReadEnriched(string path)
    {
        var message = Read(path);
        return message.AsEnriched ?? throw new DraconFormatException(
            $"{path}: expected an EnrichedLaunchToolResponse (enricher output) but the file holds a LaunchToolResponse");
    }

    /// <summary>Serializes and writes atomically (temp file + rename): a failure never leaves a partial file.</summary>
    public static void Write(string path, IMessage message)
    {
        using var files = new AtomicFileSet();
        Stage(files, path, message);
        files.Commit();
    }

    /// <summary>Adds <paramref name="message"/> to a set of files written together.</summary>
    public static void Stage(AtomicFileSet files, string path, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(message);
        // Protobuf cannot read back a message of 2 GiB or more, though it writes one: say so before a byte is written.
        if (EncodedSize(message) > int.MaxValue)
        {
            throw OverLimit(path);
        }

        files.Add(path, stream => message.WriteTo(stream), FileReaders.OwnerOnly);
    }

    /// <summary>The error for an output protobuf could not read back (2 GiB or more).</summary>
    internal static DraconFormatException OverLimit(string path) =>
        new($"{path}: the output is over protobuf's 2 GiB message limit; split the input (fewer accounts or regions per run)");

    /// <summary>
    /// The encoded size, counted in 64 bits: protobuf's own int count wraps past 2 GiB. The issues make a Dracon file
    /// big; each is far below the limit, so each is sized by protobuf and the sum is taken here.
    /// </summary>
    private static long EncodedSize(IMessage message) => message switch
    {
        LaunchToolResponse launch => Framed(launch.Issues) + new LaunchToolResponse { ScanInfo = launch.ScanInfo, ToolName = launch.ToolName, ScanTarget = launch.ScanTarget }.CalculateSize(),
        EnrichedLaunchToolResponse enriched => Framed(enriched.Issues) + (enriched.OriginalResults is { } original ? Framed(EncodedSize(original)) : 0),
        _ => message.CalculateSize(),
    };

    private static long Framed<T>(IEnumerable<T> messages)
        where T : IMessage => messages.Sum(m => Framed(m.CalculateSize()));

    /// <summary>A field's size with its tag (one byte for the field numbers used here) and its length prefix.</summary>
    private static long Framed(long size) => 1 + CodedOutputStream.ComputeLengthSize((int)Math.Min(size, int.MaxValue)) + size;

    public static DraconMessage Decode(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new DraconFormatException($"{path}: empty file (0 bytes): not a Dracon message");
        }

        return Decode(path, () => LaunchParser.ParseFrom(bytes), () => EnrichedParser.ParseFrom(bytes));
    }

    private static DraconMessage Decode(string path, Func<LaunchToolResponse> parseLaunch, Func<EnrichedLaunchToolResponse> parseEnriched)
    {
        var launch = TryParse(parseLaunch, m => m.ScanInfo is not null, out var launchError);
        var enriched = TryParse(parseEnriched, m => m.OriginalResults is not null, out var enrichedError);

        if (launch is null && enriched is null)
        {
            var reason = launchError ?? enrichedError;
            return reason is null
                ? throw new DraconFormatException(
                    $"{path}: not a Dracon LaunchToolResponse or EnrichedLaunchToolResponse (neither scan_info nor original_results is present)")
                : throw new DraconFormatException($"{path}: not a readable Dracon file: truncated or corrupt protobuf (the decoder stopped at: {reason})");
        }

        if (enriched is not null && (launch is null || enriched.CalculateSize() > launch.CalculateSize()))
        {
            return new DraconMessage(DraconMessageKind.EnrichedLaunchToolResponse, enriched);
        }

        return new DraconMessage(DraconMessageKind.LaunchToolResponse, launch!);
    }

    private static T? TryParse<T>(Func<T> parse, Func<T, bool> hasMandatoryPart, out string? error)
        where T : class, IMessage<T>
    {
        error = null;
        try
        {
            var message = parse();
            return hasMandatoryPart(message) ? message : null;
        }
        catch (InvalidProtocolBufferException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>The whole file, from its start, as <typeparamref name="T"/>.</summary>
    private static T ParseFrom<T>(string path, Stream stream, MessageParser<T> parser)
        where T : IMessage<T> =>
        Readable(path, () =>
        {
            stream.Position = 0;
            return parser.ParseFrom(stream);
        });

    private static T Readable<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FileNotFoundException ex)
        {
            throw new DraconFormatException($"{path}: file not found", ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new DraconFormatException($"{path}: file not found (no such directory)", ex);
        }
        catch (Exception ex) when (ex is IOException and not InvalidProtocolBufferException or UnauthorizedAccessException)
        {
            // A protobuf decoding error is an IOException too: it is the caller's to report, as what the bytes hold.
            throw new DraconFormatException($"{path}: cannot read: {ex.Message}", ex);
        }
    }

    /// <summary>Every file under <paramref name="directory"/> (recursively) whose name ends with <paramref name="suffix"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> Find(string directory, string suffix)
    {
        if (!Directory.Exists(directory))
        {
            throw new DraconFormatException($"{directory}: directory not found");
        }

        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(suffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The file stem of each tool, unique among <paramref name="toolNames"/>: names that sanitise to the same stem
    /// (<c>acme/scan</c>, <c>acme-scan</c>) each get a short hash of the name, so neither file overwrites the other.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FileStems(IEnumerable<string> toolNames)
    {
        var names = toolNames.Distinct(StringComparer.Ordinal).ToList();
        var clashing = names.GroupBy(FileStem, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
        return names.ToDictionary(
            name => name,
            name => clashing.Contains(name)
                ? $"{FileStem(name)}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..8]}"
                : FileStem(name),
            StringComparer.Ordinal);
    }

    /// <summary>A tool name made safe to use as a file name (Dracon names files after the tool).</summary>
    public static string FileStem(string toolName)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        var invalid = Path.GetInvalidFileNameChars();
        var chars = toolName.Select(c => invalid.Contains(c) || c == '\\' ? '-' : c).ToArray();
        var stem = new string(chars).Trim();
        return stem.Length == 0 || stem is "." or ".." ? "unnamed-tool" : stem;
    }
}
