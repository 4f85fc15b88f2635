namespace CloudPI.Controls;

/// <summary>
/// One security control: what it checks, how bad a failure is, which AWS resources it concerns, the traffic it
/// implies, how to fix it, and what other tools call it. Controls are declared one per file under Catalog/.
/// </summary>
public sealed record Control
{
    /// <summary>Stable id used as the Dracon issue <c>type</c> (kebab-case, e.g. <c>restricted-ssh</c>).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required ControlSeverity Severity { get; init; }

    /// <summary>The service area the control belongs to (EC2, VPC, RDS, ...), as AWS Config groups its rules.</summary>
    public required string Service { get; init; }

    /// <summary>CloudFormation resource types the control evaluates (<c>AWS::EC2::SecurityGroup</c>); <c>AWS::::Account</c> for account-level controls.</summary>
    public required IReadOnlyList<string> ResourceTypes { get; init; }

    /// <summary>The traffic a failure exposes, when the control is about network access; empty otherwise.</summary>
    public IReadOnlyList<NetworkExposure> Exposures { get; init; } = [];

    /// <summary>What kind of risk a failure is; the exploitability analysis starts from it.</summary>
    public required RiskKind Risk { get; init; }

    public required string Remediation { get; init; }

    /// <summary>
    /// Whether the opt-in <c>recommended</c> enforcement preset of the preventive checks keeps this control mandatory:
    /// it blocks a deployment only for what exposes hosts or data to the whole internet, and reports the rest as advice.
    /// </summary>
    public bool MandatoryWhenRecommended { get; init; }

    public ControlMappings Mappings { get; init; } = new();
}
