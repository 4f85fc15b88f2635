using System.Collections.Concurrent;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.Analysis.Reachability.Layers;

/// <summary>VPC membership lookups shared by the layers, cached per subnet and per VPC.</summary>
internal sealed class NetworkTopology(CartographyView view)
{
    private readonly ConcurrentDictionary<GraphNode, Vpc?> _vpcOfSubnet = new();
    private readonly ConcurrentDictionary<GraphNode, IReadOnlyList<Subnet>> _subnetsOfVpc = new();

    /// <summary>The subnet's VPC: its <c>MEMBER_OF_AWS_VPC</c> edge, else its <c>vpc_id</c>.</summary>
    public Vpc? VpcOf(Subnet subnet) => _vpcOfSubnet.GetOrAdd(subnet.Node, _ =>
        subnet.Vpcs.Select(v => (Vpc?)v).FirstOrDefault()
        ?? (subnet.VpcId is { } id && view.TryFind<Vpc>(id, out var vpc) ? vpc : null));

    public IReadOnlyList<Subnet> SubnetsOf(Vpc vpc) =>
        _subnetsOfVpc.GetOrAdd(vpc.Node, _ => [.. vpc.Subnets.OrderBy(s => s.SubnetId, StringComparer.Ordinal)]);

    public static string IdOf(GraphNode node) => node.Id ?? node.Arn ?? node.ExternalId;
}
