using CloudPI.Controls;

namespace CloudPI.AwsConfig;

/// <summary>The managed rules of the catalog's controls (each control's metadata names its own), in catalog order.</summary>
public static class ManagedRuleData
{
    public static IReadOnlyList<ManagedRule> All { get; } = Of(ControlCatalog.Default);

    public static ManagedRule? Find(string identifier) => All.FirstOrDefault(rule => rule.Identifier == identifier);

    public static IReadOnlyList<ManagedRule> Of(ControlCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Controls.SelectMany(control => control.Mappings.ConfigRules.Select(rule => new ManagedRule
        {
            Name = rule.Name,
            Identifier = rule.Identifier,
            ResourceTypes = control.ResourceTypes,
            Trigger = rule.Trigger,
            Parameters = rule.Parameters,
        }))];
    }
}
