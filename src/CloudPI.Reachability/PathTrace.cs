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

    public static PathTrace FromInternet(string resourceId, TrafficQuery traffic) => new(resourceId, traffic, Internet);

    /// <summary>Every public source, nothing said yet: one outcome shared by every path's start (it is immutable).</summary>
    private static readonly LayerOutcome Internet = new(AddressSet.PublicInternet, AddressSet.PublicInternet, []);

    /// <summary>Applies a layer; once closed, later layers are not consulted (the evidence ends at the block).</summary>
    public PathTrace Then(LayerOutcome layer)
    {
        if (IsClosed)
        {
            return this;
        }

        var sofar = Sofar.Then(layer);
        return ReferenceEquals(sofar, Sofar) ? this : new(ResourceId, Traffic, sofar);
    }

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

    private const string Start = "internet";
    private const string Through = " → ";
    private const string ThroughUnknown = " → ? ";
    private const string BlockedAt = " ✗ ";

    // Sized first, then written once: every question asks for a path or several, and a builder would allocate twice.
    private string BuildPath()
    {
        var evidence = Sofar.Evidence;
        var length = Start.Length;
        var blocked = false;
        for (var i = 0; i < evidence.Count && !blocked; i++)
        {
            if (evidence[i] is { Hop: { } hop } step)
            {
                blocked = step.Decision == EvidenceDecision.Denies;
                length += Separator(step.Decision).Length + hop.Length;
            }
        }

        length += blocked ? 0 : Through.Length + ResourceId.Length;
        return string.Create(length, this, static (chars, trace) =>
        {
            var evidence = trace.Sofar.Evidence;
            Start.CopyTo(chars);
            var at = Start.Length;
            for (var i = 0; i < evidence.Count; i++)
            {
                if (evidence[i] is { Hop: { } hop } step)
                {
                    var separator = Separator(step.Decision);
                    separator.CopyTo(chars[at..]);
                    at += separator.Length;
                    hop.CopyTo(chars[at..]);
                    at += hop.Length;
                    if (step.Decision == EvidenceDecision.Denies)
                    {
                        return;
                    }
                }
            }

            Through.CopyTo(chars[at..]);
            trace.ResourceId.CopyTo(chars[(at + Through.Length)..]);
        });
    }

    private static string Separator(EvidenceDecision decision) => decision switch
    {
        EvidenceDecision.Denies => BlockedAt,
        EvidenceDecision.Unknown => ThroughUnknown,
        _ => Through,
    };
}
