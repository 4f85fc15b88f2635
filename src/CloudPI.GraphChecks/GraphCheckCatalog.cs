using CloudPI.Reachability;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks;

/// <summary>
/// Every control the Cartography graph can decide today. Each evaluator lives in its control's catalog folder and
/// registers itself from a module initializer, which runs before any code of this assembly. Not decidable from
/// Cartography's data, so not here: KMS rotation (no rotation property), VPC flow logs (not ingested), EKS logging
/// and secrets encryption.
/// </summary>
public static class GraphCheckCatalog
{
    private static readonly List<IGraphCheck> Registered = [];

    /// <summary>The checks, ordered by control id.</summary>
    public static IReadOnlyList<IGraphCheck> All => [.. Registered.OrderBy(c => c.Control.Id, StringComparer.Ordinal)];

    /// <summary>Runs every check; findings are ordered by control, then resource id, so output is deterministic.</summary>
    public static IReadOnlyList<GraphFinding> Run(CartographyView view, IReachabilityEngine engine) =>
        All.SelectMany(check => check.Evaluate(view, engine))
            .OrderBy(f => f.Control.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Resource.Id ?? f.Resource.ExternalId, StringComparer.Ordinal)
            .ToList();

    internal static void Register(IGraphCheck check) => Registered.Add(check);
}
