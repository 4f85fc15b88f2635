using System.Collections.Frozen;

namespace CloudPI.Controls;

/// <summary>
/// Every control CloudPI knows, and the lookup from any tool's name for a control (our id, an AWS Config managed-rule
/// identifier or rule name, a Prowler check id old or new, a Checkov id) to the control.
/// </summary>
public sealed class ControlCatalog
{
    private readonly FrozenDictionary<string, Control> _byAlias;

    public ControlCatalog(IEnumerable<Control> controls)
    {
        ArgumentNullException.ThrowIfNull(controls);
        Controls = controls.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var byAlias = new Dictionary<string, Control>(StringComparer.OrdinalIgnoreCase);
        foreach (var control in Controls)
        {
            foreach (var alias in control.Mappings.Aliases().Prepend(control.Id).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!byAlias.TryAdd(alias, control) && byAlias[alias] != control)
                {
                    throw new ArgumentException($"control alias '{alias}' is claimed by both {byAlias[alias].Id} and {control.Id}");
                }
            }
        }

        _byAlias = byAlias.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The built-in catalog.</summary>
    public static ControlCatalog Default { get; } = new(BuiltInControls.All);

    public IReadOnlyList<Control> Controls { get; }

    /// <summary>
    /// Finds the control a finding type names. Renamed Config rules (Security Hub prefixes
    /// <c>securityhub-restricted-ssh-1a2b3c</c>, conformance packs append suffixes) are matched by the rule name they contain.
    /// </summary>
    public Control? Resolve(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var trimmed = type.Trim();
        return _byAlias.GetValueOrDefault(trimmed) ?? ResolveRenamedConfigRule(trimmed);
    }

    public Control? FindByConfigRuleIdentifier(string identifier) =>
        Controls.FirstOrDefault(c => c.Mappings.ConfigRuleIdentifiers.Contains(identifier, StringComparer.Ordinal));

    private Control? ResolveRenamedConfigRule(string ruleName) =>
        Controls
            .SelectMany(c => c.Mappings.ConfigRuleNames.Select(name => (Control: c, Name: name)))
            .Where(x => ruleName.Contains(x.Name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Name.Length) // the most specific name wins: restricted-ssh over a shorter one
            .Select(x => x.Control)
            .FirstOrDefault();
}
