using CloudPI.Controls;
using CloudPI.Graph;

namespace CloudPI.GraphChecks;

/// <summary>A control that fails for one resource of the graph, with what was found.</summary>
public sealed record GraphFinding(Control Control, GraphNode Resource, string Detail);
