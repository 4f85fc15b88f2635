using CloudPI.Reachability.Layers;
using CloudPI.Controls.Network;
using CloudPI.Graph;

namespace CloudPI.Reachability;

/// <summary>Turns the paths found for one question into its answer: the best path, or why every path is closed.</summary>
internal static class ResultComposer
{
    /// <summary>Closed paths explaining a closed question, furthest first; more are counted, not listed.</summary>
    private const int ClosedPathsShown = 10;

    // An account has few distinct source sets (its groups' CIDRs), each described for thousands of restricted answers.
    private static readonly RecentValues<AddressSet, PublicSources> PublicSourceTexts = new(256);

    private sealed record PublicSources(string Description, IReadOnlyList<string> Cidrs)
    {
        public static PublicSources Of(AddressSet sources)
        {
            var publicSources = sources.Intersect(AddressSet.PublicInternet);
            return new PublicSources(publicSources.Describe(), publicSources.ToCidrs());
        }
    }

    public static ReachabilityResult Compose(string resourceId, TrafficQuery query, IReadOnlyList<PathTrace> traces) =>
        Compose(resourceId, query, traces, Rank(traces));

    /// <summary>The most open path first; among closed ones, those that got furthest explain best.</summary>
    public static List<PathTrace> Rank(IReadOnlyList<PathTrace> traces)
    {
        if (traces.Count <= 1)
        {
            return traces as List<PathTrace> ?? [.. traces]; // ranked as they are; nothing changes a ranking afterwards
        }

        // Keys computed once per path; ties keep the paths' order (a group's members can give thousands of paths).
        var keyed = new (ReachabilityVerdict Verdict, UInt128 Definite, int Hops, int At)[traces.Count];
        for (var i = 0; i < keyed.Length; i++)
        {
            keyed[i] = (traces[i].Verdict, traces[i].Sofar.Definite.Count, HopCount(traces[i].Sofar.Evidence), i);
        }

        Array.Sort(keyed, static (a, b) =>
            a.Verdict != b.Verdict ? a.Verdict.CompareTo(b.Verdict)
            : a.Definite != b.Definite ? b.Definite.CompareTo(a.Definite)
            : a.Hops != b.Hops ? b.Hops.CompareTo(a.Hops)
            : a.At.CompareTo(b.At));
        // A loop, not a projection: a lambda over the paths would allocate its closure on every call, ranked or not.
        var ranked = new List<PathTrace>(keyed.Length);
        foreach (var key in keyed)
        {
            ranked.Add(traces[key.At]);
        }

        return ranked;
    }

    private static int HopCount(IReadOnlyList<EvidenceStep> evidence)
    {
        var hops = 0;
        for (var i = 0; i < evidence.Count; i++)
        {
            hops += evidence[i].Hop is null ? 0 : 1;
        }

        return hops;
    }

    /// <summary>The answer from the paths already ranked by <see cref="Rank"/>.</summary>
    /// <param name="asked">For the most open port of an any-traffic question: that question, and every port found open
    /// (set here rather than on a copy of the answer).</param>
    public static ReachabilityResult Compose(
        string resourceId, TrafficQuery query, IReadOnlyList<PathTrace> traces, List<PathTrace> ranked, (TrafficQuery Traffic, IReadOnlyList<OpenPort> OpenPorts)? asked = null)
    {
        if (traces.Count == 0)
        {
            var closed = Closed(resourceId, query, $"{resourceId} has no network path the graph can show for {query}", []);
            return asked is { } any ? closed with { Traffic = any.Traffic, OpenPorts = any.OpenPorts } : closed;
        }

        var best = ranked[0];
        var verdict = best.Verdict;
        IReadOnlyList<string> missing = verdict == ReachabilityVerdict.Unknown
            ? MissingOfUnknown(traces)
            : best.Sofar.Missing.Count == 0 ? [] : [.. best.Sofar.Missing.Distinct()];
        return new ReachabilityResult
        {
            ResourceId = resourceId,
            Traffic = asked?.Traffic ?? best.Traffic,
            Verdict = verdict,
            Path = best.Path,
            ComposedFrom = (best, query),
            // A closed question is explained by its closed paths; an open one by its path.
            Evidence = verdict == ReachabilityVerdict.NotReachable ? ClosedEvidence(resourceId, ranked) : best.Sofar.Evidence,
            Missing = verdict == ReachabilityVerdict.NotReachable ? [] : missing,
            // The most open path first: when it is not exposed, none is.
            Fix = verdict switch
            {
                ReachabilityVerdict.Unknown => FixFor([best]),
                ReachabilityVerdict.NotReachable => null,
                _ => FixFor(Exposed(traces)),
            },
            AllowedRanges = verdict == ReachabilityVerdict.RestrictedExposure ? PublicSourceTexts.GetOrAdd(best.Sofar.Definite, PublicSources.Of).Cidrs : [],
            OpenPorts = asked?.OpenPorts ?? [],
        };
    }

    /// <summary>The paths some of the internet gets through, in their order.</summary>
    private static List<PathTrace> Exposed(IReadOnlyList<PathTrace> traces)
    {
        var exposed = new List<PathTrace>();
        for (var i = 0; i < traces.Count; i++)
        {
            if (traces[i].Verdict is ReachabilityVerdict.Reachable or ReachabilityVerdict.RestrictedExposure)
            {
                exposed.Add(traces[i]);
            }
        }

        return exposed;
    }

    /// <summary>The summary of an answer composed from <paramref name="best"/> for <paramref name="query"/>.</summary>
    internal static string SummaryOf(ReachabilityResult result, PathTrace best, TrafficQuery query)
    {
        var resourceId = result.ResourceId;
        var through = best.ResourceId == resourceId ? "" : $" through {best.ResourceId}";
        return result.Verdict switch
        {
            ReachabilityVerdict.Reachable => $"{resourceId} is reachable from the internet on {best.Traffic}{through}: {best.Path}",
            ReachabilityVerdict.RestrictedExposure => $"{resourceId} is reachable on {best.Traffic}{through} only from {PublicSourceTexts.GetOrAdd(best.Sofar.Definite, PublicSources.Of).Description}",
            ReachabilityVerdict.Unknown => $"cannot tell whether {resourceId} is reachable on {query}: missing {result.Missing.FirstOrDefault()}",
            _ => $"{resourceId} is not reachable from the internet on {query}: {BlockingReason(best)}",
        };
    }

    /// <summary>What every undecided path lacks, once each. A method of its own, so that no other answer allocates its closure.</summary>
    private static List<string> MissingOfUnknown(IReadOnlyList<PathTrace> traces) =>
        [.. traces.Where(t => t.Verdict == ReachabilityVerdict.Unknown).SelectMany(t => t.Sofar.Missing).Distinct()];

    private static List<EvidenceStep> ClosedEvidence(string resourceId, List<PathTrace> closed)
    {
        // Sized, then filled: two in five answers are closed, and growing the list copied it several times over.
        var shown = Math.Min(closed.Count, ClosedPathsShown);
        var size = closed.Count > ClosedPathsShown ? 1 : 0;
        for (var i = 0; i < shown; i++)
        {
            size += closed[i].Sofar.Evidence.Count;
        }

        var evidence = new List<EvidenceStep>(size);
        for (var i = 0; i < shown; i++)
        {
            evidence.AddRange(closed[i].Sofar.Evidence);
        }

        if (closed.Count > ClosedPathsShown)
        {
            evidence.Add(new EvidenceStep(ReachabilityLayer.Service, resourceId, EvidenceDecision.Note,
                $"{closed.Count - ClosedPathsShown} more paths, all closed, are not listed"));
        }

        return evidence;
    }

    public static ReachabilityResult NotModelled(string resourceId, TrafficQuery query, IEnumerable<string> labels)
    {
        var missing = $"a network model for {string.Join(":", labels)} nodes (reachability of this kind is not analysed)";
        return new ReachabilityResult
        {
            ResourceId = resourceId,
            Traffic = query,
            Verdict = ReachabilityVerdict.Unknown,
            Path = $"internet → ? {resourceId}",
            Hops = [PathHop.Internet, PathHop.Resource(resourceId, EvidenceDecision.Unknown)],
            Summary = $"cannot tell whether {resourceId} is reachable: missing {missing}",
            Evidence = [new EvidenceStep(ReachabilityLayer.Service, resourceId, EvidenceDecision.Unknown, missing)],
            Missing = [missing],
        };
    }

    public static ReachabilityResult NoMembers(string groupId, TrafficQuery query) =>
        Closed(groupId, query, $"{groupId} has no member (instance, interface, balancer or database) in the graph, so it exposes nothing", []);

    /// <summary>Not reachable for a reason that is no layer of a path (no member, nothing attached).</summary>
    public static ReachabilityResult Closed(string resourceId, TrafficQuery query, string reason, IReadOnlyList<EvidenceStep> evidence) => new()
    {
        ResourceId = resourceId,
        Traffic = query,
        Verdict = ReachabilityVerdict.NotReachable,
        Path = $"internet ✗ {resourceId}",
        Hops = [PathHop.Internet, PathHop.Resource(resourceId, EvidenceDecision.Denies)],
        Summary = $"{resourceId} is not reachable from the internet on {query}: {reason}",
        Evidence = [.. evidence, new EvidenceStep(ReachabilityLayer.Service, resourceId, EvidenceDecision.Denies, reason)],
    };

    private static string BlockingReason(PathTrace trace) =>
        trace.Sofar.Evidence.LastOrDefault(s => s.Decision == EvidenceDecision.Denies)?.Reason ?? "no path";

    /// <summary>Per open path its narrowest change; several open paths need one change each.</summary>
    private static string? FixFor(IReadOnlyList<PathTrace> open)
    {
        // Loops: every answer asks this, and most have one open path with one narrowest change.
        string? first = null;
        List<string>? changes = null;
        foreach (var trace in open)
        {
            FixCandidate? narrowest = null;
            foreach (var fix in trace.Sofar.Fixes)
            {
                if (narrowest is null || fix.Rank < narrowest.Rank)
                {
                    narrowest = fix;
                }
            }

            if (narrowest?.Change is not { } change || change == first || (changes?.Contains(change) ?? false))
            {
                continue;
            }

            if (first is null)
            {
                first = change;
            }
            else
            {
                (changes ??= [first]).Add(change);
            }
        }

        return changes is null ? first : string.Join("; ", changes);
    }
}
