using System.Text.Json;
using CloudPI.Aws;

namespace CloudPI.AwsConfig;

public enum RuleAction
{
    /// <summary>No rule with the identifier: put it under its conventional name.</summary>
    Create,

    /// <summary>Our rule (conventional name, same identifier) differs in scope, frequency or parameters: put it again.</summary>
    Update,

    /// <summary>Our rule is already as it should be.</summary>
    Unchanged,

    /// <summary>Another rule (Security Hub, a conformance pack) already runs the identifier: left alone.</summary>
    Covered,

    /// <summary>A rule with the conventional name runs another identifier: left alone rather than overwritten.</summary>
    NameTaken,
}

/// <summary>What to do about one managed rule in one region. <see cref="ExistingRuleName"/> names the rule found there.</summary>
public sealed record PlannedRule(RuleAction Action, ManagedRule Rule, ConfigRule Desired, string? ExistingRuleName)
{
    public bool NeedsPut => Action is RuleAction.Create or RuleAction.Update;

    /// <summary>The rule to evaluate after deployment: ours, or the one that covers the identifier.</summary>
    public string? EvaluatedRuleName => Action == RuleAction.NameTaken ? null : ExistingRuleName ?? Desired.ConfigRuleName;
}

/// <summary>The deployment of the managed rules in scope to one region, decided against the rules already there.</summary>
public sealed record RegionDeploymentPlan(string Region, IReadOnlyList<PlannedRule> Rules)
{
    /// <summary>
    /// PutConfigRule is idempotent by name, so a rule is matched by identifier first: a rule of ours is compared
    /// (update only if different), any other rule with the identifier covers it and is left alone.
    /// </summary>
    public static RegionDeploymentPlan Create(string region, IEnumerable<ManagedRule> rules, IReadOnlyList<ConfigRule> existing)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(existing);
        return new RegionDeploymentPlan(region, rules.Select(rule => Decide(rule, existing)).ToList());
    }

    private static PlannedRule Decide(ManagedRule rule, IReadOnlyList<ConfigRule> existing)
    {
        var desired = rule.ToConfigRule();
        var sameIdentifier = existing
            .Where(r => r.Source?.Owner == ConfigRuleOwners.Aws && r.Source.SourceIdentifier == rule.Identifier)
            .OrderBy(r => r.ConfigRuleName, StringComparer.Ordinal)
            .ToList();
        var ours = sameIdentifier.FirstOrDefault(r => r.ConfigRuleName == rule.Name);
        if (ours is not null)
        {
            return new PlannedRule(IsSame(ours, desired) ? RuleAction.Unchanged : RuleAction.Update, rule, desired, ours.ConfigRuleName);
        }

        if (sameIdentifier.Count > 0)
        {
            return new PlannedRule(RuleAction.Covered, rule, desired, sameIdentifier[0].ConfigRuleName);
        }

        var nameTaken = existing.FirstOrDefault(r => r.ConfigRuleName == rule.Name);
        return nameTaken is null
            ? new PlannedRule(RuleAction.Create, rule, desired, null)
            : new PlannedRule(RuleAction.NameTaken, rule, desired, nameTaken.ConfigRuleName);
    }

    private static bool IsSame(ConfigRule existing, ConfigRule desired) =>
        SameSet(existing.Scope?.ComplianceResourceTypes, desired.Scope?.ComplianceResourceTypes)
        && existing.MaximumExecutionFrequency == desired.MaximumExecutionFrequency
        && SameParameters(existing.InputParameters, desired.InputParameters);

    private static bool SameSet(IReadOnlyList<string>? left, IReadOnlyList<string>? right) =>
        (left ?? []).ToHashSet(StringComparer.Ordinal).SetEquals(right ?? []);

    /// <summary>InputParameters is a JSON string: compare its members, not its spelling (order, spaces).</summary>
    private static bool SameParameters(string? left, string? right)
    {
        var leftMembers = ParameterMembers(left);
        var rightMembers = ParameterMembers(right);
        return leftMembers.Count == rightMembers.Count && leftMembers.All(m => rightMembers.TryGetValue(m.Key, out var value) && value == m.Value);
    }

    private static Dictionary<string, string> ParameterMembers(string? inputParameters)
    {
        if (string.IsNullOrWhiteSpace(inputParameters))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(inputParameters);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
                : new Dictionary<string, string> { [string.Empty] = inputParameters };
        }
        catch (JsonException)
        {
            // Unreadable parameters never equal ours: the rule is put again.
            return new Dictionary<string, string> { [string.Empty] = inputParameters };
        }
    }
}
