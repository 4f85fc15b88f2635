namespace CloudPI.Controls.Catalog.Sqs;

/// <summary>SQS queue policies must not grant access to every principal.</summary>
public static class SqsQueueNoPublicAccess
{
    public static Control Control { get; } = new()
    {
        Id = "sqs-queue-no-public-access",
        Title = "SQS queue policy allows public access",
        Description = "The queue policy allows a wildcard principal without a restricting condition, so any AWS account can send, receive or delete its messages.",
        Severity = ControlSeverity.Critical,
        Service = "SQS",
        ResourceTypes = ["AWS::SQS::Queue"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Replace the \"*\" principal with specific accounts, roles or service principals and add aws:SourceArn / aws:SourceAccount conditions for services (aws sqs set-queue-attributes --queue-url <url> --attributes Policy=file://policy.json).",
        Mappings = new()
        {
            ConfigRuleIdentifiers = ["SQS_QUEUE_NO_PUBLIC_ACCESS"],
            ConfigRuleNames = ["sqs-queue-no-public-access"],
            ProwlerChecks = ["sqs_queues_not_publicly_accessible"],
            ProwlerLegacyChecks = ["extra727"],
            // Related Checkov check: CKV_AWS_72 (mapped to sqs-queue-policy-full-access-check: it flags sqs:* actions).
            CheckovIds = ["CKV_AWS_168"],
            SecurityHubControls = ["SQS.3"],
        },
    };
}
