using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks;

/// <summary>One catalog control decided on the graph.</summary>
public interface IGraphCheck
{
    Control Control { get; }

    /// <summary>The resources that fail the control; <paramref name="engine"/> answers reachability questions (cached per run).</summary>
    IEnumerable<GraphFinding> Evaluate(CartographyView view, IReachabilityEngine engine);
}
