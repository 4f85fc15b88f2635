namespace CloudPI.Catalog.Tests.Cases;

/// <summary>encrypted-volumes: an EBS volume, as Cartography stores it and as Pulumi declares it.</summary>
internal sealed class EncryptedVolumesCases : IControlCases
{
    public string ControlId => "encrypted-volumes";

    public IReadOnlyList<ControlCase> Cases =>
    [
        Volume("an unencrypted volume", Expected.Fail, "false"),
        Volume("an encrypted volume", Expected.Pass, "true"),
        new("an unencrypted volume attached to an instance the internet reaches on tcp/22", Expected.Fail,
            g => g.PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0").Instance("i-1", "subnet-1", "198.51.100.7", "running", "sg-1").Volume("vol-1", "i-1"), "vol-1", Exploitable: ExploitabilityStatus.NotExploitable),
    ];

    // Not an internet exploit on its own, whatever the data's exposure: it raises the impact of any path that reaches it.
    private static ControlCase Volume(string name, Expected expected, string encrypted) =>
        new(name, expected,
            g => g.Node("vol-1", ["AWSEBSVolume", "EBSVolume"], ("encrypted", bool.Parse(encrypted))), "vol-1",
            p => p.Add("aws:ebs/volume:Volume", "v", $$"""{"encrypted":{{encrypted}}}"""), "v",
            ExploitabilityStatus.NotExploitable);
}
