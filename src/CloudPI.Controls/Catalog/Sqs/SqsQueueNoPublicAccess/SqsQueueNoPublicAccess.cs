using System.Runtime.CompilerServices;
using CloudPI.Controls.Policies;

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
        MandatoryWhenRecommended = true,
        Mappings = new()
        {
            ConfigRules = [new("SQS_QUEUE_NO_PUBLIC_ACCESS", "sqs-queue-no-public-access", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["sqs_queues_not_publicly_accessible"],
            ProwlerLegacyChecks = ["extra727"],
            // Related Checkov check: CKV_AWS_72 (mapped to sqs-queue-policy-full-access-check: it flags sqs:* actions).
            CheckovIds = ["CKV_AWS_168"],
            SecurityHubControls = ["SQS.3"],
        },
    };

    /// <summary>
    /// The statements that make a queue public, whoever evaluates it: <see cref="PublicPolicy"/>'s public statements
    /// that anyone qualifies for. A statement an <c>aws:SourceIp</c> condition limits to fixed ranges grants to fixed
    /// values, which AWS does not count as public; a condition that does not restrict the caller
    /// (<c>aws:SecureTransport</c>) leaves the statement public; a Deny to everyone overrides the Allows it covers.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The policy is not JSON.</exception>
    public static IReadOnlyList<PublicStatement> PublicGrants(string policyJson) =>
        [.. PublicPolicy.PublicStatements(policyJson).Where(statement => statement.IsOpenToEveryone)];

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
