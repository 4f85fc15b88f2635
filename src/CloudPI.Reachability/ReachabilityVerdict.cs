using CloudPI.Controls.Network;

namespace CloudPI.Reachability;

/// <summary>What the graph says about a path from the internet to a resource, best outcome first.</summary>
public enum ReachabilityVerdict
{
    /// <summary>Every public IPv4 address can open the traffic asked about.</summary>
    Reachable,

    /// <summary>Open only to specific public ranges (an office allow-list): named in <see cref="ReachabilityResult.AllowedRanges"/>.</summary>
    RestrictedExposure,

    /// <summary>The graph lacks data that decides the question: see <see cref="ReachabilityResult.Missing"/>.</summary>
    Unknown,

    NotReachable,
}

/// <summary>The layers a path crosses, for the evidence list.</summary>
public enum ReachabilityLayer
{
    State,
    Address,
    Route,
    NetworkAcl,
    LoadBalancer,
    SecurityGroup,
    Target,
    Service,
}

public enum EvidenceDecision
{
    Allows,
    Denies,
    Unknown,

    /// <summary>A fact the decision relied on (a default used, a link assumed), not a decision itself.</summary>
    Note,
}

public static class EvidenceDecisionNames
{
    /// <summary>The decision as annotations spell it (<c>allows</c>, <c>denies</c>, <c>unknown</c>, <c>note</c>), without formatting the enum each time.</summary>
    public static string Name(this EvidenceDecision decision) => decision switch
    {
        EvidenceDecision.Allows => "allows",
        EvidenceDecision.Denies => "denies",
        EvidenceDecision.Unknown => "unknown",
        _ => "note",
    };
}

/// <summary>
/// One decided step: which layer, which node (its Cartography id), what was decided and why. <see cref="Hop"/> is
/// the step's name in the compact path (e.g. <c>acl-1#100</c>), null for steps that are not hops.
/// </summary>
public sealed record EvidenceStep(ReachabilityLayer Layer, string NodeId, EvidenceDecision Decision, string Reason, string? Hop = null)
{
    /// <summary>The layer as reports spell it: <c>route</c>, <c>nacl</c>, <c>security-group</c>…</summary>
    public string LayerName => NameOf(Layer);

    /// <summary><paramref name="layer"/> as reports spell it (<see cref="LayerName"/>).</summary>
    public static string NameOf(ReachabilityLayer layer) => layer switch
    {
        ReachabilityLayer.NetworkAcl => "nacl",
        ReachabilityLayer.SecurityGroup => "security-group",
        ReachabilityLayer.LoadBalancer => "load-balancer",
        ReachabilityLayer.State => "state",
        ReachabilityLayer.Address => "address",
        ReachabilityLayer.Route => "route",
        ReachabilityLayer.Target => "target",
        _ => "service",
    };

    public override string ToString() => $"[{LayerName}] {NodeId}: {Decision.Name()} - {Reason}";
}

/// <summary>
/// One hop of a path, for machines: what it is (<c>internet-gateway</c>, <c>route-table</c>, <c>network-acl</c>,
/// <c>security-group</c>, <c>load-balancer</c>, …), its Cartography id, its label in the compact path, and what it
/// decided (<c>allows</c>, <c>denies</c> where the path ends, <c>unknown</c>).
/// </summary>
public sealed record PathHop(string Kind, string Id, string Label, EvidenceDecision Decision)
{
    public static PathHop Internet { get; } = new("internet", "internet", "internet", EvidenceDecision.Allows);

    public static PathHop Resource(string id, EvidenceDecision decision = EvidenceDecision.Allows) => new("resource", id, id, decision);

    /// <summary>The hop an evidence step stands for; its kind from the id's AWS prefix where there is one, else the layer.</summary>
    public static PathHop Of(EvidenceStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var kind = step.NodeId switch
        {
            var id when id.StartsWith("igw-", StringComparison.Ordinal) => "internet-gateway",
            var id when id.StartsWith("rtb-", StringComparison.Ordinal) => "route-table",
            var id when id.StartsWith("vpce-", StringComparison.Ordinal) => "vpc-endpoint",
            var id when id.StartsWith("acl-", StringComparison.Ordinal) || id.Contains(":network-acl/", StringComparison.Ordinal) => "network-acl",
            var id when id.StartsWith("sg-", StringComparison.Ordinal) => "security-group",
            var id when id.StartsWith("eni-", StringComparison.Ordinal) => "network-interface",
            var id when id.StartsWith("i-", StringComparison.Ordinal) => "instance",
            _ => step.LayerName,
        };
        return new PathHop(kind, step.NodeId, step.Hop ?? step.NodeId, step.Decision == EvidenceDecision.Note ? EvidenceDecision.Allows : step.Decision);
    }
}

/// <summary>Traffic found open from the internet, for any-traffic questions.</summary>
public sealed record OpenPort(TrafficQuery Traffic, ReachabilityVerdict Verdict, string Path)
{
    public override string ToString() => $"{Traffic} ({Verdict})";
}
