using CloudPI.Controls;
using CloudPI.Graph;
using Ocurity.Dracon.V1;

namespace CloudPI.Enrichers;

/// <summary>An issue with its control (any tool's name for it) and its resource in the graph, when found.</summary>
public sealed record ResolvedIssue(Issue Issue, Control? Control, GraphNode? Resource)
{
    /// <summary>Why something could not be resolved, or null when both were.</summary>
    public string? UnresolvedReason => (Control, Resource) switch
    {
        (null, null) => $"type '{Issue.Type}' matches no control and target '{Issue.Target}' is not in the graph",
        (null, _) => $"type '{Issue.Type}' matches no control",
        (_, null) => $"target '{Issue.Target}' is not in the graph",
        _ => null,
    };

    public static ResolvedIssue Resolve(Issue issue, ControlCatalog catalog, ResourceResolver resources)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(resources);
        return new ResolvedIssue(issue, catalog.Resolve(issue.Type), resources.TryResolve(issue.Target, out var node) ? node : null);
    }
}
