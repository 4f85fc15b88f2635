namespace CloudPI.Catalog.Tests.Cases;

/// <summary>ec2-instance-no-public-ip: an instance's public IPv4 address, as Cartography stores it.</summary>
internal sealed class Ec2InstanceNoPublicIpCases : IControlCases
{
    public string ControlId => "ec2-instance-no-public-ip";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("publicipaddress = 54.0.0.1", Expected.Fail, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"], ("publicipaddress", "54.0.0.1")), "i-1"),
        new("privateipaddress = 10.0.1.10", Expected.Pass, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"], ("privateipaddress", "10.0.1.10")), "i-1"),
        new("the property not synced", Expected.Pass, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"]), "i-1"),
    ];
}
