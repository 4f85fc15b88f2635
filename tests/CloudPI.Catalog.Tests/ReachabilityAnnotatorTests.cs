using CloudPI.Controls;
using CloudPI.Enrichers;
using CloudPI.Graph;
using CloudPI.Reachability;
using CloudPI.TestSupport;

namespace CloudPI.Catalog.Tests;

/// <summary>
/// The reachability annotator asks its engine once per resource and traffic while the answer is recent: any traffic is
/// one question whether a control names no exposure (ec2-instance-no-public-ip) or NetworkExposure.AnyTraffic
/// (internet-exposed-instance), so a resource's findings of both kinds share one verdict.
/// </summary>
public sealed class ReachabilityAnnotatorTests
{
    private static readonly GraphNode Instance = CloudPI.Graph.Apoc.ApocJsonLinesReader.ReadFile(RepoPaths.Examples("account", "graph.jsonl"))
        .Nodes.First(n => n.HasLabel("EC2Instance"));

    private sealed class CountingEngine : IReachabilityEngine
    {
        public List<NetworkExposure?> Asked { get; } = [];

        public ReachabilityResult Evaluate(GraphNode resource, NetworkExposure? port)
        {
            Asked.Add(port);
            return new ReachabilityResult
            {
                ResourceId = resource.Id ?? "",
                Traffic = Controls.Network.TrafficQuery.From(port),
                Verdict = ReachabilityVerdict.NotReachable,
                Path = "internet ✗",
                Evidence = [],
            };
        }
    }

    private static ResolvedIssue IssueOf(string controlId) =>
        new(new Ocurity.Dracon.V1.Issue { Type = controlId }, ControlCatalog.Default.Resolve(controlId), Instance);

    [Fact]
    public void No_exposure_and_any_traffic_are_one_question()
    {
        var engine = new CountingEngine();
        var annotator = new ReachabilityAnnotator(engine);

        var noPublicIp = annotator.Evaluate(IssueOf("ec2-instance-no-public-ip"));
        var exposed = annotator.Evaluate(IssueOf("internet-exposed-instance"));

        Assert.Same(noPublicIp, exposed);
        Assert.Equal([null], engine.Asked);
    }

    [Fact]
    public void A_port_is_a_question_of_its_own()
    {
        var engine = new CountingEngine();
        var annotator = new ReachabilityAnnotator(engine);

        annotator.Evaluate(IssueOf("internet-exposed-instance"));
        annotator.Evaluate(IssueOf("restricted-ssh"));

        Assert.Equal(2, engine.Asked.Count);
        Assert.Equal(NetworkExposure.Tcp(22), engine.Asked[1]);
    }
}
