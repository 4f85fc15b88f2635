using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Controls.Network;
using CloudPI.Graph;
using CloudPI.Dracon.Enrichers;

namespace CloudPI.Enrichers;

/// <summary>
/// The reachability enricher's analysis: for each issue, the traffic its control is about (tcp/22 for open SSH,
/// any traffic otherwise), the verdict of the reachability engine, and the resource's dependencies, as annotations.
/// One engine serves every issue of a run, so per-subnet and per-group results are computed once.
/// </summary>
public sealed class ReachabilityAnnotator(IReachabilityEngine engine)
{
    // Few: a verdict held past the next collection is copied to an older generation, and a table of 64 held most of
    // them (see EndpointResolver.RecentResources for what that cost). Two rather than 8: the exploitability analysis
    // took 2-3% less (100k resources, 20k findings, Native AOT, three sets of five interleaved runs: 345 -> 334,
    // 320 -> 313 and 392 -> 385 ms), the reachability analysis no more or less. A verdict asked again after it left
    // the table is computed again, to the same answer.
    private const int RecentResults = 2;

    // An issue asks again for the verdict it chose its workload by, and neighbouring findings often name the same
    // resource and traffic (one per control, one per producer): answered once while they come, without holding every
    // verdict of the run.
    private readonly RecentValues<(GraphNode Resource, NetworkExposure? Traffic), ReachabilityResult> _results = new(RecentResults);
    private readonly ResourceDependencies _dependencies = new();

    // Made once: a lambda over the resource would allocate its closure and delegate for every question.
    private readonly Func<(GraphNode Resource, NetworkExposure? Traffic), ReachabilityResult> _evaluate = key => engine.Evaluate(key.Resource, key.Traffic);

    /// <summary>The verdict for one resolved issue, or null when its resource is not in the graph.</summary>
    public ReachabilityResult? Evaluate(ResolvedIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Resource is not { } resource)
        {
            return null;
        }

        if (issue.Control?.Exposures is not { Count: > 0 } exposures)
        {
            return Evaluate(resource, null);
        }

        // Several exposures (tcp/22 and tcp/3389): the most exposed verdict speaks for the finding (the first of equals).
        ReachabilityResult? most = null;
        foreach (var exposure in exposures)
        {
            var result = Evaluate(resource, exposure);
            if (most is null || result.Verdict < most.Verdict)
            {
                most = result;
            }
        }

        return most!;
    }

    /// <summary>Whether a control's findings ask about any traffic (the control names no port, or only any traffic), as
    /// <see cref="Evaluate(ResolvedIssue)"/> asks them; a verdict read back needs to know, as its annotations do not say.</summary>
    public static bool AsksAnyTraffic(Control? control) =>
        control?.Exposures is not { Count: > 0 } exposures || exposures.All(e => TrafficQuery.From(e).IsAnyTraffic);

    /// <summary>A vulnerability finding whose target is no graph node is judged on the workload it runs on that the
    /// internet reaches best (ties: the first in graph order), so both enrichers pick the same one.</summary>
    public ResolvedIssue OnMostExposedWorkload(ResolvedIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (issue.Resource is not null || issue.OwnVulnerabilities.Count == 0)
        {
            return issue;
        }

        return issue with { Resource = MostExposedWorkload(issue) };
    }

    /// <summary>A method of its own: its lambda's capture of the issue would otherwise be allocated for every issue.</summary>
    private GraphNode MostExposedWorkload(ResolvedIssue issue) =>
        issue.OwnVulnerabilities.Select(j => j.Workload).DistinctBy(w => w.Index)
            .OrderBy(w => Evaluate(issue with { Resource = w })!.Verdict)
            .ThenBy(w => w.Index)
            .First();

    private ReachabilityResult Evaluate(GraphNode resource, NetworkExposure? exposure)
    {
        // Any traffic is one question whether a control names no exposure or NetworkExposure.AnyTraffic: a resource's
        // findings of both kinds (no public IP, internet-exposed instance) share one verdict.
        var asked = exposure is not null && TrafficQuery.From(exposure).IsAnyTraffic ? null : exposure;
        return _results.GetOrAdd((resource, asked), _evaluate);
    }

    public AnnotatedIssue Annotate(ResolvedIssue issue, ReachabilityResult? result)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var annotated = new AnnotatedIssue(issue.Issue, issue.Encoded);
        if (issue.Control is { } control)
        {
            annotated.Set(AnnotationKeys.Control, control.Id);
        }

        if (issue.UnresolvedReason is { } reason)
        {
            annotated.Set(AnnotationKeys.Unresolved, reason);
        }

        if (issue.Resource is not { } resource || result is null)
        {
            annotated.Set(AnnotationKeys.Reachable, "unknown");
            return annotated;
        }

        annotated.Set(AnnotationKeys.Resource, resource.Id ?? resource.ExternalId);
        annotated.Set(AnnotationKeys.Reachable, VerdictText(result.Verdict));
        annotated.Set(AnnotationKeys.ReachabilityPath, result.Path);
        annotated.SetJson(AnnotationKeys.ReachabilityHops, result.Hops, WriteHops);
        annotated.Set(AnnotationKeys.ReachabilitySummary, result.Summary);
        annotated.Set(AnnotationKeys.ReachabilityPorts, PortsText(result));
        annotated.SetJson(AnnotationKeys.ReachabilityEvidence, result.Evidence, WriteEvidence);
        SetIfAny(annotated, AnnotationKeys.ReachabilityMissing, string.Join("; ", result.Missing));
        SetIfAny(annotated, AnnotationKeys.ReachabilityFix, result.Fix);
        SetIfAny(annotated, AnnotationKeys.AllowedRanges, string.Join(", ", result.AllowedRanges));
        if (CartographyExposureRule.Exposed(resource) is { } cartographyExposed)
        {
            annotated.Set(AnnotationKeys.CartographyExposed, cartographyExposed ? "true" : "false");
        }

        annotated.SetJson(AnnotationKeys.Dependencies, (_dependencies, resource), static (json, of) => of._dependencies.WriteJson(of.resource, json));
        return annotated;
    }

    /// <summary>The traffic found open (reachable or restricted), in order; the question's traffic when none is.</summary>
    private static string PortsText(ReachabilityResult result)
    {
        string? first = null;
        List<string>? several = null;
        foreach (var port in result.OpenPorts)
        {
            if (port.Verdict is ReachabilityVerdict.Reachable or ReachabilityVerdict.RestrictedExposure)
            {
                var text = port.Traffic.ToString();
                if (first is null)
                {
                    first = text;
                }
                else
                {
                    (several ??= [first]).Add(text);
                }
            }
        }

        return several is not null ? string.Join(", ", several) : first ?? result.Traffic.ToString();
    }

    public static string VerdictText(ReachabilityVerdict verdict) => verdict switch
    {
        ReachabilityVerdict.Reachable => "true",
        ReachabilityVerdict.NotReachable => "false",
        ReachabilityVerdict.RestrictedExposure => "restricted",
        _ => "unknown",
    };

    private static void SetIfAny(AnnotatedIssue annotated, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            annotated.Set(key, value); // Dracon's Go side writes empty values, C# does not: keep them out.
        }
    }

    private static void WriteEvidence(System.Text.Json.Utf8JsonWriter json, IReadOnlyList<EvidenceStep> evidence)
    {
        json.WriteStartArray();
        for (var i = 0; i < evidence.Count; i++)
        {
            var step = evidence[i];
            json.WriteStartObject();
            json.WriteString(JsonNames.Layer, JsonValues.Of(step.Layer));
            json.WriteString(JsonNames.Node, step.NodeId);
            json.WriteString(JsonNames.Decision, JsonValues.Of(step.Decision));
            json.WriteString(JsonNames.Reason, step.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteHops(System.Text.Json.Utf8JsonWriter json, IReadOnlyList<PathHop> hops)
    {
        json.WriteStartArray();
        for (var i = 0; i < hops.Count; i++)
        {
            var hop = hops[i];
            json.WriteStartObject();
            json.WriteString(JsonNames.Kind, JsonValues.Literal(hop.Kind));
            json.WriteString(JsonNames.Id, hop.Id);
            json.WriteString(JsonNames.Label, hop.Label);
            json.WriteString(JsonNames.Decision, JsonValues.Of(hop.Decision));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
