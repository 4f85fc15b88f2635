namespace CloudPI.Catalog.Tests.Cases;

/// <summary>vpc-default-security-group-closed: a VPC's default security group, as Cartography stores it and as Pulumi declares it.</summary>
internal sealed class VpcDefaultSecurityGroupClosedCases : IControlCases
{
    public string ControlId => "vpc-default-security-group-closed";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("the default group has an inbound rule", Expected.Fail,
            g => Default(g).Inbound("sg-default", "tcp", 443, 443, "10.0.0.0/8"), "sg-default",
            p => p.Add("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", """{"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.0.0.0/8"]}]}"""), "default"),
        new("the default group has no rules", Expected.Pass,
            g => Default(g), "sg-default",
            p => p.Add("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "default", "{}"), "default"),
        new("another group has rules", Expected.Pass,
            g => Default(g).SecurityGroup("sg-web").Inbound("sg-web", "tcp", 443, 443, "0.0.0.0/0"), "sg-default"),
    ];

    private static CartographyGraph Default(CartographyGraph graph) =>
        graph.Network().Node("sg-default", ["AWSEC2SecurityGroup", "EC2SecurityGroup"], ("groupid", "sg-default"), ("name", "default"))
            .Edge("vpc-1", "MEMBER_OF_EC2_SECURITY_GROUP", "sg-default");
}
