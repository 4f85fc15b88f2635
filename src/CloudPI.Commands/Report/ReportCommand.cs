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
        var top = new Option<int>("--top") { Description = "How many findings to show open, in detail (every finding is listed).", DefaultValueFactory = _ => ReportSettings.DefaultTop };
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
        command.SetHandler((parseResult, context) => Run(
            new ReportSettings(parseResult.GetRequiredValue(input), parseResult.GetRequiredValue(output))
            {
                Format = parseResult.GetValue(format),
                HtmlPath = parseResult.GetValue(html),
                Top = parseResult.GetValue(top),
                BaselinePath = parseResult.GetValue(baseline),
                Compliance = parseResult.GetValue(compliance),
                MuteFilePath = parseResult.GetValue(mutes),
                Filter = filters.Read(parseResult),
            },
            context));
        return command;
    }

    private static int Run(ReportSettings settings, CommandContext context)
    {
        Write(settings, context);
        return ExitCodes.Success;
    }

    /// <summary>The report's work, as the command and <c>scan</c> run it: the model it wrote, for <c>scan</c> to print from.</summary>
    internal static ReportModel Write(ReportSettings settings, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        if (settings.Top < 1)
        {
            throw new UsageException($"--top must be at least 1 (got {settings.Top})");
        }

        var today = MuteFile.Today();
        var model = ReportModel.Build(
            settings.Directory,
            settings.Top,
            settings.Filter,
            MuteFile.Load(settings.MuteFilePath, context.Logger, today),
            today,
            settings.BaselinePath,
            settings.Compliance);

        // Every output or none: a new report beside the previous run's HTML would disagree with it.
        using var files = new AtomicFileSet();
        files.AddBytes(settings.OutPath, FindingExports.Write(model, settings.Format));
        if (settings.HtmlPath is { } htmlPath)
        {
            files.AddBytes(htmlPath, Encoding.UTF8.GetBytes(HtmlReport.Write(model)));
        }

        files.Commit();

        context.Logger.Information(
            "Report of {Count} findings ({Muted} muted) written to {Path} as {Format}", model.Findings.Count, model.MutedCount, settings.OutPath, settings.Format);
        return model;
    }
}

/// <summary>One report run.</summary>
/// <param name="Directory">Where the aggregated files are.</param>
/// <param name="OutPath">The report to write, in <see cref="Format"/>.</param>
internal sealed record ReportSettings(string Directory, string OutPath)
{
    public const int DefaultTop = 50;

    public ReportFormat Format { get; init; } = ReportFormat.Md;

    /// <summary>Also write the report as self-contained HTML.</summary>
    public string? HtmlPath { get; init; }

    /// <summary>How many findings to show in detail.</summary>
    public int Top { get; init; } = DefaultTop;

    /// <summary>An earlier run's output: only findings new since then are shown.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Add pass/fail per framework requirement.</summary>
    public bool Compliance { get; init; }

    public string? MuteFilePath { get; init; }

    public FindingFilter Filter { get; init; } = FindingFilter.None;
}
