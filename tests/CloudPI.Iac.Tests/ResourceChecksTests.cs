using CloudPI.Iac.Checks;

namespace CloudPI.Iac.Tests;

/// <summary>The per-resource checks (#1, #2, #5, #6, #8, #9, #10, #13): pass, fail, unknown, and each resource shape.</summary>
public sealed class ResourceChecksTests
{
    private const string U = PreviewBuilder.Unknown;

    [Theory]
    [InlineData("""{"enableKeyRotation":true}""", Verdict.Pass)]
    [InlineData("""{"enableKeyRotation":"true"}""", Verdict.Pass)]
    [InlineData("""{"enableKeyRotation":false}""", Verdict.Fail)]
    [InlineData("""{}""", Verdict.Fail)]
    [InlineData($$"""{"enableKeyRotation":"{{U}}"}""", Verdict.Unknown)]
    [InlineData($$"""{"customerMasterKeySpec":"{{U}}"}""", Verdict.Unknown)]
    [InlineData("""{"customerMasterKeySpec":"SYMMETRIC_DEFAULT"}""", Verdict.Fail)]
    public void Kms_key_rotation(string inputs, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder().Add("aws:kms/key:Key", "k", inputs).VerdictOf(new CmkBackingKeyRotationEnabledCheck(), "k"));

    [Theory] // Sample defect 1: keys that cannot rotate are not applicable, not failures.
    [InlineData("""{"customerMasterKeySpec":"RSA_2048","keyUsage":"SIGN_VERIFY"}""")]
    [InlineData("""{"customerMasterKeySpec":"HMAC_256","keyUsage":"GENERATE_VERIFY_MAC"}""")]
    [InlineData("""{"customKeyStoreId":"cks-1234"}""")]
    [InlineData("""{"isEnabled":false}""")]
    public void Kms_keys_that_cannot_rotate_are_not_applicable(string inputs) =>
        Assert.Empty(new PreviewBuilder().Add("aws:kms/key:Key", "k", inputs).Run(new CmkBackingKeyRotationEnabledCheck()));

    [Fact]
    public void Kms_replica_and_external_keys_are_not_evaluated() =>
        Assert.Empty(new PreviewBuilder()
            .Add("aws:kms/replicaKey:ReplicaKey", "r", "{}")
            .Add("aws:kms/externalKey:ExternalKey", "e", "{}")
            .Run(new CmkBackingKeyRotationEnabledCheck()));

    [Theory]
    [InlineData("""[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}]""", Verdict.Fail)]
    [InlineData("""[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["10.0.0.0/8","0.0.0.0/0"]}]""", Verdict.Fail)] // defect 2: not just the first CIDR
    [InlineData("""[{"protocol":"tcp","fromPort":22,"toPort":22,"ipv6CidrBlocks":["::/0"]}]""", Verdict.Fail)] // defect 2: ::/0
    [InlineData("""[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]""", Verdict.Fail)] // defect 2: all traffic
    [InlineData("""[{"protocol":"all","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]""", Verdict.Fail)]
    [InlineData("""[{"protocol":"6","fromPort":0,"toPort":65535,"cidrBlocks":["0.0.0.0/0"]}]""", Verdict.Fail)] // defect 2: ranges
    [InlineData("""[{"protocol":"TCP","fromPort":20,"toPort":30,"cidrBlocks":["0.0.0.0/0"]}]""", Verdict.Fail)]
    [InlineData("""[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"]}]""", Verdict.Pass)]
    [InlineData("""[{"protocol":"udp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}]""", Verdict.Pass)]
    [InlineData("""[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["10.0.0.0/8"]}]""", Verdict.Pass)]
    [InlineData("""[{"protocol":"tcp","fromPort":22,"toPort":22,"securityGroups":["sg-1"]}]""", Verdict.Pass)] // defect 2: no crash without cidrBlocks
    [InlineData("""[]""", Verdict.Pass)]
    [InlineData($$"""[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["{{U}}"]}]""", Verdict.Unknown)]
    [InlineData($$"""[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":"{{U}}"}]""", Verdict.Unknown)]
    [InlineData($$"""[{"protocol":"tcp","fromPort":"{{U}}","toPort":22,"cidrBlocks":["0.0.0.0/0"]}]""", Verdict.Unknown)]
    [InlineData($$"""[{"protocol":"udp","fromPort":22,"toPort":22,"cidrBlocks":["{{U}}"]}]""", Verdict.Pass)]
    public void Ssh_inline_ingress_of_security_groups_and_default_groups(string ingress, Verdict expected)
    {
        foreach (var type in (string[])["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"])
        {
            Assert.Equal(expected, new PreviewBuilder().Add(type, "sg", $$"""{"ingress":{{ingress}}}""").VerdictOf(new RestrictedSshCheck(), "sg"));
        }
    }

    [Theory]
    [InlineData("""{"type":"ingress","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}""", Verdict.Fail)]
    [InlineData("""{"type":"ingress","protocol":"tcp","fromPort":22,"toPort":22,"ipv6CidrBlocks":["::/0"]}""", Verdict.Fail)]
    [InlineData("""{"type":"ingress","protocol":"tcp","fromPort":22,"toPort":22,"sourceSecurityGroupId":"sg-2"}""", Verdict.Pass)]
    [InlineData($$"""{"type":"{{U}}","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}""", Verdict.Unknown)]
    public void Ssh_security_group_rule(string inputs, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder().Add("aws:ec2/securityGroupRule:SecurityGroupRule", "r", inputs).VerdictOf(new RestrictedSshCheck(), "r"));

    [Fact]
    public void Ssh_egress_rules_are_not_ingress() =>
        Assert.Empty(new PreviewBuilder()
            .Add("aws:ec2/securityGroupRule:SecurityGroupRule", "r", """{"type":"egress","protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}""")
            .Run(new RestrictedSshCheck()));

    [Theory] // Sample defect 2: vpc.SecurityGroupIngressRule was ignored.
    [InlineData("""{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0"}""", Verdict.Fail)]
    [InlineData("""{"ipProtocol":"-1","cidrIpv6":"::/0"}""", Verdict.Fail)]
    [InlineData("""{"ipProtocol":"tcp","fromPort":80,"toPort":80,"cidrIpv4":"0.0.0.0/0"}""", Verdict.Pass)]
    [InlineData("""{"ipProtocol":"tcp","fromPort":22,"toPort":22,"referencedSecurityGroupId":"sg-1"}""", Verdict.Pass)]
    [InlineData($$"""{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"{{U}}"}""", Verdict.Unknown)]
    public void Ssh_vpc_ingress_rule(string inputs, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder().Add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "r", inputs).VerdictOf(new RestrictedSshCheck(), "r"));

    [Fact]
    public void Ssh_rule_finding_names_the_group_it_opens()
    {
        var group = PreviewBuilder.Urn("aws:ec2/securityGroup:SecurityGroup", "web");
        var result = Assert.Single(new PreviewBuilder()
            .Add("aws:ec2/securityGroup:SecurityGroup", "web", "{}")
            .Add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "r", $$"""{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"0.0.0.0/0","securityGroupId":"{{U}}"}""", dependencies: $$"""{"securityGroupId":["{{group}}"]}""")
            .Run(new RestrictedSshCheck()), r => r.Resource.Name == "r");
        Assert.Equal("cidrIpv4", result.PropertyPath);
        Assert.Contains(group, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ssh_rules_of_one_group_in_separate_resources_count_together_and_each_names_the_others()
    {
        var group = PreviewBuilder.Urn("aws:ec2/securityGroup:SecurityGroup", "web");
        var results = new PreviewBuilder()
            .Add("aws:ec2/securityGroup:SecurityGroup", "web", """{"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"]}]}""")
            .Add("aws:ec2/securityGroupRule:SecurityGroupRule", "low", $$"""{"type":"ingress","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/1"],"securityGroupId":"{{U}}"}""", dependencies: $$"""{"securityGroupId":["{{group}}"]}""")
            .Add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "high", $$"""{"ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"128.0.0.0/1","securityGroupId":"{{U}}"}""", dependencies: $$"""{"securityGroupId":["{{group}}"]}""")
            .Run(new RestrictedSshCheck());

        Assert.Equal(["web Pass", "low Fail", "high Fail"], results.Select(r => $"{r.Resource.Name} {r.Verdict}"));
        Assert.All(results.Skip(1), r => Assert.EndsWith($"(security group {group}), together with the group's other rules", r.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("aws:ebs/volume:Volume", """{"encrypted":true}""", Verdict.Pass)]
    [InlineData("aws:ebs/volume:Volume", """{"encrypted":false}""", Verdict.Fail)]
    [InlineData("aws:ebs/volume:Volume", """{}""", Verdict.Fail)]
    [InlineData("aws:ebs/volume:Volume", $$"""{"encrypted":"{{U}}"}""", Verdict.Unknown)]
    [InlineData("aws:ebs/volume:Volume", """{"snapshotId":"snap-1"}""", Verdict.Unknown)]
    [InlineData("aws:ec2/instance:Instance", """{"rootBlockDevice":{"encrypted":true}}""", Verdict.Pass)]
    [InlineData("aws:ec2/instance:Instance", """{"rootBlockDevice":{"encrypted":true},"ebsBlockDevices":[{"encrypted":false}]}""", Verdict.Fail)]
    [InlineData("aws:ec2/instance:Instance", """{}""", Verdict.Fail)]
    [InlineData("aws:ec2/launchTemplate:LaunchTemplate", """{"blockDeviceMappings":[{"ebs":{"encrypted":"true"}}]}""", Verdict.Pass)]
    [InlineData("aws:ec2/launchTemplate:LaunchTemplate", """{"blockDeviceMappings":[{"ebs":{"encrypted":"false"}}]}""", Verdict.Fail)]
    [InlineData("aws:ec2/launchTemplate:LaunchTemplate", $$"""{"blockDeviceMappings":"{{U}}"}""", Verdict.Unknown)]
    public void Ebs_volumes_instances_and_launch_templates(string type, string inputs, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder().Add(type, "v", inputs).VerdictOf(new EncryptedVolumesCheck(), "v"));

    [Fact] // Sample defect 5: account default encryption covers volumes that do not say.
    public void Ebs_encryption_by_default_covers_an_absent_flag()
    {
        var preview = new PreviewBuilder().Add("aws:ebs/volume:Volume", "v", "{}").Add("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebd", """{"enabled":true}""");
        Assert.Equal(Verdict.Pass, preview.VerdictOf(new EncryptedVolumesCheck(), "v"));
        Assert.Equal(Verdict.Fail, preview.VerdictOf(new EncryptedVolumesCheck(), "v", """{"encrypted-volumes":{"acceptEncryptionByDefault":false}}"""));
        Assert.Equal(Verdict.Unknown, new PreviewBuilder().Add("aws:ebs/volume:Volume", "v", "{}").WithoutSames().VerdictOf(new EncryptedVolumesCheck(), "v"));
    }

    [Theory] // Sample defect 6: absent or false fails; only true passes.
    [InlineData("aws:rds/instance:Instance", """{"deletionProtection":true}""", Verdict.Pass)]
    [InlineData("aws:rds/instance:Instance", """{"deletionProtection":false}""", Verdict.Fail)]
    [InlineData("aws:rds/instance:Instance", """{"deletionProtection":"None"}""", Verdict.Fail)]
    [InlineData("aws:rds/instance:Instance", """{}""", Verdict.Fail)]
    [InlineData("aws:rds/instance:Instance", $$"""{"deletionProtection":"{{U}}"}""", Verdict.Unknown)]
    [InlineData("aws:rds/cluster:Cluster", """{"deletionProtection":true}""", Verdict.Pass)]
    [InlineData("aws:rds/cluster:Cluster", """{}""", Verdict.Fail)]
    public void Rds_deletion_protection(string type, string inputs, Verdict expected)
    {
        var result = Assert.Single(new PreviewBuilder().Add(type, "db", inputs).Run(new RdsDeletionProtectionEnabledCheck()));
        Assert.Equal(expected, result.Verdict);
        Assert.Equal(type.Contains("cluster", StringComparison.Ordinal) ? "rds-cluster-deletion-protection-enabled" : "rds-instance-deletion-protection-enabled", result.Control.Id);
    }

    [Fact]
    public void Rds_aurora_members_are_judged_by_their_cluster()
    {
        var cluster = PreviewBuilder.Urn("aws:rds/cluster:Cluster", "aurora");
        var results = new PreviewBuilder()
            .Add("aws:rds/cluster:Cluster", "aurora", """{"clusterIdentifier":"aurora-dev"}""")
            .Add("aws:rds/clusterInstance:ClusterInstance", "member", $$"""{"clusterIdentifier":"{{U}}"}""", dependencies: $$"""{"clusterIdentifier":["{{cluster}}"]}""")
            .Add("aws:rds/clusterInstance:ClusterInstance", "by_name", """{"clusterIdentifier":"aurora-dev"}""")
            .Add("aws:rds/clusterInstance:ClusterInstance", "orphan", """{"clusterIdentifier":"elsewhere"}""")
            .Run(new RdsDeletionProtectionEnabledCheck());
        Assert.Equal(Verdict.Fail, Assert.Single(results, r => r.Resource.Name == "aurora").Verdict);
        Assert.DoesNotContain(results, r => r.Resource.Name is "member" or "by_name");
        Assert.Equal(Verdict.Unknown, Assert.Single(results, r => r.Resource.Name == "orphan").Verdict);
    }

    [Theory] // Sample defect 8: camelCase enabledClusterLogTypes is read.
    [InlineData("""{"enabledClusterLogTypes":["api","audit","authenticator"]}""", Verdict.Pass)]
    [InlineData("""{"enabledClusterLogTypes":["api","audit"]}""", Verdict.Fail)]
    [InlineData("""{}""", Verdict.Fail)]
    [InlineData("""{"enabled_cluster_log_types":["api","audit","authenticator"]}""", Verdict.Fail)]
    [InlineData($$"""{"enabledClusterLogTypes":"{{U}}"}""", Verdict.Unknown)]
    [InlineData($$"""{"enabledClusterLogTypes":["api","{{U}}","authenticator"]}""", Verdict.Unknown)]
    public void Eks_logging(string inputs, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder().Add("aws:eks/cluster:Cluster", "c", inputs).VerdictOf(new EksClusterLogEnabledCheck(), "c"));

    [Fact]
    public void Eks_logging_required_types_are_a_parameter() =>
        Assert.Equal(Verdict.Fail, new PreviewBuilder()
            .Add("aws:eks/cluster:Cluster", "c", """{"enabledClusterLogTypes":["api","audit","authenticator"]}""")
            .VerdictOf(new EksClusterLogEnabledCheck(), "c", """{"eks-cluster-log-enabled":{"requiredLogTypes":["api","scheduler"]}}"""));

    [Theory] // Sample defect 9: encryptionConfig on the cluster resource is what counts.
    [InlineData("""{"encryptionConfig":{"provider":{"keyArn":"arn:aws:kms:eu-west-1:1:key/k"},"resources":["secrets"]}}""", Verdict.Pass)]
    [InlineData($$$"""{"encryptionConfig":{"provider":{"keyArn":"{{{U}}}"},"resources":["secrets"]}}""", Verdict.Pass)]
    [InlineData("""{"encryptionConfig":[{"provider":{"keyArn":"arn:k"},"resources":["secrets"]}]}""", Verdict.Pass)]
    [InlineData("""{"encryptionConfig":{"provider":{"keyArn":"arn:k"},"resources":[]}}""", Verdict.Fail)]
    [InlineData("""{"encryptionConfig":{"provider":{},"resources":["secrets"]}}""", Verdict.Fail)]
    [InlineData("""{"encryptionConfigKeyArn":"arn:k"}""", Verdict.Fail)]
    [InlineData($$"""{"encryptionConfig":"{{U}}"}""", Verdict.Unknown)]
    public void Eks_secrets_encryption(string inputs, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder().Add("aws:eks/cluster:Cluster", "c", inputs).VerdictOf(new EksSecretsEncryptedCheck(), "c"));

    [Theory] // Sample defect 10: default tags count, and node groups and Fargate profiles are checked.
    [InlineData("aws:eks/cluster:Cluster", """{"tags":{"Name":"a","env":"dev"}}""", Verdict.Pass)]
    [InlineData("aws:eks/nodeGroup:NodeGroup", """{"tags":{"Name":"a"}}""", Verdict.Fail)]
    [InlineData("aws:eks/fargateProfile:FargateProfile", """{"tags":{"Name":"","env":"dev"}}""", Verdict.Fail)]
    [InlineData("aws:eks/nodeGroup:NodeGroup", """{"tagsAll":{"Name":"a","env":"dev"}}""", Verdict.Pass)]
    [InlineData("aws:eks/cluster:Cluster", $$$"""{"tags":{"Name":"a","env":"{{{U}}}"}}""", Verdict.Unknown)]
    [InlineData("aws:eks/cluster:Cluster", """{"tags":{"Name":"a","env":"[secret]"}}""", Verdict.Unknown)]
    public void Eks_tags(string type, string inputs, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder().Add(type, "e", inputs).VerdictOf(new EksResourcesTaggedCheck(), "e"));

    [Fact]
    public void Eks_tags_come_from_provider_default_tags_and_stack_config()
    {
        var provider = PreviewBuilder.Urn("pulumi:providers:aws", "tagged");
        var check = new EksResourcesTaggedCheck();
        var explicitProvider = new PreviewBuilder()
            .Add("pulumi:providers:aws", "tagged", """{"defaultTags":"{\"tags\":{\"env\":\"prod\"}}"}""")
            .Add("aws:eks/nodeGroup:NodeGroup", "n", """{"tags":{"Name":"n"}}""", provider: provider);
        Assert.Equal(Verdict.Pass, explicitProvider.VerdictOf(check, "n"));

        var defaultProvider = new PreviewBuilder().Config("aws:defaultTags", "\"{\\\"tags\\\":{\\\"env\\\":\\\"dev\\\"}}\"")
            .Add("aws:eks/cluster:Cluster", "c", """{"tags":{"Name":"c"}}""");
        Assert.Equal(Verdict.Pass, defaultProvider.VerdictOf(check, "c"));
        Assert.Equal(Verdict.Fail, defaultProvider.VerdictOf(check, "c", """{"eks-resources-tagged":{"requiredTags":["Name","owner"]}}"""));

        var unlistedProvider = new PreviewBuilder().WithoutSames().Add("aws:eks/cluster:Cluster", "c", """{"tags":{"Name":"c"}}""", provider: provider);
        Assert.Equal(Verdict.Unknown, unlistedProvider.VerdictOf(check, "c"));
    }

    [Theory] // Sample defect 13: every statement, {"AWS":"*"}, and conditions.
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*"}]}""", Verdict.Fail)]
    [InlineData("""{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sqs:SendMessage"}}""", Verdict.Fail)]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"sqs:*"},{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::2:root","*"]},"Action":"sqs:*"}]}""", Verdict.Fail)]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"CanonicalUser":"*"},"Action":"sqs:*"}]}""", Verdict.Fail)]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Condition":{"StringEquals":{"aws:username":"*"}}}]}""", Verdict.Fail)]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:eu-west-1:1:t"}}}]}""", Verdict.Pass)]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:*","Condition":{"StringEquals":{"AWS:SourceAccount":"111122223333"}}}]}""", Verdict.Pass)]
    [InlineData("""{"Statement":[{"Effect":"Deny","Principal":"*","Action":"sqs:*"}]}""", Verdict.Pass)]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage"}]}""", Verdict.Pass)]
    [InlineData($$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"{{U}}"},"Action":"sqs:*"}]}""", Verdict.Unknown)]
    public void Sqs_queue_policy_and_inline_policy(string policy, Verdict expected)
    {
        var encoded = System.Text.Json.JsonSerializer.Serialize(policy);
        Assert.Equal(expected, new PreviewBuilder().Add("aws:sqs/queuePolicy:QueuePolicy", "p", $$"""{"queueUrl":"https://q","policy":{{encoded}}}""").VerdictOf(new SqsQueueNoPublicAccessCheck(), "p"));
        Assert.Equal(expected, new PreviewBuilder().Add("aws:sqs/queue:Queue", "q", $$"""{"policy":{{policy}}}""").VerdictOf(new SqsQueueNoPublicAccessCheck(), "q"));
    }

    [Fact]
    public void Sqs_unknown_policy_and_no_policy() =>
        Assert.Equal(
            [Verdict.Unknown, Verdict.Pass],
            new PreviewBuilder().Add("aws:sqs/queue:Queue", "a", $$"""{"policy":"{{U}}"}""").Add("aws:sqs/queue:Queue", "b", "{}")
                .Run(new SqsQueueNoPublicAccessCheck()).Select(r => r.Verdict).ToArray());
}
