namespace CloudPI.Aws;

// Shapes of the rule operations (botocore config 2014-11-12). Enum-valued members stay strings so values AWS adds
// later do not break deserialization; the constants classes name the values CloudPI uses.

/// <summary>A Config rule. <see cref="ConfigRuleArn"/>, <see cref="ConfigRuleId"/> and <see cref="CreatedBy"/> are output only.</summary>
public sealed record ConfigRule
{
    public string? ConfigRuleName { get; init; }

    public string? ConfigRuleArn { get; init; }

    public string? ConfigRuleId { get; init; }

    public string? Description { get; init; }

    public Scope? Scope { get; init; }

    /// <summary>Required when putting a rule.</summary>
    public Source? Source { get; init; }

    /// <summary>A string holding a JSON object whose values are strings, even for int, bool and CSV parameters.</summary>
    public string? InputParameters { get; init; }

    /// <summary>One of <see cref="MaximumExecutionFrequencies"/>; periodic rules only.</summary>
    public string? MaximumExecutionFrequency { get; init; }

    public string? ConfigRuleState { get; init; }

    public string? CreatedBy { get; init; }

    public IReadOnlyList<EvaluationModeConfiguration>? EvaluationModes { get; init; }

    public string? RuleEvaluationVisibility { get; init; }
}

public sealed record Scope
{
    public IReadOnlyList<string>? ComplianceResourceTypes { get; init; }

    public string? TagKey { get; init; }

    public string? TagValue { get; init; }

    public string? ComplianceResourceId { get; init; }

    public IReadOnlyList<string>? ServicePrincipals { get; init; }
}

public sealed record Source
{
    /// <summary>One of <see cref="ConfigRuleOwners"/>.</summary>
    public string? Owner { get; init; }

    /// <summary>The managed-rule identifier, e.g. INCOMING_SSH_DISABLED.</summary>
    public string? SourceIdentifier { get; init; }

    /// <summary>Must be empty for managed rules.</summary>
    public IReadOnlyList<SourceDetail>? SourceDetails { get; init; }

    public CustomPolicyDetails? CustomPolicyDetails { get; init; }
}

public sealed record SourceDetail
{
    public string? EventSource { get; init; }

    public string? MessageType { get; init; }

    public string? MaximumExecutionFrequency { get; init; }
}

public sealed record CustomPolicyDetails
{
    public string? PolicyRuntime { get; init; }

    public string? PolicyText { get; init; }

    public bool? EnableDebugLogDelivery { get; init; }
}

public sealed record EvaluationModeConfiguration
{
    /// <summary>DETECTIVE or PROACTIVE.</summary>
    public string? Mode { get; init; }
}

public sealed record Tag
{
    public required string Key { get; init; }

    public string? Value { get; init; }
}

public sealed record DescribeConfigRulesFilters
{
    public string? EvaluationMode { get; init; }

    public string? RuleEvaluationVisibility { get; init; }
}

public sealed record DescribeConfigRulesRequest
{
    /// <summary>At most 25 names; none lists every rule.</summary>
    public IReadOnlyList<string>? ConfigRuleNames { get; init; }

    public DescribeConfigRulesFilters? Filters { get; init; }

    public string? NextToken { get; init; }
}

public sealed record DescribeConfigRulesResponse
{
    public IReadOnlyList<ConfigRule> ConfigRules { get; init; } = [];

    public string? NextToken { get; init; }
}

public sealed record PutConfigRuleRequest
{
    public required ConfigRule ConfigRule { get; init; }

    /// <summary>Applied when the rule is created only.</summary>
    public IReadOnlyList<Tag>? Tags { get; init; }
}

public sealed record DeleteConfigRuleRequest
{
    public required string ConfigRuleName { get; init; }
}

public sealed record StartConfigRulesEvaluationRequest
{
    /// <summary>1 to 25 names.</summary>
    public required IReadOnlyList<string> ConfigRuleNames { get; init; }
}

public static class ConfigRuleOwners
{
    public const string Aws = "AWS";
    public const string CustomLambda = "CUSTOM_LAMBDA";
    public const string CustomPolicy = "CUSTOM_POLICY";
}

public static class MaximumExecutionFrequencies
{
    public const string OneHour = "One_Hour";
    public const string ThreeHours = "Three_Hours";
    public const string SixHours = "Six_Hours";
    public const string TwelveHours = "Twelve_Hours";
    public const string TwentyFourHours = "TwentyFour_Hours";
}
