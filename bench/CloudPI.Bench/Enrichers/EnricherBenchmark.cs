using System.Diagnostics;
using System.Globalization;
using CloudPI.Reachability;
using CloudPI.Bench.Graph;
using CloudPI.Bolt.Testing;
using CloudPI.Bolt.Testing.Cartography;
using CloudPI.Commands;
using CloudPI.Dracon.Io;
using CloudPI.Graph;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Cartography;
using CloudPI.Graph.Synthetic;
using CloudPI.GraphChecks;
using Google.Protobuf.WellKnownTypes;
using Ocurity.Dracon.V1;

namespace CloudPI.Bench.Enrichers;

/// <summary>
/// Issues 5, 6 and 16, in one run: on a synthetic account (100,000 resources, 50,000 findings of the Cartography
/// producer's own checks) the time of a bare tokenising pass over the graph file, of the loading pass (the same
/// file into the graph, measured the same way), of loading it with the CLI (<c>graph stats</c>: the loading pass
/// plus the CLI's start), and of each enricher end to end (load, resolve, analyse, write), with their ratios and
/// each one's peak memory; then the organisation curve: 1 to 50 accounts of 2,000 resources with 10 findings each,
/// each enricher's time per account, peak memory against one account and what its analysis adds to its accounts'
/// loads, from the graph file and from a simulated Neo4j serving the same graph over Bolt. Every measurement runs in a fresh process, so peak memory is its own. Times are wall-clock from the command's start to its end, with the process's
/// user CPU time beside them (the steadier number on a shared machine; above the wall time when the issues are
/// enriched on several cores).
/// Arguments: [RESOURCES] [FINDINGS] [--accounts 1,10,25,50] [--account-resources 2000] [--runs N] [--inputs DIR]
/// [--organisation-only] [--published DIR] (--inputs keeps the single account's graph and findings in DIR and reuses
/// them, and keeps each organisation's there too, to profile the CLI on them; --organisation-only runs the organisation curve alone; --published DIR also runs
/// the enricher binaries that deploy/publish.sh wrote to DIR, Native AOT as the images ship them, on the account and on
/// the organisation's file). Each enricher's
/// own phase clock (its --debug log) gives the analysis' share of the load inside one process.
/// internally: --child ARGS... (one CLI run), --tokens FILE (one tokenising pass) and --load FILE (one loading pass).
/// </summary>
public sealed class EnricherBenchmark : IBenchmark
{
    private const string ChildFlag = "--child";
    private const string TokensFlag = "--tokens";
    private const string LoadFlag = "--load";
    private const string OrganisationOnlyFlag = "--organisation-only";
    private const int FindingsPerAccount = 10;

    public string Name => "enrichers";

    public string Description => "tokenise, load, reachability and exploitability: times, ratios to load, peak memory; and the 1-50 account organisation curve (file and Neo4j)";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count > 0 && args[0] == ChildFlag)
        {
            await RunChildAsync(args.Skip(1).ToArray());
            return;
        }

        if (args.Count == 2 && args[0] == TokensFlag)
        {
            var clock = Clock.Start();
            var (lines, _) = TokenWalk.Run(args[1]);
            PrintMeasured(clock, lines);
            return;
        }

        if (args.Count == 2 && args[0] == LoadFlag)
        {
            var clock = Clock.Start();
            var graph = ApocJsonLinesReader.ReadFile(args[1]);
            PrintMeasured(clock, graph.NodeCount);
            return;
        }

        var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var resources = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
        var findings = positional.Count > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 50_000;
        var accountCounts = Option(args, "--accounts", "1,10,25,50").Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var accountResources = int.Parse(Option(args, "--account-resources", "2000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "1"), CultureInfo.InvariantCulture);
        var inputs = Option(args, "--inputs", string.Empty);
        var published = Option(args, "--published", string.Empty);

        var directory = Directory.CreateTempSubdirectory("cloudpi-bench-enrichers-");
        try
        {
            var accountInputs = inputs.Length > 0
                ? Path.Combine(Path.GetFullPath(inputs), string.Create(CultureInfo.InvariantCulture, $"account-{resources}-{findings}"))
                : Path.Combine(directory.FullName, "account");
            if (!args.Contains(OrganisationOnlyFlag))
            {
                await SingleAccountAsync(accountInputs, directory.FullName, resources, findings, runs, published, cancellationToken);
            }

            await OrganisationAsync(directory.FullName, inputs, accountCounts, accountResources, runs, published, cancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <param name="inputs">Where the account's graph and findings are written, or found from an earlier run.</param>
    /// <param name="root">Where the enrichers write.</param>
    /// <param name="published">Where the published enricher binaries are (deploy/publish.sh), or empty.</param>
    private async Task SingleAccountAsync(string inputs, string root, int resources, int findings, int runs, string published, CancellationToken cancellationToken)
    {
        var (graph, producers) = Inputs(inputs);
        if (File.Exists(graph) && Directory.Exists(producers))
        {
            Console.WriteLine($"account: {resources:N0} resources, {new FileInfo(graph).Length / 1e6:F0} MB file; findings: {findings:N0} (reused from {inputs})");
        }
        else
        {
            var account = SyntheticAccountGenerator.Generate(resources, seed: 1);
            Write(inputs, account.Graph, RepeatedFindings(account.Graph, findings));
            Console.WriteLine($"account: {account.ResourceCount:N0} resources, {account.Graph.NodeCount:N0} nodes, {account.Graph.RelationshipCount:N0} relationships, {new FileInfo(graph).Length / 1e6:F0} MB file; findings: {findings:N0}");
            account = null;
            GC.Collect();
        }

        var tokens = await BestAsync(runs, () => MeasureAsync([TokensFlag, graph], cancellationToken));
        var loading = await BestAsync(runs, () => MeasureAsync([LoadFlag, graph], cancellationToken));
        var optimisedTokens = await BestAsync(runs, () => MeasureAsync([TokensFlag, graph], cancellationToken, environment: OptimisedFromTheStart));
        var optimisedLoading = await BestAsync(runs, () => MeasureAsync([LoadFlag, graph], cancellationToken, environment: OptimisedFromTheStart));
        var load = await BestAsync(runs, () => CliAsync(["graph", "stats", "--graph", graph, "--json", "--log-format", "json"], cancellationToken));
        var reach = await BestAsync(runs, () => EnricherAsync("reachability", ["--graph", graph], producers, root, cancellationToken, phases: true));
        var exploit = await BestAsync(runs, () => EnricherAsync("exploitability", ["--graph", graph], producers, root, cancellationToken, phases: true));
        Console.WriteLine($"{"",-37} {"wall ms",7} {"cpu ms",7} {"peak MB",7}");
        Console.WriteLine($"tokenising pass (Utf8JsonReader):     {tokens}");
        Console.WriteLine($"loading pass (ApocJsonLinesReader):   {loading}   load / tokenising {loading.Milliseconds / tokens.Milliseconds:F1}x wall, {loading.CpuMilliseconds / tokens.CpuMilliseconds:F1}x cpu (goal <= 2x)");
        Console.WriteLine($"  both passes compiled optimised from their first call (DOTNET_TC_QuickJit=0): tokenising {optimisedTokens.Milliseconds:N0} ms, loading {optimisedLoading.Milliseconds:N0} ms: {optimisedLoading.Milliseconds / optimisedTokens.Milliseconds:F1}x wall, {optimisedLoading.CpuMilliseconds / optimisedTokens.CpuMilliseconds:F1}x cpu (by default the tokenising pass runs its string scanning unoptimised for its first ~100 ms, which flatters the ratio above)");
        Console.WriteLine($"load the graph only (graph stats):    {load}   {load.Milliseconds / tokens.Milliseconds:F1}x wall, {load.CpuMilliseconds / tokens.CpuMilliseconds:F1}x cpu the tokenising pass: the loading pass and the CLI's start");
        Console.WriteLine($"reachability enricher, end to end:    {reach}   analysis adds {Added(reach.Milliseconds, load.Milliseconds):F0}% wall, {Added(reach.CpuMilliseconds, load.CpuMilliseconds):F0}% cpu to the load (goal <= 50%)");
        Console.WriteLine($"exploitability enricher, end to end:  {exploit}   analysis adds {Added(exploit.Milliseconds, load.Milliseconds):F0}% wall, {Added(exploit.CpuMilliseconds, load.CpuMilliseconds):F0}% cpu to the load (goal <= 50%)");
        Console.WriteLine($"  reachability, its own clock:        {reach.Phases}{reach.RatioPerRun}");
        Console.WriteLine($"  exploitability, its own clock:      {exploit.Phases}{exploit.RatioPerRun}");
        if (published.Length > 0)
        {
            var publishedReach = await BestAsync(runs, () => PublishedEnricherAsync(published, "reachability", graph, producers, root, cancellationToken));
            var publishedExploit = await BestAsync(runs, () => PublishedEnricherAsync(published, "exploitability", graph, producers, root, cancellationToken));
            Console.WriteLine($"published reachability (Native AOT):  {publishedReach}   its own clock: {publishedReach.Phases}{publishedReach.RatioPerRun}");
            Console.WriteLine($"published exploitability (Native AOT):{publishedExploit}   its own clock: {publishedExploit.Phases}{publishedExploit.RatioPerRun}");
        }

        await ProducerFindingsAsync(inputs, graph, root, runs, published, cancellationToken);
    }

    /// <summary>
    /// Peak memory with the Cartography producer's own issues on the account, as the producer and the tagger write them
    /// (tens of thousands on 100k resources, each with its detail, description and remediation: the issues are held
    /// from reading to writing, so memory grows with them), against the goal; with <paramref name="published"/>, also
    /// what their analysis adds to the load by the Native AOT enrichers' own clocks. The producer's mix of controls
    /// (groups, databases, balancers) costs more per finding than the synthetic findings above, so this is the time a
    /// user running the producer on such an account sees.
    /// </summary>
    private async Task ProducerFindingsAsync(string inputs, string graph, string root, int runs, string published, CancellationToken cancellationToken)
    {
        var producers = Path.Combine(inputs, "producer-findings");
        var tagged = Path.Combine(producers, "cloudpi-cartography.tagged.pb");
        if (!File.Exists(tagged))
        {
            var produced = Path.Combine(root, "producer-output");
            await CliAsync(["producer", "cartography", "--graph", graph, "-out", Path.Combine(produced, "cartography.pb"), "--log-format", "json"], cancellationToken);
            await CliAsync(["dracon", "tag", produced, "--out", producers, "--log-format", "json"], cancellationToken);
        }

        var issues = DraconFile.ReadLaunchToolResponse(tagged).Issues.Count;
        var reach = await EnricherAsync("reachability", ["--graph", graph], producers, root, cancellationToken);
        var exploit = await EnricherAsync("exploitability", ["--graph", graph], producers, root, cancellationToken);
        if (published.Length == 0)
        {
            Console.WriteLine($"peak memory with the Cartography producer's own {issues:N0} findings on this account (reachability / exploitability): {reach.PeakMegabytes:N0} / {exploit.PeakMegabytes:N0} MB (goal: <= 400 MB for 100k resources and 50k issues)");
            return;
        }

        var publishedReach = await BestAsync(runs, () => PublishedEnricherAsync(published, "reachability", graph, producers, root, cancellationToken));
        var publishedExploit = await BestAsync(runs, () => PublishedEnricherAsync(published, "exploitability", graph, producers, root, cancellationToken));
        Console.WriteLine($"peak memory with the Cartography producer's own {issues:N0} findings on this account (reachability / exploitability): {reach.PeakMegabytes:N0} / {exploit.PeakMegabytes:N0} MB; Native AOT {publishedReach.PeakMegabytes:N0} / {publishedExploit.PeakMegabytes:N0} MB (goal: <= 400 MB for 100k resources and 50k issues)");
        Console.WriteLine($"  those findings, published reachability, its own clock:   {publishedReach.Phases}{publishedReach.RatioPerRun}");
        Console.WriteLine($"  those findings, published exploitability, its own clock: {publishedExploit.Phases}{publishedExploit.RatioPerRun}");
    }

    /// <param name="keepIn">Where to keep each organisation's graph and findings (to profile the enrichers on them), or empty.</param>
    /// <param name="published">The Native AOT enricher binaries to run on the organisation's file too, or empty.</param>
    private async Task OrganisationAsync(
        string root, string keepIn, IReadOnlyList<int> accountCounts, int accountResources, int runs, string published, CancellationToken cancellationToken)
    {
        Console.WriteLine($"organisation: accounts of {accountResources:N0} resources, {FindingsPerAccount} findings each (goal: peak <= 1.3x one account's, time linear in accounts)");
        Console.WriteLine("  file: the graph file, indexed by account; neo4j: the same graph served over Bolt by this process (a simulated Neo4j answering CloudPI's queries as their Cypher specifies), streamed one account at a time; aot: the file, by the Native AOT enricher binaries of --published; peak is the enricher's own process");
        Console.WriteLine("  analysis adds: the accounts' analyses and the writing, to the accounts' loads, by the enricher's own clock (goal <= 50%)");
        Console.WriteLine($"{"source",6} {"accounts",8} {"nodes",9} | {"reach ms",9} {"ms/acct",8} {"peak MB",8} {"x one",6} {"adds",6} | {"exploit ms",10} {"ms/acct",8} {"peak MB",8} {"x one",6} {"adds",6}");
        var first = new Dictionary<string, (double Reach, double Exploit)>(StringComparer.Ordinal);
        foreach (var count in accountCounts)
        {
            var organisation = SyntheticAccountGenerator.Generate(accountResources, seed: 1, count);
            var directory = keepIn.Length > 0
                ? Path.Combine(Path.GetFullPath(keepIn), string.Create(CultureInfo.InvariantCulture, $"org-{accountResources}-{count}"))
                : Path.Combine(root, $"org-{count}");
            var (graph, producers) = Write(directory, organisation.Graph, PerAccountFindings(organisation.Graph, FindingsPerAccount));
            var nodes = organisation.Graph.NodeCount;
            await OrganisationRowAsync("file", enricher => EnricherAsync(enricher, ["--graph", graph], producers, root, cancellationToken, phases: true));
            if (published.Length > 0)
            {
                await OrganisationRowAsync("aot", enricher => PublishedEnricherAsync(published, enricher, graph, producers, root, cancellationToken));
            }

            await using (var server = BoltTestServer.Start(new SimulatedCartographyNeo4j(organisation.Graph).Server.ServeAsync))
            {
                await OrganisationRowAsync("neo4j", enricher => EnricherAsync(enricher, ["--neo4j-uri", server.UriFor().ToString()], producers, root, cancellationToken, phases: true));
            }

            organisation = null;
            GC.Collect();
            if (keepIn.Length == 0)
            {
                Directory.Delete(directory, recursive: true);
            }

            async Task OrganisationRowAsync(string source, Func<string, Task<Measurement>> run)
            {
                var reach = await BestAsync(runs, () => run("reachability"));
                var exploit = await BestAsync(runs, () => run("exploitability"));
                var one = first.TryGetValue(source, out var known) ? known : first[source] = (reach.PeakMegabytes, exploit.PeakMegabytes);
                Console.WriteLine($"{source,6} {count,8} {nodes,9:N0} | {reach.Milliseconds,9:N0} {reach.Milliseconds / count,8:N0} {reach.PeakMegabytes,8:N0} {reach.PeakMegabytes / one.Reach,6:F2} {reach.Phases!.AnalysisAddsPercent,5:F0}% | {exploit.Milliseconds,10:N0} {exploit.Milliseconds / count,8:N0} {exploit.PeakMegabytes,8:N0} {exploit.PeakMegabytes / one.Exploit,6:F2} {exploit.Phases!.AnalysisAddsPercent,5:F0}%");
            }
        }
    }

    private static double Added(double enricher, double load) => (enricher - load) * 100.0 / load;

    private static string Option(IReadOnlyList<string> args, string name, string fallback)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : fallback;
    }

    private static (string Graph, string Producers) Inputs(string directory) =>
        (Path.Combine(directory, "graph.jsonl"), Path.Combine(directory, "producers"));

    private static (string Graph, string Producers) Write(string directory, PropertyGraph graph, List<Issue> issues)
    {
        var (graphFile, producers) = Inputs(directory);
        Directory.CreateDirectory(directory);
        ApocJsonLinesWriter.WriteFile(graph, graphFile);
        var tagged = new LaunchToolResponse { ToolName = "bench", ScanInfo = new ScanInfo { ScanUuid = "bench", ScanStartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch) } };
        tagged.Issues.AddRange(issues);
        DraconFile.Write(Path.Combine(producers, "bench.tagged.pb"), tagged);
        return (graphFile, producers);
    }

    /// <summary>What the Cartography producer reports on the graph.</summary>
    private static IReadOnlyList<GraphFinding> Found(PropertyGraph graph)
    {
        var view = new CartographyView(graph);
        return GraphCheckCatalog.Run(view, new ReachabilityEngine(view));
    }

    /// <summary>Real findings of the account, repeated up to the count asked.</summary>
    private static List<Issue> RepeatedFindings(PropertyGraph graph, int count)
    {
        var found = Found(graph);
        return Enumerable.Range(0, count).Select(i => ToIssue(found[i % found.Count], i)).ToList();
    }

    /// <summary>The first findings of each account, as an organisation's producers would report a few per account.</summary>
    private static List<Issue> PerAccountFindings(PropertyGraph graph, int perAccount) =>
        Found(graph)
            .GroupBy(f => f.Resource.Neighbors("RESOURCE", Direction.Incoming).Select(a => a.Id).FirstOrDefault())
            .SelectMany(g => g.Take(perAccount))
            .Select(ToIssue)
            .ToList();

    private static Issue ToIssue(GraphFinding finding, int index) => new()
    {
        Target = finding.Resource.Arn ?? finding.Resource.Id ?? finding.Resource.ExternalId,
        Type = finding.Control.Id,
        Title = finding.Control.Title,
        Severity = (Severity)(int)finding.Control.Severity,
        Uuid = string.Create(CultureInfo.InvariantCulture, $"bench:{index}"),
    };

    /// <param name="phases">Whether to read the enricher's own phase clock from its --debug log too.</param>
    private Task<Measurement> EnricherAsync(string enricher, string[] graphArgs, string producers, string root, CancellationToken cancellationToken, bool phases = false) =>
        MeasureAsync([ChildFlag, "enricher", enricher, .. graphArgs, "-read_path", producers, "-write_path", Path.Combine(root, "out-" + enricher), "--log-format", "json", .. phases ? ["--debug"] : Array.Empty<string>()], cancellationToken, phases);

    /// <summary>A published enricher binary (Native AOT, as the images ship it) on the account, by its own phase clock.</summary>
    private static async Task<Measurement> PublishedEnricherAsync(string binaries, string enricher, string graph, string producers, string root, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var (_, log) = await BenchChild.RunProcessAsync(
            Path.Combine(binaries, "cloudpi-enricher-" + enricher),
            ["--graph", graph, "-read_path", producers, "-write_path", Path.Combine(root, "published-" + enricher), "--log-format", "json", "--debug"],
            cancellationToken);
        var phases = EnricherPhases.Parse(log);
        return new Measurement(wall.Elapsed.TotalMilliseconds, phases.PeakMegabytes, double.NaN, phases);
    }

    /// <summary>The best of <paramref name="runs"/> runs: the least wall, peak and CPU, and the phases of the run whose
    /// analysis was fastest; every run's analysis-to-load ratio is kept as well (see <see cref="Measurement.RatioPerRun"/>).</summary>
    private static async Task<Measurement> BestAsync(int runs, Func<Task<Measurement>> measure)
    {
        var best = await measure();
        var ratios = new List<double>();
        Keep(best.Phases);
        for (var i = 1; i < runs; i++)
        {
            var next = await measure();
            Keep(next.Phases);
            best = new Measurement(
                Math.Min(best.Milliseconds, next.Milliseconds),
                Math.Min(best.PeakMegabytes, next.PeakMegabytes),
                Math.Min(best.CpuMilliseconds, next.CpuMilliseconds),
                next.Phases is { } phases && (best.Phases is null || phases.AnalysisMilliseconds < best.Phases.AnalysisMilliseconds) ? phases : best.Phases);
        }

        return best with { Ratios = ratios };

        void Keep(EnricherPhases? phases)
        {
            if (phases is not null)
            {
                ratios.Add(phases.AnalysisAddsPercent);
            }
        }
    }

    private Task<Measurement> CliAsync(string[] command, CancellationToken cancellationToken) =>
        MeasureAsync([ChildFlag, .. command], cancellationToken);

    /// <summary>Tiered compilation without its quick first tier: every method compiled optimised on its first call, so
    /// that neither pass runs its hot loops unoptimised while the runtime waits to recompile them.</summary>
    private static readonly Dictionary<string, string> OptimisedFromTheStart = new(StringComparer.Ordinal) { ["DOTNET_TC_QuickJit"] = "0" };

    private async Task<Measurement> MeasureAsync(string[] childArgs, CancellationToken cancellationToken, bool phases = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (output, log) = await BenchChild.RunWithErrorAsync(Name, childArgs, cancellationToken, environment);
        var measured = output.Last(l => l.StartsWith("measured ", StringComparison.Ordinal));
        var parts = measured.Split(' ').Skip(1).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToList();
        return new Measurement(parts[0], parts[1], parts[2], phases ? EnricherPhases.Parse(log) : null);
    }

    private static async Task RunChildAsync(string[] command)
    {
        var clock = Clock.Start();
        var exitCode = await CliApp.RunAsync(command, CloudPICommands.CreateRoot(), CloudPICommands.ProgramName, TextWriter.Null, Console.Error);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', command)}' exited {exitCode}");
        }

        PrintMeasured(clock, exitCode);
    }

    private static void PrintMeasured(Clock clock, long keepAlive)
    {
        GC.KeepAlive(keepAlive);
        var (wall, cpu) = clock.Elapsed();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured {wall.TotalMilliseconds:F0} {process.PeakWorkingSet64 / 1e6:F0} {cpu.TotalMilliseconds:F0}"));
    }

    /// <summary>Wall-clock and user CPU time since the start of a measured step (the process start and its runtime excluded).</summary>
    private sealed class Clock
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly TimeSpan _cpuAtStart = UserCpu();

        public static Clock Start() => new();

        public (TimeSpan Wall, TimeSpan Cpu) Elapsed() => (_wall.Elapsed, UserCpu() - _cpuAtStart);

        private static TimeSpan UserCpu()
        {
            using var process = Process.GetCurrentProcess();
            return process.UserProcessorTime;
        }
    }

    /// <summary>One measured step: wall-clock time, peak working set and user CPU time of its process.</summary>
    private sealed record Measurement(double Milliseconds, double PeakMegabytes, double CpuMilliseconds, EnricherPhases? Phases = null)
    {
        /// <summary>Each run's analysis-to-load ratio, by its own clock, in run order.</summary>
        public IReadOnlyList<double> Ratios { get; init; } = [];

        /// <summary>
        /// Every run's ratio and their median: on a shared machine one run's load or analysis can stall, and the run with
        /// the fastest analysis may pair it with a slow load; the median of the runs' own ratios is the steadier figure.
        /// </summary>
        public string RatioPerRun => Ratios.Count < 2 ? "" : string.Create(
            CultureInfo.InvariantCulture,
            $"; per run {string.Join(", ", Ratios.Select(r => r.ToString("F0", CultureInfo.InvariantCulture) + "%"))} (median {Median(Ratios):F0}%)");

        private static double Median(IReadOnlyList<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds,7:N0} {(double.IsNaN(CpuMilliseconds) ? "-" : CpuMilliseconds.ToString("N0", CultureInfo.InvariantCulture)),7} {PeakMegabytes,7:N0}");
    }
}
