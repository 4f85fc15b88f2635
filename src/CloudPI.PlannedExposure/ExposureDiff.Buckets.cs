using CloudPI.Controls.Catalog.S3;
using CloudPI.Controls.Network;
using CloudPI.Exploitability;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;
using CloudPI.Reachability;

namespace CloudPI.PlannedExposure;

/// <summary>
/// Buckets are public by grant, not by network path: public when a grant lets anyone in (reachability) and no Block
/// Public Access setting neutralises it (exploitability), the rules the enrichers apply to the live account. Only
/// buckets the change touches are judged; the others keep their live state.
/// </summary>
public sealed partial class ExposureDiff
{
    private static readonly Controls.Control PublicBucket = S3BucketLevelPublicAccessProhibited.Control;

    /// <summary>A bucket's public state on one graph: public (true), not (false) or undecided (null), with the grant's path and the verdict.</summary>
    private sealed record BucketState(bool? IsPublic, ReachabilityResult Reach, ExploitabilityVerdict? Verdict);

    private IEnumerable<PathChange> BucketChanges(
        CartographyView liveView, CartographyView widestView, CartographyView narrowestView,
        ReachabilityEngine liveEngine, ReachabilityEngine widestEngine, ReachabilityEngine narrowestEngine, ExploitabilityAnalyzer exploitability)
    {
        var liveAnalyzer = new ExploitabilityAnalyzer(liveView, _criticality);
        var widestAnalyzer = new ExploitabilityAnalyzer(widestView, _criticality);
        var kind = CartographyKinds.S3Bucket;
        foreach (var node in widestView.NodesOf(kind).Where(n => _widest.ChangedBy.ContainsKey(IdOf(n)) || _narrowest.ChangedBy.ContainsKey(IdOf(n))))
        {
            var id = IdOf(node);
            var before = Counterpart(liveView, kind, id) is { } l ? StateOf(liveEngine, liveAnalyzer, l) : null;
            var wide = StateOf(widestEngine, widestAnalyzer, node);
            var narrow = Counterpart(narrowestView, kind, id) is { } n ? StateOf(narrowestEngine, exploitability, n) : null;
            var wasPublic = before?.IsPublic == true;
            if (!wasPublic && narrow?.IsPublic == true)
            {
                yield return new PathChange(ChangeKind.Opened, id, PublicBucket, narrow.Reach.Traffic, narrow.Reach.Path, Cause(id, narrow.Reach.Hops),
                    $"newly public: {narrow.Verdict!.Reasons[0]}")
                {
                    Exploitability = narrow.Verdict,
                    Hops = narrow.Reach.Hops,
                };
            }
            else if (!wasPublic && wide.IsPublic != false && (wide.IsPublic, narrow?.IsPublic) != (before?.IsPublic, before?.IsPublic))
            {
                var unknowns = UnknownsOn(id, wide.Reach.Path, wide.Reach);
                yield return new PathChange(ChangeKind.Undecided, id, PublicBucket, wide.Reach.Traffic, wide.Reach.Path, unknowns.Select(u => u.Resource).FirstOrDefault() ?? Cause(id, wide.Reach.Hops),
                    $"may become public, depending on {Describe(unknowns)}")
                {
                    Unknowns = unknowns,
                    Missing = wide.Reach.Missing,
                };
            }
            else if (wasPublic && wide.IsPublic == false)
            {
                var why = wide.Verdict is { } verdict ? verdict.Reasons[0] : wide.Reach.Summary;
                yield return new PathChange(ChangeKind.Closed, id, PublicBucket, before!.Reach.Traffic, wide.Reach.Path, Cause(id, wide.Reach.Hops),
                    $"no longer public (fixed by this change): {why}")
                {
                    LivePath = before.Reach.Path,
                    Hops = wide.Reach.Hops,
                };
            }
        }

        foreach (var gone in liveView.NodesOf(kind).Where(n => Counterpart(widestView, kind, IdOf(n)) is null))
        {
            var id = IdOf(gone);
            if (StateOf(liveEngine, liveAnalyzer, gone) is { IsPublic: true } before)
            {
                yield return new PathChange(ChangeKind.Closed, id, PublicBucket, before.Reach.Traffic, $"{id} is removed", _widest.ChangedBy.GetValueOrDefault(id), $"{id} no longer exists after the change")
                {
                    LivePath = before.Reach.Path,
                };
            }
        }
    }

    private static BucketState StateOf(ReachabilityEngine engine, ExploitabilityAnalyzer analyzer, GraphNode bucket)
    {
        var reach = engine.Evaluate(bucket, Exposure(TrafficQuery.Tcp(443)));
        if (reach.Verdict is ReachabilityVerdict.NotReachable or ReachabilityVerdict.Unknown)
        {
            return new BucketState(reach.Verdict == ReachabilityVerdict.NotReachable ? false : null, reach, null);
        }

        var verdict = analyzer.Assess(new FindingContext(PublicBucket, PublicBucket.Severity, bucket, reach));
        return new BucketState(verdict.Status switch
        {
            ExploitabilityStatus.Exploitable => true,
            ExploitabilityStatus.NotExploitable => false,
            _ => null,
        }, reach, verdict);
    }
}
