using CloudPI.Aws;

namespace CloudPI.AwsConfig;

/// <summary>
/// One AWS Config evaluation of one resource by one rule, whichever way it was read (the API of one account, an
/// aggregator, or CLI output on disk), with where the resource lives.
/// </summary>
public sealed record ConfigEvaluation
{
    public required string ConfigRuleName { get; init; }

    /// <summary>CloudFormation type as Config reports it, e.g. AWS::EC2::SecurityGroup or AWS::::Account.</summary>
    public required string ResourceType { get; init; }

    public required string ResourceId { get; init; }

    /// <summary>COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE (see <see cref="ComplianceTypes"/>).</summary>
    public required string ComplianceType { get; init; }

    /// <summary>DETECTIVE or PROACTIVE; null when the source did not say (DETECTIVE is the default).</summary>
    public string? EvaluationMode { get; init; }

    public string? AccountId { get; init; }

    public string? Region { get; init; }

    public string? Annotation { get; init; }

    public DateTimeOffset? ConfigRuleInvokedTime { get; init; }

    public DateTimeOffset? ResultRecordedTime { get; init; }

    /// <summary>The rule's source when the rule was described (live reads); null when only its name is known (files, aggregators).</summary>
    public Source? RuleSource { get; init; }

    /// <summary>The ARN Config itself reports for the resource (BatchGetResourceConfig), for types whose ARN cannot be built from the id.</summary>
    public string? ReportedArn { get; init; }

    public bool IsNonCompliant => ComplianceType == ComplianceTypes.NonCompliant;

    /// <summary>PROACTIVE results describe resources not yet provisioned: not findings about the account.</summary>
    public bool IsProactive => EvaluationMode == "PROACTIVE";

    /// <summary>
    /// Builds an evaluation from an API result of a NON_COMPLIANT listing (so a result without a compliance type is
    /// taken as NON_COMPLIANT); null when the result lacks the rule × resource identity.
    /// </summary>
    public static ConfigEvaluation? FromApi(
        EvaluationResultIdentifier? identifier, string? complianceType, string? annotation,
        DateTimeOffset? invokedTime, DateTimeOffset? recordedTime, string? accountId, string? region)
    {
        var qualifier = identifier?.EvaluationResultQualifier;
        if (qualifier?.ConfigRuleName is null || qualifier.ResourceType is null || qualifier.ResourceId is null)
        {
            return null;
        }

        return new ConfigEvaluation
        {
            ConfigRuleName = qualifier.ConfigRuleName,
            ResourceType = qualifier.ResourceType,
            ResourceId = qualifier.ResourceId,
            EvaluationMode = qualifier.EvaluationMode,
            ComplianceType = complianceType ?? ComplianceTypes.NonCompliant,
            Annotation = annotation,
            ConfigRuleInvokedTime = invokedTime,
            ResultRecordedTime = recordedTime,
            AccountId = accountId,
            Region = region,
        };
    }
}
