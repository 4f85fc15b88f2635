using CloudPI.Controls.Network;
using CloudPI.Exploitability;
using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Iac.Model;

namespace CloudPI.PlannedExposure;

public enum ChangeKind
{
    /// <summary>The internet reaches the resource on traffic it does not reach today.</summary>
    Opened,

    /// <summary>Reachable on the same traffic before and after, but exploitable only after (a weakness gains an identity or loses its mitigation).</summary>
    NewlyExploitable,

    /// <summary>It might: the answer depends on values known only at deployment or data the graph lacks.</summary>
    Undecided,

    /// <summary>Reachable today, not after the change.</summary>
    Closed,
}

/// <summary>
/// One difference the change makes: the resource (its Cartography id and control), the traffic, the path on the
/// planned graph (for a closed path, the live path and where the plan blocks it), the Pulumi resource it is located
/// at, the exploitability of an opened path, and what stays unknown.
/// </summary>
public sealed record PathChange(
    ChangeKind Kind,
    string ResourceId,
    Control Control,
    TrafficQuery Traffic,
    string Path,
    IacResource? Cause,
    string Reason)
{
    /// <summary>For an opened path: exploitable on the planned graph, and why; for a newly exploitable one, the weakness's verdict.</summary>
    public ExploitabilityVerdict? Exploitability { get; init; }

    /// <summary>For an undecided path: the Pulumi properties known only at deployment that decide it.</summary>
    public IReadOnlyList<UnknownValue> Unknowns { get; init; } = [];

    /// <summary>For an undecided path: what the account's graph lacks.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The path's hops, for machines (opened: on the planned graph; closed: where the plan stops it).</summary>
    public IReadOnlyList<PathHop> Hops { get; init; } = [];

    /// <summary>For a closed path: the path it had on the live graph.</summary>
    public string? LivePath { get; init; }
}
