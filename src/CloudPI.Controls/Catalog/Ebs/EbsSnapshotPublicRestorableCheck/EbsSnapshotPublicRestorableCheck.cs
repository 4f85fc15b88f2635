using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ebs;

/// <summary>EBS snapshots must not be restorable by every AWS account.</summary>
public static class EbsSnapshotPublicRestorableCheck
{
    public static Control Control { get; } = new()
    {
        Id = "ebs-snapshot-public-restorable-check",
        Title = "EBS snapshot is publicly restorable",
        Description = "An EBS snapshot grants createVolumePermission to all AWS accounts, so anyone can create a volume from it and read the full disk contents, including secrets and databases.",
        Severity = ControlSeverity.Critical,
        Service = "EBS",
        ResourceTypes = ["AWS::::Account"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Remove the public permission (aws ec2 modify-snapshot-attribute --snapshot-id <snap> --attribute createVolumePermission --operation-type remove --group-names all) and enable block public access for EBS snapshots in each region.",
        Mappings = new()
        {
            ConfigRules = [new("EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK", "ebs-snapshot-public-restorable-check", ConfigRuleTrigger.Periodic)],
            ProwlerChecks = ["ec2_ebs_public_snapshot"],
            ProwlerLegacyChecks = ["extra72"],
            SecurityHubControls = ["EC2.1"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
