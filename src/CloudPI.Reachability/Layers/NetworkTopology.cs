using System.Collections.Concurrent;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Reachability.Layers;

/// <summary>VPC membership lookups shared by the layers, cached per subnet and per VPC.</summary>
internal sealed class NetworkTopology(CartographyView view)
{
    private readonly ConcurrentDictionary<GraphNode, Vpc?> _vpcOfSubnet = new();
    private readonly ConcurrentDictionary<GraphNode, IReadOnlyList<Subnet>> _subnetsOfVpc = new();
    private readonly Lazy<Dictionary<string, List<(Subnet Subnet, string? Account)>>> _balancerInterfaceSubnets = new(() => BalancerInterfaceSubnets(view));

    /// <summary>The subnet's VPC: its <c>MEMBER_OF_AWS_VPC</c> edge, else its <c>vpc_id</c>.</summary>
    public Vpc? VpcOf(Subnet subnet) => _vpcOfSubnet.GetOrAdd(subnet.Node, _ =>
        subnet.Vpcs.Select(v => (Vpc?)v).FirstOrDefault()
        ?? (subnet.VpcId is { } id && view.TryFind<Vpc>(id, out var vpc) ? vpc : null));

    public IReadOnlyList<Subnet> SubnetsOf(Vpc vpc) =>
        _subnetsOfVpc.GetOrAdd(vpc.Node, _ => [.. vpc.Subnets.OrderBy(s => s.SubnetId, StringComparer.Ordinal)]);

    /// <summary>
    /// The subnets of a classic balancer's own interfaces, found by their description <c>ELB &lt;name&gt;</c>: the
    /// balancer → interface edge does not form in Cartography's graphs, the interfaces and subnets do. Balancer names
    /// are unique only within an account, so an organisation's other accounts' interfaces are left out.
    /// </summary>
    public IReadOnlyList<Subnet> SubnetsOfClassicBalancer(string name, GraphNode balancer)
    {
        if (!_balancerInterfaceSubnets.Value.TryGetValue("ELB " + name, out var subnets))
        {
            return [];
        }

        var account = Ownership.AccountOf(balancer);
        return [.. subnets.Where(s => Ownership.SameAccount(account, s.Account)).Select(s => s.Subnet).Distinct()];
    }

    public static string IdOf(GraphNode node) => node.Id ?? node.Arn ?? node.ExternalId;

    private static Dictionary<string, List<(Subnet Subnet, string? Account)>> BalancerInterfaceSubnets(CartographyView view)
    {
        var byDescription = new Dictionary<string, List<(Subnet, string?)>>(StringComparer.Ordinal);
        foreach (var eni in view.All<NetworkInterface>())
        {
            // ELBv2 interfaces read "ELB app/<name>/<id>" or "ELB net/…": only classic ones are "ELB <name>".
            if (eni.Node.Properties.GetString("description") is { } description
                && description.StartsWith("ELB ", StringComparison.Ordinal) && !description.Contains('/', StringComparison.Ordinal))
            {
                if (!byDescription.TryGetValue(description, out var subnets))
                {
                    byDescription[description] = subnets = [];
                }

                var account = Ownership.AccountOf(eni.Node);
                subnets.AddRange(eni.Subnets.Select(s => (s, account)).Where(s => !subnets.Contains(s)));
            }
        }

        return byDescription;
    }
}
