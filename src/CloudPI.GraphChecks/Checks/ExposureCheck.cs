using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// The internet-exposure controls: a resource of the given kinds that the reachability engine finds reachable from
/// the whole internet, with the ports and the path (each exposure control's folder declares its kinds). Restricted
/// (allow-listed) exposure is not reported as exposure.
/// </summary>
public sealed class ExposureCheck(Control control, params CartographyKind[] kinds) : IGraphCheck
{
    public Control Control => control;

    /// <summary>The node kinds this control is decided on.</summary>
    public IReadOnlyList<CartographyKind> Kinds => kinds;

    public IEnumerable<GraphFinding> Evaluate(CartographyView view, IReachabilityEngine engine)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(engine);
        foreach (var node in kinds.SelectMany(view.NodesOf).Distinct())
        {
            var result = engine.Evaluate(node, null);
            if (result.Verdict == ReachabilityVerdict.Reachable)
            {
                yield return new GraphFinding(control, node, $"open to the internet on {Ports(result)}; path: {result.Path}");
            }
        }
    }

    private static string Ports(ReachabilityResult result) =>
        result.OpenPorts.Count == 0
            ? result.Traffic.ToString()
            : string.Join(", ", result.OpenPorts.Where(p => p.Verdict == ReachabilityVerdict.Reachable).Select(p => p.Traffic.ToString()));
}
