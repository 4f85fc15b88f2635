using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Eks;

/// <summary>
/// EKS clusters, node groups and Fargate profiles must carry the required tags (preventive control #10). No Prowler check
/// exists for it, and Config's REQUIRED_TAGS rule is generic across resource types, so it is deliberately not an alias here.
/// </summary>
public static class EksResourcesTagged
{
    public static Control Control { get; } = new()
    {
        Id = "eks-resources-tagged",
        Title = "EKS resource is missing required tags",
        Description = "An EKS cluster, node group or Fargate profile lacks one of the required tag keys (or has an empty value) in its effective tags, so ownership, environment and cost allocation cannot be established for it.",
        Severity = ControlSeverity.Low,
        Service = "EKS",
        ResourceTypes = ["AWS::EKS::Cluster", "AWS::EKS::Nodegroup", "AWS::EKS::FargateProfile"],
        Risk = RiskKind.Hygiene,
        Remediation = "Add the required tags to the resource or to the provider's default tags (aws eks tag-resource --resource-arn <arn> --tags Name=<name>,env=<env>; Terraform default_tags or tags on aws_eks_cluster, aws_eks_node_group and aws_eks_fargate_profile).",
        // No aliases: Config's REQUIRED_TAGS / required-tags rule checks any resource type, so mapping it here would claim
        // every required-tags finding for EKS.
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
