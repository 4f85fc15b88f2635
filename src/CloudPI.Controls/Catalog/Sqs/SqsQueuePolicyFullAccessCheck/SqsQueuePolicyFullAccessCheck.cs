using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Sqs;

/// <summary>SQS queue policies must not grant full access (sqs:*) to principals.</summary>
public static class SqsQueuePolicyFullAccessCheck
{
    public static Control Control { get; } = new()
    {
        Id = "sqs-queue-policy-full-access-check",
        Title = "SQS queue policy grants full access",
        Description = "The queue policy allows sqs:* (every queue action), so the granted principals can also change the queue's policy and attributes or delete it, not just exchange messages.",
        Severity = ControlSeverity.Medium,
        Service = "SQS",
        ResourceTypes = ["AWS::SQS::Queue"],
        Risk = RiskKind.PrivilegeExposure,
        Remediation = "Replace sqs:* with the specific actions each principal needs (for example sqs:SendMessage for producers, sqs:ReceiveMessage and sqs:DeleteMessage for consumers) and update the policy with aws sqs set-queue-attributes.",
        Mappings = new()
        {
            ConfigRules = [new("SQS_QUEUE_POLICY_FULL_ACCESS_CHECK", "sqs-queue-policy-full-access-check", ConfigRuleTrigger.ConfigurationChange)],
            CheckovIds = ["CKV_AWS_72"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
