using CloudPI.Reachability;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;
using CloudPI.Graph.Synthetic;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// The engine against the synthetic account's documented truth (every archetype, with the real-graph quirks), and
/// its speed on a large account.
/// </summary>
public class SyntheticAccountTests
{
    /// <summary>Kinds with a verdict of their own: network paths, and buckets and queues public by policy.</summary>
    private static readonly string[] NetworkKinds = ["AWSEC2Instance", "AWSRDSInstance", "AWSLambda", "AWSECSTask", "AWSRedshiftCluster", "AWSEKSCluster", "AWSS3Bucket", "AWSSQSQueue"];

    [Fact]
    public void Verdicts_match_the_generators_ground_truth_for_every_archetype()
    {
        var account = SyntheticAccountGenerator.Generate(2_000, seed: 7);
        var engine = new ReachabilityEngine(new CartographyView(account.Graph));

        var results = account.Expectations
            .Where(e => NetworkKinds.Contains(e.Label))
            .Select(e => (Expected: e, Result: engine.Evaluate(Find(account.Graph, e.ResourceId), null)))
            .ToList();
        var wrong = results
            .Where(r => r.Result.Verdict != ReachabilityVerdict.Unknown && (r.Result.Verdict == ReachabilityVerdict.Reachable) != r.Expected.InternetExposed)
            .Select(r => $"{r.Expected.Archetype} {r.Expected.ResourceId}: expected exposed={r.Expected.InternetExposed}, got {r.Result.Summary}")
            .ToList();
        // Unknown only where Cartography's data cannot decide: a Redshift cluster's subnet (its subnet group is not
        // ingested, and each zone of these VPCs has a public and a private subnet) and a Lambda without a recorded policy.
        var unknownKinds = results.Where(r => r.Result.Verdict == ReachabilityVerdict.Unknown).Select(r => r.Expected.Label).Distinct().Order().ToList();

        Assert.Empty(wrong);
        Assert.Subset(new HashSet<string> { "AWSLambda", "AWSRedshiftCluster" }, unknownKinds.ToHashSet());
        Assert.Contains(account.Expectations, e => e.Archetype == "split-cidr-ssh");
    }

    [Fact]
    public void One_engine_shared_between_threads_answers_as_it_does_alone()
    {
        var account = SyntheticAccountGenerator.Generate(3_000, seed: 11);
        var view = new CartographyView(account.Graph);
        var instances = view.NodesOf(CartographyKinds.Ec2Instance).ToList();
        var alone = new ReachabilityEngine(view);
        var expected = instances.Select(i => alone.Evaluate(i, NetworkExposure.Tcp(22)).Path).ToList();
        var shared = new ReachabilityEngine(view);

        var actual = new string[instances.Count];
        Parallel.For(0, instances.Count, i => actual[i] = shared.Evaluate(instances[i], NetworkExposure.Tcp(22)).Path);

        Assert.Equal(expected, actual);
    }

    private static GraphNode Find(PropertyGraph graph, string id) =>
        graph.FindAll(id).First(n => NetworkKinds.Any(n.HasLabel));
}
