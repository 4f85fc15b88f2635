using System.CommandLine;
using CloudPI.Analysis.Exploitability.Vulnerabilities;
using CloudPI.Commands.Graph;
using CloudPI.Controls;
using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.Enrichers;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// What every CloudPI enricher does around its analysis, with Dracon's conventions: read every tagged file
/// (<c>-read_path</c>/READ_PATH), load the graph once, resolve every issue to its control and resource, enrich all
/// issues in one pass, and only then write <c>&lt;tool&gt;.&lt;enricher&gt;.enriched.pb</c> and <c>&lt;tool&gt;.raw.pb</c>
/// per tool (<c>-write_path</c>/WRITE_PATH), each atomically.
/// </summary>
internal sealed class EnricherRunner(string enricherName)
{
    public Option<string?> ReadPath { get; } = new("--read-path", "-read_path") { Description = "Where the tagged files are (default: $READ_PATH)." };

    public Option<string?> WritePath { get; } = new("--write-path", "-write_path") { Description = "Where to write the enriched files (default: $WRITE_PATH)." };

    public GraphSource Graph { get; } = new();

    /// <summary>The option naming the image a vulnerability scanner scanned (the scan passes it on).</summary>
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
        command.Options.Add(ScannedImages);
        Graph.AddTo(command);
    }

    public async Task<int> RunAsync(
        ParseResult parseResult,
        CommandContext context,
        Func<PropertyGraph, VulnerabilityJoin, IEnricherPass> createPass,
        CancellationToken cancellationToken)
    {
        var read = FirstNonEmpty(parseResult.GetValue(ReadPath), Environment.GetEnvironmentVariable(EnricherFiles.ReadPathVariable))
            ?? throw new UsageException("read_path is undefined: give -read_path or set READ_PATH");
        var write = FirstNonEmpty(parseResult.GetValue(WritePath), Environment.GetEnvironmentVariable(EnricherFiles.WritePathVariable))
            ?? throw new UsageException("write_path is undefined: give -write_path or set WRITE_PATH");
        var images = ParseScannedImages(parseResult.GetValue(ScannedImages) ?? []);
        var inputs = EnricherFiles.ReadTagged(read);
        foreach (var merged in inputs.Where(i => i.Sources.Count > 1))
        {
            context.Logger.Warning("{Count} tagged files of {Tool} merged into one ({Files})", merged.Sources.Count, merged.Response.ToolName, string.Join(", ", merged.Sources));
        }

        var graph = await Graph.LoadAsync(parseResult, context.Logger, cancellationToken).ConfigureAwait(false);

        var resolver = new ResourceResolver(graph);
        var join = JoinVulnerabilities(graph, resolver, inputs, images);
        if (join.Count > 0)
        {
            context.Logger.Information("{Count} vulnerabilities of other scanners joined to cloud workloads", join.Count);
        }

        var pass = createPass(graph, join);
        var outputs = new List<(TaggedResults Input, EnrichedIssue[] Issues)>();
        var total = inputs.Sum(i => i.Response.Issues.Count);
        var done = 0;
        foreach (var input in inputs)
        {
            var issues = input.Response.Issues;
            var enriched = new EnrichedIssue[issues.Count];
            // The analyses are pure and their caches concurrent: use every core; the output order stays the input's.
            Parallel.For(0, issues.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                enriched[i] = pass.Enrich(ResolvedIssue.Resolve(
                    issues[i], ControlCatalog.Default, resolver, join, VulnerabilityIssues.Key(issues[i], input.Response.ToolName, i)));
                if (Interlocked.Increment(ref done) % 5000 == 0)
                {
                    context.Logger.Information("{Enricher}: {Done} of {Total} issues", enricherName, done, total);
                }
            });
            outputs.Add((input, enriched));
        }

        // Every tool's enriched and raw files appear together, or none do.
        var stems = DraconFile.FileStems(outputs.Select(o => o.Input.Response.ToolName));
        using (var files = new AtomicFileSet())
        {
            foreach (var (input, issues) in outputs)
            {
                var (enrichedPath, _) = EnricherFiles.Stage(files, write, stems[input.Response.ToolName], enricherName, input.Response, issues);
                context.Logger.Information("Wrote {Count} enriched issues of {Tool} to {Path}", issues.Length, input.Response.ToolName, enrichedPath);
            }

            files.Commit();
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

    private static Dictionary<string, ImageReference> ParseScannedImages(IEnumerable<string> values)
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

/// <summary>One enricher's per-issue work, created once per run so caches live for the whole run; called from several threads.</summary>
internal interface IEnricherPass
{
    EnrichedIssue Enrich(ResolvedIssue issue);

    void LogSummary(Serilog.ILogger logger);
}
