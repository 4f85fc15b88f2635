using System.Diagnostics;
using Amazon;
using Amazon.Runtime;
using CloudPI.Aws;

namespace CloudPI.Bench.AwsConfig;

/// <summary>
/// Collects 10,000 NON_COMPLIANT evaluations of 60 rules × 3 regions (pages of 100) through AwsConfigClient and
/// ComplianceCollector from an in-process stub that adds 20 ms per call, at concurrency 1, 4 and 8.
/// </summary>
public sealed class AwsConfigCollectBenchmark : IBenchmark
{
    private static readonly string[] Regions = ["eu-west-1", "us-east-1", "us-west-2"];
    private static readonly int[] Concurrencies = [1, 4, 8];
    private const int RuleCount = 60;
    private const int TotalEvaluations = 10_000;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    public string Name => "awsconfig-collect";

    public string Description => "AWS Config NON_COMPLIANT collection, 60 rules x 3 regions, 10,000 evaluations, 20 ms/call";

    public async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var rules = Enumerable.Range(1, RuleCount).Select(i => $"rule-{i:D2}").ToList();
        var stub = new ComplianceStub(Regions, rules, TotalEvaluations, Latency);
        Console.WriteLine($"{"concurrency",11} {"evaluations",12} {"api calls",10} {"wall ms",9}");
        foreach (var concurrency in Concurrencies)
        {
            stub.ResetCalls();
            var clients = Regions.Select(region => new AwsConfigClient(new AwsConfigClientOptions
            {
                Credentials = new BasicAWSCredentials("AKIDBENCH", "bench-secret"),
                Region = RegionEndpoint.GetBySystemName(region),
                EndpointUrl = new Uri("https://config.stub.invalid/"),
                HttpHandler = stub.CreateHandler(),
            })).ToList();
            try
            {
                var clock = Stopwatch.StartNew();
                var collection = await new ComplianceCollector(concurrency)
                    .CollectNonCompliantAsync(clients, rules, cancellationToken);
                clock.Stop();
                if (collection.Evaluations.Count != stub.TotalEvaluations)
                {
                    throw new InvalidOperationException($"collected {collection.Evaluations.Count} evaluations, expected {stub.TotalEvaluations}");
                }

                Console.WriteLine($"{concurrency,11} {collection.Evaluations.Count,12:N0} {stub.Calls,10:N0} {clock.Elapsed.TotalMilliseconds,9:F0}");
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
    }
}
