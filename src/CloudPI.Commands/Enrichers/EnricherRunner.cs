using System.CommandLine;
using CloudPI.Commands.Graph;
using CloudPI.Commands.Report;
using CloudPI.Controls;
using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.Enrichers;
using CloudPI.Enrichers.Muting;
using CloudPI.Graph;
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

    public Option<string?> MuteFilePath { get; } = MuteFile.CreateOption();

    public void AddTo(Command command)
    {
        command.Options.Add(ReadPath);
        command.Options.Add(WritePath);
        command.Options.Add(MuteFilePath);
        Graph.AddTo(command);
    }

    public async Task<int> RunAsync(
        ParseResult parseResult,
        CommandContext context,
        Func<PropertyGraph, IEnricherPass> createPass,
        CancellationToken cancellationToken)
    {
        var read = FirstNonEmpty(parseResult.GetValue(ReadPath), Environment.GetEnvironmentVariable(EnricherFiles.ReadPathVariable))
            ?? throw new UsageException("read_path is undefined: give -read_path or set READ_PATH");
        var write = FirstNonEmpty(parseResult.GetValue(WritePath), Environment.GetEnvironmentVariable(EnricherFiles.WritePathVariable))
            ?? throw new UsageException("write_path is undefined: give -write_path or set WRITE_PATH");
        var today = MuteFile.Today();
        var mutes = MuteFile.Load(parseResult.GetValue(MuteFilePath), context.Logger, today);
        var inputs = EnricherFiles.ReadTagged(read);
        foreach (var merged in inputs.Where(i => i.Sources.Count > 1))
        {
            context.Logger.Warning("{Count} tagged files of {Tool} merged into one ({Files})", merged.Sources.Count, merged.Response.ToolName, string.Join(", ", merged.Sources));
        }

        var graph = await Graph.LoadAsync(parseResult, context.Logger, cancellationToken).ConfigureAwait(false);

        var resolver = new ResourceResolver(graph);
        var pass = createPass(graph);
        var outputs = new List<(TaggedResults Input, EnrichedIssue[] Issues)>();
        var total = inputs.Sum(i => i.Response.Issues.Count);
        var done = 0;
        var muted = 0;
        using var progress = new TerminalProgress($"{enricherName}: issues", total);
        foreach (var input in inputs)
        {
            var issues = input.Response.Issues;
            var enriched = new EnrichedIssue[issues.Count];
            // The analyses are pure and their caches concurrent: use every core; the output order stays the input's.
            Parallel.For(0, issues.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                enriched[i] = pass.Enrich(ResolvedIssue.Resolve(issues[i], ControlCatalog.Default, resolver));
                if (MuteAnnotations.Apply(enriched[i], mutes, today) is not null)
                {
                    Interlocked.Increment(ref muted);
                }

                progress.Report(Interlocked.Increment(ref done));
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

        if (muted > 0)
        {
            context.Logger.Information("{Enricher}: {Muted} issues muted by the mute file (annotated {Key}, kept)", enricherName, muted, AnnotationKeys.Muted);
        }

        pass.LogSummary(context.Logger);
        return ExitCodes.Success;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

/// <summary>One enricher's per-issue work, created once per run so caches live for the whole run; called from several threads.</summary>
internal interface IEnricherPass
{
    EnrichedIssue Enrich(ResolvedIssue issue);

    void LogSummary(Serilog.ILogger logger);
}
