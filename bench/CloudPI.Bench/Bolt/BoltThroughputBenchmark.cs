using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CloudPI.Bolt;
using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Testing;
using CloudPI.Bolt.Values;

namespace CloudPI.Bench.Bolt;

/// <summary>
/// Streams N Cartography-shaped nodes from the in-process Bolt test server and reports records/s through our
/// client and through the official JavaScript driver (bench/js) reading the same stream.
/// </summary>
public sealed class BoltThroughputBenchmark : IBenchmark
{
    private const long DefaultRecords = 1_000_000;
    private const string WarmupQuery = "RETURN 1 AS warmup";

    public string Name => "bolt-throughput";

    public string Description => $"records/s reading N nodes over Bolt 5.4, ours vs the official JS driver (args: [N={DefaultRecords}])";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var records = args.Count > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : DefaultRecords;
        var query = $"MATCH (n:EC2Instance) RETURN n LIMIT {records}";
        var neo4j = new SimulatedNeo4j
        {
            Versions = [BoltVersion.V5_4, BoltVersion.V4_4],
            Query = run => SimulatedResult.Repeat(["n"], [CartographyNode()], (string)run.Fields[0]! == WarmupQuery ? 10_000 : records),
        };
        BoltVersion? lastNegotiated = null;
        await using var server = BoltTestServer.Start(async session =>
        {
            if (await neo4j.HandshakeAndAuthenticateAsync(session))
            {
                lastNegotiated = session.Version;
                await neo4j.ServeRequestsAsync(session);
            }
        });

        var ours = await MeasureOursAsync(server, query, cancellationToken);
        Report($"cloudpi (C#, Bolt {lastNegotiated})", ours);
        var js = await MeasureJavaScriptAsync(server, query, cancellationToken);
        if (js is { } measured)
        {
            Report($"neo4j-driver (JS, Bolt {lastNegotiated})", measured);
            Console.WriteLine($"  ratio ours/js: {ours.PerSecond / measured.PerSecond:0.00}x");
        }
    }

    private static BoltNode CartographyNode() => new(
        4711,
        ["AWSEC2Instance", "ComputeInstance", "EC2Instance"],
        new Dictionary<string, object?>
        {
            ["id"] = "i-0123456789abcdef0",
            ["instanceid"] = "i-0123456789abcdef0",
            ["region"] = "eu-west-1",
            ["instancetype"] = "t3.medium",
            ["publicipaddress"] = "203.0.113.10",
            ["launchtime"] = 1_755_000_000L,
            ["lastupdated"] = 1_755_000_123L,
            ["exposed_internet"] = true,
        },
        "4:6f1c2b1e-8a8e-4a53-9d49-1f4f6f0e2a11:4711");

    private static async Task<Measurement> MeasureOursAsync(BoltTestServer server, string query, CancellationToken cancellationToken)
    {
        var options = new BoltClientOptions { Uri = server.UriFor(), Credentials = new BoltCredentials("neo4j", "bench") };
        await using var client = await BoltClient.ConnectAsync(options, cancellationToken);
        await CountNodesAsync(client, WarmupQuery, cancellationToken);
        var clock = Stopwatch.StartNew();
        var count = await CountNodesAsync(client, query, cancellationToken);
        return new Measurement(count, clock.Elapsed.TotalSeconds);
    }

    private static async Task<long> CountNodesAsync(ICypherClient client, string query, CancellationToken cancellationToken)
    {
        var count = 0L;
        await foreach (var record in client.RunAsync(query, ct: cancellationToken))
        {
            if (record[0] is BoltNode { Labels.Count: > 0 })
            {
                count++;
            }
        }

        return count;
    }

    private static async Task<Measurement?> MeasureJavaScriptAsync(BoltTestServer server, string query, CancellationToken cancellationToken)
    {
        var script = FindJsScript();
        if (script is null)
        {
            Console.WriteLine("  neo4j-driver (JS): skipped, bench/js/bolt-throughput.mjs not found (run from the repository).");
            return null;
        }

        if (!Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "neo4j-driver")))
        {
            Console.WriteLine("  neo4j-driver (JS): skipped, the driver is not installed: run `npm install --no-audit --no-fund` in bench/js.");
            return null;
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(server.UriFor().ToString());
        start.ArgumentList.Add(query);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("  neo4j-driver (JS): skipped, `node` is not on PATH.");
            return null;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"  neo4j-driver (JS): failed (exit {process.ExitCode}): {(await errors).Trim()}");
                return null;
            }

            using var result = JsonDocument.Parse((await output).Trim());
            return new Measurement(result.RootElement.GetProperty("records").GetInt64(), result.RootElement.GetProperty("seconds").GetDouble());
        }
    }

    /// <summary>bench/js/bolt-throughput.mjs, looked up from the working directory and from the binary's folder upwards.</summary>
    private static string? FindJsScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "bench", "js", "bolt-throughput.mjs");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static void Report(string client, Measurement measurement) =>
        Console.WriteLine($"  {client,-30} records: {measurement.Records,10:N0}   seconds: {measurement.Seconds,7:0.000}   records/s: {measurement.PerSecond,12:N0}");

    private readonly record struct Measurement(long Records, double Seconds)
    {
        public double PerSecond => Records / Seconds;
    }
}
