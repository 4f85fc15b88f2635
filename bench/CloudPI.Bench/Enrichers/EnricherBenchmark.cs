using System.Diagnostics;
using System.Globalization;
using CloudPI.Analysis.Reachability;
using CloudPI.Commands;
using CloudPI.Dracon.Io;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Cartography;
using CloudPI.Graph.Synthetic;
using CloudPI.GraphChecks;
using Google.Protobuf.WellKnownTypes;
using Ocurity.Dracon.V1;

namespace CloudPI.Bench.Enrichers;

/// <summary>
/// Issues 5 and 6: a synthetic account of 100,000 resources and 20,000 findings; each enricher end to end on the
/// file graph (load, resolve, analyse, write), against merely loading the graph, each in a fresh process so peak
/// memory is the enricher's own. Arguments: [RESOURCES] [FINDINGS]; internally: --child ARGS... (one measured run).
/// </summary>
public sealed class EnricherBenchmark : IBenchmark
{
    private const string ChildFlag = "--child";

    public string Name => "enrichers";

    public string Description => "reachability and exploitability enrichers end to end vs loading the graph (100k resources, 20k findings)";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count > 0 && args[0] == ChildFlag)
        {
            await RunChildAsync(args.Skip(1).ToArray());
            return;
        }

        var resources = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var findings = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var directory = Directory.CreateTempSubdirectory("cloudpi-bench-enrichers-");
        try
        {
            var graph = Path.Combine(directory.FullName, "graph.jsonl");
            var producers = Path.Combine(directory.FullName, "producers");
            var account = SyntheticAccountGenerator.Generate(resources, seed: 1);
            ApocJsonLinesWriter.WriteFile(account.Graph, graph);
            var issues = Findings(account, findings);
            WriteTagged(producers, issues);
            Console.WriteLine($"account: {account.ResourceCount:N0} resources, {account.Graph.NodeCount:N0} nodes, {account.Graph.RelationshipCount:N0} relationships; findings: {issues.Count:N0}");

            var load = await ChildAsync(["graph", "stats", "--graph", graph, "--json", "--log-format", "json"], cancellationToken);
            var reach = await ChildAsync(["enricher", "reachability", "--graph", graph, "-read_path", producers, "-write_path", Path.Combine(directory.FullName, "r"), "--log-format", "json"], cancellationToken);
            var exploit = await ChildAsync(["enricher", "exploitability", "--graph", graph, "-read_path", producers, "-write_path", Path.Combine(directory.FullName, "x"), "--log-format", "json"], cancellationToken);
            Console.WriteLine($"load the graph only (graph stats):    {load.Milliseconds,7:N0} ms   peak {load.PeakMegabytes,5:N0} MB");
            Console.WriteLine($"reachability enricher, end to end:   {reach.Milliseconds,7:N0} ms   peak {reach.PeakMegabytes,5:N0} MB   analysis adds {(reach.Milliseconds - load.Milliseconds) * 100.0 / load.Milliseconds,5:F0}% over loading (goal <= 50%)");
            Console.WriteLine($"exploitability enricher, end to end: {exploit.Milliseconds,7:N0} ms   peak {exploit.PeakMegabytes,5:N0} MB   analysis adds {(exploit.Milliseconds - load.Milliseconds) * 100.0 / load.Milliseconds,5:F0}% over loading");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Real findings of the account (what the Cartography producer reports), repeated up to the count asked.</summary>
    private static List<Issue> Findings(SyntheticAccount account, int count)
    {
        var view = new CartographyView(account.Graph);
        var found = GraphCheckCatalog.Run(view, new ReachabilityEngine(view));
        return Enumerable.Range(0, count).Select(i =>
        {
            var finding = found[i % found.Count];
            return new Issue
            {
                Target = finding.Resource.Arn ?? finding.Resource.Id ?? finding.Resource.ExternalId,
                Type = finding.Control.Id,
                Title = finding.Control.Title,
                Severity = (Severity)(int)finding.Control.Severity,
                Uuid = string.Create(CultureInfo.InvariantCulture, $"bench:{i}"),
            };
        }).ToList();
    }

    private static void WriteTagged(string directory, List<Issue> issues)
    {
        var tagged = new LaunchToolResponse { ToolName = "bench", ScanInfo = new ScanInfo { ScanUuid = "bench", ScanStartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch) } };
        tagged.Issues.AddRange(issues);
        DraconFile.Write(Path.Combine(directory, "bench.tagged.pb"), tagged);
    }

    private async Task<(double Milliseconds, double PeakMegabytes)> ChildAsync(string[] command, CancellationToken cancellationToken)
    {
        var measured = (await BenchChild.RunAsync(Name, [ChildFlag, .. command], cancellationToken)).Last(l => l.StartsWith("measured ", StringComparison.Ordinal));
        var parts = measured.Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    private static async Task RunChildAsync(string[] command)
    {
        var clock = Stopwatch.StartNew();
        var exitCode = await CliApp.RunAsync(command, CloudPICommands.CreateRoot(), CloudPICommands.ProgramName, TextWriter.Null, Console.Error);
        clock.Stop();
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', command)}' exited {exitCode}");
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured {clock.Elapsed.TotalMilliseconds:F0} {process.PeakWorkingSet64 / 1e6:F0}"));
    }
}
