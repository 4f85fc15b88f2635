using CloudPI.Controls.Network;
using CloudPI.Exploitability;
using CloudPI.Exploitability.Criticality;
using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;
using CloudPI.GraphChecks;
using CloudPI.GraphChecks.Checks;
using CloudPI.Iac.Model;

namespace CloudPI.PlannedExposure;

/// <summary>
/// The difference a Pulumi change makes to what the internet reaches: the same reachability analysis on the live
/// graph and on the planned graph, the latter drawn twice (unknown values as open as they could be, and as closed),
/// so a path open in both plans is opened, a path open only in the widest is undecided and names the values that
/// decide it, and a live path open in neither is closed. Pure: graphs and preview in, changes out.
/// </summary>
public sealed partial class ExposureDiff
{
    private readonly PropertyGraph _live;
    private readonly PlannedGraph _widest;
    private readonly PlannedGraph _narrowest;
    private readonly CriticalityRules _criticality;

    private ExposureDiff(PropertyGraph live, PlannedGraph widest, PlannedGraph narrowest, CriticalityRules criticality)
    {
        _live = live;
        _widest = widest;
        _narrowest = narrowest;
        _criticality = criticality;
    }

    /// <summary>
    /// The changes, and the preview's resources the overlay does not model (their effect is not in the difference).
    /// </summary>
    public static (IReadOnlyList<PathChange> Changes, IReadOnlyList<IacResource> NotModelled) Compare(IacStack stack, PropertyGraph live, CriticalityRules? criticality = null)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(live);
        var diff = new ExposureDiff(
            live, PulumiOverlay.Apply(stack, live, UnknownResolution.Widest), PulumiOverlay.Apply(stack, live, UnknownResolution.Narrowest), criticality ?? CriticalityRules.BuiltIn);
        return (diff.Changes(), diff._widest.NotModelled);
    }

    private List<PathChange> Changes()
    {
        var liveView = new CartographyView(_live);
        var widestView = new CartographyView(_widest.Graph);
        var narrowestView = new CartographyView(_narrowest.Graph);
        var liveEngine = new ReachabilityEngine(liveView);
        var widestEngine = new ReachabilityEngine(widestView);
        var narrowestEngine = new ReachabilityEngine(narrowestView);
        var exploitability = new ExploitabilityAnalyzer(narrowestView, _criticality);
        var changes = new List<PathChange>();
        foreach (var check in GraphCheckCatalog.All.OfType<ExposureCheck>())
        {
            foreach (var kind in check.Kinds)
            {
                var planned = widestView.NodesOf(kind).ToList();
                foreach (var node in planned)
                {
                    var id = IdOf(node);
                    var liveNode = Counterpart(liveView, kind, id);
                    var narrowNode = Counterpart(narrowestView, kind, id);
                    var wide = widestEngine.Evaluate(node, null);
                    var narrow = narrowNode is { } n ? narrowestEngine.Evaluate(n, null) : null;
                    var before = liveNode is { } l ? liveEngine.Evaluate(l, null) : null;
                    changes.AddRange(Opened(check.Control, node, narrowNode, id, wide, narrow, before, narrowestEngine, exploitability));
                    if (before is not null)
                    {
                        changes.AddRange(Closed(check.Control, node, id, wide, before, widestEngine));
                    }
                }

                // Resources the change removes take their paths with them.
                foreach (var gone in liveView.NodesOf(kind).Where(n => Counterpart(widestView, kind, IdOf(n)) is null))
                {
                    var before = liveEngine.Evaluate(gone, null);
                    var id = IdOf(gone);
                    foreach (var port in OpenPorts(before))
                    {
                        changes.Add(new PathChange(ChangeKind.Closed, id, check.Control, port.Traffic, $"{id} is removed", _widest.ChangedBy.GetValueOrDefault(id), $"{id} no longer exists after the change")
                        {
                            LivePath = port.Path,
                        });
                    }
                }
            }
        }

        changes.AddRange(NewlyExploitable(liveView, narrowestView, liveEngine, narrowestEngine, exploitability));
        changes.AddRange(BucketChanges(liveView, widestView, narrowestView, liveEngine, widestEngine, narrowestEngine, exploitability));
        return [.. changes.OrderBy(c => c.Kind).ThenBy(c => c.ResourceId, StringComparer.Ordinal).ThenBy(c => c.Traffic.ToString(), StringComparer.Ordinal)];
    }

    private IEnumerable<PathChange> Opened(
        Control control, GraphNode node, GraphNode? narrowNode, string id, ReachabilityResult wide, ReachabilityResult? narrow, ReachabilityResult? before,
        ReachabilityEngine narrowestEngine, ExploitabilityAnalyzer exploitability)
    {
        var beforeOpen = before is null ? [] : OpenPorts(before);
        var narrowOpen = narrow is null ? [] : OpenPorts(narrow);
        var touched = Touched(id, wide);
        foreach (var port in OpenPorts(wide).Where(p => !Covered(p.Traffic, beforeOpen)))
        {
            if (Covered(port.Traffic, narrowOpen) && narrowNode is { } planned)
            {
                var reach = narrowestEngine.Evaluate(planned, Exposure(port.Traffic));
                yield return new PathChange(ChangeKind.Opened, id, control, port.Traffic, reach.Path, Cause(id, reach.Hops),
                    $"newly reachable from the internet on {port.Traffic}")
                {
                    Exploitability = exploitability.Assess(new FindingContext(control, control.Severity, planned, reach)),
                    Hops = reach.Hops,
                };
            }
            else
            {
                var unknowns = UnknownsOn(id, port.Path, wide);
                yield return new PathChange(ChangeKind.Undecided, id, control, port.Traffic, port.Path, unknowns.Select(u => u.Resource).FirstOrDefault() ?? Cause(id, wide.Hops),
                    $"may become reachable from the internet on {port.Traffic}, depending on {Describe(unknowns)}")
                {
                    Unknowns = unknowns,
                };
            }
        }

        // The engine itself cannot decide: the graph (or a fresh stack's preview) lacks a layer the change relies on.
        if (touched && wide.Verdict == ReachabilityVerdict.Unknown && OpenPorts(wide).Count == 0 && (before is null || !before.IsExposed))
        {
            var unknowns = UnknownsOn(id, wide.Path, wide);
            yield return new PathChange(ChangeKind.Undecided, id, control, wide.Traffic, wide.Path, unknowns.Select(u => u.Resource).FirstOrDefault() ?? Cause(id, wide.Hops),
                $"reachability after the change is undecided: {string.Join("; ", wide.Missing.DefaultIfEmpty(wide.Summary))}")
            {
                Unknowns = unknowns,
                Missing = wide.Missing,
            };
        }
    }

    private IEnumerable<PathChange> Closed(Control control, GraphNode node, string id, ReachabilityResult wide, ReachabilityResult before, ReachabilityEngine widestEngine)
    {
        var afterOpen = OpenPorts(wide);
        foreach (var port in OpenPorts(before).Where(p => !Covered(p.Traffic, afterOpen)))
        {
            var after = widestEngine.Evaluate(node, Exposure(port.Traffic));
            var still = after.Verdict == ReachabilityVerdict.RestrictedExposure ? $"; still open to {string.Join(", ", after.AllowedRanges)} only" : string.Empty;
            yield return new PathChange(ChangeKind.Closed, id, control, port.Traffic, after.Path, Cause(id, after.Hops),
                $"no longer reachable from the internet on {port.Traffic} (fixed by this change{still})")
            {
                LivePath = port.Path,
                Hops = after.Hops,
            };
        }
    }

    /// <summary>
    /// The Pulumi resource a path is located at: the resource itself when the change creates it, else the changed
    /// hop nearest the internet (the rule, route, NACL or balancer that opens or closes the way).
    /// </summary>
    private IacResource? Cause(string resourceId, IReadOnlyList<PathHop> hops)
    {
        if (_widest.CreatedBy.TryGetValue(resourceId, out var own))
        {
            return own;
        }

        return hops.Select(h => _widest.ChangedBy.GetValueOrDefault(h.Id) ?? _narrowest.ChangedBy.GetValueOrDefault(h.Id)).FirstOrDefault(r => r is not null)
            ?? _widest.ChangedBy.GetValueOrDefault(resourceId);
    }

    private bool Touched(string resourceId, ReachabilityResult result) =>
        _widest.ChangedBy.ContainsKey(resourceId) || result.Evidence.Any(e => _widest.ChangedBy.ContainsKey(e.NodeId));

    /// <summary>The unknown values on the resource or any node of its path; all of them when none is on it.</summary>
    private List<UnknownValue> UnknownsOn(string resourceId, string path, ReachabilityResult result)
    {
        var onPath = _widest.Unknowns
            .Where(u => u.NodeId == resourceId || path.Contains(u.NodeId, StringComparison.Ordinal) || result.Evidence.Any(e => e.NodeId == u.NodeId))
            .DistinctBy(u => (u.Resource.Urn, u.Property))
            .ToList();
        return onPath.Count > 0 ? onPath : [.. _widest.Unknowns.DistinctBy(u => (u.Resource.Urn, u.Property))];
    }

    private static string Describe(IReadOnlyList<UnknownValue> unknowns) =>
        unknowns.Count == 0 ? "data the graph lacks" : string.Join(", ", unknowns.Select(u => $"{u.Resource.Name}.{u.Property} (unknown before deployment)"));

    /// <summary>What the internet as a whole reaches: allow-listed exposure is not an internet path.</summary>
    private static List<OpenPort> OpenPorts(ReachabilityResult result) =>
        [.. result.OpenPorts.Where(p => p.Verdict == ReachabilityVerdict.Reachable)];

    private static bool Covered(TrafficQuery traffic, IReadOnlyList<OpenPort> open) => open.Any(o => Covers(o.Traffic, traffic));

    private static bool Covers(TrafficQuery wider, TrafficQuery traffic) =>
        (wider.Protocol == IpProtocol.All || wider.Protocol == traffic.Protocol) && wider.FromPort <= traffic.FromPort && wider.ToPort >= traffic.ToPort;

    private static NetworkExposure Exposure(TrafficQuery traffic) =>
        new(traffic.Protocol == IpProtocol.All ? "-1" : IpProtocol.Name(traffic.Protocol), traffic.FromPort, traffic.ToPort);

    private static GraphNode? Counterpart(CartographyView view, CartographyKind kind, string id) =>
        view.Graph.FindAll(id).Where(kind.Matches).Select(n => (GraphNode?)n).FirstOrDefault();

    private static string IdOf(GraphNode node) => node.Id ?? node.Arn ?? node.ExternalId;
}
