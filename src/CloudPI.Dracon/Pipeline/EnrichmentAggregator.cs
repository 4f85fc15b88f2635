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
        foreach (var file in files)
        {
            var enriched = DraconFile.ReadEnriched(file);
            var toolName = enriched.OriginalResults.ToolName;
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

        var written = new List<string>();
        foreach (var (toolName, merge) in byTool)
        {
            var output = new EnrichedLaunchToolResponse { OriginalResults = merge.Original };
            output.Issues.AddRange(merge.Issues);
            var path = Path.Combine(writePath, DraconFile.FileStem(toolName) + AggregatedSuffix);
            DraconFile.Write(path, output);
            logger.Information("Aggregated {IssueCount} issues of {ToolName} into {Path}", output.Issues.Count, toolName, path);
            written.Add(path);
        }

        return written;
    }

    private sealed class ToolMerge
    {
        private readonly Dictionary<string, EnrichedIssue> _byUuid = new(StringComparer.Ordinal);

        public LaunchToolResponse Original { get; set; } = new();

        /// <summary>Issues in the order their uuid was first seen, so output is deterministic.</summary>
        public List<EnrichedIssue> Issues { get; } = [];

        public void Add(EnrichedIssue incoming, string file, ILogger logger)
        {
            var uuid = incoming.RawIssue?.Uuid ?? string.Empty;
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
