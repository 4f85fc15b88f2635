using System.CommandLine;
using System.Text;
using CloudPI.Dracon.Io;

namespace CloudPI.Commands.Report;

/// <summary>
/// <c>cloudpi report</c>: aggregated enriched files → one report model → Markdown (and self-contained HTML) for people,
/// or JSON, CSV, SARIF or OCSF for other tools; filtered, muted and compared with a baseline the same way in each.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("DIR") { Description = "Directory holding *.enriched.aggregated.pb files (searched recursively)." };
        var output = new Option<string>("--out", "-out") { Description = "The report to write, in --format.", Required = true };
        var format = new Option<ReportFormat>("--format") { Description = "md (default), json, csv, sarif or ocsf (OCSF 1.1.0 Detection Findings).", DefaultValueFactory = _ => ReportFormat.Md };
        var html = new Option<string?>("--html") { Description = "Also write the report as one self-contained HTML page (works offline)." };
        var top = new Option<int>("--top") { Description = "How many findings to show open, in detail (every finding is listed).", DefaultValueFactory = _ => 50 };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier run's output (or its .dracon/enrichers) folder: show only findings new since then." };
        var compliance = new Option<bool>("--compliance") { Description = "Add pass/fail per requirement of CIS AWS Foundations and AWS Foundational Security Best Practices." };
        var mutes = MuteFile.CreateOption();
        var filters = new FindingFilterOptions();
        var command = new Command("report", "Write a report of aggregated findings ranked by priority, each with its reason and attack path, or export them.")
        {
            input,
            output,
            format,
            html,
            top,
            baseline,
            compliance,
            mutes,
        };
        filters.AddTo(command);
        command.SetHandler((parseResult, context) =>
        {
            var count = parseResult.GetValue(top);
            if (count < 1)
            {
                throw new UsageException($"--top must be at least 1 (got {count})");
            }

            var today = MuteFile.Today();
            var model = ReportModel.Build(
                parseResult.GetRequiredValue(input),
                count,
                filters.Read(parseResult),
                MuteFile.Load(parseResult.GetValue(mutes), context.Logger, today),
                today,
                parseResult.GetValue(baseline),
                parseResult.GetValue(compliance));

            // Every output or none: a new report beside the previous run's HTML would disagree with it.
            var path = parseResult.GetRequiredValue(output);
            using var files = new AtomicFileSet();
            files.AddBytes(path, FindingExports.Write(model, parseResult.GetValue(format)));
            if (parseResult.GetValue(html) is { } htmlPath)
            {
                files.AddBytes(htmlPath, Encoding.UTF8.GetBytes(HtmlReport.Write(model)));
            }

            files.Commit();

            context.Logger.Information(
                "Report of {Count} findings ({Muted} muted) written to {Path} as {Format}", model.Findings.Count, model.MutedCount, path, parseResult.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }
}
