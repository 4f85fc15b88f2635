using CloudPI.Controls.Network;

namespace CloudPI.Reachability;

/// <summary>A change that would close a path, ranked by how little else it touches.</summary>
internal sealed record FixCandidate(ReachabilityLayer Layer, string Change)
{
    /// <summary>
    /// Narrowest first: what lets a balancer reach one target, one rule of one group, a subnet's NACL, its routing,
    /// then the resource itself.
    /// </summary>
    public int Rank => Layer switch
    {
        ReachabilityLayer.Target => 0,
        ReachabilityLayer.SecurityGroup => 1,
        ReachabilityLayer.NetworkAcl => 2,
        ReachabilityLayer.Route => 3,
        _ => 4,
    };
}

/// <summary>
/// One layer's answer as sets of internet sources: <see cref="Definite"/> surely get through, <see cref="Possible"/>
/// might (a superset that is wider when data is missing). Layers compose by intersecting both sets.
/// </summary>
internal sealed record LayerOutcome(AddressSet Definite, AddressSet Possible, IReadOnlyList<EvidenceStep> Evidence)
{
    public IReadOnlyList<string> Missing { get; init; } = [];

    public IReadOnlyList<FixCandidate> Fixes { get; init; } = [];

    public bool IsClosed => Possible.IsEmpty;

    /// <summary>Open with nothing to say: shared, as most resources' state and most balancers' last hops are (the
    /// outcome is immutable), and joined to another layer without a copy (<see cref="Then"/>).</summary>
    private static readonly LayerOutcome PassThrough = new(AddressSet.All, AddressSet.All, []);

    public static LayerOutcome Open(params EvidenceStep[] evidence) => evidence.Length == 0 ? PassThrough : new(AddressSet.All, AddressSet.All, evidence);

    public static LayerOutcome Closed(params EvidenceStep[] evidence) => new(AddressSet.Empty, AddressSet.Empty, evidence);

    /// <summary>A layer whose data is missing: decides nothing, so any source might pass.</summary>
    public static LayerOutcome Unknown(ReachabilityLayer layer, string nodeId, string missing, string? hop = null) =>
        new(AddressSet.Empty, AddressSet.All, [new EvidenceStep(layer, nodeId, EvidenceDecision.Unknown, missing, hop)])
        {
            Missing = [missing],
        };

    /// <summary>This layer, then <paramref name="next"/> on what it let through; a closed layer ends the path there.</summary>
    public LayerOutcome Then(LayerOutcome next)
    {
        // Every source passes a pass-through and it adds no evidence: the other side is the answer as it stands.
        if (IsClosed || ReferenceEquals(next, PassThrough))
        {
            return this;
        }

        // Nothing said yet, and every source the next layer lets through got this far (the internet at a path's start,
        // a pass-through): the next layer is the answer as it stands.
        if (ReferenceEquals(this, PassThrough)
            || (Evidence.Count == 0 && Missing.Count == 0 && Fixes.Count == 0 && Definite.Covers(next.Definite) && Possible.Covers(next.Possible)))
        {
            return next;
        }

        var possible = Possible.Intersect(next.Possible);
        if (possible.IsEmpty && !next.IsClosed)
        {
            return Disjoint(next);
        }

        return new(Definite.Intersect(next.Definite), possible, Concat(Evidence, next.Evidence))
        {
            Missing = Concat(Missing, next.Missing),
            Fixes = Concat(Fixes, next.Fixes),
        };
    }

    /// <summary>Both lists in order; an empty side shares the other (the lists are immutable), as most layers add nothing.</summary>
    private static IReadOnlyList<T> Concat<T>(IReadOnlyList<T> first, IReadOnlyList<T> second)
    {
        if (second.Count == 0 || first.Count == 0)
        {
            return second.Count == 0 ? first : second;
        }

        // Indexed copies: every layer of every path joins two lists, and a spread would box an enumerator for each.
        var both = new T[first.Count + second.Count];
        for (var i = 0; i < first.Count; i++)
        {
            both[i] = first[i];
        }

        for (var i = 0; i < second.Count; i++)
        {
            both[first.Count + i] = second[i];
        }

        return both;
    }

    /// <summary>The sources seen so far, as the start of a sub-path (a subnet's routes and NACL) evaluated on their behalf.</summary>
    public LayerOutcome SourcesOnly() => new(Definite, Possible, []);

    /// <summary>
    /// <paramref name="next"/> lets some sources through, but none of those that got this far (IPv4 rules facing an
    /// IPv6-only address, an IPv6 route when only IPv4 arrives): it closes the path, and says why.
    /// </summary>
    private LayerOutcome Disjoint(LayerOutcome next)
    {
        var hopStep = next.Evidence.LastOrDefault(s => s.Hop is not null);
        var closing = new EvidenceStep(
            hopStep?.Layer ?? ReachabilityLayer.Service,
            hopStep?.NodeId ?? "",
            EvidenceDecision.Denies,
            $"{hopStep?.NodeId ?? "the next layer"} lets traffic through only from {next.Possible.Intersect(AddressSet.PublicInternet).Describe()}, and none of the sources that got this far ({Possible.Intersect(AddressSet.PublicInternet).Describe()})",
            hopStep?.Hop);
        return new(AddressSet.Empty, AddressSet.Empty, [.. Evidence, .. next.Evidence.Select(s => s with { Hop = null }), closing]) { Missing = Missing };
    }

    /// <summary>Alternatives (the subnets of a balancer): sources any of them lets through; evidence of the most open.</summary>
    public static LayerOutcome Either(IReadOnlyList<LayerOutcome> alternatives)
    {
        var best = alternatives
            .OrderByDescending(a => a.Definite.Count)
            .ThenByDescending(a => a.Possible.Count)
            .First();
        var open = alternatives.Where(a => !a.Definite.IsEmpty).ToList();
        return best with
        {
            Definite = alternatives.Aggregate(AddressSet.Empty, (set, a) => set.Union(a.Definite)),
            Possible = alternatives.Aggregate(AddressSet.Empty, (set, a) => set.Union(a.Possible)),
            Missing = alternatives.SelectMany(a => a.Missing).Distinct().ToList(),
            Fixes = open.Count > 1 ? AllOf(open) : best.Fixes,
        };
    }

    /// <summary>
    /// Candidates of which exactly one applies, unknown which (a database's subnet when the graph cannot place it):
    /// sources every candidate lets through surely pass, any candidate's might. Summed once for candidates shared by
    /// many resources; <see cref="Disagreeing"/> names the resource when it matters which candidate holds it.
    /// </summary>
    public static CandidatesSum SumOfCandidates(IReadOnlyList<LayerOutcome> candidates) => new(
        candidates,
        candidates.Skip(1).Aggregate(candidates[0].Definite, (set, c) => set.Intersect(c.Definite)),
        candidates.Aggregate(AddressSet.Empty, (set, c) => set.Union(c.Possible)),
        Either(candidates));

    /// <summary>What candidates let through, and the most open of them (<see cref="Either"/>).</summary>
    internal sealed record CandidatesSum(IReadOnlyList<LayerOutcome> Candidates, AddressSet Definite, AddressSet Possible, LayerOutcome Best)
    {
        /// <summary>True when it does not matter which candidate holds the resource.</summary>
        public bool Agree => Definite.Equals(Best.Definite) && Possible.Equals(Best.Possible);
    }

    /// <summary>
    /// Candidates that disagree (<see cref="CandidatesSum.Agree"/> is false), for <paramref name="resourceId"/>: the
    /// verdict is unknown, and the evidence says which candidate (named by <paramref name="names"/>) decides what.
    /// </summary>
    public static LayerOutcome Disagreeing(CandidatesSum sum, IReadOnlyList<string> names, string resourceId)
    {
        var best = sum.Best;
        var verdicts = string.Join("; ", names.Zip(sum.Candidates, (name, c) => $"{name} {(c.IsClosed ? "closes the path" : c.Definite.IsEmpty ? "is undecided" : "is open")}"));
        var missing = $"which of {string.Join(", ", names)} holds {resourceId} (the candidates disagree: {verdicts})";
        return best with
        {
            Definite = sum.Definite,
            Possible = sum.Possible,
            Evidence = [.. best.Evidence, new EvidenceStep(ReachabilityLayer.Route, resourceId, EvidenceDecision.Unknown, missing)],
            Missing = [.. best.Missing, missing],
        };
    }

    /// <summary>Closing alternatives means closing each open one: per layer, the changes every alternative needs.</summary>
    private static List<FixCandidate> AllOf(List<LayerOutcome> open) =>
        open.SelectMany(a => a.Fixes).Select(f => f.Layer).Distinct()
            .Where(layer => open.All(a => a.Fixes.Any(f => f.Layer == layer)))
            .Select(layer => new FixCandidate(layer, string.Join("; ", open.Select(a => a.Fixes.First(f => f.Layer == layer).Change).Distinct())))
            .ToList();
}
