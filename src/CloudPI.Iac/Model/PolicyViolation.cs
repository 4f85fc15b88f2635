namespace CloudPI.Iac.Model;

/// <summary>A CrossGuard violation taken from a streaming engine event's <c>policyEvent</c>.</summary>
public sealed record PolicyViolation(
    string ResourceUrn,
    string PolicyPackName,
    string PolicyName,
    string Message,
    string EnforcementLevel,
    string? Severity)
{
    /// <summary>The Dracon issue type and SARIF rule id: <c>crossguard:&lt;pack&gt;/&lt;policy&gt;</c>.</summary>
    public string RuleId => $"crossguard:{PolicyPackName}/{PolicyName}";

    /// <summary>Whether it blocks <c>pulumi up</c>: <c>mandatory</c>, or <c>remediate</c> that still failed.</summary>
    public bool IsMandatory => EnforcementLevel is "mandatory" or "remediate";
}
