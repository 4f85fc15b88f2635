using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// A control the graph decides from one node's own properties: the kind, the failing condition and how to say
/// what was found (each control's folder declares its own). Properties the graph does not hold are not guessed: a
/// node without the property does not fail.
/// </summary>
public sealed class PropertyCheck(Control control, CartographyKind kind, Func<GraphNode, string?> failure) : IGraphCheck
{
    public Control Control => control;

    public IEnumerable<GraphFinding> Evaluate(CartographyView view, IReachabilityEngine engine)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var node in view.NodesOf(kind))
        {
            if (failure(node) is { } detail)
            {
                yield return new GraphFinding(Control, node, detail);
            }
        }
    }
}
