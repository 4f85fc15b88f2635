using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Enrichers;

/// <summary>
/// An enricher's file contract: read every <c>*.tagged.pb</c> under the read path, and for each write
/// <c>&lt;tool&gt;.&lt;enricher&gt;.enriched.pb</c> (the tagged input verbatim plus exactly one enriched issue per
/// input issue, uuid intact) and <c>&lt;tool&gt;.raw.pb</c>. Reading everything first lets an enricher do its
/// analysis in one pass over all issues.
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
        foreach (var file in files)
        {
            var response = DraconFile.ReadLaunchToolResponse(file);
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

    /// <summary>Checks the enricher contract, then writes both files together; returns their paths.</summary>
    public static (string Enriched, string Raw) Write(
        string writePath, string enricherName, LaunchToolResponse original, IReadOnlyList<EnrichedIssue> enriched)
    {
        ArgumentNullException.ThrowIfNull(original);
        using var files = new AtomicFileSet();
        var paths = Stage(files, writePath, DraconFile.FileStem(original.ToolName), enricherName, original, enriched);
        files.Commit();
        return paths;
    }

    /// <summary>
    /// Checks the enricher contract, then stages both files in <paramref name="files"/> (written together, or neither);
    /// <paramref name="stem"/> names them (<see cref="DraconFile.FileStems"/> keeps tools apart). Returns their paths.
    /// </summary>
    public static (string Enriched, string Raw) Stage(
        AtomicFileSet files, string writePath, string stem, string enricherName, LaunchToolResponse original, IReadOnlyList<EnrichedIssue> enriched)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(enricherName);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(enriched);
        Validate(enricherName, original, enriched);

        var output = new EnrichedLaunchToolResponse { OriginalResults = original };
        output.Issues.AddRange(enriched);
        var raw = new LaunchToolResponse { ScanInfo = original.ScanInfo, ToolName = original.ToolName };
        raw.Issues.AddRange(original.Issues);

        var enrichedPath = Path.Combine(writePath, $"{stem}.{enricherName}.enriched.pb");
        var rawPath = Path.Combine(writePath, $"{stem}.raw.pb");
        DraconFile.Stage(files, enrichedPath, output);
        DraconFile.Stage(files, rawPath, raw);
        return (enrichedPath, rawPath);
    }

    private static void Validate(string enricherName, LaunchToolResponse original, IReadOnlyList<EnrichedIssue> enriched)
    {
        if (enriched.Count != original.Issues.Count)
        {
            throw new InvalidOperationException(
                $"enricher {enricherName} produced {enriched.Count} enriched issues for {original.Issues.Count} input issues of {original.ToolName}");
        }

        for (var i = 0; i < enriched.Count; i++)
        {
            var issue = enriched[i];
            if (issue.RawIssue is null || issue.RawIssue.Uuid != original.Issues[i].Uuid)
            {
                throw new InvalidOperationException(
                    $"enricher {enricherName}: enriched issue {i} of {original.ToolName} does not carry the input issue's uuid");
            }

            // Go writes empty map keys and values, C# omits them: keep them out so bytes agree.
            var empty = issue.Annotations.FirstOrDefault(a => a.Key.Length == 0 || a.Value.Length == 0);
            if (empty.Key is not null)
            {
                throw new InvalidOperationException(
                    $"enricher {enricherName}: annotation '{empty.Key}' of issue {issue.RawIssue.Uuid} has an empty key or value");
            }
        }
    }
}
