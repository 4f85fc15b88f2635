using CloudPI.Aws;
using CloudPI.Controls;

namespace CloudPI.AwsConfig;

/// <summary>
/// Finds the control a Config rule implements. A described rule is matched by its managed-rule identifier
/// (<c>Source.SourceIdentifier</c>), never by name: Security Hub, conformance packs and Control Tower rename rules.
/// When only the name is known (CLI output, aggregators), the name is resolved through the catalog, which also
/// recognises renamed rules such as <c>securityhub-restricted-ssh-1a2b3c</c>.
/// </summary>
public sealed class ConfigRuleResolver(ControlCatalog catalog)
{
    public ControlCatalog Catalog { get; } = catalog ?? throw new ArgumentNullException(nameof(catalog));

    /// <summary>The control, or null for a custom rule (Lambda, Guard policy) or a managed rule the catalog lacks.</summary>
    public Control? Resolve(string ruleName, Source? source)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        if (source is null)
        {
            return Catalog.Resolve(ruleName);
        }

        return source.Owner == ConfigRuleOwners.Aws && source.SourceIdentifier is { } identifier
            ? Catalog.FindByConfigRuleIdentifier(identifier)
            : null;
    }
}
