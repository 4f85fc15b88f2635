using CloudPI.Aws;
using CloudPI.Controls;
using CloudPI.AwsConfig;
using CloudPI.AwsConfig.Tests.Support;
using Ocurity.Dracon.V1;
using static CloudPI.AwsConfig.Tests.Support.Evaluations;

namespace CloudPI.AwsConfig.Tests.Mapping;

public sealed class ConfigIssueMapperTests
{
    [Fact]
    public void A_managed_rule_maps_to_its_control_with_the_catalog_title_severity_and_high_confidence()
    {
        var control = ControlCatalog.Default.Resolve("restricted-ssh")!;

        var issue = Mapper.Map(NonCompliant("restricted-ssh", "AWS::EC2::SecurityGroup", "sg-0e9a8efc723bbe32d", Managed("INCOMING_SSH_DISABLED")));

        Assert.Equal("restricted-ssh", issue.Type);
        Assert.Equal("arn:aws:ec2:us-east-1:800868000056:security-group/sg-0e9a8efc723bbe32d", issue.Target);
        Assert.Equal(control.Title, issue.Title);
        Assert.Equal(Severity.High, issue.Severity);
        Assert.Equal(Confidence.High, issue.Confidence);
    }

    [Theory]
    [InlineData("ec2-imdsv2-check", "AWS::EC2::Instance", "i-01ec28418d111ab75", "arn:aws:ec2:us-east-1:800868000056:instance/i-01ec28418d111ab75")]
    [InlineData("encrypted-volumes", "AWS::EC2::Volume", "vol-03d8e640abf6848e6", "arn:aws:ec2:us-east-1:800868000056:volume/vol-03d8e640abf6848e6")]
    [InlineData("s3-bucket-public-read-prohibited", "AWS::S3::Bucket", "app000-public-14", "arn:aws:s3:::app000-public-14")]
    [InlineData("redshift-cluster-public-access-check", "AWS::Redshift::Cluster", "app000-dw-18", "arn:aws:redshift:us-east-1:800868000056:cluster:app000-dw-18")]
    [InlineData("ec2-ebs-encryption-by-default", "AWS::::Account", "800868000056", "arn:aws:iam::800868000056:root")]
    [InlineData("lambda-inside-vpc", "AWS::Lambda::Function", "app000-fn-dcae90d5", "arn:aws:lambda:us-east-1:800868000056:function:app000-fn-dcae90d5")]
    public void The_target_is_the_ARN_built_from_the_resource_type_and_id(string rule, string type, string id, string arn)
    {
        var issue = Mapper.Map(NonCompliant(rule, type, id));

        Assert.Equal(arn, issue.Target);
        Assert.Equal(rule, issue.Type);
    }

    [Fact]
    public void An_RDS_instance_reported_by_DbiResourceId_takes_the_ARN_Config_reported_else_a_fallback()
    {
        var evaluation = NonCompliant("rds-instance-public-access-check", "AWS::RDS::DBInstance", "db-7QH4ZK2M5XWJ3R6T8YB1CNV0DE");

        var reported = Mapper.Map(evaluation with { ReportedArn = "arn:aws:rds:us-east-1:800868000056:db:app000-db-bfd0afd4" });
        var unresolved = Mapper.Map(evaluation);

        Assert.Equal("arn:aws:rds:us-east-1:800868000056:db:app000-db-bfd0afd4", reported.Target);
        Assert.Equal("AWS::RDS::DBInstance/db-7QH4ZK2M5XWJ3R6T8YB1CNV0DE@800868000056/us-east-1", unresolved.Target);
        Assert.Equal(Severity.Critical, reported.Severity);
    }

    [Fact]
    public void A_rule_renamed_by_Security_Hub_resolves_by_identifier_when_described_and_by_name_when_not()
    {
        const string renamed = "securityhub-vpc-default-security-group-closed-8c1f2e";

        var described = Mapper.Map(NonCompliant(renamed, "AWS::EC2::SecurityGroup", "sg-061e350fb2f605b96", Managed("VPC_DEFAULT_SECURITY_GROUP_CLOSED")));
        var byName = Mapper.Map(NonCompliant(renamed, "AWS::EC2::SecurityGroup", "sg-061e350fb2f605b96"));

        Assert.Equal("vpc-default-security-group-closed", described.Type);
        Assert.Equal("vpc-default-security-group-closed", byName.Type);
        Assert.Contains("\"ruleSource\":{\"owner\":\"AWS\",\"sourceIdentifier\":\"VPC_DEFAULT_SECURITY_GROUP_CLOSED\"}", described.ContextSegment, StringComparison.Ordinal);
        Assert.Equal(described.Description, byName.Description);
    }

    [Fact]
    public void A_described_rule_is_matched_by_identifier_not_by_its_misleading_name()
    {
        var issue = Mapper.Map(NonCompliant("restricted-ssh", "AWS::EC2::Instance", "i-01ec28418d111ab75", Managed("EC2_IMDSV2_CHECK")));

        Assert.Equal("ec2-imdsv2-check", issue.Type);
    }

    [Fact]
    public void A_custom_rule_is_kept_with_the_generic_mapping()
    {
        var custom = new Source { Owner = ConfigRuleOwners.CustomLambda, SourceIdentifier = "arn:aws:lambda:us-east-1:800868000056:function:tags" };

        var issue = Mapper.Map(NonCompliant("acme-required-tags", "AWS::EC2::Instance", "i-01ec28418d111ab75", custom));

        Assert.Equal("awsconfig:acme-required-tags", issue.Type);
        Assert.Equal("AWS Config rule acme-required-tags reports AWS::EC2::Instance i-01ec28418d111ab75 non-compliant", issue.Title);
        Assert.Equal(Severity.Medium, issue.Severity);
        Assert.Equal(Confidence.High, issue.Confidence);
        Assert.Equal("arn:aws:ec2:us-east-1:800868000056:instance/i-01ec28418d111ab75", issue.Target);
        Assert.Contains("Control: none in the CloudPI catalog", issue.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_type_the_control_does_not_cover_is_kept_with_the_generic_mapping()
    {
        var issue = Mapper.Map(NonCompliant("restricted-ssh", "AWS::EC2::NetworkInterface", "eni-0abc", Managed("INCOMING_SSH_DISABLED")));

        Assert.Equal("awsconfig:restricted-ssh", issue.Type);
        Assert.Equal("arn:aws:ec2:us-east-1:800868000056:network-interface/eni-0abc", issue.Target);
    }

    [Fact]
    public void The_description_holds_the_rule_annotation_resource_account_region_and_remediation_and_the_context_the_times_and_rule_source()
    {
        var control = ControlCatalog.Default.Resolve("restricted-ssh")!;
        var evaluation = NonCompliant("restricted-ssh", "AWS::EC2::SecurityGroup", "sg-0e9a8efc723bbe32d", Managed("INCOMING_SSH_DISABLED"))
            with { Annotation = "  Port 22 is open to 0.0.0.0/0.  " };

        var issue = Mapper.Map(evaluation);

        Assert.Equal(
        [
            "AWS Config rule restricted-ssh evaluated AWS::EC2::SecurityGroup sg-0e9a8efc723bbe32d as NON_COMPLIANT.",
            "Annotation: Port 22 is open to 0.0.0.0/0.",
            "Resource: AWS::EC2::SecurityGroup sg-0e9a8efc723bbe32d, account 800868000056, region us-east-1",
            $"Control restricted-ssh: {control.Description}",
            $"Remediation: {control.Remediation}",
        ], issue.Description.Split('\n'));
        Assert.Equal(
            """{"configRuleInvokedTime":"2026-11-20T06:00:00.123Z","resultRecordedTime":"2026-11-20T06:00:02.456Z","ruleSource":{"owner":"AWS","sourceIdentifier":"INCOMING_SSH_DISABLED"}}""",
            issue.ContextSegment);
    }

    [Fact]
    public void A_re_evaluation_changes_only_the_context_so_the_Dracon_hash_stays()
    {
        var evaluation = NonCompliant("restricted-ssh", "AWS::EC2::SecurityGroup", "sg-0e9a8efc723bbe32d", Managed("INCOMING_SSH_DISABLED"));
        var reEvaluated = evaluation with { ConfigRuleInvokedTime = Invoked.AddDays(1), ResultRecordedTime = Recorded.AddDays(1) };

        var before = Mapper.Map(evaluation);
        var after = Mapper.Map(reEvaluated);

        Assert.Equal(CloudPI.Dracon.IssueHash.Compute(before), CloudPI.Dracon.IssueHash.Compute(after));
        Assert.NotEqual(before.ContextSegment, after.ContextSegment);
    }

    [Fact]
    public void Only_detective_non_compliant_results_become_issues_one_per_rule_and_resource_in_a_stable_order()
    {
        var evaluations = new[]
        {
            NonCompliant("restricted-ssh", "AWS::EC2::SecurityGroup", "sg-b"),
            NonCompliant("encrypted-volumes", "AWS::EC2::Volume", "vol-1"),
            NonCompliant("restricted-ssh", "AWS::EC2::SecurityGroup", "sg-a"),
            NonCompliant("custom-z", "AWS::EC2::Volume", "vol-1"),
            NonCompliant("restricted-ssh", "AWS::EC2::SecurityGroup", "sg-a") with { ResultRecordedTime = Recorded.AddHours(1), Annotation = "newer" },
            NonCompliant("restricted-ssh", "AWS::EC2::SecurityGroup", "sg-c") with { ComplianceType = ComplianceTypes.Compliant },
            NonCompliant("restricted-ssh", "AWS::EC2::SecurityGroup", "sg-d") with { EvaluationMode = "PROACTIVE" },
        };

        var forward = Mapper.Map(evaluations);
        var backward = Mapper.Map(evaluations.Reverse());

        Assert.Equal(
            ["awsconfig:custom-z vol-1", "encrypted-volumes vol-1", "restricted-ssh sg-a", "restricted-ssh sg-b"],
            forward.Select(i => $"{i.Type} {i.Target.Split('/')[^1]}"));
        Assert.Equal(forward, backward);
        Assert.Contains("Annotation: newer", forward[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_control_severity_maps_to_the_Dracon_severity_of_the_same_name()
    {
        foreach (var control in ControlCatalog.Default.Controls.Where(c => c.Mappings.ConfigRuleIdentifiers.Count > 0))
        {
            var issue = Mapper.Map(NonCompliant("rule", control.ResourceTypes[0], "id-1", Managed(control.Mappings.ConfigRuleIdentifiers[0])));

            Assert.Equal(control.Id, issue.Type);
            Assert.Equal(control.Severity.ToString(), issue.Severity.ToString());
        }
    }
}
