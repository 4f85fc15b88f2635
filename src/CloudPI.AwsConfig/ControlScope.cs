using CloudPI.Aws;
using CloudPI.Controls;

namespace CloudPI.AwsConfig;

/// <summary>
/// Which controls and rules a run covers: the catalog's controls, optionally only those of some services
/// (<c>--services</c>), and optionally also the rules the catalog does not know (<c>--all-rules</c>).
/// Service names are the controls' services in lower case with spaces as hyphens (ebs, ec2, ecs, eks, kms, lambda,
/// rds, redshift, s3, security-group, sqs, vpc); <c>ec2</c> also covers ebs and security-group, which are EC2 APIs.
/// </summary>
public sealed class ControlScope
{
    private static readonly Dictionary<string, string[]> ServiceUmbrellas = new(StringComparer.Ordinal)
    {
        ["ec2"] = ["ec2", "ebs", "security-group"],
    };

    private readonly IReadOnlySet<string>? _services;

    /// <param name="services">Service names to keep; null or empty keeps every service.</param>
    /// <param name="includeUnknownRules">Also read rules outside the catalog (custom rules, other managed rules).</param>
    public ControlScope(ConfigRuleResolver rules, IEnumerable<string>? services = null, bool includeUnknownRules = false)
    {
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        IncludeUnknownRules = includeUnknownRules;
        var requested = services?.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).ToList() ?? [];
        var known = KnownServices(rules.Catalog);
        var unknown = requested.Where(s => !known.Contains(s) && !ServiceUmbrellas.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown service '{unknown[0]}': expected one of {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }

        _services = requested.Count == 0 ? null : requested.SelectMany(s => ServiceUmbrellas.GetValueOrDefault(s) ?? [s]).ToHashSet(StringComparer.Ordinal);
    }

    public ConfigRuleResolver Rules { get; }

    public bool IncludeUnknownRules { get; }

    public static string ServiceKey(Control control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return control.Service.ToLowerInvariant().Replace(' ', '-');
    }

    public bool Includes(Control control) => _services is null || _services.Contains(ServiceKey(control));

    /// <summary>Whether a rule is read: its control is in scope, or it is unknown and unknown rules are wanted.</summary>
    public bool Includes(string ruleName, Source? source)
    {
        var control = Rules.Resolve(ruleName, source);
        return control is null ? IncludeUnknownRules : Includes(control);
    }

    /// <summary>The managed rules to deploy: those of the controls in scope, in catalog-data order.</summary>
    public IEnumerable<ManagedRule> ManagedRules(IEnumerable<ManagedRule> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Where(rule => Rules.Catalog.FindByConfigRuleIdentifier(rule.Identifier) is { } control && Includes(control));
    }

    private static HashSet<string> KnownServices(ControlCatalog catalog) =>
        catalog.Controls.Select(ServiceKey).ToHashSet(StringComparer.Ordinal);
}
