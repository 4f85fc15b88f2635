namespace CloudPI.Controls.Tests.Catalog;

public class SecurityGroupControlsTests
{
    [Fact]
    public void Restricted_ssh_exposes_tcp_22_only()
    {
        var control = Catalogs.ById("restricted-ssh");

        Assert.Equal([NetworkExposure.Tcp(22)], control.Exposures);
        Assert.Equal("tcp/22", Assert.Single(control.Exposures).ToString());
        Assert.Equal(RiskKind.NetworkExposure, control.Risk);
        Assert.Equal(ControlSeverity.High, control.Severity);
        Assert.Equal(["EC2.13"], control.Mappings.SecurityHubControls);
    }

    [Fact]
    public void Restricted_common_ports_exposes_the_managed_rules_default_blocked_ports()
    {
        var ports = Catalogs.ById("restricted-common-ports").Exposures;

        Assert.All(ports, p => Assert.Equal("tcp", p.Protocol));
        Assert.Equal([20, 21, 3306, 3389, 4333], ports.Select(p => p.FromPort).Order());
        Assert.All(ports, p => Assert.Equal(p.FromPort, p.ToPort));
    }

    [Fact]
    public void Port_restriction_check_exposes_aws_default_ssh_and_rdp()
    {
        Assert.Equal(
            [NetworkExposure.Tcp(22), NetworkExposure.Tcp(3389)],
            Catalogs.ById("vpc-sg-port-restriction-check").Exposures);
    }

    [Fact]
    public void Authorized_ports_check_is_about_any_traffic()
    {
        var control = Catalogs.ById("vpc-sg-open-only-to-authorized-ports");

        Assert.Equal([NetworkExposure.AnyTraffic], control.Exposures);
        Assert.Equal("any", control.Exposures[0].ToString());
    }

    [Fact]
    public void Port_22_and_3389_prowler_checks_belong_to_one_control_each()
    {
        Assert.Equal("restricted-ssh", Catalogs.Default.Resolve("ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22")?.Id);
        Assert.Equal("restricted-common-ports", Catalogs.Default.Resolve("ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389")?.Id);
        Assert.Empty(Catalogs.ById("vpc-sg-port-restriction-check").Mappings.ProwlerChecks);
    }

    [Theory]
    [InlineData("restricted-ssh", RiskKind.NetworkExposure, ControlSeverity.High)]
    [InlineData("restricted-common-ports", RiskKind.NetworkExposure, ControlSeverity.High)]
    [InlineData("vpc-sg-port-restriction-check", RiskKind.NetworkExposure, ControlSeverity.High)]
    [InlineData("vpc-sg-open-only-to-authorized-ports", RiskKind.NetworkExposure, ControlSeverity.High)]
    [InlineData("vpc-default-security-group-closed", RiskKind.NetworkExposure, ControlSeverity.High)]
    [InlineData("ec2-security-group-attached-to-eni-periodic", RiskKind.Hygiene, ControlSeverity.Low)]
    public void Risk_and_severity(string id, RiskKind risk, ControlSeverity severity)
    {
        var control = Catalogs.ById(id);

        Assert.Equal(risk, control.Risk);
        Assert.Equal(severity, control.Severity);
        Assert.Equal("Security group", control.Service);
        Assert.Equal(["AWS::EC2::SecurityGroup"], control.ResourceTypes);
    }

    [Fact]
    public void Default_security_group_closed_has_no_port_exposure()
    {
        Assert.Empty(Catalogs.ById("vpc-default-security-group-closed").Exposures);
    }
}
