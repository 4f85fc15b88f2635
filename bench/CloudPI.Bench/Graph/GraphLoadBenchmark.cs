using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CloudPI.Graph;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Synthetic;

namespace CloudPI.Bench.Graph;

/// <summary>
/// Generates a synthetic account to an APOC file, then compares loading it into the PropertyGraph with merely
/// walking its JSON tokens, and measures the peak memory of a process that only loads it.
/// Arguments: [RESOURCES] (default 100000) [--seed N]; internally: --load-only FILE (the memory child).
/// </summary>
public sealed class GraphLoadBenchmark : IBenchmark
{
    private const string LoadOnlyFlag = "--load-only";
    private const int Runs = 3;

    public string Name => "graph-load";

    public string Description => "APOC load vs System.Text.Json token walk, and peak memory, for a synthetic account";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count == 2 && args[0] == LoadOnlyFlag)
        {
            ReportLoadOnly(args[1]);
            return;
        }

        var resources = args.Count > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var seedIndex = args.ToList().IndexOf("--seed");
        var seed = seedIndex >= 0 ? int.Parse(args[seedIndex + 1], CultureInfo.InvariantCulture) : 1;
        var directory = Directory.CreateTempSubdirectory("cloudpi-graph-load-");
        try
        {
            var path = Path.Combine(directory.FullName, "account.json");
            var clock = Stopwatch.StartNew();
            var account = SyntheticAccountGenerator.Generate(resources, seed);
            var generated = clock.Elapsed;
            ApocJsonLinesWriter.WriteFile(account.Graph, path);
            var written = clock.Elapsed - generated;
            Console.WriteLine($"synthetic account: {account.ResourceCount:N0} resources in {account.VpcCount} VPCs, {account.Graph.NodeCount:N0} nodes, {account.Graph.RelationshipCount:N0} relationships");
            Console.WriteLine($"generate: {generated.TotalSeconds:F2} s, write: {written.TotalSeconds:F2} s");
            account = null;
            GC.Collect();

            var lines = TokenWalk.Run(path).Lines;
            Console.WriteLine($"file: {new FileInfo(path).Length / 1e6:F1} MB, {lines:N0} lines");

            var baseline = Best(() => TokenWalk.Run(path));
            var documents = Best(() => ParseDocuments(path));
            var load = Best(() => ApocJsonLinesReader.ReadFile(path));
            Console.WriteLine($"baseline (Utf8JsonReader walking every token, best of {Runs}): {baseline.Elapsed.TotalMilliseconds:F0} ms");
            Console.WriteLine($"parse every line into a JsonDocument (best of {Runs}): {documents.Elapsed.TotalMilliseconds:F0} ms");
            Console.WriteLine($"load into PropertyGraph (best of {Runs}): {load.Elapsed.TotalMilliseconds:F0} ms, of which GC pauses {load.GcPauses.TotalMilliseconds:F0} ms");
            Console.WriteLine($"ratio load/baseline: {load.Elapsed / baseline.Elapsed:F2}x (goal <= 2x); without GC pauses: {(load.Elapsed - load.GcPauses) / baseline.Elapsed:F2}x");
            Console.WriteLine($"ratio load/JsonDocument parse: {load.Elapsed / documents.Elapsed:F2}x");

            foreach (var line in await BenchChild.RunAsync(Name, [LoadOnlyFlag, path], cancellationToken))
            {
                Console.WriteLine(line);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The fastest of <see cref="Runs"/> runs, with the GC pause time inside it.</summary>
    private static (TimeSpan Elapsed, TimeSpan GcPauses) Best(Func<object> run)
    {
        var best = (Elapsed: TimeSpan.MaxValue, GcPauses: TimeSpan.Zero);
        for (var i = 0; i < Runs; i++)
        {
            GC.Collect();
            var pausesBefore = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(run());
            clock.Stop();
            if (clock.Elapsed < best.Elapsed)
            {
                best = (clock.Elapsed, GC.GetTotalPauseDuration() - pausesBefore);
            }
        }

        return best;
    }

    /// <summary>The other reading of "merely parse": System.Text.Json's DOM for each line, discarded at once.</summary>
    private static long ParseDocuments(string path)
    {
        long lines = 0;
        foreach (var line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            lines += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        return lines;
    }


    private static void ReportLoadOnly(string path)
    {
        var clock = Stopwatch.StartNew();
        var graph = ApocJsonLinesReader.ReadFile(path);
        clock.Stop();
        var stats = GraphStatistics.Compute(graph);
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine($"load-only process: {stats.NodeCount:N0} nodes, {stats.RelationshipCount:N0} relationships loaded in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"peak working set after load: {process.PeakWorkingSet64 / 1e6:F0} MB (goal <= 400 MB)");
        GC.Collect();
        Console.WriteLine($"GC heap after load: {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB live, {info.HeapSizeBytes / 1e6:F0} MB heap, {info.TotalCommittedBytes / 1e6:F0} MB committed (before final collect), server GC: {System.Runtime.GCSettings.IsServerGC}");
        GC.KeepAlive(graph);
    }
}
