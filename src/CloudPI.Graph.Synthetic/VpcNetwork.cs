namespace CloudPI.Graph.Synthetic;

/// <summary>A node emitted by the generator: its APOC id and its Cartography <c>id</c>.</summary>
internal readonly record struct Emitted(string Node, string Id);

internal sealed record SubnetInfo(Emitted Emitted, string Cidr, string AvailabilityZone);

/// <summary>Roles of one application: who runs what, and with which permissions.</summary>
internal sealed record AppRoles(Emitted Web, Emitted Worker, Emitted Deploy, Emitted Lambda, Emitted WebProfile, Emitted WorkerProfile, Emitted DeployProfile);

/// <summary>The per-VPC pieces that workloads attach to.</summary>
internal sealed class VpcNetwork
{
    public required string Name { get; init; }

    public required string Region { get; init; }

    public required string Environment { get; init; }

    public required Emitted Vpc { get; init; }

    public required SubnetInfo PublicA { get; init; }

    /// <summary>Public subnet whose custom NACL denies 22 and 3389 inbound.</summary>
    public required SubnetInfo PublicB { get; init; }

    /// <summary>Explicitly associated to a NAT route table.</summary>
    public required SubnetInfo PrivateA { get; init; }

    /// <summary>No explicit association: the main (NAT) route table applies.</summary>
    public required SubnetInfo PrivateB { get; init; }

    public required IReadOnlyDictionary<string, Emitted> SecurityGroups { get; init; }

    public required Emitted Alb { get; init; }

    public required Emitted AlbTargetGroup { get; init; }

    public required Emitted Nlb { get; init; }

    public required Emitted NlbTargetGroup { get; init; }

    public required Emitted ClassicElb { get; init; }

    public required bool ClassicElbInternetFacing { get; init; }

    public required Emitted PublicDbSubnetGroup { get; init; }

    public required Emitted PrivateDbSubnetGroup { get; init; }

    public required Emitted EcsCluster { get; init; }

    public required Emitted KmsKey { get; init; }

    public required AppRoles Roles { get; init; }

    public int NextHost { get; set; } = 10;
}
