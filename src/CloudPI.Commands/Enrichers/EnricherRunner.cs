using System.CommandLine;
using CloudPI.Exploitability.Vulnerabilities;
using CloudPI.Commands.Graph;
using CloudPI.Commands.Report;
using CloudPI.Controls;
using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.Enrichers;
using CloudPI.Enrichers.Muting;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// What every CloudPI enricher does around its analysis, with Dracon's conventions: read every tagged file
/// (<c>-read_path</c>/READ_PATH), load the graph once, resolve every issue to its control and resource, enrich the
/// issues chunk by chunk, and write <c>&lt;tool&gt;.&lt;enricher&gt;.enriched.pb</c> and <c>&lt;tool&gt;.raw.pb</c> per
/// tool (<c>-write_path</c>/WRITE_PATH) as they come, all renamed into place together at the end.
/// </summary>
internal static class EnricherRunner
{
    public static async Task<int> RunAsync(
        string enricherName,
        EnricherSettings settings,
        CommandContext context,
        Func<PropertyGraph, VulnerabilityJoin, IEnricherPass> createPass,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var (read, write, graphInput) = settings;
        var clock = new PhaseClock(context.Logger, enricherName);
        var today = MuteFile.Today();
        var mutes = MuteFile.Load(settings.MuteFilePath, context.Logger, today);
        var inputs = clock.Time("read issues", () => EnricherFiles.ReadTagged(read));
        foreach (var merged in inputs.Where(i => i.Sources.Count > 1))
        {
            context.Logger.Warning("{Count} tagged files of {Tool} merged into one ({Files})", merged.Sources.Count, merged.Response.ToolName, string.Join(", ", merged.Sources));
        }

        var graph = await clock.TimeAsync("load graph", () => graphInput.LoadAsync(context.Logger, cancellationToken)).ConfigureAwait(false);

        var resolver = new ResourceResolver(graph);
        var join = clock.Time("join vulnerabilities", () => JoinVulnerabilities(graph, resolver, inputs, settings.ScannedImages));
        if (join.Count > 0)
        {
            context.Logger.Information("{Count} vulnerabilities of other scanners joined to cloud workloads", join.Count);
        }

        var pass = createPass(graph, join);
        var total = inputs.Sum(i => i.Response.Issues.Count);
        using var progress = new TerminalProgress($"{enricherName}: issues", total);
        var muted = 0;
        var done = 0;
        EnrichedIssue Enrich(string tool, Issue issue, int index)
        {
            var enriched = pass.Enrich(ResolvedIssue.Resolve(issue, ControlCatalog.Default, resolver, join, VulnerabilityIssues.Key(issue, tool, index)));
            if (MuteAnnotations.Apply(enriched, mutes, today) is not null)
            {
                Interlocked.Increment(ref muted);
            }

            progress.Report(Interlocked.Increment(ref done));
            return enriched;
        }

        // Every tool's enriched and raw files appear together, or none do; each enriched file is written chunk by
        // chunk as its issues are enriched, so the annotations of only one chunk are held at a time.
        var stems = DraconFile.FileStems(inputs.Select(i => i.Response.ToolName));
        var analysis = new PhaseCost();
        var analysedAndWritten = new PhaseCost();
        using (var files = new AtomicFileSet())
        {
            foreach (var input in inputs)
            {
                var issues = input.Response.Issues;
                var enriched = EnrichInChunks(issues, (issue, index) => Enrich(input.Response.ToolName, issue, index), chunk => clock.Measure(analysis, chunk), cancellationToken);
                var (enrichedPath, _) = clock.Measure(analysedAndWritten, () => EnricherFiles.Stage(files, write, stems[input.Response.ToolName], enricherName, input.Response, enriched));
                context.Logger.Information("Wrote {Count} enriched issues of {Tool} to {Path}", issues.Count, input.Response.ToolName, enrichedPath);
            }

            files.Commit();
        }

        clock.Log("analyse issues", analysis);
        clock.Log("write enriched files", new PhaseCost(analysedAndWritten.Total - analysis.Total));
        clock.LogPeakMemory();
        if (muted > 0)
        {
            context.Logger.Information("{Enricher}: {Muted} issues muted by the mute file (annotated {Key}, kept)", enricherName, muted, AnnotationKeys.Muted);
        }

        pass.LogSummary(context.Logger);
        return ExitCodes.Success;
    }

    /// <summary>Every input issue that reports a vulnerability, joined once to the workloads of the graph.</summary>
    private static VulnerabilityJoin JoinVulnerabilities(
        PropertyGraph graph, ResourceResolver resolver, IReadOnlyList<TaggedResults> inputs, IReadOnlyDictionary<string, ImageReference> images)
    {
        var reported = inputs.SelectMany(input => input.Response.Issues.Select((issue, i) => VulnerabilityIssues.Report(
            issue, input.Response.ToolName, VulnerabilityIssues.Key(issue, input.Response.ToolName, i), images.GetValueOrDefault(input.Response.ToolName))));
        return new VulnerabilityJoin(new CartographyView(graph), reported.OfType<ReportedVulnerability>(), target => resolver.TryResolve(target, out var node) ? node : null);
    }

    /// <summary>Issues per parallel chunk: enough to keep every core busy, few enough that their annotations stay small.</summary>
    private const int ChunkSize = 2048;

    /// <summary>
    /// The enriched issues in input order. The analyses are pure and their caches concurrent, so each chunk uses
    /// every core; a chunk is enriched only when the writer asks for its first issue.
    /// </summary>
    /// <param name="run">Runs the enrichment of one chunk (a clock measures it).</param>
    private static IEnumerable<EnrichedIssue> EnrichInChunks(
        IReadOnlyList<Issue> issues, Func<Issue, int, EnrichedIssue> enrich, Func<Func<ParallelLoopResult>, ParallelLoopResult> run, CancellationToken cancellationToken)
    {
        var chunk = new EnrichedIssue[Math.Min(ChunkSize, issues.Count)];
        for (var start = 0; start < issues.Count; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, issues.Count - start);
            run(() => Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i => chunk[i] = enrich(issues[start + i], start + i)));
            for (var i = 0; i < count; i++)
            {
                yield return chunk[i];
                chunk[i] = null!;
            }
        }
    }
}

/// <summary>The flags every enricher takes: Dracon's read and write paths, and the graph.</summary>
internal sealed class EnricherOptions
{
    public Option<string?> ReadPath { get; } = new("--read-path", "-read_path") { Description = "Where the tagged files are (default: $READ_PATH)." };

    public Option<string?> WritePath { get; } = new("--write-path", "-write_path") { Description = "Where to write the enriched files (default: $WRITE_PATH)." };

    public GraphSource Graph { get; } = new();

    public Option<string?> MuteFilePath { get; } = MuteFile.CreateOption();

    /// <summary>The option naming the image a vulnerability scanner scanned (the scan has it too).</summary>
    public const string ScannedImageOption = "--scanned-image";

    public Option<string[]> ScannedImages { get; } = new(ScannedImageOption)
    {
        Description = "TOOL=IMAGE: the container image the producer TOOL scanned (e.g. trivy=123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4), so its vulnerabilities join the workloads that run that image. Repeatable.",
        AllowMultipleArgumentsPerToken = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ReadPath);
        command.Options.Add(WritePath);
        command.Options.Add(MuteFilePath);
        command.Options.Add(ScannedImages);
        Graph.AddTo(command);
    }

    /// <summary>The paths and graph the flags name; Dracon's READ_PATH and WRITE_PATH stand in for absent flags.</summary>
    public EnricherSettings Resolve(ParseResult parseResult) => new(
        FirstNonEmpty(parseResult.GetValue(ReadPath), Environment.GetEnvironmentVariable(EnricherFiles.ReadPathVariable))
            ?? throw new UsageException("read_path is undefined: give -read_path or set READ_PATH"),
        FirstNonEmpty(parseResult.GetValue(WritePath), Environment.GetEnvironmentVariable(EnricherFiles.WritePathVariable))
            ?? throw new UsageException("write_path is undefined: give -write_path or set WRITE_PATH"),
        Graph.Resolve(parseResult))
    {
        MuteFilePath = parseResult.GetValue(MuteFilePath),
        ScannedImages = ParseScannedImages(parseResult.GetValue(ScannedImages) ?? []),
    };

    /// <summary><c>TOOL=IMAGE</c> values, by tool.</summary>
    public static Dictionary<string, ImageReference> ParseScannedImages(IEnumerable<string> values)
    {
        var images = new Dictionary<string, ImageReference>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var image = equals > 0 ? ImageReference.TryParse(value[(equals + 1)..]) : null;
            if (image is null)
            {
                throw new UsageException($"{ScannedImageOption} '{value}': expected TOOL=IMAGE, e.g. trivy=nginx:1.27");
            }

            images[value[..equals]] = image;
        }

        return images;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

/// <summary>One run of an enricher: where the tagged files are, where to write, and the graph.</summary>
public record EnricherSettings(string ReadPath, string WritePath, GraphInput Graph)
{
    /// <summary>Findings to mute (annotated and kept), when given.</summary>
    public string? MuteFilePath { get; init; }

    /// <summary>The container image each vulnerability scanner (by tool name) scanned.</summary>
    public IReadOnlyDictionary<string, ImageReference> ScannedImages { get; init; } = new Dictionary<string, ImageReference>();
}

/// <summary>One enricher's per-issue work, created once per run so caches live for the whole run; called from several threads.</summary>
internal interface IEnricherPass
{
    EnrichedIssue Enrich(ResolvedIssue issue);

    void LogSummary(Serilog.ILogger logger);
}
