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
using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// What every CloudPI enricher does around its analysis, with Dracon's conventions: read every tagged file
/// (<c>-read_path</c>/READ_PATH), load the graph once (or, for an organisation, one account's part at a time: see
/// <see cref="AccountPartition"/>), resolve every issue to its control and resource, enrich the issues in input order on every core (<see cref="OrderedEnrichment"/>), and write <c>&lt;tool&gt;.&lt;enricher&gt;.enriched.pb</c> and <c>&lt;tool&gt;.raw.pb</c> per
/// tool (<c>-write_path</c>/WRITE_PATH) as they come, all renamed into place together at the end.
/// </summary>
internal static class EnricherRunner
{
    public static async Task<int> RunAsync(
        string enricherName,
        EnricherSettings settings,
        CommandContext context,
        IEnricher enricher,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(enricher);
        var (read, write, graphInput) = settings;
        var clock = new PhaseClock(context.Logger, enricherName);
        var today = MuteFile.Today();
        var mutes = MuteFile.Load(settings.MuteFilePath, context.Logger, today);
        var inputs = clock.Time("read issues", () => EnricherFiles.ReadTagged(read));
        foreach (var merged in inputs.Where(i => i.Sources.Count > 1))
        {
            context.Logger.Warning("{Count} tagged files of {Tool} merged into one ({Files})", merged.Sources.Count, merged.Response.ToolName, string.Join(", ", merged.Sources));
        }

        // Each enriched issue carries its raw issue: the raw issues are encoded while the graph loads, on the core the load
        // leaves idle, rather than each again inside the analysis.
        var encodedIssues = inputs.Select(i => IssueBytes.Begin(i.Response.Issues)).ToArray();
        var total = inputs.Sum(i => i.Response.Issues.Count);
        using var progress = new TerminalProgress($"{enricherName}: issues", total);
        var muted = 0;
        var done = 0;
        Func<Issue, int, EncodedIssue> Enricher(int input, Analysis analysis)
        {
            var tool = inputs[input].Response.ToolName;
            var encoded = encodedIssues[input].GetAwaiter().GetResult();
            return (issue, index) =>
            {
                var enriched = analysis.Pass.Enrich(ResolvedIssue.Resolve(
                    issue, ControlCatalog.Default, analysis.Resolver, analysis.Join, VulnerabilityIssues.Key(issue, tool, index), encoded?[index] ?? default));
                if (MuteAnnotations.Apply(enriched, mutes, today) is not null)
                {
                    Interlocked.Increment(ref muted);
                }

                progress.Report(Interlocked.Increment(ref done));
                return enriched.Encode();
            };
        }

        using var partition = await AccountPartition.PlanAsync(graphInput, inputs, enricher.FollowsAssumedRoles, context.Logger, cancellationToken).ConfigureAwait(false);
        using var spilled = partition is null ? null : new SpilledIssues(inputs.Select(i => i.Response.Issues.Count));
        IReadOnlyList<IEnumerable<EncodedIssue>> enrichedByInput;
        var analysisCost = new PhaseCost();
        var accountLoads = new PhaseCost();
        var accountAnalyses = new PhaseCost();
        if (partition is null)
        {
            var graph = await clock.TimeAsync("load graph", async () => Promoted(await graphInput.LoadAsync(context.Logger, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            var analysis = clock.Time("resolve resources and join vulnerabilities", () => Analyse(graph, inputs, settings, enricher, context.Logger));
            enrichedByInput = [.. inputs.Select((input, i) => OrderedEnrichment.Enrich(input.Response.Issues, Enricher(i, analysis), work => clock.Measure(analysisCost, work), cancellationToken))];
        }
        else
        {
            var results = await clock.TimeAsync("load and analyse each account", async () =>
            {
                await EnrichByAccountAsync(partition, inputs, settings, enricher, context.Logger, Enricher, spilled!, (clock, accountLoads, accountAnalyses), cancellationToken).ConfigureAwait(false);
                return spilled!;
            }).ConfigureAwait(false);
            enrichedByInput = [.. inputs.Select((_, i) => results.Read(i))];
        }

        // Every tool's enriched and raw files appear together, or none do; each enriched file is written as its issues
        // are enriched, so only the annotations of the few issues enriched ahead of the writer are held at a time.
        var stems = DraconFile.FileStems(inputs.Select(i => i.Response.ToolName));
        var analysedAndWritten = new PhaseCost();
        using (var files = new AtomicFileSet())
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                var issueBytes = encodedIssues[i].GetAwaiter().GetResult();
                var (enrichedPath, _) = clock.Measure(analysedAndWritten, () => EnricherFiles.Stage(files, write, stems[input.Response.ToolName], enricherName, input.Response, enrichedByInput[i], issueBytes));
                context.Logger.Information("Wrote {Count} enriched issues of {Tool} to {Path}", input.Response.Issues.Count, input.Response.ToolName, enrichedPath);
            }

            files.Commit();
        }

        // Whole-graph issues are enriched while they are written, the analysis a few blocks ahead of the writer: the
        // analysis is timed from its first issue to its last (its CPU time includes the writer's meanwhile, its wall
        // time any wait for the writer), and the two together.
        if (partition is null)
        {
            clock.Log("analyse issues", analysisCost);
            clock.Log("analyse and write enriched files", analysedAndWritten);
        }
        else
        {
            clock.Log("load account graphs", accountLoads);
            clock.Log("analyse account issues", accountAnalyses);
            clock.Log("write enriched files", analysedAndWritten);
        }
        clock.LogPeakMemory();

        if (muted > 0)
        {
            context.Logger.Information("{Enricher}: {Muted} issues muted by the mute file (annotated {Key}, kept)", enricherName, muted, AnnotationKeys.Muted);
        }

        enricher.LogSummary(context.Logger);
        return ExitCodes.Success;
    }

    private static void EnrichGroup(
        Analysis analysis,
        AccountGroup group,
        IReadOnlyList<TaggedResults> inputs,
        Func<int, Analysis, Func<Issue, int, EncodedIssue>> enrich,
        SpilledIssues results,
        CancellationToken cancellationToken)
    {
        // A loop, not a lambda: a lambda here would capture the analysis in the closure the loop's body shares.
        var enrichers = new Func<Issue, int, EncodedIssue>[inputs.Count];
        for (var i = 0; i < enrichers.Length; i++)
        {
            enrichers[i] = enrich(i, analysis);
        }

        EnrichIssues(group.Issues, inputs, enrichers, results, cancellationToken);
    }

    /// <summary>
    /// The issues enriched on every core, then the enrichers emptied. The loop has returned, but a pool thread that ran
    /// part of it may still be unwinding, its frames holding the loop's body; the body reaches the account's graph only
    /// through <paramref name="enrichers"/> (this method's closure holds nothing else of it), so once they are emptied
    /// the collection meant to free the part finds nothing holding it.
    /// </summary>
    private static void EnrichIssues(
        IReadOnlyList<IssuePosition> issues,
        IReadOnlyList<TaggedResults> inputs,
        Func<Issue, int, EncodedIssue>[] enrichers,
        SpilledIssues results,
        CancellationToken cancellationToken)
    {
        try
        {
            Parallel.ForEach(issues, new ParallelOptions { CancellationToken = cancellationToken }, at =>
                results.Add(at.Input, at.Index, enrichers[at.Input](inputs[at.Input].Response.Issues[at.Index], at.Index)));
        }
        finally
        {
            Array.Clear(enrichers);
        }
    }

    /// <summary>What one graph (whole, or one account's part) gives every issue analysed on it.</summary>
    private sealed record Analysis(ResourceResolver Resolver, VulnerabilityJoin Join, IEnricherPass Pass);

    private static Analysis Analyse(PropertyGraph graph, IReadOnlyList<TaggedResults> inputs, EnricherSettings settings, IEnricher enricher, Serilog.ILogger logger)
    {
        var resolver = new ResourceResolver(graph);
        var join = JoinVulnerabilities(graph, resolver, inputs, settings.ScannedImages);
        if (join.Count > 0)
        {
            logger.Information("{Count} vulnerabilities of other scanners joined to cloud workloads", join.Count);
        }

        return new Analysis(resolver, join, enricher.CreatePass(graph, join));
    }

    /// <summary>
    /// Each group of issues analysed on its own accounts' part of the graph, <see cref="EnricherSettings.AccountsParallel"/>
    /// groups at a time, each part released when its issues are done. The enriched issues go to <paramref name="results"/>
    /// (a temporary file), so the files are written in input order whatever order the accounts finish in.
    /// </summary>
    private static async Task EnrichByAccountAsync(
        AccountPartition partition,
        IReadOnlyList<TaggedResults> inputs,
        EnricherSettings settings,
        IEnricher enricher,
        Serilog.ILogger logger,
        Func<int, Analysis, Func<Issue, int, EncodedIssue>> enrich,
        SpilledIssues results,
        (PhaseClock Clock, PhaseCost Loads, PhaseCost Analyses) costs,
        CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.AccountsParallel, CancellationToken = cancellationToken };
        // What planned the partition (a file's account index) is garbage by now: gone before the first account loads,
        // and its memory given back rather than kept committed for the accounts (Native AOT, 50 accounts of 2,000
        // resources: peak 25.8-26.1 -> 24.7-24.8 MB, against the per-account collection's mode).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        await Parallel.ForEachAsync(partition.Groups, options, async (group, token) =>
        {
            // On a thread of its own, whose frames are gone when its task completes: then nothing holds the part. (A
            // chain of awaits ran the next step inline under the frames that loaded and analysed the part, and those
            // frames, or a thread still unwinding them, held it through the collection meant to free it, so each
            // account loaded on top of the last one's graph.) Its own thread, not the pool's: the load may wait on
            // Bolt I/O that the pool completes.
            var part = await Task.Factory.StartNew(() => EnrichAccount(group, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);

            // The account's graph and caches are garbage now: collect them before the next account loads, or several
            // dead accounts pile up until the runtime decides on a full collection and the peak grows with the accounts.
            ReleaseGarbage();
            logger.Debug(
                "Account {Account}: part released (collected: {Collected}); managed heap {HeapMegabytes} MB",
                group.Account ?? "(none)", !part.TryGetTarget(out _), Math.Round(GC.GetGCMemoryInfo().HeapSizeBytes / 1e6, 1));
        }).ConfigureAwait(false);

        // One group's part loaded and its issues enriched; only a weak reference comes back, to tell whether the part
        // was collected.
        WeakReference<PropertyGraph> EnrichAccount(AccountGroup group, CancellationToken token)
        {
            var graph = costs.Clock.Measure(costs.Loads, () => partition.LoadAsync(group, logger, token).GetAwaiter().GetResult());
            costs.Clock.Measure(costs.Analyses, () =>
            {
                EnrichGroup(Analyse(graph, inputs, settings, enricher, logger), group, inputs, enrich, results, token);
                return group.Issues.Count;
            });
            return new WeakReference<PropertyGraph>(graph);
        }
    }

    /// <summary>
    /// The graph, promoted to the collector's oldest generation as the load's last step: it lives as long as the run.
    /// The last part loaded is still young when the load ends (up to ~15 MB at 100k resources, depending on where in
    /// its cycle the collector is), and the analysis' first collections promoted it, tracing it meanwhile: a cost of
    /// the load, landing in the analysis by a chance that moved with any change to the load's allocations (a load
    /// 35 ms faster showed as an analysis ~20 ms slower). A young collection promotes it here; a full one then traces
    /// the whole graph once, so the oldest generation's budget is set from the graph's size. Two young collections
    /// left that budget as the load's last full collection had set it, from part of the graph, and the graph's
    /// promotion used it up: a background collection of the whole graph then ran in every analysis, beside its two
    /// workers (100k resources, 20k findings, Native AOT, interleaved: exploitability analysis 303 -> 269 and
    /// 298 -> 285 ms, load unchanged within noise; load plus analysis 934 -> 894 ms over 8 pairs). The full collection
    /// marks the issues read too: with the Cartography producer's 43,632 findings it costs the load ~34 ms and saves
    /// the analysis ~24 ms (medians of 10 pairs), the run as long as before.
    /// </summary>
    private static PropertyGraph Promoted(PropertyGraph graph)
    {
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        return graph;
    }

    /// <summary>
    /// A full, compacting collection; the memory it frees stays committed for the next account. Giving it back to the
    /// system too (an aggressive collection) saved about 1 MB of peak, but the next account then faulted every page in
    /// again: Native AOT, 50 accounts of 2,000 resources 1.60 -> 1.07 s, 1,000 accounts of 100 resources 9.6 -> 5.5 s.
    /// </summary>
    private static void ReleaseGarbage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

    /// <summary>Every input issue that reports a vulnerability, joined once to the workloads of the graph.</summary>
    private static VulnerabilityJoin JoinVulnerabilities(
        PropertyGraph graph, ResourceResolver resolver, IReadOnlyList<TaggedResults> inputs, IReadOnlyDictionary<string, ImageReference> images)
    {
        var reported = inputs.SelectMany(input => input.Response.Issues.Select((issue, i) => VulnerabilityIssues.Report(
            issue, input.Response.ToolName, VulnerabilityIssues.Key(issue, input.Response.ToolName, i), images.GetValueOrDefault(input.Response.ToolName))));
        return new VulnerabilityJoin(new CartographyView(graph), reported.OfType<ReportedVulnerability>(), target => resolver.TryResolve(target, out var node) ? node : null);
    }
}

/// <summary>The flags every enricher takes: Dracon's read and write paths, and the graph.</summary>
internal sealed class EnricherOptions
{
    public Option<string?> ReadPath { get; } = new("--read-path", "-read_path") { Description = "Where the tagged files are (default: $READ_PATH)." };

    public Option<string?> WritePath { get; } = new("--write-path", "-write_path") { Description = "Where to write the enriched files (default: $WRITE_PATH)." };

    public GraphSource Graph { get; } = new();

    /// <summary>The option naming how many accounts are analysed side by side (the scan has it too).</summary>
    public const string AccountsParallelOption = "--accounts-parallel";

    public Option<int> AccountsParallel { get; } = CreateAccountsParallel();

    public static Option<int> CreateAccountsParallel() => new(AccountsParallelOption)
    {
        Description = "How many accounts of an organisation's graph (a file, or Neo4j without --account: one connection each) to analyse side by side (default 1: one at a time, the least memory). The output is the same.",
        DefaultValueFactory = _ => 1,
    };

    /// <summary>The value of <paramref name="option"/>, checked.</summary>
    public static int ReadAccountsParallel(ParseResult parseResult, Option<int> option)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var value = parseResult.GetValue(option);
        return value >= 1 ? value : throw new UsageException($"{AccountsParallelOption} must be at least 1 (got {value})");
    }

    public Option<string?> MuteFilePath { get; } = MuteFile.CreateOption();

    /// <summary>The option naming the image a vulnerability scanner scanned (the scan has it too).</summary>
    public const string ScannedImageOption = "--scanned-image";

    public Option<string[]> ScannedImages { get; } = new(ScannedImageOption)
    {
        Description = "TOOL=IMAGE: the container image the producer TOOL scanned (e.g. trivy=123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4), so its vulnerabilities join the workloads that run that image. Repeatable, or comma-separated pairs; empty: none.",
        AllowMultipleArgumentsPerToken = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ReadPath);
        command.Options.Add(WritePath);
        command.Options.Add(MuteFilePath);
        command.Options.Add(ScannedImages);
        command.Options.Add(AccountsParallel);
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
        AccountsParallel = ReadAccountsParallel(parseResult, AccountsParallel),
        MuteFilePath = FirstNonEmpty(parseResult.GetValue(MuteFilePath)),
        ScannedImages = ParseScannedImages(parseResult.GetValue(ScannedImages) ?? []),
    };

    /// <summary>
    /// <c>TOOL=IMAGE</c> values, by tool. A value may hold several pairs separated by commas, and an empty one names
    /// none: a Tekton step passes its one string param whether or not it is set.
    /// </summary>
    public static Dictionary<string, ImageReference> ParseScannedImages(IEnumerable<string> values)
    {
        var images = new Dictionary<string, ImageReference>(StringComparer.Ordinal);
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
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

    /// <summary>How many accounts are analysed side by side when the graph is analysed one account at a time.</summary>
    public int AccountsParallel { get; init; } = 1;
}

/// <summary>An enricher: its per-issue work on one graph, and the summary of the run over every graph it analysed.</summary>
internal interface IEnricher
{
    /// <summary>Whether its analysis follows a blast radius into the accounts whose roles an account may assume: an
    /// organisation's account is then loaded with their part (<see cref="CloudPI.Graph.Cartography.AssumedAccount"/>).</summary>
    bool FollowsAssumedRoles { get; }

    IEnricherPass CreatePass(PropertyGraph graph, VulnerabilityJoin vulnerabilities);

    void LogSummary(Serilog.ILogger logger);
}

/// <summary>One enricher's per-issue work on one graph, created once per graph so caches live as long as it; called from several threads.</summary>
internal interface IEnricherPass
{
    AnnotatedIssue Enrich(ResolvedIssue issue);
}
