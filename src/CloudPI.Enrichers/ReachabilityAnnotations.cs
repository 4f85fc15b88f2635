using System.Text.Json;
using CloudPI.Reachability;
using CloudPI.Controls.Network;
using Google.Protobuf.Collections;

namespace CloudPI.Enrichers;

/// <summary>
/// Reads back what the reachability enricher wrote, so the exploitability enricher can use an earlier reachability
/// run's verdicts (the same issue uuids) instead of computing them again.
/// </summary>
public static class ReachabilityAnnotations
{
    /// <summary>The verdict in <paramref name="annotations"/>, or null when they hold none (or only "unknown" for an unresolved issue).</summary>
    /// <param name="anyTrafficQuestion">The question was any traffic (the control names no port): its answer's traffic
    /// stays "all traffic" and the ports line lists the ports found open, one or several, as when it was computed.</param>
    public static ReachabilityResult? TryRead(MapField<string, string> annotations, string resourceId, bool anyTrafficQuestion)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        if (!annotations.TryGetValue(AnnotationKeys.Reachable, out var reachable) || !annotations.ContainsKey(AnnotationKeys.ReachabilityPath))
        {
            return null;
        }

        var verdict = reachable switch
        {
            "true" => ReachabilityVerdict.Reachable,
            "false" => ReachabilityVerdict.NotReachable,
            "restricted" => ReachabilityVerdict.RestrictedExposure,
            _ => ReachabilityVerdict.Unknown,
        };
        // The ports line holds the question's traffic, or for an any-traffic question the ports found open.
        var ports = annotations.TryGetValue(AnnotationKeys.ReachabilityPorts, out var portsText)
            ? portsText.Split(", ").Select(TrafficQuery.TryParse).OfType<TrafficQuery>().ToList()
            : [];
        var path = annotations[AnnotationKeys.ReachabilityPath];
        var open = verdict is ReachabilityVerdict.Reachable or ReachabilityVerdict.RestrictedExposure;
        return new ReachabilityResult
        {
            ResourceId = resourceId,
            Traffic = anyTrafficQuestion || ports.Count != 1 ? TrafficQuery.AnyTraffic : ports[0],
            OpenPorts = (anyTrafficQuestion && open) || ports.Count > 1 ? [.. ports.Select(p => new OpenPort(p, verdict, path))] : [],
            Verdict = verdict,
            Path = path,
            Hops = annotations.TryGetValue(AnnotationKeys.ReachabilityHops, out var hops) ? Hops(hops) : [],
            Summary = annotations.TryGetValue(AnnotationKeys.ReachabilitySummary, out var summary) ? summary : reachable,
            Evidence = annotations.TryGetValue(AnnotationKeys.ReachabilityEvidence, out var evidence) ? Evidence(evidence) : [],
            Missing = annotations.TryGetValue(AnnotationKeys.ReachabilityMissing, out var missing) ? missing.Split("; ") : [],
            Fix = annotations.TryGetValue(AnnotationKeys.ReachabilityFix, out var fix) ? fix : null,
            AllowedRanges = annotations.TryGetValue(AnnotationKeys.AllowedRanges, out var ranges) ? ranges.Split(", ") : [],
        };
    }

    private static List<EvidenceStep> Evidence(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(step => new EvidenceStep(
            Layer(step.GetProperty("layer").GetString()),
            step.GetProperty("node").GetString() ?? string.Empty,
            Enum.TryParse<EvidenceDecision>(step.GetProperty("decision").GetString(), ignoreCase: true, out var decision) ? decision : EvidenceDecision.Note,
            step.GetProperty("reason").GetString() ?? string.Empty)).ToList();
    }

    private static List<PathHop> Hops(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(hop => new PathHop(
            hop.GetProperty("kind").GetString() ?? string.Empty,
            hop.GetProperty("id").GetString() ?? string.Empty,
            hop.TryGetProperty("label", out var label) ? label.GetString() ?? string.Empty : string.Empty,
            hop.TryGetProperty("decision", out var decision) && Enum.TryParse<EvidenceDecision>(decision.GetString(), ignoreCase: true, out var parsed) ? parsed : EvidenceDecision.Allows)).ToList();
    }

    private static ReachabilityLayer Layer(string? name) => name switch
    {
        "nacl" => ReachabilityLayer.NetworkAcl,
        "security-group" => ReachabilityLayer.SecurityGroup,
        "load-balancer" => ReachabilityLayer.LoadBalancer,
        _ => Enum.TryParse<ReachabilityLayer>(name, ignoreCase: true, out var layer) ? layer : ReachabilityLayer.Service,
    };
}
