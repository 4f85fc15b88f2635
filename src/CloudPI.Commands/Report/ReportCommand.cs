using System.CommandLine;
using CloudPI.Dracon;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;

namespace CloudPI.Commands.Report;

/// <summary><c>cloudpi report</c>: aggregated enriched files → a ranked Markdown (and HTML) report for people.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("DIR") { Description = "Directory holding *.enriched.aggregated.pb files (searched recursively)." };
        var markdown = new Option<string>("--out", "-out") { Description = "The Markdown report to write.", Required = true };
        var html = new Option<string?>("--html") { Description = "Also write the report as HTML." };
        var top = new Option<int>("--top") { Description = "How many findings to detail (all are summarised).", DefaultValueFactory = _ => 50 };
        var command = new Command("report", "Write a report of aggregated findings ranked by priority, each with its reason and attack-path diagram.")
        {
            input,
            markdown,
            html,
            top,
        };
        command.SetHandler((parseResult, context) =>
        {
            var count = parseResult.GetValue(top);
            if (count < 1)
            {
                throw new UsageException($"--top must be at least 1 (got {count})");
            }

            var directory = parseResult.GetRequiredValue(input);
            var findings = Load(directory);

            // Both formats or neither: a new Markdown report beside the previous run's HTML would disagree with it.
            using var files = new AtomicFileSet();
            files.AddBytes(parseResult.GetRequiredValue(markdown), System.Text.Encoding.UTF8.GetBytes(ReportWriter.Markdown(findings, count)));
            if (parseResult.GetValue(html) is { } htmlPath)
            {
                files.AddBytes(htmlPath, System.Text.Encoding.UTF8.GetBytes(ReportWriter.Html(findings, count)));
            }

            files.Commit();

            context.Logger.Information("Report of {Count} findings written to {Path}", findings.Count, parseResult.GetRequiredValue(markdown));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Every aggregated finding, highest priority first; ties by severity, then target, so the order is stable. The
    /// reports of several producers on the same control and resource are one finding that lists them all.
    /// </summary>
    internal static IReadOnlyList<ReportFinding> Load(string directory)
    {
        var files = DraconFile.Find(directory, EnrichmentAggregator.AggregatedSuffix);
        if (files.Count == 0)
        {
            throw new DraconFormatException($"{directory}: no *{EnrichmentAggregator.AggregatedSuffix} files found (run the aggregator first)");
        }

        return files
            .Select(DraconFile.ReadEnriched)
            .SelectMany(file => file.Issues.Select(issue => new ReportFinding(file.OriginalResults.ToolName, issue)))
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Tool, StringComparer.Ordinal)
            .GroupBy(f => f.Key)
            .Select(same => same.First() with { Tools = [.. same.Select(f => f.Tool).Distinct().Order(StringComparer.Ordinal)] })
            .OrderByDescending(f => f.Score)
            .ThenByDescending(f => f.Issue.Severity)
            .ThenBy(f => f.Issue.Target, StringComparer.Ordinal)
            .ThenBy(f => f.Issue.Type, StringComparer.Ordinal)
            .ToList();
    }
}
