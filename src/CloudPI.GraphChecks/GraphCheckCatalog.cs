using CloudPI.Analysis.Reachability;
using CloudPI.GraphChecks.Checks;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks;

/// <summary>
/// Every control the Cartography graph can decide today. Not decidable from Cartography's data, so not here:
/// KMS rotation (no rotation property), VPC flow logs (not ingested), EKS logging and secrets encryption.
/// </summary>
public static class GraphCheckCatalog
{
    public static IReadOnlyList<IGraphCheck> All { get; } =
    [
        .. ExposureCheck.All,
        new RestrictedSshCheck(),
        new DefaultSecurityGroupCheck(),
        new ThirdPartyTrustCheck(),
        .. PropertyCheck.All,
    ];

    /// <summary>Runs every check; findings are ordered by control, then resource id, so output is deterministic.</summary>
    public static IReadOnlyList<GraphFinding> Run(CartographyView view, IReachabilityEngine engine) =>
        All.SelectMany(check => check.Evaluate(view, engine))
            .OrderBy(f => f.Control.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Resource.Id ?? f.Resource.ExternalId, StringComparer.Ordinal)
            .ToList();
}
