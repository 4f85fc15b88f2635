using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Kms;

/// <summary>Automatic rotation must be enabled for customer managed symmetric KMS keys.</summary>
public static class CmkBackingKeyRotationEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "cmk-backing-key-rotation-enabled",
        Title = "KMS key does not have automatic rotation enabled",
        Description = "Automatic rotation is off for the customer managed symmetric key, so the same key material keeps protecting data indefinitely and a leaked backing key stays useful.",
        Severity = ControlSeverity.Medium,
        Service = "KMS",
        ResourceTypes = ["AWS::KMS::Key"],
        Risk = RiskKind.DataProtection,
        Remediation = "Enable rotation (aws kms enable-key-rotation --key-id <key> [--rotation-period-in-days 365]; Terraform enable_key_rotation = true); asymmetric, HMAC and imported-material keys are out of scope.",
        Mappings = new()
        {
            ConfigRules = [new("CMK_BACKING_KEY_ROTATION_ENABLED", "cmk-backing-key-rotation-enabled", ConfigRuleTrigger.Periodic)],
            ProwlerChecks = ["kms_cmk_rotation_enabled"],
            ProwlerLegacyChecks = ["check28"],
            CheckovIds = ["CKV_AWS_7"],
            SecurityHubControls = ["KMS.4"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
