using System.Text.Json;
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

    // The (role, id) pairs of the resource being written, reused by each thread: this runs for every issue annotated.
    [ThreadStatic]
    private static List<(string Role, string Id)>? t_found;

    /// <summary>The dependencies as a JSON object: each role (in order) with its ids (in order, once each).</summary>
    public void WriteJson(GraphNode node, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var found = t_found ??= new List<(string Role, string Id)>(32);
        found.Clear();
        Collect(node, found);
        found.Sort(static (a, b) => string.CompareOrdinal(a.Role, b.Role) is var byRole and not 0 ? byRole : string.CompareOrdinal(a.Id, b.Id));
        json.WriteStartObject();
        for (var at = 0; at < found.Count; at++)
        {
            var (role, id) = found[at];
            if (at == 0 || found[at - 1].Role != role)
            {
                if (at > 0)
                {
                    json.WriteEndArray();
                }

                json.WriteStartArray(role);
            }
            else if (found[at - 1].Id == id)
            {
                continue; // a subnet reached twice adds its ids twice
            }

            json.WriteStringValue(id);
        }

        if (found.Count > 0)
        {
            json.WriteEndArray();
        }

        json.WriteEndObject();
        found.Clear();
    }

    private void Collect(GraphNode node, List<(string Role, string Id)> found)
    {
        // Plain loops, no query pipelines: this runs once for every resource an enricher annotates.
        void Add(string role, string? id)
        {
            if (!string.IsNullOrEmpty(id))
            {
                found.Add((role, id));
            }
        }

        var interfaces = node.Neighbors("NETWORK_INTERFACE", Direction.Outgoing);
        void AddPlacements(NodeNeighbors subnets)
        {
            foreach (var subnet in subnets)
            {
                if (CartographyKinds.Subnet.Matches(subnet))
                {
                    found.AddRange(_placements.GetOrAdd(subnet, PlacementOf));
                }
            }
        }

        AddPlacements(node.Neighbors("PART_OF_SUBNET", Direction.Outgoing));
        foreach (var eni in interfaces)
        {
            AddPlacements(eni.Neighbors("PART_OF_SUBNET", Direction.Outgoing));
        }

        AddPlacements(node.Neighbors("SUBNET", Direction.Outgoing));
        foreach (var group in node.Neighbors("MEMBER_OF_DB_SUBNET_GROUP", Direction.Outgoing))
        {
            AddPlacements(group.Neighbors("RESOURCE", Direction.Outgoing));
        }

        foreach (var vpc in node.Neighbors("MEMBER_OF_AWS_VPC", Direction.Outgoing))
        {
            if (CartographyKinds.Vpc.Matches(vpc))
            {
                Add("vpc", vpc.Id);
            }
        }

        void AddGroups(NodeNeighbors groups)
        {
            foreach (var group in groups)
            {
                if (CartographyKinds.SecurityGroup.Matches(group))
                {
                    Add("security-group", group.Id);
                }
            }
        }

        AddGroups(node.Neighbors("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing));
        foreach (var eni in interfaces)
        {
            AddGroups(eni.Neighbors("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing));
        }

        foreach (var balancer in node.Neighbors("EXPOSE", Direction.Incoming))
        {
            Add("load-balancer", balancer.Id);
        }

        foreach (var profile in node.Neighbors("INSTANCE_PROFILE", Direction.Outgoing))
        {
            Add("instance-profile", profile.Id);
        }

        foreach (var type in (ReadOnlySpan<string>)["STS_ASSUMEROLE_ALLOW", "ASSUMES"])
        {
            foreach (var role in node.Neighbors(type, Direction.Outgoing))
            {
                if (CartographyKinds.Role.Matches(role))
                {
                    Add("role", role.Arn ?? role.Id);
                }
            }
        }

        foreach (var volume in node.Neighbors("ATTACHED_TO", Direction.Incoming))
        {
            if (CartographyKinds.EbsVolume.Matches(volume))
            {
                Add("volume", volume.Id);
            }
        }
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
}
