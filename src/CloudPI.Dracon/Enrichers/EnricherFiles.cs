using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;
using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>
/// An enricher's file contract: read every <c>*.tagged.pb</c> under the read path, and for each write
/// <c>&lt;tool&gt;.&lt;enricher&gt;.enriched.pb</c> (the tagged input verbatim plus exactly one enriched issue per
/// input issue, uuid intact) and <c>&lt;tool&gt;.raw.pb</c>. The enriched issues are written as the enricher produces
/// them, so its memory does not grow with their annotations.
/// </summary>
public static class EnricherFiles
{
    public const string ReadPathVariable = "READ_PATH";
    public const string WritePathVariable = "WRITE_PATH";

    public static IReadOnlyList<TaggedResults> ReadTagged(string readPath)
    {
        var files = DraconFile.Find(readPath, Tagger.TaggedSuffix);
        if (files.Count == 0)
        {
            throw new DraconFormatException($"{readPath}: no *{Tagger.TaggedSuffix} files found (run the tagger first)");
        }

        // Dracon's semantics: one tool, all its issues. Two tagged files of one tool (from two directories) are merged,
        // never one written over the other.
        var byTool = new Dictionary<string, TaggedResults>(StringComparer.Ordinal);
        var texts = new SharedTexts();
        foreach (var file in files)
        {
            var response = DraconFile.ReadLaunchToolResponse(file);
            texts.Share(response.Issues);
            if (byTool.TryGetValue(response.ToolName, out var first))
            {
                first.Response.Issues.AddRange(response.Issues);
                byTool[response.ToolName] = first with { Sources = [.. first.Sources, file] };
                continue;
            }

            byTool.Add(response.ToolName, new TaggedResults(file, response));
        }

        return [.. byTool.Values];
    }

    /// <summary>
    /// Holds each text the issues repeat once: an enricher keeps every issue it reads until it is written, and a
    /// producer repeats its control's type, title, source and description on every finding of that control, and a
    /// resource's target once per control. Parsing gives each issue copies of its own; sharing them leaves the issues
    /// costing memory for what differs between them (their uuids, mostly).
    /// </summary>
    private sealed class SharedTexts
    {
        private readonly Dictionary<string, string> _held = new(StringComparer.Ordinal);

        public void Share(IEnumerable<Issue> issues)
        {
            foreach (var issue in issues)
            {
                issue.Target = Held(issue.Target);
                issue.Type = Held(issue.Type);
                issue.Title = Held(issue.Title);
                issue.Description = Held(issue.Description);
                issue.Source = Held(issue.Source);
            }
        }

        private string Held(string text)
        {
            if (text.Length == 0)
            {
                return text;
            }

            ref var held = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_held, text, out _);
            return held ??= text;
        }
    }

    /// <summary>Checks the enricher contract, then writes both files together; returns their paths.</summary>
    public static (string Enriched, string Raw) Write(
        string writePath, string enricherName, LaunchToolResponse original, IEnumerable<EnrichedIssue> enriched)
    {
        ArgumentNullException.ThrowIfNull(original);
        using var files = new AtomicFileSet();
        ArgumentNullException.ThrowIfNull(enriched);
        var paths = Stage(files, writePath, DraconFile.FileStem(original.ToolName), enricherName, original, enriched.Select(EncodedIssue.Of));
        files.Commit();
        return paths;
    }

    /// <summary>
    /// Stages both files in <paramref name="files"/> (written together, or neither); <paramref name="stem"/> names them
    /// (<see cref="DraconFile.FileStems"/> keeps tools apart). The enriched issues are written as they are enumerated,
    /// each checked against the enricher contract first, so an enricher need not hold them all. Returns the paths.
    /// </summary>
    /// <param name="issueBytes">The input's issues encoded ahead, copied into both files as they are; null to encode them here.</param>
    public static (string Enriched, string Raw) Stage(
        AtomicFileSet files, string writePath, string stem, string enricherName, LaunchToolResponse original, IEnumerable<EncodedIssue> enriched,
        IssueBytes? issueBytes = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(enricherName);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(enriched);

        var enrichedPath = Path.Combine(writePath, $"{stem}.{enricherName}.enriched.pb");
        var rawPath = Path.Combine(writePath, $"{stem}.raw.pb");
        var raw = new LaunchToolResponse { ScanInfo = original.ScanInfo, ToolName = original.ToolName };
        raw.Issues.AddRange(original.Issues);
        // The raw file is written while the issues are enriched (writing the enriched file drives their enrichment):
        // after them, its encoding and flush to disk were a wait of their own at the end.
        var rawStaged = Task.Run(() => StageRaw(files, rawPath, raw, issueBytes));
        try
        {
            files.Add(enrichedPath, stream => WriteEnriched(stream, enrichedPath, enricherName, original, EncodedResponse.Of(original, issueBytes), enriched), FileReaders.OwnerOnly);
        }
        catch
        {
            // The enriched file's failure is the one reported; the raw file is done with before the set is cleaned up.
            try
            {
                rawStaged.Wait();
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        rawStaged.GetAwaiter().GetResult();
        return (enrichedPath, rawPath);
    }

    private static void StageRaw(AtomicFileSet files, string path, LaunchToolResponse raw, IssueBytes? issueBytes)
    {
        if (EncodedResponse.Of(raw, issueBytes) is not { } encoded)
        {
            DraconFile.Stage(files, path, raw);
            return;
        }

        if (encoded.Size > int.MaxValue)
        {
            throw DraconFile.OverLimit(path);
        }

        files.Add(path, stream =>
        {
            using var output = new CodedOutputStream(stream, 1 << 16, leaveOpen: true);
            encoded.WriteTo(output);
            output.Flush();
        }, FileReaders.OwnerOnly);
    }

    /// <summary>
    /// The bytes <c>new EnrichedLaunchToolResponse { OriginalResults = original, Issues = { enriched } }.WriteTo</c>
    /// would write (field 1, then each issue as field 2), one issue at a time; the original from <paramref name="encodedOriginal"/>
    /// when its issues were encoded ahead.
    /// </summary>
    private static void WriteEnriched(
        Stream stream, string path, string enricherName, LaunchToolResponse original, EncodedResponse? encodedOriginal, IEnumerable<EncodedIssue> enriched)
    {
        // A 64 KiB buffer: an enriched file runs to hundreds of megabytes, written through 4 KiB it costs a write call per few issues.
        using var output = new CodedOutputStream(stream, 1 << 16, leaveOpen: true);
        // The first issue is asked for before the original is sized and written: the enrichment starts, and runs meanwhile.
        using var issues = enriched.GetEnumerator();
        var more = issues.MoveNext();
        output.WriteTag(EnrichedLaunchToolResponse.OriginalResultsFieldNumber, WireFormat.WireType.LengthDelimited);
        long size;
        if (encodedOriginal is null)
        {
            size = SizeAsField(original.CalculateSize());
            output.WriteMessage(original);
        }
        else
        {
            size = encodedOriginal.Size <= int.MaxValue ? SizeAsField((int)encodedOriginal.Size) : throw DraconFile.OverLimit(path);
            output.WriteLength((int)encodedOriginal.Size);
            encodedOriginal.WriteTo(output);
        }

        var index = 0;
        for (; more; more = issues.MoveNext())
        {
            var issue = issues.Current;
            Validate(enricherName, original, index, issue);
            size += SizeAsField(issue.Bytes.Length);
            if (size > int.MaxValue)
            {
                // Protobuf cannot decode a message of 2 GiB or more: stop rather than write one nobody can read.
                throw new DraconFormatException($"{path}: the output is over protobuf's 2 GiB message limit; split the input (fewer accounts or regions per run)");
            }

            // A message field is encoded as a bytes field is (its length, then its bytes): the encoded message is written as it is.
            output.WriteTag(EnrichedLaunchToolResponse.IssuesFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(issue.Bytes));
            issue.Release(); // copied into the output's buffer or written through: its array serves the next issues
            index++;
        }

        if (index != original.Issues.Count)
        {
            throw new InvalidOperationException(
                $"enricher {enricherName} produced {index} enriched issues for {original.Issues.Count} input issues of {original.ToolName}");
        }

        output.Flush();
    }

    private static long SizeAsField(int messageSize) => 1 + CodedOutputStream.ComputeLengthSize(messageSize) + (long)messageSize;

    private static void Validate(string enricherName, LaunchToolResponse original, int index, EncodedIssue issue)
    {
        if (index >= original.Issues.Count)
        {
            throw new InvalidOperationException(
                $"enricher {enricherName} produced more enriched issues than the {original.Issues.Count} input issues of {original.ToolName}");
        }

        if (issue.RawIssueUuid is null || issue.RawIssueUuid != original.Issues[index].Uuid)
        {
            throw new InvalidOperationException(
                $"enricher {enricherName}: enriched issue {index} of {original.ToolName} does not carry the input issue's uuid");
        }

        // Go writes empty map keys and values, C# omits them: keep them out so bytes agree.
        if (issue.EmptyAnnotation is { } empty)
        {
            throw new InvalidOperationException(
                $"enricher {enricherName}: annotation '{empty}' of issue {issue.RawIssueUuid} has an empty key or value");
        }
    }
}
