using CloudPI.Exploitability.Vulnerabilities;
using CloudPI.Controls;
using CloudPI.Graph;
using Ocurity.Dracon.V1;

namespace CloudPI.Enrichers;

/// <summary>An issue with its control (any tool's name for it) and its resource in the graph, when found.</summary>
public sealed record ResolvedIssue(Issue Issue, Control? Control, GraphNode? Resource)
{
    /// <summary>For a scanner's vulnerability finding: the workloads it was joined to (empty otherwise).</summary>
    public IReadOnlyList<JoinedVulnerability> OwnVulnerabilities { get; init; } = [];

    /// <summary>The bytes <see cref="Issue"/> encodes to, when they were encoded ahead (<see cref="CloudPI.Dracon.Enrichers.IssueBytes"/>); empty otherwise.</summary>
    public ReadOnlyMemory<byte> Encoded { get; init; }

    /// <summary>Why something could not be resolved, or null when both were.</summary>
    public string? UnresolvedReason => (Control, Resource) switch
    {
        (null, { } workload) when OwnVulnerabilities.Count > 0 =>
            $"type '{Issue.Type}' matches no control; the vulnerability runs on {OwnVulnerabilities.Select(j => j.WorkloadId).Distinct().Count()} workload(s), judged on {workload.Id ?? workload.ExternalId}",
        (null, null) => $"type '{Issue.Type}' matches no control and target '{Issue.Target}' is not in the graph",
        (null, _) => $"type '{Issue.Type}' matches no control",
        (_, null) => $"target '{Issue.Target}' is not in the graph",
        _ => null,
    };

    /// <param name="join">The run's vulnerability joins, keyed by <paramref name="key"/> (the issue's uuid, or its place in its file).</param>
    /// <param name="encoded">The bytes the issue encodes to, when encoded ahead (<see cref="Encoded"/>).</param>
    public static ResolvedIssue Resolve(
        Issue issue, ControlCatalog catalog, ResourceResolver resources, VulnerabilityJoin? join = null, string? key = null, ReadOnlyMemory<byte> encoded = default)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(resources);
        return new ResolvedIssue(issue, catalog.Resolve(issue.Type), resources.TryResolve(issue.Target, out var node) ? node : null)
        {
            OwnVulnerabilities = join is not null && key is not null ? join.OfFinding(key) : [],
            Encoded = encoded,
        };
    }
}
