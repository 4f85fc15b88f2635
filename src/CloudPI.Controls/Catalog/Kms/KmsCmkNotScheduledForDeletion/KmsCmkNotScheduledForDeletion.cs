using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Kms;

/// <summary>Customer managed KMS keys should not be scheduled for deletion unintentionally.</summary>
public static class KmsCmkNotScheduledForDeletion
{
    public static Control Control { get; } = new()
    {
        Id = "kms-cmk-not-scheduled-for-deletion",
        Title = "KMS key is scheduled for deletion",
        Description = "The customer managed key is pending deletion; once the waiting period ends, every ciphertext and encrypted resource that depends on it becomes permanently unreadable.",
        Severity = ControlSeverity.Critical,
        Service = "KMS",
        ResourceTypes = ["AWS::KMS::Key"],
        Risk = RiskKind.Availability,
        Remediation = "If the deletion was not intended, cancel it (aws kms cancel-key-deletion --key-id <key>) and re-enable the key (aws kms enable-key); restrict kms:ScheduleKeyDeletion to key administrators.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("KMS_CMK_NOT_SCHEDULED_FOR_DELETION", "kms-cmk-not-scheduled-for-deletion", ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("kmsKeyIds", "String", true),
                    ],
                },
            ],
            ProwlerChecks = ["kms_cmk_not_deleted_unintentionally"],
            SecurityHubControls = ["KMS.3"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
