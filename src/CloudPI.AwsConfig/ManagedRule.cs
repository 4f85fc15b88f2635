using System.Text.Json;
using CloudPI.Aws;
using CloudPI.Controls;

namespace CloudPI.AwsConfig;

/// <summary>
/// One AWS Config managed rule as CloudPI deploys it: its conventional name, identifier, evaluated resource types,
/// trigger and parameters (a control's <see cref="ConfigManagedRule"/> on the control's resource types).
/// </summary>
public sealed record ManagedRule
{
    public const string AccountResourceType = "AWS::::Account";

    /// <summary>The conventional ConfigRuleName (restricted-ssh for INCOMING_SSH_DISABLED).</summary>
    public required string Name { get; init; }

    /// <summary>The managed-rule identifier, <c>Source.SourceIdentifier</c>.</summary>
    public required string Identifier { get; init; }

    public required IReadOnlyList<string> ResourceTypes { get; init; }

    public required ConfigRuleTrigger Trigger { get; init; }

    public IReadOnlyList<ConfigRuleParameter> Parameters { get; init; } = [];

    /// <summary>The first required parameter without a default: the rule cannot be deployed without a value for it.</summary>
    public ConfigRuleParameter? MissingRequiredParameter => Parameters.FirstOrDefault(p => !p.Optional && p.Default is null);

    /// <summary>
    /// The rule to put: Scope.ComplianceResourceTypes for change-triggered rules on resources (account-level rules
    /// get none), a 24-hour MaximumExecutionFrequency for periodic ones, and every parameter that has a default, as
    /// strings inside a JSON string (as Config takes them, whatever their declared type).
    /// </summary>
    public ConfigRule ToConfigRule()
    {
        var scopedTypes = ResourceTypes.Where(t => t != AccountResourceType).ToList();
        return new ConfigRule
        {
            ConfigRuleName = Name,
            Source = new Source { Owner = ConfigRuleOwners.Aws, SourceIdentifier = Identifier },
            Scope = Trigger.HasFlag(ConfigRuleTrigger.ConfigurationChange) && scopedTypes.Count > 0 ? new Scope { ComplianceResourceTypes = scopedTypes } : null,
            MaximumExecutionFrequency = Trigger.HasFlag(ConfigRuleTrigger.Periodic) ? MaximumExecutionFrequencies.TwentyFourHours : null,
            InputParameters = DefaultInputParameters(),
        };
    }

    private string? DefaultInputParameters()
    {
        var defaults = Parameters.Where(p => p.Default is not null).ToList();
        if (defaults.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var parameter in defaults)
            {
                json.WriteString(parameter.Name, parameter.Default);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
