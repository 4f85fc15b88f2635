namespace CloudPI.Catalog.Tests.Cases;

/// <summary>ec2-imdsv2-check: an instance's metadata options, as Cartography stores them.</summary>
internal sealed class Ec2Imdsv2CheckCases : IControlCases
{
    public string ControlId => "ec2-imdsv2-check";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("metadatahttptokens = optional", Expected.Fail, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"], ("metadatahttptokens", "optional")), "i-1"),
        new("metadatahttptokens = required", Expected.Pass, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"], ("metadatahttptokens", "required")), "i-1"),
        new("the property not synced", Expected.Pass, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"]), "i-1"),
    ];
}
