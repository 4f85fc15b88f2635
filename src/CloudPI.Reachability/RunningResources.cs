using System.Globalization;
using CloudPI.Reachability.Layers;
using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability;

/// <summary>
/// One link of the chain from a running member up to a configuration object: the node it passes (the member, or an
/// auto-scaling group between an instance and its launch template), its label in the compact path (the node and a
/// verb that reads on into the next hop: <c>i-1 (has attached) → vol-1</c>), and the relation as a sentence.
/// </summary>
internal sealed record RunningLink(string NodeId, string Hop, string Reason);

/// <summary>A running resource a configuration object is judged by, and the links from it up to the object (member first).</summary>
internal sealed record RunningMember(GraphNode Node, IReadOnlyList<RunningLink> Links)
{
    public string Id => Links[0].NodeId;

    /// <summary>The member as the evidence lists it: <c>i-2</c>, or <c>i-2 in asg-1</c> when reached through a group.</summary>
    public string Name => Links.Count > 1 ? $"{Id} in {Links[1].NodeId}" : Id;
}

/// <summary>
/// One kind of configuration object: how to find its running members, and how to say what they are
/// (<see cref="JudgedBy"/>: "the instances it is attached to") and that there are none (<see cref="UsedBy"/>:
/// "attached to", "used by").
/// </summary>
internal sealed record ConfigurationKind(
    CartographyKind Kind,
    string JudgedBy,
    string UsedBy,
    Func<GraphNode, string, IEnumerable<RunningMember>> FindMembers,
    Func<GraphNode, IEnumerable<GraphNode>>? Intermediates = null)
{
    /// <summary>The members, once each (the first chain found), in id order.</summary>
    public IReadOnlyList<RunningMember> MembersOf(GraphNode node)
    {
        // Most objects have one member (a volume attached to one instance): no set or sort for it.
        var found = FindMembers(node, NetworkTopology.IdOf(node)).ToList();
        return found.Count <= 1 ? found : [.. found.DistinctBy(m => m.Node).OrderBy(m => m.Id, StringComparer.Ordinal)];
    }
}

/// <summary>
/// Configuration objects with no network presence of their own (an EBS volume, a task definition, a service, an
/// auto-scaling group, a launch template or configuration, an RDS cluster) are judged by the running resources
/// they belong to: reachable when one of those is, the path going through it and on to the object.
/// </summary>
internal static class RunningResources
{
    /// <summary>Members listed by name in the evidence note; more are counted.</summary>
    private const int MembersNamed = 10;

    private static readonly ConfigurationKind[] Kinds =
    [
        new(CartographyKinds.EbsVolume, "the instances it is attached to", "attached to", (node, id) =>
            EbsVolume.Wrap(node).AttachedTo.Select(i => Member(i.Node, "has attached", m => $"volume {id} is attached to {m}"))),
        new(CartographyKinds.EcsTaskDefinition, "the tasks that run it", "used by", (node, id) =>
            EcsTaskDefinition.Wrap(node).Tasks.Select(t => Member(t.Node, "runs", m => $"task definition {id} runs as task {m}"))),
        new(CartographyKinds.EcsService, "its tasks", "used by", (node, id) =>
            EcsService.Wrap(node).Tasks.Select(t => Member(t.Node, "task of", m => $"task {m} belongs to service {id}"))),
        new(CartographyKinds.AutoScalingGroup, "its member instances", "used by", (node, id) =>
            AutoScalingGroup.Wrap(node).Instances.Select(i => Member(i.Node, "member of", m => $"{m} is a member of auto-scaling group {id}"))),
        new(CartographyKinds.LaunchTemplate, "the instances of the auto-scaling groups that launch from it", "used by",
            (node, id) => ThroughGroups(LaunchTemplate.Wrap(node).AutoScalingGroups, "launch template", id),
            node => LaunchTemplate.Wrap(node).AutoScalingGroups.Select(g => g.Node)),
        new(CartographyKinds.LaunchConfiguration, "the instances of the auto-scaling groups that launch from it", "used by",
            (node, id) => ThroughGroups(LaunchConfiguration.Wrap(node).AutoScalingGroups, "launch configuration", id),
            node => LaunchConfiguration.Wrap(node).AutoScalingGroups.Select(g => g.Node)),
        new(CartographyKinds.RdsCluster, "its member instances", "used by", (node, id) =>
            RdsCluster.Wrap(node).Members.Select(d => Member(d.Node, "member of", m => $"{m} is a member of cluster {id}"))),
    ];

    /// <summary>The configuration kind of <paramref name="node"/>, or null when it is not a configuration object.</summary>
    public static ConfigurationKind? KindOf(GraphNode node)
    {
        foreach (var kind in Kinds)
        {
            if (kind.Kind.Matches(node))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The member's path continued to the object: its links as hops (a closed path stays closed at its block).</summary>
    public static PathTrace Through(PathTrace memberTrace, RunningMember member, string objectId) =>
        memberTrace
            .Then(LayerOutcome.Open([.. member.Links.Select(l => new EvidenceStep(ReachabilityLayer.Target, l.NodeId, EvidenceDecision.Allows, l.Reason, l.Hop))]))
            .Towards(objectId, memberTrace.Traffic);

    /// <summary>The answer, prefaced by what it was judged on.</summary>
    public static ReachabilityResult Judged(ReachabilityResult result, ConfigurationKind kind, IReadOnlyList<RunningMember> members)
    {
        var named = string.Join(", ", members.Take(MembersNamed).Select(m => m.Name));
        var more = members.Count > MembersNamed ? string.Create(CultureInfo.InvariantCulture, $" and {members.Count - MembersNamed} more") : "";
        var note = new EvidenceStep(ReachabilityLayer.Service, result.ResourceId, EvidenceDecision.Note,
            $"{result.ResourceId} has no network presence of its own; judged by {kind.JudgedBy} ({named}{more})");
        return result with { Evidence = [note, .. result.Evidence] };
    }

    /// <summary>No running resource to judge by: nothing is exposed through the object.</summary>
    public static ReachabilityResult NoMembers(GraphNode node, string resourceId, ConfigurationKind kind, TrafficQuery query)
    {
        var groups = kind.Intermediates?.Invoke(node).Select(NetworkTopology.IdOf).Order(StringComparer.Ordinal).ToList() ?? [];
        var detail = groups.Count == 0 ? "" : $" (it is used by {string.Join(", ", groups)}, which {(groups.Count == 1 ? "has" : "have")} no instance in the graph)";
        return ResultComposer.Closed(resourceId, query, $"{resourceId} is {kind.UsedBy} no running resource in the graph{detail}, so it exposes nothing", []);
    }

    private static RunningMember Member(GraphNode member, string verb, Func<string, string> reason)
    {
        var id = NetworkTopology.IdOf(member);
        return new RunningMember(member, [new RunningLink(id, $"{id} ({verb})", reason(id))]);
    }

    /// <summary>A launch template or configuration has no instance edge: its groups' instances, through the group.</summary>
    private static IEnumerable<RunningMember> ThroughGroups(IEnumerable<AutoScalingGroup> groups, string noun, string id) =>
        groups.SelectMany(group =>
        {
            var groupId = NetworkTopology.IdOf(group.Node);
            var launches = new RunningLink(groupId, $"{groupId} (launches from)", $"auto-scaling group {groupId} launches its instances from {noun} {id}");
            return group.Instances.Select(instance =>
            {
                var instanceId = NetworkTopology.IdOf(instance.Node);
                return new RunningMember(instance.Node, [new RunningLink(instanceId, $"{instanceId} (member of)", $"{instanceId} is a member of {groupId} ({noun} {id})"), launches]);
            });
        });
}
