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
        var top = new Option<int>("--top") { Description = "How many findings to detail (all are summarised).", DefaultValueFactory = _ => ReportSettings.DefaultTop };
        var command = new Command("report", "Write a report of aggregated findings ranked by priority, each with its reason and attack-path diagram.")
        {
            input,
            markdown,
            html,
            top,
        };
        command.SetHandler((parseResult, context) => Run(
            new ReportSettings(parseResult.GetRequiredValue(input), parseResult.GetRequiredValue(markdown))
            {
                HtmlPath = parseResult.GetValue(html),
                Top = parseResult.GetValue(top),
            },
            context));
        return command;
    }

    /// <summary>The report's work, as the command and <c>scan</c> run it.</summary>
    public static int Run(ReportSettings settings, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        if (settings.Top < 1)
        {
            throw new UsageException($"--top must be at least 1 (got {settings.Top})");
        }

        var findings = Load(settings.Directory);

        // Both formats or neither: a new Markdown report beside the previous run's HTML would disagree with it.
        using var files = new AtomicFileSet();
        files.AddBytes(settings.MarkdownPath, System.Text.Encoding.UTF8.GetBytes(ReportWriter.Markdown(findings, settings.Top)));
        if (settings.HtmlPath is { } htmlPath)
        {
            files.AddBytes(htmlPath, System.Text.Encoding.UTF8.GetBytes(ReportWriter.Html(findings, settings.Top)));
        }

        files.Commit();

        context.Logger.Information("Report of {Count} findings written to {Path}", findings.Count, settings.MarkdownPath);
        return ExitCodes.Success;
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

/// <summary>One report run.</summary>
/// <param name="Directory">Where the aggregated files are.</param>
/// <param name="MarkdownPath">The Markdown report to write.</param>
public sealed record ReportSettings(string Directory, string MarkdownPath)
{
    public const int DefaultTop = 50;

    /// <summary>Also write the report as HTML.</summary>
    public string? HtmlPath { get; init; }

    /// <summary>How many findings to detail.</summary>
    public int Top { get; init; } = DefaultTop;
}
