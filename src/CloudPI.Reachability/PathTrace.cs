using CloudPI.Controls.Network;

namespace CloudPI.Reachability;

/// <summary>
/// An immutable path from the internet towards one resource: the sources still getting through after each layer,
/// and every step taken. Immutable so a balancer's path can be shared by all of its targets.
/// </summary>
internal sealed class PathTrace
{
    private PathTrace(string resourceId, TrafficQuery traffic, LayerOutcome sofar)
    {
        ResourceId = resourceId;
        Traffic = traffic;
        Sofar = sofar;
    }

    public string ResourceId { get; }

    public TrafficQuery Traffic { get; }

    /// <summary>Everything applied so far, starting from every public IPv4 and IPv6 source.</summary>
    public LayerOutcome Sofar { get; }

    public bool IsClosed => Sofar.IsClosed;

    public ReachabilityVerdict Verdict =>
        Sofar.Definite.CoversInternet ? ReachabilityVerdict.Reachable
        : !Sofar.Definite.IsEmpty ? ReachabilityVerdict.RestrictedExposure
        : !Sofar.Possible.IsEmpty ? ReachabilityVerdict.Unknown
        : ReachabilityVerdict.NotReachable;

    public static PathTrace FromInternet(string resourceId, TrafficQuery traffic) =>
        new(resourceId, traffic, new LayerOutcome(AddressSet.PublicInternet, AddressSet.PublicInternet, []));

    /// <summary>Applies a layer; once closed, later layers are not consulted (the evidence ends at the block).</summary>
    public PathTrace Then(LayerOutcome layer) => IsClosed ? this : new(ResourceId, Traffic, Sofar.Then(layer));

    public PathTrace Then(Func<LayerOutcome> layer) => IsClosed ? this : Then(layer());

    /// <summary>The same path continued towards another resource (a balancer's target) and traffic.</summary>
    public PathTrace Towards(string resourceId, TrafficQuery traffic) => new(resourceId, traffic, Sofar);

    /// <summary>The path's hops in order, from the internet to the resource or to the hop that blocks it.</summary>
    public IReadOnlyList<PathHop> Hops
    {
        get
        {
            var hops = new List<PathHop> { PathHop.Internet };
            var evidence = Sofar.Evidence;
            for (var i = 0; i < evidence.Count; i++)
            {
                var step = evidence[i];
                if (step.Hop is null)
                {
                    continue;
                }

                hops.Add(PathHop.Of(step));
                if (step.Decision == EvidenceDecision.Denies)
                {
                    return hops;
                }
            }

            hops.Add(PathHop.Resource(ResourceId));
            return hops;
        }
    }

    private string? _path;

    /// <summary>The compact path (<c>internet → igw-1 → … → i-1</c>); built once, as both an open port and the answer may quote it.</summary>
    public string Path => _path ??= BuildPath();

    private string BuildPath()
    {
        var path = new System.Text.StringBuilder("internet", 192);
        var evidence = Sofar.Evidence;
        for (var i = 0; i < evidence.Count; i++)
        {
            var step = evidence[i];
            if (step.Hop is null)
            {
                continue;
            }

            switch (step.Decision)
            {
                case EvidenceDecision.Denies:
                    return path.Append(" ✗ ").Append(step.Hop).ToString();
                case EvidenceDecision.Unknown:
                    path.Append(" → ? ").Append(step.Hop);
                    break;
                default:
                    path.Append(" → ").Append(step.Hop);
                    break;
            }
        }

        return path.Append(" → ").Append(ResourceId).ToString();
    }
}
