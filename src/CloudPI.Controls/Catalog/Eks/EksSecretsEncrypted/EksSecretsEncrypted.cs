using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Eks;

/// <summary>
/// EKS clusters should envelope-encrypt Kubernetes secrets with a KMS key. Covers both managed-rule variants:
/// EKS_SECRETS_ENCRYPTED (periodic) and EKS_CLUSTER_SECRETS_ENCRYPTED.
/// </summary>
public static class EksSecretsEncrypted
{
    public static Control Control { get; } = new()
    {
        Id = "eks-secrets-encrypted",
        Title = "EKS cluster does not encrypt Kubernetes secrets with KMS",
        Description = "The cluster has no encryption configuration for the secrets resource, so Kubernetes secrets in etcd are protected only by the default storage encryption, without a customer managed KMS key.",
        Severity = ControlSeverity.Medium,
        Service = "EKS",
        ResourceTypes = ["AWS::EKS::Cluster"],
        Risk = RiskKind.DataProtection,
        Remediation = "Associate a KMS key for secrets (aws eks associate-encryption-config --cluster-name <cluster> --encryption-config '[{\"resources\":[\"secrets\"],\"provider\":{\"keyArn\":\"<key-arn>\"}}]'; Terraform encryption_config { resources = [\"secrets\"] }).",
        Mappings = new()
        {
            ConfigRules =
            [
                new("EKS_SECRETS_ENCRYPTED", "eks-secrets-encrypted", ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("kmsKeyArns", "CSV", true),
                    ],
                },
                new("EKS_CLUSTER_SECRETS_ENCRYPTED", "eks-cluster-secrets-encrypted", ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("kmsKeyArns", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["eks_cluster_kms_cmk_encryption_in_secrets_enabled"],
            ProwlerLegacyChecks = ["extra797"],
            CheckovIds = ["CKV_AWS_58"],
            SecurityHubControls = ["EKS.3"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
