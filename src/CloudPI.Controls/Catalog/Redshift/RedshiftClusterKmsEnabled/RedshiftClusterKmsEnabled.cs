using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Redshift;

/// <summary>Redshift clusters must be encrypted at rest with a KMS key (optionally one of the listed keys).</summary>
public static class RedshiftClusterKmsEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "redshift-cluster-kms-enabled",
        Title = "Redshift cluster is not encrypted with a KMS key",
        Description = "The cluster is not encrypted with an AWS KMS key (or not with one of the approved keys), so its data blocks and snapshots lack key-controlled encryption at rest.",
        Severity = ControlSeverity.Medium,
        Service = "Redshift",
        ResourceTypes = ["AWS::Redshift::Cluster"],
        Risk = RiskKind.DataProtection,
        Remediation = "Enable KMS encryption on the cluster (aws redshift modify-cluster --cluster-identifier <cluster> --encrypted --kms-key-id <key>; Terraform encrypted = true and kms_key_id).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("REDSHIFT_CLUSTER_KMS_ENABLED", "redshift-cluster-kms-enabled", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("kmsKeyArns", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["redshift_cluster_encrypted_at_rest"],
            CheckovIds = ["CKV_AWS_142", "CKV_AWS_64"],
            SecurityHubControls = ["Redshift.10"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
