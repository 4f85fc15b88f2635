using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ec2;

/// <summary>Managed instances must be compliant with their Patch Manager baseline.</summary>
public static class Ec2ManagedinstancePatchComplianceStatusCheck
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-managedinstance-patch-compliance-status-check",
        Title = "Managed instance is missing required patches",
        Description = "Patch Manager reports the managed instance as non-compliant with its patch baseline, so known vulnerabilities that have fixes remain exploitable on it.",
        Severity = ControlSeverity.High,
        Service = "EC2",
        ResourceTypes = ["AWS::SSM::PatchCompliance"],
        Risk = RiskKind.Hygiene,
        Remediation = "Run AWS-RunPatchBaseline with Operation=Install on the instance (a Patch Manager patch policy or maintenance window), reboot if required, and check that the baseline's approval rules cover the missing patches.",
        Mappings = new()
        {
            ConfigRules = [new("EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK", "ec2-managedinstance-patch-compliance-status-check", ConfigRuleTrigger.ConfigurationChange)],
            // The Config catalogue marks the Prowler mapping unconfirmed; ssm_managed_compliant_patching reads the same Patch Manager compliance data.
            ProwlerChecks = ["ssm_managed_compliant_patching"],
            ProwlerLegacyChecks = ["extra7127"],
            SecurityHubControls = ["SSM.2"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
