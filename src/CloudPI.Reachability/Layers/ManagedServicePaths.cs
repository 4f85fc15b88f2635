using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// Resources whose entry AWS runs outside the account's VPC routing: the EKS public API endpoint, and resources
/// used through an AWS API that a grant makes public (<see cref="PublicGrantPaths"/>).
/// </summary>
internal sealed class ManagedServicePaths(CartographyView view)
{
    private static readonly TrafficQuery KubernetesApi = TrafficQuery.Tcp(443);

    private readonly PublicGrantPaths _grants = new(view);

    public static bool Handles(GraphNode resource) => CartographyKinds.EksCluster.Matches(resource) || PublicGrantPaths.Handles(resource);

    public IEnumerable<PathTrace> Traces(GraphNode resource, TrafficQuery query)
    {
        if (CartographyKinds.EksCluster.Matches(resource))
        {
            return [KubernetesEndpoint(EksCluster.Wrap(resource), NetworkTopology.IdOf(resource), query)];
        }

        return PublicGrantPaths.Handles(resource) ? _grants.Traces(resource, query) : [];
    }

    /// <summary>The ports a managed service answers on, none for other resources; a span over shared arrays, as every
    /// question about any resource asks (an enumerable cost an interface call per question to find it empty).</summary>
    public static ReadOnlySpan<TrafficQuery> ServicePorts(GraphNode resource) =>
        CartographyKinds.EksCluster.Matches(resource) ? KubernetesApiPorts : PublicGrantPaths.Handles(resource) ? HttpsPorts : [];

    private static readonly TrafficQuery[] KubernetesApiPorts = [KubernetesApi];
    private static readonly TrafficQuery[] HttpsPorts = [PublicGrantPaths.Https];

    private static PathTrace KubernetesEndpoint(EksCluster cluster, string id, TrafficQuery query)
    {
        var trace = PathTrace.FromInternet(id, query);
        if (query.Within(KubernetesApi) is not { } served)
        {
            return trace.Then(LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Denies, $"the API endpoint accepts {KubernetesApi} only", id)));
        }

        trace = trace.Towards(id, served);
        if (!cluster.EndpointPublicAccess)
        {
            return trace.Then(LayerOutcome.Closed(new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Denies, "endpoint_public_access is off: the API is private", id)));
        }

        var fix = new FixCandidate(ReachabilityLayer.Service, $"disable the public API endpoint of {id}, or restrict its public access CIDRs");
        var cidrs = cluster.PublicAccessCidrs;
        if (cidrs.Count == 0)
        {
            // Cartography does not store publicAccessCidrs; AWS's default is 0.0.0.0/0.
            const string missing = "public_access_cidrs (not ingested by Cartography): AWS's default 0.0.0.0/0 assumed";
            return trace.Then(LayerOutcome.Open(
                new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Allows, "endpoint_public_access: the Kubernetes API is public", "eks public endpoint"),
                new EvidenceStep(ReachabilityLayer.Service, id, EvidenceDecision.Note, missing)) with { Fixes = [fix], Missing = [missing] });
        }

        var sources = AddressSet.FromCidrs(cidrs);
        return trace.Then(new LayerOutcome(sources, sources,
            [new EvidenceStep(ReachabilityLayer.Service, id, sources.IsEmpty ? EvidenceDecision.Denies : EvidenceDecision.Allows,
                $"endpoint_public_access, open to {string.Join(", ", cidrs)}", "eks public endpoint")])
        {
            Fixes = [fix],
        });
    }
}
