using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Enrichers;

/// <summary>
/// What a resource depends on in the graph, by role (the design's "extract its dependencies with Cartography"):
/// its network placement, its filters, what sits in front of it, the identity it runs as and its storage.
/// Every value is a list of resource ids, sorted, so the annotation is stable. A subnet's own dependencies (VPC,
/// route tables, NACLs) are read once per subnet: finding its NACL means passing over every member of the subnet.
/// </summary>
public sealed class ResourceDependencies
{
    private readonly NodeMemo<(string Role, string Id)[]> _placements = new();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Of(GraphNode node)
    {
        var found = new List<(string Role, string Id)>();
        void Add(string role, string? id)
        {
            if (!string.IsNullOrEmpty(id))
            {
                found.Add((role, id));
            }
        }

        var subnets = DirectAndInterfaceNeighbors(node, "PART_OF_SUBNET")
            .Concat(node.Neighbors("SUBNET", Direction.Outgoing))
            .Concat(node.Neighbors("MEMBER_OF_DB_SUBNET_GROUP", Direction.Outgoing).SelectMany(group => group.Neighbors("RESOURCE", Direction.Outgoing)))
            .Where(CartographyKinds.Subnet.Matches)
            .Distinct();
        foreach (var subnet in subnets)
        {
            found.AddRange(_placements.GetOrAdd(subnet, PlacementOf));
        }

        foreach (var vpc in node.Neighbors("MEMBER_OF_AWS_VPC", Direction.Outgoing).Where(CartographyKinds.Vpc.Matches))
        {
            Add("vpc", vpc.Id);
        }

        foreach (var group in DirectAndInterfaceNeighbors(node, "MEMBER_OF_EC2_SECURITY_GROUP").Where(CartographyKinds.SecurityGroup.Matches))
        {
            Add("security-group", group.Id);
        }

        foreach (var balancer in node.Neighbors("EXPOSE", Direction.Incoming))
        {
            Add("load-balancer", balancer.Id);
        }

        foreach (var profile in node.Neighbors("INSTANCE_PROFILE", Direction.Outgoing))
        {
            Add("instance-profile", profile.Id);
        }

        foreach (var role in node.Neighbors("STS_ASSUMEROLE_ALLOW", Direction.Outgoing).Concat(node.Neighbors("ASSUMES", Direction.Outgoing)).Where(CartographyKinds.Role.Matches))
        {
            Add("role", role.Arn ?? role.Id);
        }

        foreach (var volume in node.Neighbors("ATTACHED_TO", Direction.Incoming).Where(CartographyKinds.EbsVolume.Matches))
        {
            Add("volume", volume.Id);
        }

        return Grouped(found);
    }

    /// <summary>The subnet itself, its VPCs, its explicitly associated route tables and its NACLs.</summary>
    private static (string Role, string Id)[] PlacementOf(GraphNode node)
    {
        var subnet = Subnet.Wrap(node);
        IEnumerable<(string Role, string? Id)> placement =
        [
            ("subnet", subnet.SubnetId),
            .. subnet.Vpcs.Select(vpc => ("vpc", vpc.VpcId)),
            .. subnet.RouteTableAssociations.SelectMany(association => association.RouteTables).Select(table => ("route-table", table.RouteTableId)),
            .. subnet.NetworkAcls.Select(acl => ("network-acl", acl.NetworkAclId)),
        ];
        return [.. placement.Where(p => !string.IsNullOrEmpty(p.Id)).Select(p => (p.Role, p.Id!))];
    }

    /// <summary>Roles in order, each with its ids in order and once (a dictionary enumerates in insertion order).</summary>
    private static Dictionary<string, IReadOnlyList<string>> Grouped(List<(string Role, string Id)> found)
    {
        found.Sort((a, b) => string.CompareOrdinal(a.Role, b.Role) is var byRole and not 0 ? byRole : string.CompareOrdinal(a.Id, b.Id));
        var grouped = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var start = 0; start < found.Count;)
        {
            var role = found[start].Role;
            var ids = new List<string>();
            var end = start;
            for (; end < found.Count && found[end].Role == role; end++)
            {
                if (ids.Count == 0 || ids[^1] != found[end].Id)
                {
                    ids.Add(found[end].Id);
                }
            }

            grouped.Add(role, ids);
            start = end;
        }

        return grouped;
    }

    private static IEnumerable<GraphNode> DirectAndInterfaceNeighbors(GraphNode node, string relationshipType) =>
        node.Neighbors(relationshipType, Direction.Outgoing)
            .Concat(node.Neighbors("NETWORK_INTERFACE", Direction.Outgoing).SelectMany(eni => eni.Neighbors(relationshipType, Direction.Outgoing)));
}
