namespace CloudPI.Controls;

/// <summary>
/// The names other tools give the same control. A finding from any of them resolves to the control through these,
/// so each alias may belong to one control only (a test holds the catalog to that).
/// </summary>
public sealed record ControlMappings
{
    /// <summary>The AWS Config managed rules that decide the control: what <c>producer awsconfig --deploy-rules</c> deploys.</summary>
    public IReadOnlyList<ConfigManagedRule> ConfigRules { get; init; } = [];

    /// <summary>Names of Config rules that decide the control but are not among the managed rules CloudPI deploys.</summary>
    public IReadOnlyList<string> OtherConfigRuleNames { get; init; } = [];

    /// <summary>AWS Config managed-rule identifiers (<c>Source.SourceIdentifier</c>, e.g. INCOMING_SSH_DISABLED).</summary>
    public IReadOnlyList<string> ConfigRuleIdentifiers => [.. ConfigRules.Select(r => r.Identifier)];

    /// <summary>Conventional AWS Config rule names (e.g. restricted-ssh); deployed rules may be renamed.</summary>
    public IReadOnlyList<string> ConfigRuleNames => [.. ConfigRules.Select(r => r.Name), .. OtherConfigRuleNames];

    /// <summary>Prowler check ids from v3 on (e.g. ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22).</summary>
    public IReadOnlyList<string> ProwlerChecks { get; init; } = [];

    /// <summary>Prowler v2 check ids (e.g. check41, extra729).</summary>
    public IReadOnlyList<string> ProwlerLegacyChecks { get; init; } = [];

    /// <summary>Checkov check ids (e.g. CKV_AWS_24).</summary>
    public IReadOnlyList<string> CheckovIds { get; init; } = [];

    /// <summary>AWS Security Hub control ids (e.g. EC2.13), for reference in reports.</summary>
    public IReadOnlyList<string> SecurityHubControls { get; init; } = [];

    public IEnumerable<string> Aliases() =>
        ConfigRuleIdentifiers.Concat(ConfigRuleNames).Concat(ProwlerChecks).Concat(ProwlerLegacyChecks).Concat(CheckovIds);
}
