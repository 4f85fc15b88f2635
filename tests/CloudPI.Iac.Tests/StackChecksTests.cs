using CloudPI.Iac.Checks;

namespace CloudPI.Iac.Tests;

/// <summary>The stack-level checks (#3, #4, #7, #11, #12): relationships by dependency and by id/name, with and without --show-sames.</summary>
public sealed class StackChecksTests
{
    private const string U = PreviewBuilder.Unknown;
    private const string Vpc = "aws:ec2/vpc:Vpc";
    private const string FlowLog = "aws:ec2/flowLog:FlowLog";
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    private static readonly string VpcUrn = PreviewBuilder.Urn(Vpc, "main");
    private static readonly string BucketUrn = PreviewBuilder.Urn(BucketV2, "b");

    private static string DependsOn(string property, string urn) => $$"""{"{{property}}":["{{urn}}"]}""";

    [Theory]
    [InlineData("ALL", Verdict.Pass)]
    [InlineData("REJECT", Verdict.Pass)]
    [InlineData("ACCEPT", Verdict.Fail)]
    [InlineData(U, Verdict.Unknown)]
    public void Flow_log_linked_by_property_dependencies(string trafficType, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder()
            .Add(Vpc, "main", "{}")
            .Add(FlowLog, "fl", $$"""{"vpcId":"{{U}}","trafficType":"{{trafficType}}"}""", dependencies: DependsOn("vpcId", VpcUrn))
            .VerdictOf(new VpcFlowLogsEnabledCheck(), "main"));

    [Fact] // Sample defect 4: a VPC without any flow log is found.
    public void Vpc_without_flow_log_fails_with_sames_and_is_unknown_without()
    {
        var check = new VpcFlowLogsEnabledCheck();
        Assert.Equal(Verdict.Fail, new PreviewBuilder().Add(Vpc, "main", "{}", op: "same", id: "vpc-1").VerdictOf(check, "main"));
        Assert.Equal(Verdict.Unknown, new PreviewBuilder().Add(Vpc, "main", "{}", op: "update", id: "vpc-1").WithoutSames().VerdictOf(check, "main"));
        Assert.Equal(Verdict.Fail, new PreviewBuilder().Add(Vpc, "main", "{}").WithoutSames().VerdictOf(check, "main")); // new VPC: its logs would be new too
    }

    /// <summary>
    /// Targets a check cannot resolve: a secret (from config: no dependency, or the empty list Pulumi records for it),
    /// the unknown sentinel with an empty list, and a value from another stack (a StackReference names nothing here).
    /// "P" stands for the linking property.
    /// </summary>
    public static TheoryData<string, string> UndecidableTargets => new()
    {
        { "\"[secret]\"", "{}" },
        { "\"[secret]\"", """{"P":[]}""" },
        { $"\"{U}\"", """{"P":[]}""" },
        { $"\"{U}\"", $$"""{"P":["{{StackReference}}"]}""" },
    };

    private static readonly string StackReference = PreviewBuilder.Urn("pulumi:pulumi:StackReference", "network");

    private static string DependenciesOn(string property, string dependencies) => dependencies.Replace("\"P\"", $"\"{property}\"", StringComparison.Ordinal);

    /// <summary>A preview that also lists the StackReference an undecidable value may come from.</summary>
    private static PreviewBuilder WithStackReference() =>
        new PreviewBuilder().Add("pulumi:pulumi:StackReference", "network", """{"name":"org/network/dev"}""", op: "read", id: "org/network/dev");

    [Theory]
    [MemberData(nameof(UndecidableTargets))]
    public void A_flow_log_with_an_undecidable_vpc_leaves_every_vpc_unknown(string vpcId, string dependencies)
    {
        var results = WithStackReference()
            .Add(Vpc, "kept", "{}", op: "same", id: "vpc-1")
            .Add(Vpc, "main", "{}")
            .Add(FlowLog, "fl", $$"""{"vpcId":{{vpcId}},"trafficType":"ALL"}""", dependencies: DependenciesOn("vpcId", dependencies))
            .Run(new VpcFlowLogsEnabledCheck());
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(Verdict.Unknown, r.Verdict));
        Assert.All(results, r => Assert.Contains("flow log fl", r.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UndecidableTargets))]
    public void A_rule_with_an_undecidable_group_leaves_the_default_group_unknown(string groupId, string dependencies) =>
        Assert.Equal(Verdict.Unknown, WithStackReference()
            .Add("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "d", "{}")
            .Add("aws:ec2/securityGroupRule:SecurityGroupRule", "r", $$"""{"type":"ingress","securityGroupId":{{groupId}},"protocol":"tcp","fromPort":443,"toPort":443}""",
                dependencies: DependenciesOn("securityGroupId", dependencies))
            .VerdictOf(new VpcDefaultSecurityGroupClosedCheck(), "d"));

    [Theory]
    [MemberData(nameof(UndecidableTargets))]
    public void A_bucket_policy_with_an_undecidable_bucket_leaves_tls_unknown(string bucket, string dependencies) =>
        Assert.Equal(Verdict.Unknown, WithStackReference()
            .Add(BucketV2, "b", "{}")
            .Add("aws:s3/bucketPolicy:BucketPolicy", "p", $$"""{"bucket":{{bucket}},"policy":{{Policy("""[{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]""")}}}""",
                dependencies: DependenciesOn("bucket", dependencies))
            .VerdictOf(new S3BucketSslRequestsOnlyCheck(), "b"));

    [Theory]
    [MemberData(nameof(UndecidableTargets))]
    public void An_access_block_with_an_undecidable_bucket_leaves_public_access_unknown(string bucket, string dependencies)
    {
        var preview = WithStackReference()
            .Add(Bucket, "b", """{"acl":"public-read"}""")
            .Add("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", $$"""{"bucket":{{bucket}},"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""",
                dependencies: DependenciesOn("bucket", dependencies));
        Assert.Equal(Verdict.Unknown, Public(preview, "s3-bucket-public-read-prohibited")); // the block may neutralise the public ACL
        Assert.Equal(Verdict.Pass, Public(preview, "s3-bucket-public-write-prohibited"));
    }

    [Fact] // A same step carries its id only in oldState: a literal id still names the unchanged VPC.
    public void A_literal_id_names_an_unchanged_resource_whose_id_is_only_in_its_old_state()
    {
        var preview = new PreviewBuilder()
            .AddUnchanged(Vpc, "kept", """{"cidrBlock":"10.0.0.0/16"}""", id: "vpc-0a1", outputs: """{"id":"vpc-0a1","arn":"arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0a1"}""")
            .Add(FlowLog, "fl", """{"vpcId":"vpc-0a1","trafficType":"ALL"}""", dependencies: """{"vpcId":[]}""");
        var result = Assert.Single(preview.Run(new VpcFlowLogsEnabledCheck()));
        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.Equal("vpc-0a1", result.Resource.Id);
    }

    [Fact]
    public void Engine_events_name_an_unchanged_resource_by_the_id_of_its_old_state()
    {
        var vpc = PreviewBuilder.Urn(Vpc, "kept");
        var flowLog = PreviewBuilder.Urn(FlowLog, "fl");
        var events = string.Join('\n',
            """{"sequence":1,"timestamp":1,"preludeEvent":{"config":{}}}""",
            $$$"""{"sequence":2,"timestamp":2,"resourcePreEvent":{"metadata":{"op":"same","urn":"{{{vpc}}}","type":"{{{Vpc}}}","old":{"urn":"{{{vpc}}}","type":"{{{Vpc}}}","id":"vpc-0a1","inputs":{},"outputs":{"id":"vpc-0a1"}},"new":{"urn":"{{{vpc}}}","type":"{{{Vpc}}}","inputs":{}},"provider":""},"planning":true}}""",
            $$$"""{"sequence":3,"timestamp":3,"resourcePreEvent":{"metadata":{"op":"create","urn":"{{{flowLog}}}","type":"{{{FlowLog}}}","old":null,"new":{"urn":"{{{flowLog}}}","type":"{{{FlowLog}}}","inputs":{"vpcId":"vpc-0a1","trafficType":"REJECT"}},"provider":""},"planning":true}}""",
            """{"sequence":4,"timestamp":4,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":{"same":1,"create":1},"PolicyPacks":{},"isPreview":true,"result":"succeeded"}}""",
            """{"sequence":5,"timestamp":5,"cancelEvent":{}}""");
        var stack = CloudPI.Iac.Reading.IacInputReader.Read(System.Text.Encoding.UTF8.GetBytes(events), "events.jsonl");
        var result = Assert.Single(new VpcFlowLogsEnabledCheck().Evaluate(stack, CloudPI.Iac.Config.PolicyConfig.Default.Parameters(new VpcFlowLogsEnabledCheck())));
        Assert.Equal(Verdict.Pass, result.Verdict);
    }

    [Fact]
    public void Flow_log_linked_by_vpc_id_and_parameterised_traffic_types()
    {
        var preview = new PreviewBuilder()
            .Add(Vpc, "main", "{}", op: "same", id: "vpc-1")
            .Add(FlowLog, "fl", """{"vpcId":"vpc-1","trafficType":"ACCEPT"}""", op: "same")
            .Add(FlowLog, "subnet_fl", """{"subnetId":"subnet-1","trafficType":"ALL"}""", op: "same");
        Assert.Equal(Verdict.Fail, preview.VerdictOf(new VpcFlowLogsEnabledCheck(), "main"));
        Assert.Equal(Verdict.Pass, preview.VerdictOf(new VpcFlowLogsEnabledCheck(), "main", """{"vpc-flow-logs-enabled":{"acceptedTrafficTypes":["ACCEPT"]}}"""));
    }

    [Fact]
    public void Default_security_group_variants()
    {
        var dsg = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
        var check = new VpcDefaultSecurityGroupClosedCheck();
        var closed = new PreviewBuilder().Add(Vpc, "main", "{}").Add(dsg, "d", $$"""{"vpcId":"{{U}}"}""", dependencies: DependsOn("vpcId", VpcUrn));
        Assert.Equal(Verdict.Pass, Assert.Single(closed.Run(check)).Verdict);

        var inline = new PreviewBuilder().Add(dsg, "d", """{"egress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}""");
        Assert.Equal(Verdict.Fail, inline.VerdictOf(check, "d"));

        // Sample defect 3: separate rules aimed at the default group, directly or through the VPC's defaultSecurityGroupId.
        var throughVpc = new PreviewBuilder().Add(Vpc, "main", "{}").Add(dsg, "d", "{}", dependencies: DependsOn("vpcId", VpcUrn))
            .Add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "r", $$"""{"securityGroupId":"{{U}}","ipProtocol":"-1"}""", dependencies: DependsOn("securityGroupId", VpcUrn));
        Assert.Equal(Verdict.Fail, Assert.Single(throughVpc.Run(check)).Verdict);
        var direct = new PreviewBuilder().Add(dsg, "d", "{}", id: "sg-0d")
            .Add("aws:ec2/securityGroupRule:SecurityGroupRule", "r", """{"type":"ingress","securityGroupId":"sg-0d","protocol":"tcp","fromPort":80,"toPort":80}""");
        Assert.Equal(Verdict.Fail, direct.VerdictOf(check, "d"));

        // Sample defect 3: a VPC that never adopts its default group keeps AWS's allow-all default.
        Assert.Equal(Verdict.Fail, new PreviewBuilder().Add(Vpc, "main", "{}").VerdictOf(check, "main"));
        Assert.Equal(Verdict.Unknown, new PreviewBuilder().Add(Vpc, "main", "{}", op: "update").WithoutSames().VerdictOf(check, "main"));
        Assert.Equal(Verdict.Unknown, new PreviewBuilder().Add(dsg, "d", """{"ingress":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""").VerdictOf(check, "d"));
    }

    private static Verdict Public(PreviewBuilder preview, string controlId, string bucket = "b") =>
        Assert.Single(preview.Run(new S3BucketPublicAccessCheck()), r => r.Resource.Name == bucket && r.Control.Id == controlId).Verdict;

    [Theory]
    [InlineData("""{"acl":"public-read"}""", Verdict.Fail, Verdict.Pass)]
    [InlineData("""{"acl":"public-read-write"}""", Verdict.Fail, Verdict.Fail)]
    [InlineData("""{"acl":"authenticated-read"}""", Verdict.Fail, Verdict.Pass)]
    [InlineData("""{"acl":"private"}""", Verdict.Pass, Verdict.Pass)]
    [InlineData("""{"grants":[{"type":"Group","uri":"http://acs.amazonaws.com/groups/global/AllUsers","permissions":["WRITE"]}]}""", Verdict.Pass, Verdict.Fail)]
    [InlineData("""{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}]}"}""", Verdict.Fail, Verdict.Pass)]
    [InlineData("""{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\"}]}"}""", Verdict.Fail, Verdict.Fail)]
    [InlineData("""{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}"}""", Verdict.Pass, Verdict.Pass)]
    [InlineData($$"""{"acl":"{{U}}"}""", Verdict.Unknown, Verdict.Unknown)]
    [InlineData($$"""{"policy":"{{U}}"}""", Verdict.Unknown, Verdict.Unknown)]
    public void S3_public_read_and_write_from_inline_acl_grants_and_policy(string inputs, Verdict read, Verdict write)
    {
        var preview = new PreviewBuilder().Add(Bucket, "b", inputs);
        Assert.Equal(read, Public(preview, "s3-bucket-public-read-prohibited"));
        Assert.Equal(write, Public(preview, "s3-bucket-public-write-prohibited"));
    }

    [Fact] // Sample defect 7: split ACL and policy resources are examined, and access blocks neutralise them.
    public void S3_public_through_split_resources_and_blocks()
    {
        var acl = new PreviewBuilder().Add(BucketV2, "b", "{}")
            .Add("aws:s3/bucketAclV2:BucketAclV2", "acl", $$$$"""{"bucket":"{{{{U}}}}","accessControlPolicy":{"grants":[{"grantee":{"type":"Group","uri":"http://acs.amazonaws.com/groups/global/AllUsers"},"permission":"READ"}],"owner":{"id":"o"}}}""", dependencies: DependsOn("bucket", BucketUrn));
        Assert.Equal(Verdict.Fail, Public(acl, "s3-bucket-public-read-prohibited"));

        var ignored = acl.Add("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", """{"bucket":"my-bucket","ignorePublicAcls":true}""");
        Assert.Equal(Verdict.Pass, Public(new PreviewBuilder().Add(BucketV2, "b", """{"bucket":"my-bucket","acl":"public-read"}""")
            .Add("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", """{"bucket":"my-bucket","ignorePublicAcls":true}"""), "s3-bucket-public-read-prohibited"));
        Assert.Equal(Verdict.Fail, Public(ignored, "s3-bucket-public-read-prohibited")); // that block is for another bucket name

        var account = new PreviewBuilder().Add(Bucket, "b", """{"acl":"public-read-write"}""")
            .Add("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", "account", """{"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""");
        Assert.Equal(Verdict.Pass, Public(account, "s3-bucket-public-write-prohibited"));
        Assert.Equal(Verdict.Pass, Public(account, "s3-bucket-level-public-access-prohibited"));

        var owner = new PreviewBuilder().Add(Bucket, "b", """{"acl":"public-read"}""")
            .Add("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "own", $$$"""{"bucket":"{{{U}}}","rule":{"objectOwnership":"BucketOwnerEnforced"}}""", dependencies: DependsOn("bucket", PreviewBuilder.Urn(Bucket, "b")));
        Assert.Equal(Verdict.Pass, Public(owner, "s3-bucket-public-read-prohibited"));
    }

    [Fact]
    public void S3_bucket_level_public_access_block()
    {
        const string pab = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
        var all = new PreviewBuilder().Add(BucketV2, "b", "{}").Add(pab, "p", $$"""{"bucket":"{{U}}","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""", dependencies: DependsOn("bucket", BucketUrn));
        Assert.Equal(Verdict.Pass, Public(all, "s3-bucket-level-public-access-prohibited"));
        var off = new PreviewBuilder().Add(BucketV2, "b", "{}").Add(pab, "p", $$"""{"bucket":"{{U}}","blockPublicAcls":true,"blockPublicPolicy":false,"ignorePublicAcls":true,"restrictPublicBuckets":true}""", dependencies: DependsOn("bucket", BucketUrn));
        Assert.Equal(Verdict.Fail, Public(off, "s3-bucket-level-public-access-prohibited"));
        var unknown = new PreviewBuilder().Add(BucketV2, "b", "{}").Add(pab, "p", $$"""{"bucket":"{{U}}","blockPublicAcls":"{{U}}"}""", dependencies: DependsOn("bucket", BucketUrn));
        Assert.Equal(Verdict.Unknown, Public(unknown, "s3-bucket-level-public-access-prohibited"));

    }

    [Fact] // No explicit block is not a failure: a new bucket gets AWS's all-on default, an existing one keeps what AWS holds.
    public void A_bucket_without_an_explicit_block_passes_when_created_and_is_unknown_when_it_exists()
    {
        const string control = "s3-bucket-level-public-access-prohibited";
        Assert.Equal(Verdict.Pass, Public(new PreviewBuilder().Add(BucketV2, "b", "{}"), control));
        Assert.Equal(Verdict.Pass, Public(new PreviewBuilder().Add(BucketV2, "b", "{}", op: "replace"), control));
        Assert.Equal(Verdict.Unknown, Public(new PreviewBuilder().AddUnchanged(BucketV2, "b", """{"bucket":"kept"}""", id: "kept"), control));
        Assert.Equal(Verdict.Unknown, Public(new PreviewBuilder().Add(BucketV2, "b", "{}", op: "update", id: "kept"), control));
    }

    private static string Policy(string statements) => System.Text.Json.JsonSerializer.Serialize($$"""{"Version":"2012-10-17","Statement":{{statements}}}""");

    [Theory] // Sample defect 11: effect and action matter.
    [InlineData("""[{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]""", Verdict.Pass)]
    [InlineData("""[{"Effect":"Deny","Principal":"*","Action":["s3:GetObject","s3:PutObject"],"Condition":{"Bool":{"aws:SecureTransport":false}}}]""", Verdict.Pass)]
    [InlineData("""[{"Effect":"Allow","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]""", Verdict.Fail)]
    [InlineData("""[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]""", Verdict.Fail)]
    [InlineData("""[{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]""", Verdict.Fail)]
    public void S3_tls_policy_statements(string statements, Verdict expected)
    {
        var check = new S3BucketSslRequestsOnlyCheck();
        Assert.Equal(expected, new PreviewBuilder().Add(BucketV2, "b", "{}")
            .Add("aws:s3/bucketPolicy:BucketPolicy", "p", $$"""{"bucket":"{{U}}","policy":{{Policy(statements)}}}""", dependencies: DependsOn("bucket", BucketUrn))
            .VerdictOf(check, "b"));
        Assert.Equal(expected, new PreviewBuilder().Add(Bucket, "b", $$"""{"policy":{{Policy(statements)}}}""").VerdictOf(check, "b"));
    }

    [Fact] // Sample defect 11: a bucket without a policy is flagged, unless the policy may be unlisted or is unknown.
    public void S3_tls_without_policy_and_unknowns()
    {
        var check = new S3BucketSslRequestsOnlyCheck();
        Assert.Equal(Verdict.Fail, new PreviewBuilder().Add(BucketV2, "b", "{}").VerdictOf(check, "b"));
        Assert.Equal(Verdict.Unknown, new PreviewBuilder().Add(BucketV2, "b", "{}", op: "same").WithoutSames().VerdictOf(check, "b"));
        Assert.Equal(Verdict.Unknown, new PreviewBuilder().Add(BucketV2, "b", "{}")
            .Add("aws:s3/bucketPolicy:BucketPolicy", "p", $$"""{"bucket":"{{U}}","policy":"{{U}}"}""", dependencies: DependsOn("bucket", BucketUrn))
            .VerdictOf(check, "b"));
    }

    [Theory] // Sample defect 12: BucketV2 lists and split resources count.
    [InlineData(Bucket, """{"serverSideEncryptionConfiguration":{"rule":{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"AES256"}}}}""", Verdict.Pass)]
    [InlineData(BucketV2, """{"serverSideEncryptionConfigurations":[{"rules":[{"applyServerSideEncryptionByDefaults":[{"sseAlgorithm":"aws:kms"}]}]}]}""", Verdict.Pass)]
    [InlineData(Bucket, """{"serverSideEncryptionConfiguration":{"rule":{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"none"}}}}""", Verdict.Fail)]
    [InlineData(Bucket, """{}""", Verdict.Fail)]
    [InlineData(Bucket, """{"serverSideEncryptionConfiguration":{"rule":{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}}}""", Verdict.Unknown)]
    public void S3_inline_encryption_shapes(string type, string inputs, Verdict expected) =>
        Assert.Equal(expected, new PreviewBuilder().Add(type, "b", inputs).VerdictOf(new S3BucketServerSideEncryptionEnabledCheck(), "b"));

    [Theory]
    [InlineData("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2")]
    [InlineData("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")]
    public void S3_split_encryption_resources_and_strict_mode(string type)
    {
        var check = new S3BucketServerSideEncryptionEnabledCheck();
        var preview = new PreviewBuilder().Add(BucketV2, "b", "{}")
            .Add(type, "sse", $$$"""{"bucket":"{{{U}}}","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"AES256"}}]}""", dependencies: DependsOn("bucket", BucketUrn));
        Assert.Equal(Verdict.Pass, preview.VerdictOf(check, "b"));
        Assert.Equal(Verdict.Fail, preview.VerdictOf(check, "b", """{"s3-bucket-server-side-encryption-enabled":{"requireKms":true}}"""));
        Assert.Equal(Verdict.Unknown, new PreviewBuilder().Add(BucketV2, "b", "{}", op: "same").WithoutSames().VerdictOf(check, "b"));
    }
}
