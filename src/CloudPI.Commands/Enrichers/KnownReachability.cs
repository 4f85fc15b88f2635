using System.Buffers;
using CloudPI.Controls;
using CloudPI.Dracon;
using CloudPI.Dracon.Io;
using CloudPI.Enrichers;
using CloudPI.Reachability;
using Google.Protobuf;
using Microsoft.Win32.SafeHandles;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// The verdicts of an earlier reachability run (its <c>*.reachability.enriched.pb</c> files), by issue uuid, for the
/// exploitability enricher to use instead of computing them. The files are indexed, not held: each issue is read and
/// checked once while indexing (bad input fails before any output is written), and read again from its file when its
/// uuid is asked. Holding every verdict took 869 MB at 100k resources and 50k issues (Native AOT), the enricher alone 149 MB.
/// </summary>
internal sealed class KnownReachability : IDisposable
{
    private readonly List<(string Path, SafeFileHandle Handle)> _files = [];
    private readonly Dictionary<string, Place> _places = new(StringComparer.Ordinal);

    /// <summary>Where one issue's bytes are: its file, and the offset and length of its <c>EnrichedIssue</c>.</summary>
    private readonly record struct Place(int File, long Offset, int Length);

    private const int IssuesField = 2; // EnrichedLaunchToolResponse.issues
    private const int OriginalResultsField = 1; // EnrichedLaunchToolResponse.original_results

    private KnownReachability()
    {
    }

    /// <summary>Every reachability output under <paramref name="path"/>, indexed; none when the path is null.</summary>
    public static KnownReachability Index(string? path)
    {
        var known = new KnownReachability();
        if (path is null)
        {
            return known;
        }

        try
        {
            foreach (var file in DraconFile.Find(path, $".{EnricherCommands.ReachabilityName}.enriched.pb"))
            {
                known.Add(file);
            }

            return known;
        }
        catch
        {
            known.Dispose();
            throw;
        }
    }

    /// <summary>The verdict written for <paramref name="uuid"/>, or null when the earlier run has none for it.</summary>
    public ReachabilityResult? Find(string uuid)
    {
        if (!_places.TryGetValue(uuid, out var place))
        {
            return null;
        }

        var (path, handle) = _files[place.File];
        var buffer = ArrayPool<byte>.Shared.Rent(place.Length);
        try
        {
            var read = 0;
            while (read < place.Length)
            {
                var got = RandomAccess.Read(handle, buffer.AsSpan(read, place.Length - read), place.Offset + read);
                read += got > 0 ? got : throw new DraconFormatException($"{path}: the file shrank while it was read");
            }

            return Verdict(path, EnrichedIssue.Parser.ParseFrom(buffer, 0, place.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Add(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        _files.Add((path, handle));
        var file = _files.Count - 1;
        // A stream of its own to index with: a FileStream over the kept handle would close it when disposed.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        if (stream.Length == 0)
        {
            throw new DraconFormatException($"{path}: empty file (0 bytes): not a Dracon message");
        }

        using var input = new CodedInputStream(stream, leaveOpen: true);
        var original = false;
        try
        {
            for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
            {
                var field = WireFormat.GetTagFieldNumber(tag);
                var delimited = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
                if (field == OriginalResultsField && delimited)
                {
                    // Protobuf writers put the original results (field 1) before the issues: what else starts here is no enricher's output.
                    if (!IsLaunchToolResponse(input.ReadBytes()))
                    {
                        throw NotEnriched(path);
                    }

                    original = true;
                }
                else if (field == IssuesField && delimited && original)
                {
                    var bytes = input.ReadBytes();
                    var issue = EnrichedIssue.Parser.ParseFrom(bytes);
                    // Checked now, so that a malformed one fails the run before anything is written; the last of a uuid wins.
                    if (issue.RawIssue is not null && Verdict(path, issue) is not null)
                    {
                        _places[issue.RawIssue.Uuid] = new Place(file, input.Position - bytes.Length, bytes.Length);
                    }
                }
                else if (original)
                {
                    input.SkipLastField();
                }
                else
                {
                    throw NotEnriched(path);
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new DraconFormatException($"{path}: not a readable Dracon file: truncated or corrupt protobuf (the decoder stopped at: {ex.Message})", ex);
        }

        if (!original)
        {
            throw NotEnriched(path);
        }
    }

    private static bool IsLaunchToolResponse(ByteString bytes)
    {
        try
        {
            return LaunchToolResponse.Parser.ParseFrom(bytes).ScanInfo is not null;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }

    private static DraconFormatException NotEnriched(string path) =>
        new($"{path}: expected an EnrichedLaunchToolResponse (an enricher's output, as the reachability enricher writes) but the file holds something else");

    /// <summary>The verdict in one enriched issue's annotations, read as the reachability enricher asked it.</summary>
    private static ReachabilityResult? Verdict(string path, EnrichedIssue issue)
    {
        var resource = issue.Annotations.TryGetValue(AnnotationKeys.Resource, out var id) ? id : issue.RawIssue.Target;
        try
        {
            var anyTraffic = ReachabilityAnnotator.AsksAnyTraffic(ControlCatalog.Default.Resolve(issue.RawIssue.Type));
            return ReachabilityAnnotations.TryRead(issue.Annotations, resource, anyTraffic);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new DraconFormatException($"{path}: issue {issue.RawIssue.Uuid}: the reachability annotations are malformed ({ex.Message})", ex);
        }
    }

    public void Dispose()
    {
        foreach (var (_, handle) in _files)
        {
            handle.Dispose();
        }

        _files.Clear();
    }
}
