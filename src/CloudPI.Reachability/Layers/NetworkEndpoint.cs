using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>
/// Something the internet might connect to directly: a public address (or public endpoint) in some subnets behind
/// some security groups, maybe listening on one port only (a database, a balancer's listener).
/// </summary>
internal sealed record NetworkEndpoint
{
    public required GraphNode Resource { get; init; }

    public required string ResourceId { get; init; }

    /// <summary>Whether the resource is running and has a public address (or is internet-facing / publicly accessible).</summary>
    public required LayerOutcome Exposure { get; init; }

    public required IReadOnlyList<Subnet> Subnets { get; init; }

    /// <summary>How the subnets were found when not through an edge (from the VPC), or how one was chosen.</summary>
    public EvidenceStep? SubnetNote { get; init; }

    /// <summary>
    /// True when the resource sits in ONE of <see cref="Subnets"/>, unknown which (a database the graph cannot
    /// place); false when it sits in all of them (a balancer spans its subnets).
    /// </summary>
    public bool SubnetsAreCandidates { get; init; }

    public required IReadOnlyList<SecurityGroup> Groups { get; init; }

    /// <summary>Network load balancers may have no security group: then routes and NACLs alone decide.</summary>
    public bool MayHaveNoGroups { get; init; }

    /// <summary>The only traffic it accepts (a database port, a listener); null when any port may be served.</summary>
    public TrafficQuery? Service { get; init; }

    /// <summary>The listener hop, between the subnet layers and the security groups.</summary>
    public EvidenceStep? ServiceStep { get; init; }

    /// <summary>
    /// The path's last hops after the security groups: the interface an endpoint of a multi-interface instance stands
    /// for, the host instance of a task without its own interface.
    /// </summary>
    public LayerOutcome? FinalHops { get; init; }

    /// <summary>For classic ELB listeners: the instance port they forward to.</summary>
    public long? ForwardsToPort { get; init; }
}

/// <summary>A resource as a balancer's target: the nodes <c>EXPOSE</c> edges may point at, its state and groups.</summary>
internal sealed record BalancerTarget
{
    public required string ResourceId { get; init; }

    /// <summary>The resource itself and, for IP targets, its private addresses.</summary>
    public required IReadOnlyList<GraphNode> ExposedNodes { get; init; }

    public required LayerOutcome State { get; init; }

    public required IReadOnlyList<SecurityGroup> Groups { get; init; }

    /// <summary>Hops after the target's groups (a task reached through its host instance).</summary>
    public LayerOutcome? FinalHops { get; init; }

    /// <summary>The subnets the balancer's traffic enters (their NACLs apply); none for functions.</summary>
    public IReadOnlyList<Subnet> Subnets { get; init; } = [];

    /// <summary>Lambda functions are invoked by the balancer, with no security group in between.</summary>
    public bool InvokedWithoutNetwork { get; init; }
}
