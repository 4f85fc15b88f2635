namespace CloudPI.Controls.Tests.Catalog;

public class VpcControlsTests
{
    [Fact]
    public void Nacl_rule_exposes_ssh_and_rdp()
    {
        var control = Catalogs.ById("nacl-no-unrestricted-ssh-rdp");

        Assert.Equal([NetworkExposure.Tcp(22), NetworkExposure.Tcp(3389)], control.Exposures);
        Assert.Equal(["AWS::EC2::NetworkAcl"], control.ResourceTypes);
        Assert.Equal(
            ["ec2_networkacl_allow_ingress_tcp_port_22", "ec2_networkacl_allow_ingress_tcp_port_3389"],
            control.Mappings.ProwlerChecks);
        Assert.Equal(["check45", "check46"], control.Mappings.ProwlerLegacyChecks);
    }

    [Theory]
    [InlineData("vpc-flow-logs-enabled", RiskKind.Visibility, ControlSeverity.Medium)]
    [InlineData("nacl-no-unrestricted-ssh-rdp", RiskKind.NetworkExposure, ControlSeverity.Medium)]
    [InlineData("vpc-network-acl-unused-check", RiskKind.Hygiene, ControlSeverity.Low)]
    [InlineData("subnet-auto-assign-public-ip-disabled", RiskKind.NetworkExposure, ControlSeverity.Medium)]
    [InlineData("internet-gateway-authorized-vpc-only", RiskKind.NetworkExposure, ControlSeverity.High)]
    [InlineData("eip-attached", RiskKind.Hygiene, ControlSeverity.Low)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("VPC", control.Service);
    }

    [Fact]
    public void Flow_logs_evaluate_vpcs()
    {
        Assert.Equal(["AWS::EC2::VPC"], Catalogs.ById("vpc-flow-logs-enabled").ResourceTypes);
        Assert.Empty(Catalogs.ById("vpc-flow-logs-enabled").Exposures);
    }
}
