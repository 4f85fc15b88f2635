using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Enrichers;

/// <summary>
/// What a resource depends on in the graph, by role (the design's "extract its dependencies with Cartography"):
/// its network placement, its filters, what sits in front of it, the identity it runs as and its storage.
/// Every value is a list of resource ids, sorted, so the annotation is stable.
/// </summary>
public static class ResourceDependencies
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(GraphNode node)
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
            .Distinct()
            .ToList();
        foreach (var subnet in subnets.Select(Subnet.Wrap))
        {
            Add("subnet", subnet.SubnetId);
            foreach (var vpc in subnet.Vpcs)
            {
                Add("vpc", vpc.VpcId);
            }

            foreach (var association in subnet.RouteTableAssociations)
            {
                foreach (var table in association.RouteTables)
                {
                    Add("route-table", table.RouteTableId);
                }
            }

            foreach (var acl in subnet.NetworkAcls)
            {
                Add("network-acl", acl.NetworkAclId);
            }
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

        // Roles in order, each with its ids in order and once (a dictionary enumerates in insertion order).
        return found.Distinct()
            .OrderBy(f => f.Role, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .GroupBy(f => f.Role, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => f.Id)], StringComparer.Ordinal);
    }

    private static IEnumerable<GraphNode> DirectAndInterfaceNeighbors(GraphNode node, string relationshipType) =>
        node.Neighbors(relationshipType, Direction.Outgoing)
            .Concat(node.Neighbors("NETWORK_INTERFACE", Direction.Outgoing).SelectMany(eni => eni.Neighbors(relationshipType, Direction.Outgoing)));
}
