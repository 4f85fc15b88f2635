namespace CloudPI.Controls;

/// <summary>
/// An AWS Config managed rule that decides a control, with what deploying it takes: its identifier
/// (<c>Source.SourceIdentifier</c>), its conventional rule name, when Config runs it and its parameters. It evaluates
/// the control's resource types.
/// </summary>
public sealed record ConfigManagedRule(string Identifier, string Name, ConfigRuleTrigger Trigger)
{
    public IReadOnlyList<ConfigRuleParameter> Parameters { get; init; } = [];
}

/// <summary>When Config runs a managed rule: on configuration changes, on a schedule, or both.</summary>
[Flags]
public enum ConfigRuleTrigger
{
    ConfigurationChange = 1,
    Periodic = 2,
}

/// <summary>A managed rule's input parameter as AWS documents it; a <paramref name="Default"/> is what CloudPI deploys.</summary>
public sealed record ConfigRuleParameter(string Name, string Type, bool Optional, string? Default = null);
