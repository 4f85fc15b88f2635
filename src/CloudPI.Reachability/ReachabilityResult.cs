using CloudPI.Controls.Network;

namespace CloudPI.Reachability;

/// <summary>The answer for one resource and one traffic question.</summary>
public sealed record ReachabilityResult
{
    public required string ResourceId { get; init; }

    public required TrafficQuery Traffic { get; init; }

    public required ReachabilityVerdict Verdict { get; init; }

    /// <summary>
    /// The compact path, e.g. <c>internet → igw-1 → rtb-1 → acl-1#100 → sg-1 tcp/22 → i-1</c>; when closed it
    /// ends at the blocking hop, marked <c>✗</c>.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>The path's hops in order, for machines (the same hops as <see cref="Path"/>).</summary>
    public IReadOnlyList<PathHop> Hops
    {
        get => _hops ??= _composedFrom?.Best.Hops ?? [];
        init => _hops = value;
    }

    /// <summary>One line for a person: the verdict and its main reason.</summary>
    public string Summary
    {
        get => _summary ??= _composedFrom is { } composed ? ResultComposer.SummaryOf(this, composed.Best, composed.Query) : string.Empty;
        init => _summary = value;
    }

    private IReadOnlyList<PathHop>? _hops;
    private string? _summary;
    private readonly (PathTrace Best, TrafficQuery Query)? _composedFrom;

    /// <summary>The path and question an answer was composed from: its hops and summary are written from them when first
    /// read, as most answers an exploitability run composes are read for their verdict and path alone.</summary>
    internal (PathTrace Best, TrafficQuery Query) ComposedFrom
    {
        init => _composedFrom = value;
    }

    public required IReadOnlyList<EvidenceStep> Evidence { get; init; }

    /// <summary>What the graph lacks (set for <see cref="ReachabilityVerdict.Unknown"/>, and for exposures that could be wider).</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The smallest change that closes the path, or null when it is closed or no single change is known.</summary>
    public string? Fix { get; init; }

    /// <summary>For <see cref="ReachabilityVerdict.RestrictedExposure"/>: the public sources that get in, as CIDRs.</summary>
    public IReadOnlyList<string> AllowedRanges { get; init; } = [];

    /// <summary>For any-traffic questions: each protocol/port range found open, with its verdict.</summary>
    public IReadOnlyList<OpenPort> OpenPorts { get; init; } = [];

    public bool IsExposed => Verdict is ReachabilityVerdict.Reachable or ReachabilityVerdict.RestrictedExposure;
}
