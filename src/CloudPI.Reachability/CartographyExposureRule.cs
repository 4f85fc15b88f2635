using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability;

/// <summary>
/// What Cartography's own exposure analysis decides for a node (<see cref="Exposed"/> null when it has no rule for
/// the kind), and whether the graph carries the flag: the analysis writes true or nothing, so a rule
/// that says exposed on a node without the flag means the analysis was skipped or is older than the data.
/// </summary>
public sealed record CartographyFlag(bool? Exposed, IReadOnlyList<string> Types, string Reason)
{
    public bool FlagInGraph { get; init; }
}

/// <summary>
/// Cartography's <c>exposed_internet</c> rules recomputed from the graph, so a report can show them
/// next to our verdict even where the analysis job did not run. They ignore routes, NACLs, ports of direct
/// exposure, CIDRs other than exactly 0.0.0.0/0, instance state and whether a target admits its balancer.
/// </summary>
public static class CartographyExposureRule
{
    private const string Anywhere = "0.0.0.0/0";

    public static CartographyFlag Evaluate(GraphNode resource) =>
        (RuleFor(resource)?.Invoke(resource) ?? new CartographyFlag(null, [], $"Cartography computes no exposure for {string.Join(":", resource.Labels)}"))
            with { FlagInGraph = resource.Properties.GetBool("exposed_internet") == true };

    /// <summary>What the rule decides for the node (null when Cartography has no rule for its kind), without the reasons.</summary>
    public static bool? Exposed(GraphNode resource) => RuleFor(resource)?.Invoke(resource).Exposed;

    private static Func<GraphNode, CartographyFlag>? RuleFor(GraphNode resource)
    {
        foreach (var (kind, rule) in Rules)
        {
            if (kind.Matches(resource))
            {
                return rule;
            }
        }

        return null;
    }

    private static readonly (CartographyKind Kind, Func<GraphNode, CartographyFlag> Rule)[] Rules =
    [
        (CartographyKinds.Ec2Instance, node => Instance(Ec2Instance.Wrap(node))),
        (CartographyKinds.LoadBalancerV2, node => Flag(BalancerV2(LoadBalancerV2.Wrap(node)), "elbv2")),
        (CartographyKinds.LoadBalancer, node => Flag(ClassicBalancer(LoadBalancer.Wrap(node)), "elb")),
        (CartographyKinds.EksCluster, node => Flag(EksCluster.Wrap(node).EndpointPublicAccess ? "endpoint_public_access is true" : null, "direct")),
        (CartographyKinds.EcsContainer, Container),
    ];

    /// <summary><c>direct</c>: a public IP and any inbound 0.0.0.0/0 rule, whatever its port; <c>elb</c>/<c>elbv2</c>: an exposed balancer EXPOSEs it.</summary>
    private static CartographyFlag Instance(Ec2Instance instance)
    {
        // Every finding on an instance asks this, and most instances are exposed by no rule: the lists are made only
        // for one that is.
        List<string>? types = null;
        List<string>? reasons = null;
        if (instance.PublicIpAddress is not null && instance.SecurityGroups.Concat(instance.NetworkInterfaces.SelectMany(e => e.SecurityGroups)).Any(OpenToAnywhere))
        {
            (types, reasons) = (["direct"], ["public IP and an inbound 0.0.0.0/0 rule (any port)"]);
        }

        foreach (var balancer in instance.Node.Neighbors("EXPOSE", Direction.Incoming))
        {
            var (type, why) = CartographyKinds.LoadBalancerV2.Matches(balancer)
                ? ("elbv2", BalancerV2(LoadBalancerV2.Wrap(balancer)))
                : CartographyKinds.LoadBalancer.Matches(balancer) ? ("elb", ClassicBalancer(LoadBalancer.Wrap(balancer))) : (null, null);
            if (type is not null && why is not null && !(types?.Contains(type) ?? false))
            {
                (types ??= []).Add(type);
                (reasons ??= []).Add($"exposed by {NodeName(balancer)} ({why})");
            }
        }

        if (types is null)
        {
            return new CartographyFlag(false, [], "no public IP with a 0.0.0.0/0 rule, no exposed balancer");
        }

        return new CartographyFlag(true, types, string.Join("; ", reasons!));
    }

    private static CartographyFlag Container(GraphNode container)
    {
        var interfaces = container.Neighbors("HAS_CONTAINER", Direction.Incoming).Where(CartographyKinds.EcsTask.Matches)
            .SelectMany(t => EcsTask.Wrap(t).NetworkInterfaces).ToList();
        if (interfaces.Any(e => e.PublicIp is not null && e.SecurityGroups.Any(OpenToAnywhere)))
        {
            return new CartographyFlag(true, ["direct"], "task ENI has a public IP and an inbound 0.0.0.0/0 rule");
        }

        var exposedBy = interfaces.SelectMany(e => e.PrivateIps).SelectMany(p => p.Node.Neighbors("EXPOSE", Direction.Incoming))
            .Where(b => CartographyKinds.LoadBalancerV2.Matches(b) && BalancerV2(LoadBalancerV2.Wrap(b)) is not null)
            .Select(b => (GraphNode?)b)
            .FirstOrDefault();
        return exposedBy is { } balancer
            ? new CartographyFlag(true, ["elbv2"], $"exposed by {NodeName(balancer)}")
            : new CartographyFlag(false, [], "no public task ENI with a 0.0.0.0/0 rule, no exposed balancer");
    }

    /// <summary>Internet-facing and either a network balancer with a listener, or a 0.0.0.0/0 rule covering a listener port.</summary>
    private static string? BalancerV2(LoadBalancerV2 balancer)
    {
        var ports = balancer.Listeners.Select(l => l.Port).OfType<long>().ToList();
        if (!balancer.InternetFacing)
        {
            return null;
        }

        if (balancer.Type == "network" && ports.Count > 0)
        {
            return "internet-facing network balancer with a listener (security groups not checked)";
        }

        return balancer.SecurityGroups.Any(g => OpenToAnywhereOn(g, ports)) ? "internet-facing, 0.0.0.0/0 rule covers a listener port" : null;
    }

    private static string? ClassicBalancer(LoadBalancer balancer)
    {
        var ports = balancer.Listeners.Select(l => l.Port).OfType<long>().ToList();
        return balancer.InternetFacing && balancer.SourceSecurityGroups.Any(g => OpenToAnywhereOn(g, ports))
            ? "internet-facing, source group's 0.0.0.0/0 rule covers a listener port"
            : null;
    }

    // Instances share their groups: each group's rules are read once per graph.
    private static readonly NodeFact GroupOpenToAnywhere = new(node => SecurityGroup.Wrap(node).InboundRules.Any(r => r.Ranges.Any(range => range.Cidr == Anywhere)));

    private static bool OpenToAnywhere(SecurityGroup group) => GroupOpenToAnywhere.Of(group.Node);

    /// <summary>Rule protocol is not compared with the listener's; all-traffic rules and null ports match.</summary>
    private static bool OpenToAnywhereOn(SecurityGroup group, IReadOnlyList<long> ports) =>
        group.InboundRules.Any(r => r.Ranges.Any(range => range.Cidr == Anywhere)
            && (r.Protocol == "-1" || r.FromPort is null || ports.Any(p => r.FromPort <= p && r.ToPort >= p)));

    private static CartographyFlag Flag(string? reason, string type) =>
        reason is null ? new CartographyFlag(false, [], "rule conditions not met") : new CartographyFlag(true, [type], reason);

    private static string NodeName(GraphNode node) => node.Properties.GetString("name") ?? node.Id ?? node.ExternalId;
}

/// <summary>How Cartography's flag and our verdict relate.</summary>
public enum CartographyAgreement
{
    Agree,

    /// <summary>Cartography flags it, we find no path (it ignores routes, NACLs, ports, state, target groups).</summary>
    CartographyOverstates,

    /// <summary>We find a path Cartography does not flag (CIDRs other than 0.0.0.0/0, databases, NLB-less paths…).</summary>
    CartographyMisses,

    /// <summary>Cartography has no rule for the kind, or our verdict is unknown.</summary>
    NotComparable,
}

/// <summary>Cartography's flag next to our verdict for the same resource.</summary>
public sealed record CartographyFlagComparison(CartographyFlag Cartography, ReachabilityVerdict Ours, CartographyAgreement Agreement)
{
    public static CartographyFlagComparison Of(GraphNode resource, ReachabilityResult ours)
    {
        ArgumentNullException.ThrowIfNull(ours);
        var flag = CartographyExposureRule.Evaluate(resource);
        var agreement = (flag.Exposed, ours.Verdict) switch
        {
            (null, _) or (_, ReachabilityVerdict.Unknown) => CartographyAgreement.NotComparable,
            (true, ReachabilityVerdict.NotReachable) => CartographyAgreement.CartographyOverstates,
            (false, not ReachabilityVerdict.NotReachable) => CartographyAgreement.CartographyMisses,
            _ => CartographyAgreement.Agree,
        };
        return new CartographyFlagComparison(flag, ours.Verdict, agreement);
    }
}
