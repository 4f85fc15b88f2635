using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Ec2;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>ec2-instance-no-public-ip on the graph: an instance holding a public IPv4 address.</summary>
internal static class Ec2InstanceNoPublicIpOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(Ec2InstanceNoPublicIp.Control, CartographyKinds.Ec2Instance, n => n.Properties.GetString("publicipaddress") is { Length: > 0 } ip ? $"publicipaddress = {ip}" : null));
}
