namespace CloudPI.Catalog.Tests.Cases;

/// <summary>encrypted-volumes: an EBS volume, as Cartography stores it and as Pulumi declares it.</summary>
internal sealed class EncryptedVolumesCases : IControlCases
{
    public string ControlId => "encrypted-volumes";

    public IReadOnlyList<ControlCase> Cases =>
    [
        Volume("an unencrypted volume", Expected.Fail, "false"),
        Volume("an encrypted volume", Expected.Pass, "true"),
    ];

    private static ControlCase Volume(string name, Expected expected, string encrypted) =>
        new(name, expected,
            g => g.Node("vol-1", ["AWSEBSVolume", "EBSVolume"], ("encrypted", bool.Parse(encrypted))), "vol-1",
            p => p.Add("aws:ebs/volume:Volume", "v", $$"""{"encrypted":{{encrypted}}}"""), "v");
}
