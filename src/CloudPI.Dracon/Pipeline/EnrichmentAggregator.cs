using CloudPI.Dracon.Io;
using Ocurity.Dracon.V1;
using Serilog;

namespace CloudPI.Dracon.Pipeline;

/// <summary>
/// What Dracon's enricher-aggregator does: reads every <c>*.enriched.pb</c> under the read path (lexical order),
/// groups them by tool and merges issues by uuid. Annotations are united and the first value of a key wins;
/// deduplication fields come from the issue with the highest count. Writes <c>&lt;tool&gt;.enriched.aggregated.pb</c>.
/// </summary>
public sealed class EnrichmentAggregator(ILogger logger)
{
    public const string EnrichedSuffix = ".enriched.pb";
    public const string AggregatedSuffix = ".enriched.aggregated.pb";

    public IReadOnlyList<string> Aggregate(string readPath, string writePath)
    {
        var files = DraconFile.Find(readPath, EnrichedSuffix);
        if (files.Count == 0)
        {
            throw new DraconFormatException($"{readPath}: no *{EnrichedSuffix} files found (run an enricher first)");
        }

        var byTool = new Dictionary<string, ToolMerge>(StringComparer.Ordinal);
        var scans = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var enriched = DraconFile.ReadEnriched(file);
            var toolName = enriched.OriginalResults.ToolName;
            var scan = enriched.OriginalResults.ScanInfo?.ScanUuid ?? string.Empty;
            (scans.TryGetValue(scan, out var inScan) ? inScan : scans[scan] = []).Add(file);
            if (!byTool.TryGetValue(toolName, out var merge))
            {
                merge = new ToolMerge();
                byTool.Add(toolName, merge);
            }

            merge.Original = enriched.OriginalResults; // Dracon keeps the last one it sees per tool.
            foreach (var issue in enriched.Issues)
            {
                merge.Add(issue, file, logger);
            }
        }

        if (scans.Count > 1)
        {
            throw new DraconFormatException(
                $"{readPath}: enriched files of {scans.Count} different scans; aggregate one scan at a time ({string.Join("; ", scans.Select(s => $"scan '{s.Key}': {string.Join(", ", s.Value.Select(Path.GetFileName))}"))})");
        }

        foreach (var (toolName, merge) in byTool)
        {
            if (merge.Retagged() is { } retagged)
            {
                throw new DraconFormatException(
                    $"{readPath}: {retagged.Count} issues of {toolName} appear under different uuids in {Path.GetFileName(retagged.First)} and {Path.GetFileName(retagged.Second)}: the enrichers read two taggings of the same results (was 'dracon tag' run again between them?); run every enricher on one tagging");
            }
        }

        var written = new List<string>();
        var stems = DraconFile.FileStems(byTool.Keys);
        using var outputs = new AtomicFileSet();
        foreach (var (toolName, merge) in byTool)
        {
            var output = new EnrichedLaunchToolResponse { OriginalResults = merge.Original };
            output.Issues.AddRange(merge.Issues);
            var path = Path.Combine(writePath, stems[toolName] + AggregatedSuffix);
            DraconFile.Stage(outputs, path, output);
            logger.Information("Aggregated {IssueCount} issues of {ToolName} into {Path}", output.Issues.Count, toolName, path);
            written.Add(path);
        }

        outputs.Commit();
        return written;
    }

    private sealed class ToolMerge
    {
        private readonly Dictionary<string, EnrichedIssue> _byUuid = new(StringComparer.Ordinal);

        /// <summary>Per enricher file, the uuids of each finding, by what enrichers never change (target, type, title, description).</summary>
        private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _uuidsByFile = new(StringComparer.Ordinal);

        public LaunchToolResponse Original { get; set; } = new();

        /// <summary>Issues in the order their uuid was first seen, so output is deterministic.</summary>
        public List<EnrichedIssue> Issues { get; } = [];

        /// <summary>
        /// The same findings under disjoint uuids in two enricher files: a second tagging, whose merge would double
        /// every finding. Null when every file saw the same tagging.
        /// </summary>
        public (int Count, string First, string Second)? Retagged()
        {
            var files = _uuidsByFile.Keys.ToList();
            for (var a = 0; a < files.Count; a++)
            {
                for (var b = a + 1; b < files.Count; b++)
                {
                    var first = _uuidsByFile[files[a]];
                    var second = _uuidsByFile[files[b]];
                    var count = first.Count(f => second.TryGetValue(f.Key, out var other) && !f.Value.Overlaps(other));
                    if (count > 0)
                    {
                        return (count, files[a], files[b]);
                    }
                }
            }

            return null;
        }

        public void Add(EnrichedIssue incoming, string file, ILogger logger)
        {
            var uuid = incoming.RawIssue?.Uuid ?? string.Empty;
            if (incoming.RawIssue is { } raw)
            {
                var inFile = _uuidsByFile.TryGetValue(file, out var seen) ? seen : _uuidsByFile[file] = new(StringComparer.Ordinal);
                var finding = string.Join('\n', raw.Target, raw.Type, raw.Title, raw.Description);
                (inFile.TryGetValue(finding, out var uuids) ? uuids : inFile[finding] = new(StringComparer.Ordinal)).Add(uuid);
            }

            if (!_byUuid.TryGetValue(uuid, out var merged))
            {
                merged = incoming.Clone();
                _byUuid.Add(uuid, merged);
                Issues.Add(merged);
                return;
            }

            foreach (var (key, value) in incoming.Annotations)
            {
                if (!merged.Annotations.TryGetValue(key, out var existing))
                {
                    merged.Annotations[key] = value;
                }
                else if (existing != value)
                {
                    logger.Warning(
                        "Annotation {Key} of issue {Uuid} differs between enrichers; keeping the first value (from before {File})",
                        key, uuid, file);
                }
            }

            if (incoming.Count > merged.Count)
            {
                merged.Count = incoming.Count;
                merged.Hash = incoming.Hash;
                merged.FirstSeen = incoming.FirstSeen;
                merged.FalsePositive |= incoming.FalsePositive;
            }
        }
    }
}
