using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Eks;

/// <summary>EKS clusters should run a supported Kubernetes version.</summary>
public static class EksClusterSupportedVersion
{
    public static Control Control { get; } = new()
    {
        Id = "eks-cluster-supported-version",
        Title = "EKS cluster runs an unsupported Kubernetes version",
        Description = "The cluster's Kubernetes version is older than the oldest supported version, so it no longer receives security patches and is moving towards forced upgrade or extended-support charges.",
        Severity = ControlSeverity.High,
        Service = "EKS",
        ResourceTypes = ["AWS::EKS::Cluster"],
        Risk = RiskKind.Hygiene,
        Remediation = "Upgrade the control plane one minor version at a time (aws eks update-cluster-version --name <cluster> --kubernetes-version <version>), then upgrade node groups and add-ons.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("EKS_CLUSTER_SUPPORTED_VERSION", "eks-cluster-supported-version", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("oldestVersionSupported", "String", false),
                    ],
                },
            ],
            ProwlerChecks = ["eks_cluster_uses_a_supported_version"],
            CheckovIds = ["CKV_AWS_339"],
            SecurityHubControls = ["EKS.2"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
