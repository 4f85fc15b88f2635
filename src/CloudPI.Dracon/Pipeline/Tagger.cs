using CloudPI.Dracon.Io;
using Ocurity.Dracon.V1;
using Serilog;

namespace CloudPI.Dracon.Pipeline;

/// <summary>
/// What Dracon's producer-aggregator ("tagger") does: stamps every issue with
/// <c>&lt;scan uuid&gt;:&lt;random uuid&gt;</c> and writes <c>&lt;tool&gt;.tagged.pb</c>, so enrichers and the
/// enricher-aggregator can follow each issue by its uuid.
/// </summary>
public sealed class Tagger(ILogger logger, Func<Guid>? newGuid = null)
{
    public const string TaggedSuffix = ".tagged.pb";

    private readonly Func<Guid> _newGuid = newGuid ?? Guid.NewGuid;

    /// <summary>Tags every producer file under <paramref name="readPath"/>; returns the files written.</summary>
    public IReadOnlyList<string> Tag(string readPath, string writePath)
    {
        // Already-tagged files are outputs of an earlier run, not producer results: re-tagging them would
        // give their issues new uuids.
        var inputs = DraconFile.Find(readPath, ".pb")
            .Where(f => !f.EndsWith(TaggedSuffix, StringComparison.Ordinal) && !f.EndsWith(".raw.pb", StringComparison.Ordinal))
            .ToList();
        if (inputs.Count == 0)
        {
            throw new DraconFormatException($"{readPath}: no producer .pb files found");
        }

        var byTool = new Dictionary<string, LaunchToolResponse>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var response = DraconFile.ReadLaunchToolResponse(input);
            if (byTool.TryGetValue(response.ToolName, out var existing))
            {
                logger.Warning("Two producer files share tool name {ToolName}; merging {File} into it", response.ToolName, input);
                existing.Issues.AddRange(response.Issues);
                continue;
            }

            byTool.Add(response.ToolName, response);
        }

        var written = new List<string>();
        var stems = DraconFile.FileStems(byTool.Keys);
        using var files = new AtomicFileSet();
        foreach (var response in byTool.Values)
        {
            var tagged = new LaunchToolResponse { ScanInfo = response.ScanInfo, ToolName = response.ToolName };
            foreach (var issue in response.Issues)
            {
                var stamped = issue.Clone();
                stamped.Uuid = $"{response.ScanInfo.ScanUuid}:{_newGuid():D}";
                tagged.Issues.Add(stamped);
            }

            var path = Path.Combine(writePath, stems[response.ToolName] + TaggedSuffix);
            DraconFile.Stage(files, path, tagged);
            logger.Information("Tagged {IssueCount} issues of {ToolName} into {Path}", tagged.Issues.Count, tagged.ToolName, path);
            written.Add(path);
        }

        // Every tagged file or none: the enrichers must not read one tool's fresh tagging beside another's stale one.
        files.Commit();
        return written;
    }
}
