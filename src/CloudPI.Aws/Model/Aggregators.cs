namespace CloudPI.Aws;

// Aggregator operations run in the aggregator's account and region.

public sealed record AccountAggregationSource
{
    public IReadOnlyList<string>? AccountIds { get; init; }

    public bool? AllAwsRegions { get; init; }

    public IReadOnlyList<string>? AwsRegions { get; init; }
}

public sealed record OrganizationAggregationSource
{
    public string? RoleArn { get; init; }

    public IReadOnlyList<string>? AwsRegions { get; init; }

    public bool? AllAwsRegions { get; init; }
}

public sealed record ConfigurationAggregator
{
    public string? ConfigurationAggregatorName { get; init; }

    public string? ConfigurationAggregatorArn { get; init; }

    public IReadOnlyList<AccountAggregationSource>? AccountAggregationSources { get; init; }

    public OrganizationAggregationSource? OrganizationAggregationSource { get; init; }

    public DateTimeOffset? CreationTime { get; init; }

    public DateTimeOffset? LastUpdatedTime { get; init; }

    public string? CreatedBy { get; init; }
}

public sealed record DescribeConfigurationAggregatorsRequest
{
    public IReadOnlyList<string>? ConfigurationAggregatorNames { get; init; }

    public string? NextToken { get; init; }

    public int? Limit { get; init; }
}

public sealed record DescribeConfigurationAggregatorsResponse
{
    public IReadOnlyList<ConfigurationAggregator> ConfigurationAggregators { get; init; } = [];

    public string? NextToken { get; init; }
}

public sealed record ConfigRuleComplianceFilters
{
    public string? ConfigRuleName { get; init; }

    public string? ComplianceType { get; init; }

    public string? AccountId { get; init; }

    public string? AwsRegion { get; init; }
}

public sealed record AggregateComplianceByConfigRule
{
    public string? ConfigRuleName { get; init; }

    public Compliance? Compliance { get; init; }

    public string? AccountId { get; init; }

    public string? AwsRegion { get; init; }
}

public sealed record DescribeAggregateComplianceByConfigRulesRequest
{
    public required string ConfigurationAggregatorName { get; init; }

    public ConfigRuleComplianceFilters? Filters { get; init; }

    public int? Limit { get; init; }

    public string? NextToken { get; init; }
}

/// <summary>A page may be empty and still carry a NextToken.</summary>
public sealed record DescribeAggregateComplianceByConfigRulesResponse
{
    public IReadOnlyList<AggregateComplianceByConfigRule> AggregateComplianceByConfigRules { get; init; } = [];

    public string? NextToken { get; init; }
}

public sealed record AggregateEvaluationResult
{
    public EvaluationResultIdentifier? EvaluationResultIdentifier { get; init; }

    public string? ComplianceType { get; init; }

    public DateTimeOffset? ResultRecordedTime { get; init; }

    public DateTimeOffset? ConfigRuleInvokedTime { get; init; }

    public string? Annotation { get; init; }

    public string? AccountId { get; init; }

    public string? AwsRegion { get; init; }
}

public sealed record GetAggregateComplianceDetailsByConfigRuleRequest
{
    public required string ConfigurationAggregatorName { get; init; }

    public required string ConfigRuleName { get; init; }

    public required string AccountId { get; init; }

    public required string AwsRegion { get; init; }

    public string? ComplianceType { get; init; }

    public int? Limit { get; init; }

    public string? NextToken { get; init; }
}

public sealed record GetAggregateComplianceDetailsByConfigRuleResponse
{
    public IReadOnlyList<AggregateEvaluationResult> AggregateEvaluationResults { get; init; } = [];

    public string? NextToken { get; init; }
}
