namespace CloudPI.Aws;

public sealed record ComplianceContributorCount
{
    public int CappedCount { get; init; }

    public bool CapExceeded { get; init; }
}

public sealed record Compliance
{
    /// <summary>One of <see cref="ComplianceTypes"/>.</summary>
    public string? ComplianceType { get; init; }

    public ComplianceContributorCount? ComplianceContributorCount { get; init; }
}

public sealed record ComplianceByConfigRule
{
    public string? ConfigRuleName { get; init; }

    public Compliance? Compliance { get; init; }
}

public sealed record DescribeComplianceByConfigRuleRequest
{
    public IReadOnlyList<string>? ConfigRuleNames { get; init; }

    public IReadOnlyList<string>? ComplianceTypes { get; init; }

    public string? NextToken { get; init; }
}

public sealed record DescribeComplianceByConfigRuleResponse
{
    public IReadOnlyList<ComplianceByConfigRule> ComplianceByConfigRules { get; init; } = [];

    public string? NextToken { get; init; }
}

/// <summary>Identifies one rule × resource evaluation.</summary>
public sealed record EvaluationResultQualifier
{
    public string? ConfigRuleName { get; init; }

    public string? ResourceType { get; init; }

    public string? ResourceId { get; init; }

    public string? EvaluationMode { get; init; }
}

public sealed record EvaluationResultIdentifier
{
    public EvaluationResultQualifier? EvaluationResultQualifier { get; init; }

    public DateTimeOffset? OrderingTimestamp { get; init; }

    public string? ResourceEvaluationId { get; init; }
}

public sealed record EvaluationResult
{
    public EvaluationResultIdentifier? EvaluationResultIdentifier { get; init; }

    /// <summary>Never INSUFFICIENT_DATA for a single evaluation.</summary>
    public string? ComplianceType { get; init; }

    public DateTimeOffset? ResultRecordedTime { get; init; }

    public DateTimeOffset? ConfigRuleInvokedTime { get; init; }

    public string? Annotation { get; init; }

    public string? ResultToken { get; init; }
}

public sealed record GetComplianceDetailsByConfigRuleRequest
{
    public required string ConfigRuleName { get; init; }

    /// <summary>COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE (INSUFFICIENT_DATA is not a usable filter).</summary>
    public IReadOnlyList<string>? ComplianceTypes { get; init; }

    /// <summary>Page size, 0..100 (service default 10).</summary>
    public int? Limit { get; init; }

    public string? NextToken { get; init; }
}

public sealed record GetComplianceDetailsByConfigRuleResponse
{
    public IReadOnlyList<EvaluationResult> EvaluationResults { get; init; } = [];

    public string? NextToken { get; init; }
}

public static class ComplianceTypes
{
    public const string Compliant = "COMPLIANT";
    public const string NonCompliant = "NON_COMPLIANT";
    public const string NotApplicable = "NOT_APPLICABLE";
    public const string InsufficientData = "INSUFFICIENT_DATA";
}
