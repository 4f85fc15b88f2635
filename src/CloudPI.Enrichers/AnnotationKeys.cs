namespace CloudPI.Enrichers;

/// <summary>
/// Every annotation CloudPI writes, under one <c>cloudpi.</c> prefix so they never collide with other enrichers'
/// keys. docs/architecture.md explains each one.
/// </summary>
public static class AnnotationKeys
{
    public const string Prefix = "cloudpi.";

    /// <summary>The catalog control the type resolved to.</summary>
    public const string Control = Prefix + "control";

    /// <summary>The Cartography id of the resource the target resolved to.</summary>
    public const string Resource = Prefix + "resource";

    /// <summary>Why the issue could not be resolved (no control, not in the graph).</summary>
    public const string Unresolved = Prefix + "unresolved";

    /// <summary><c>true</c>, <c>false</c>, <c>restricted</c> (specific public ranges only) or <c>unknown</c>.</summary>
    public const string Reachable = Prefix + "reachable";

    public const string ReachabilityPath = Prefix + "reachability.path";

    /// <summary>JSON array of the path's hops in order: <c>{kind, id, label, decision}</c>.</summary>
    public const string ReachabilityHops = Prefix + "reachability.hops";

    public const string ReachabilitySummary = Prefix + "reachability.summary";

    /// <summary>The traffic checked, e.g. <c>tcp/22</c>, and for any-traffic questions the ports found open.</summary>
    public const string ReachabilityPorts = Prefix + "reachability.ports";

    /// <summary>JSON array of evidence steps: layer, node, decision, reason.</summary>
    public const string ReachabilityEvidence = Prefix + "reachability.evidence";

    /// <summary>What the graph lacks for a verdict.</summary>
    public const string ReachabilityMissing = Prefix + "reachability.missing";

    /// <summary>The smallest change that closes the path.</summary>
    public const string ReachabilityFix = Prefix + "reachability.fix";

    public const string AllowedRanges = Prefix + "reachability.allowed_ranges";

    /// <summary>What Cartography's own exposed_internet rule says, to show where we differ.</summary>
    public const string CartographyExposed = Prefix + "cartography.exposed_internet";

    /// <summary>JSON object: role → resource ids the resource depends on (vpc, subnet, route table, NACL, groups, balancers, role, volumes).</summary>
    public const string Dependencies = Prefix + "dependencies";

    /// <summary><c>true</c>, <c>false</c> or <c>unknown</c>.</summary>
    public const string Exploitable = Prefix + "exploitable";

    /// <summary>JSON array of the reasons for the exploitability verdict.</summary>
    public const string ExploitabilityReasons = Prefix + "exploitability.reasons";

    /// <summary>JSON array of the compensating controls found.</summary>
    public const string CompensatingControls = Prefix + "compensating_controls";

    /// <summary>JSON object: roles reachable (with chains, admin, escalations) and data stores.</summary>
    public const string BlastRadius = Prefix + "blast_radius";

    /// <summary><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>, with <see cref="CriticalityReason"/>.</summary>
    public const string Criticality = Prefix + "criticality";

    public const string CriticalityReason = Prefix + "criticality.reason";

    /// <summary>0–100 (up to 108 with a joined vulnerability), the documented priority formula.</summary>
    public const string PriorityScore = Prefix + "priority.score";

    /// <summary>JSON array of the score's terms, <c>[{"name":"exploitability","points":55,"basis":"exploitable"}, …]</c>; they add up to <see cref="PriorityScore"/>.</summary>
    public const string PriorityComponents = Prefix + "priority.components";

    /// <summary>One plain sentence: why this priority.</summary>
    public const string PriorityReason = Prefix + "priority.reason";

    /// <summary>JSON array of the known vulnerabilities the finding concerns, the most serious first:
    /// <c>{id, cvss, network_attack_vector, fix_available, exploit_available, package, source, workload, join}</c>.</summary>
    public const string Vulnerabilities = Prefix + "vulnerabilities";

    /// <summary>The toxic combination the finding belongs to, e.g. <c>exposure × vulnerability × identity × data</c>.</summary>
    public const string Combination = Prefix + "combination";

    /// <summary>JSON object: <c>{combination, chain, steps: [{kind, id, label}]}</c>, the path from the internet to the data.</summary>
    public const string AttackPath = Prefix + "attack_path";

    /// <summary>The producer's severity before the adjustment (the severity is set to the adjusted one).</summary>
    public const string OriginalSeverity = Prefix + "severity.original";

    /// <summary>The mute-file reason that covers the finding: accepted, kept and counted, not ranked with the rest.</summary>
    public const string Muted = Prefix + "muted";

    /// <summary>The last day (YYYY-MM-DD) the mute entry holds, when it expires.</summary>
    public const string MutedUntil = Prefix + "muted.until";
}
