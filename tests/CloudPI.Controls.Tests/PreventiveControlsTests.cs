namespace CloudPI.Controls.Tests;

/// <summary>
/// The 13 preventive controls of the preventive-IaC specification, hard-coded here as the spec: each row's control,
/// its Prowler v2 and v3 ids, the Prowler severity the reference records, and where each AWS Config rule and Checkov id
/// the row names must resolve. Rows that list sibling rules or ids (the KMS variant of S3 encryption, RDS clusters, the
/// four S3 public-access rules) send them to the sibling control that matches them exactly.
/// </summary>
public class PreventiveControlsTests
{
    public static TheoryData<int, string, string?, string?, ControlSeverity> Rows => new()
    {
        { 1, "cmk-backing-key-rotation-enabled", "check28", "kms_cmk_rotation_enabled", ControlSeverity.Medium },
        { 2, "restricted-ssh", "check41", "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22", ControlSeverity.High },
        { 3, "vpc-default-security-group-closed", "check43", "ec2_securitygroup_default_restrict_traffic", ControlSeverity.High },
        { 4, "vpc-flow-logs-enabled", "check29", "vpc_flow_logs_enabled", ControlSeverity.Medium },
        { 5, "encrypted-volumes", "extra729", "ec2_ebs_volume_encryption", ControlSeverity.Medium },
        { 6, "rds-instance-deletion-protection-enabled", "extra7113", "rds_instance_deletion_protection", ControlSeverity.Medium },
        { 7, "s3-bucket-public-read-prohibited", "extra73", "s3_bucket_public_access", ControlSeverity.Critical },
        { 8, "eks-cluster-log-enabled", "extra794", "eks_control_plane_logging_all_types_enabled", ControlSeverity.Medium },
        { 9, "eks-secrets-encrypted", "extra797", "eks_cluster_kms_cmk_encryption_in_secrets_enabled", ControlSeverity.Medium },
        { 10, "eks-resources-tagged", null, null, ControlSeverity.Low },
        { 11, "s3-bucket-ssl-requests-only", "extra764", "s3_bucket_secure_transport_policy", ControlSeverity.Medium },
        { 12, "s3-bucket-server-side-encryption-enabled", "extra734", "s3_bucket_default_encryption", ControlSeverity.Medium },
        { 13, "sqs-queue-no-public-access", "extra727", "sqs_queues_not_publicly_accessible", ControlSeverity.Critical },
    };

    /// <summary>Every AWS Config rule the specification's table names (by rule name and identifier), with the control it must resolve to.</summary>
    public static TheoryData<int, string, string> ConfigRules => new()
    {
        { 1, "cmk-backing-key-rotation-enabled", "cmk-backing-key-rotation-enabled" },
        { 1, "CMK_BACKING_KEY_ROTATION_ENABLED", "cmk-backing-key-rotation-enabled" },
        { 2, "restricted-ssh", "restricted-ssh" },
        { 2, "INCOMING_SSH_DISABLED", "restricted-ssh" },
        { 3, "vpc-default-security-group-closed", "vpc-default-security-group-closed" },
        { 4, "vpc-flow-logs-enabled", "vpc-flow-logs-enabled" },
        { 5, "encrypted-volumes", "encrypted-volumes" },
        { 5, "ec2-ebs-encryption-by-default", "ec2-ebs-encryption-by-default" },
        { 6, "rds-instance-deletion-protection-enabled", "rds-instance-deletion-protection-enabled" },
        { 6, "rds-cluster-deletion-protection-enabled", "rds-cluster-deletion-protection-enabled" },
        { 7, "s3-bucket-public-read-prohibited", "s3-bucket-public-read-prohibited" },
        { 7, "s3-bucket-public-write-prohibited", "s3-bucket-public-write-prohibited" },
        { 7, "s3-bucket-level-public-access-prohibited", "s3-bucket-level-public-access-prohibited" },
        { 7, "s3-account-level-public-access-blocks-periodic", "s3-account-level-public-access-blocks-periodic" },
        { 8, "eks-cluster-log-enabled", "eks-cluster-log-enabled" },
        { 8, "eks-cluster-logging-enabled", "eks-cluster-log-enabled" },
        { 9, "eks-secrets-encrypted", "eks-secrets-encrypted" },
        { 9, "eks-cluster-secrets-encrypted", "eks-secrets-encrypted" },
        { 11, "s3-bucket-ssl-requests-only", "s3-bucket-ssl-requests-only" },
        { 12, "s3-bucket-server-side-encryption-enabled", "s3-bucket-server-side-encryption-enabled" },
        { 12, "s3-default-encryption-kms", "s3-default-encryption-kms" },
        { 13, "sqs-queue-no-public-access", "sqs-queue-no-public-access" },
    };

    /// <summary>
    /// Every Checkov id the specification's table names, with the control it must resolve to. CKV_AWS_277 (any port open) and
    /// CKV_AWS_72 (sqs:* actions) go to the controls that check exactly that, not to rows 2 and 13.
    /// </summary>
    public static TheoryData<int, string, string> CheckovIds => new()
    {
        { 1, "CKV_AWS_7", "cmk-backing-key-rotation-enabled" },
        { 2, "CKV_AWS_24", "restricted-ssh" },
        { 2, "CKV_AWS_277", "vpc-sg-open-only-to-authorized-ports" },
        { 3, "CKV2_AWS_12", "vpc-default-security-group-closed" },
        { 4, "CKV2_AWS_11", "vpc-flow-logs-enabled" },
        { 5, "CKV_AWS_3", "encrypted-volumes" },
        { 5, "CKV_AWS_189", "encrypted-volumes" },
        { 5, "CKV_AWS_8", "encrypted-volumes" },
        { 6, "CKV_AWS_293", "rds-instance-deletion-protection-enabled" },
        { 6, "CKV_AWS_139", "rds-cluster-deletion-protection-enabled" },
        { 7, "CKV_AWS_20", "s3-bucket-public-read-prohibited" },
        { 7, "CKV_AWS_57", "s3-bucket-public-write-prohibited" },
        { 7, "CKV_AWS_53", "s3-bucket-level-public-access-prohibited" },
        { 7, "CKV_AWS_54", "s3-bucket-level-public-access-prohibited" },
        { 7, "CKV_AWS_55", "s3-bucket-level-public-access-prohibited" },
        { 7, "CKV_AWS_56", "s3-bucket-level-public-access-prohibited" },
        { 7, "CKV2_AWS_6", "s3-bucket-level-public-access-prohibited" },
        { 7, "CKV_AWS_70", "s3-bucket-public-read-prohibited" },
        { 8, "CKV_AWS_37", "eks-cluster-log-enabled" },
        { 9, "CKV_AWS_58", "eks-secrets-encrypted" },
        { 12, "CKV_AWS_19", "s3-bucket-server-side-encryption-enabled" },
        { 12, "CKV_AWS_145", "s3-default-encryption-kms" },
        { 13, "CKV_AWS_168", "sqs-queue-no-public-access" },
        { 13, "CKV_AWS_72", "sqs-queue-policy-full-access-check" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Prowler_ids_resolve_and_severity_matches_the_reference(int row, string controlId, string? prowlerV2, string? prowlerV3, ControlSeverity severity)
    {
        var control = Catalogs.ById(controlId);

        Assert.True(severity == control.Severity, $"row {row}: expected {severity}, got {control.Severity}");
        if (prowlerV3 is null || prowlerV2 is null)
        {
            Assert.Empty(control.Mappings.ProwlerChecks);
            Assert.Empty(control.Mappings.ProwlerLegacyChecks);
            return;
        }

        Assert.Contains(prowlerV3, control.Mappings.ProwlerChecks);
        Assert.Contains(prowlerV2, control.Mappings.ProwlerLegacyChecks);
        Assert.Same(control, Catalogs.Default.Resolve(prowlerV3));
        Assert.Same(control, Catalogs.Default.Resolve(prowlerV2));
    }

    [Theory]
    [MemberData(nameof(ConfigRules))]
    public void Config_rules_resolve_to_the_expected_control(int row, string rule, string expected)
    {
        Assert.True(expected == Catalogs.Default.Resolve(rule)?.Id, $"row {row}: {rule}");
    }

    [Theory]
    [MemberData(nameof(CheckovIds))]
    public void Checkov_ids_resolve_to_the_expected_control(int row, string checkovId, string expected)
    {
        Assert.True(expected == Catalogs.Default.Resolve(checkovId)?.Id, $"row {row}: {checkovId}");
        Assert.Contains(checkovId, Catalogs.ById(expected).Mappings.CheckovIds);
    }

    [Fact]
    public void Row_11_has_no_general_checkov_id()
    {
        Assert.Empty(Catalogs.ById("s3-bucket-ssl-requests-only").Mappings.CheckovIds);
    }

    [Fact]
    public void Row_10_is_not_mapped_to_the_generic_required_tags_rule()
    {
        var control = Catalogs.ById("eks-resources-tagged");

        Assert.Empty(control.Mappings.Aliases());
        Assert.Equal(["AWS::EKS::Cluster", "AWS::EKS::Nodegroup", "AWS::EKS::FargateProfile"], control.ResourceTypes);
        Assert.Null(Catalogs.Default.Resolve("REQUIRED_TAGS"));
        Assert.Null(Catalogs.Default.Resolve("securityhub-required-tags-abc123"));
    }

    [Fact]
    public void The_table_covers_thirteen_controls()
    {
        Assert.Equal(13, Rows.Select(r => (string)r[1]).Distinct(StringComparer.Ordinal).Count());
    }
}
