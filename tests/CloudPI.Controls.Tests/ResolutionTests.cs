namespace CloudPI.Controls.Tests;

/// <summary>Finding types from every tool resolve to the control they name.</summary>
public class ResolutionTests
{
    [Theory]
    [InlineData("restricted-ssh")]
    [InlineData("RESTRICTED-SSH")]
    [InlineData("  restricted-ssh  ")]
    [InlineData("INCOMING_SSH_DISABLED")]
    [InlineData("incoming_ssh_disabled")]
    [InlineData("securityhub-restricted-ssh-9f1c2a")]
    [InlineData("restricted-ssh-conformance-pack-abc12345")]
    [InlineData("SecurityHub-Restricted-SSH-9F1C2A")]
    [InlineData("ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22")]
    [InlineData("EC2_SecurityGroup_Allow_Ingress_From_Internet_To_TCP_Port_22")]
    [InlineData("check41")]
    [InlineData("CHECK41")]
    [InlineData("CKV_AWS_24")]
    [InlineData("ckv_aws_24")]
    public void Restricted_ssh_resolves_from_every_tool(string type)
    {
        Assert.Equal("restricted-ssh", Catalogs.Default.Resolve(type)?.Id);
    }

    [Theory]
    [InlineData("ec2-imdsv2-check", "ec2-imdsv2-check")]
    [InlineData("EC2_IMDSV2_CHECK", "ec2-imdsv2-check")]
    [InlineData("ec2_instance_imdsv2_enabled", "ec2-imdsv2-check")]
    [InlineData("extra786", "ec2-imdsv2-check")]
    [InlineData("CKV_AWS_79", "ec2-imdsv2-check")]
    [InlineData("securityhub-ec2-launch-template-imdsv2-check-0a1b2c", "ec2-launch-template-imdsv2-check")]
    [InlineData("eks-cluster-logging-enabled", "eks-cluster-log-enabled")]
    [InlineData("EKS_CLUSTER_LOGGING_ENABLED", "eks-cluster-log-enabled")]
    [InlineData("eks-cluster-logging-enabled-conformance-pack-x1y2z3", "eks-cluster-log-enabled")]
    [InlineData("EKS_CLUSTER_SECRETS_ENCRYPTED", "eks-secrets-encrypted")]
    [InlineData("securityhub-eks-cluster-secrets-encrypted-77aa00", "eks-secrets-encrypted")]
    [InlineData("RESTRICTED_INCOMING_TRAFFIC", "restricted-common-ports")]
    [InlineData("check42", "restricted-common-ports")]
    [InlineData("extra748", "vpc-sg-open-only-to-authorized-ports")]
    [InlineData("eks_endpoints_not_publicly_accessible", "eks-endpoint-no-public-access")]
    [InlineData("eks_cluster_not_publicly_accessible", "eks-endpoint-no-public-access")]
    [InlineData("redshift_cluster_encrypted_at_rest", "redshift-cluster-kms-enabled")]
    [InlineData("redshift_cluster_audit_logging", "redshift-audit-logging-enabled")]
    [InlineData("ckv2_aws_12", "vpc-default-security-group-closed")]
    [InlineData("ec2_instance_port_ssh_exposed_to_internet", "internet-exposed-instance")]
    [InlineData("ec2_instance_port_elasticsearch_kibana_exposed_to_internet", "internet-exposed-instance")]
    [InlineData("ec2_instance_internet_facing_with_instance_profile", "internet-exposed-instance")]
    [InlineData("elbv2_internet_facing", "internet-exposed-load-balancer")]
    [InlineData("ecs_service_no_assign_public_ip", "ecs-service-assign-public-ip-disabled")]
    [InlineData("ecs_task_set_no_assign_public_ip", "ecs-service-assign-public-ip-disabled")]
    [InlineData("CKV_AWS_333", "ecs-service-assign-public-ip-disabled")]
    [InlineData("securityhub-ecs-service-assign-public-ip-disabled-1a2b3c", "ecs-service-assign-public-ip-disabled")]
    public void Resolves_by_any_alias(string type, string expected)
    {
        Assert.Equal(expected, Catalogs.Default.Resolve(type)?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-a-control")]
    [InlineData("REQUIRED_TAGS")]
    [InlineData("required-tags")]
    [InlineData("CKV_AWS_999999")]
    [InlineData("extra0")]
    public void Unknown_types_resolve_to_null(string? type)
    {
        Assert.Null(Catalogs.Default.Resolve(type));
    }

    [Fact]
    public void Find_by_config_rule_identifier_is_exact()
    {
        Assert.Equal("restricted-ssh", Catalogs.Default.FindByConfigRuleIdentifier("INCOMING_SSH_DISABLED")?.Id);
        Assert.Null(Catalogs.Default.FindByConfigRuleIdentifier("restricted-ssh"));
    }

    [Fact]
    public void Two_controls_claiming_one_alias_throw_naming_both()
    {
        var first = Minimal("first-control", new ControlMappings { ProwlerChecks = ["shared_check"] });
        var second = Minimal("second-control", new ControlMappings { CheckovIds = ["SHARED_CHECK"] });

        var ex = Assert.Throws<ArgumentException>(() => new ControlCatalog([first, second]));

        Assert.Contains("first-control", ex.Message, StringComparison.Ordinal);
        Assert.Contains("second-control", ex.Message, StringComparison.Ordinal);
        Assert.Contains("shared_check", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_control_id_clashing_with_another_controls_alias_throws()
    {
        var first = Minimal("restricted-ssh", new ControlMappings());
        var second = Minimal("other", new ControlMappings { OtherConfigRuleNames = ["restricted-ssh"] });

        var ex = Assert.Throws<ArgumentException>(() => new ControlCatalog([first, second]));

        Assert.Contains("restricted-ssh", ex.Message, StringComparison.Ordinal);
        Assert.Contains("other", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_most_specific_renamed_rule_name_wins()
    {
        var shorter = Minimal("short", new ControlMappings { OtherConfigRuleNames = ["ssh"] });
        var longer = Minimal("long", new ControlMappings { OtherConfigRuleNames = ["restricted-ssh"] });
        var catalog = new ControlCatalog([shorter, longer]);

        Assert.Equal("long", catalog.Resolve("securityhub-restricted-ssh-123")?.Id);
        Assert.Equal("short", catalog.Resolve("securityhub-ssh-123")?.Id);
    }

    private static Control Minimal(string id, ControlMappings mappings) => new()
    {
        Id = id,
        Title = "Test control",
        Description = "A control built for a test.",
        Severity = ControlSeverity.Low,
        Service = "EC2",
        ResourceTypes = ["AWS::EC2::Instance"],
        Risk = RiskKind.Hygiene,
        Remediation = "None.",
        Mappings = mappings,
    };
}
