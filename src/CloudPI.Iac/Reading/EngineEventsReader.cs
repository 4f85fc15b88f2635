using System.Text.Json;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Reading;

/// <summary>
/// Reads the streaming engine events of a preview, one JSON object per line: resources from
/// <c>resourcePreEvent.metadata.new</c>, CrossGuard violations from <c>policyEvent</c>, config from the prelude, and
/// whether the preview is complete from its <c>diagnosticEvent</c>s and <c>summaryEvent</c>. Every stream ends with a
/// <c>cancelEvent</c>, a successful one too, so that event says nothing.
/// </summary>
internal static class EngineEventsReader
{
    private static readonly string[] EventKinds =
    [
        "cancelEvent", "stdoutEvent", "diagnosticEvent", "preludeEvent", "summaryEvent", "resourcePreEvent", "resOutputsEvent",
        "resOpFailedEvent", "policyEvent", "policyRemediationEvent", "policyLoadEvent", "policyAnalyzeSummaryEvent",
        "policyRemediateSummaryEvent", "policyAnalyzeStackSummaryEvent", "startDebuggingEvent", "progressEvent", "errorEvent",
    ];

    public static bool Recognises(JsonElement firstLine) =>
        firstLine.ValueKind == JsonValueKind.Object
        && firstLine.TryGetProperty("sequence", out _)
        && EventKinds.Any(kind => firstLine.TryGetProperty(kind, out _));

    public static IacStack Read(IEnumerable<(int Line, JsonElement Event)> events, string file)
    {
        var resources = new List<IacResource>();
        var removed = new List<IacResource>();
        var violations = new List<PolicyViolation>();
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        var completeness = PreviewCompleteness.ForEngineEvents();
        foreach (var (line, engineEvent) in events)
        {
            var path = new JsonPath(file, $"line {line}");
            if (engineEvent.ValueKind != JsonValueKind.Object)
            {
                throw path.Error("expected an engine event object");
            }

            if (engineEvent.TryGetProperty("resourcePreEvent", out var pre))
            {
                var (operation, resource, old) = ReadResource(pre, path.Property("resourcePreEvent"));
                completeness.Step(operation);
                if (resource is not null)
                {
                    resources.Add(resource);
                }

                if (old is not null)
                {
                    removed.Add(old);
                }
            }
            else if (engineEvent.TryGetProperty("policyEvent", out var policy))
            {
                violations.Add(ReadViolation(policy, path.Property("policyEvent")));
            }
            else if (engineEvent.TryGetProperty("diagnosticEvent", out var diagnostic))
            {
                ReadDiagnostic(diagnostic, path.Property("diagnosticEvent"), completeness);
            }
            else if (engineEvent.TryGetProperty("preludeEvent", out var prelude) && prelude.ValueKind == JsonValueKind.Object)
            {
                foreach (var (key, value) in PreviewDigestReader.Config(prelude, path.Property("preludeEvent")))
                {
                    config[key] = value;
                }
            }
            else if (engineEvent.TryGetProperty("summaryEvent", out var summary))
            {
                var summaryPath = path.Property("summaryEvent");
                if (summary.ValueKind != JsonValueKind.Object)
                {
                    throw summaryPath.Error("expected an object");
                }

                completeness.Summary(summary.TryGetProperty("resourceChanges", out var changes) ? changes : default, summaryPath.Property("resourceChanges"));
            }
        }

        var reasons = completeness.Reasons(mandatoryPolicyViolated: violations.Any(v => v.IsMandatory));
        return new IacStack(file, InputFormat.EngineEvents, resources, config, completeness.ListsEveryResource, violations, reasons, removed);
    }

    /// <summary>The step's operation, its resource unless the step deletes it, and the resource it removes (a deletion's or replacement's old state).</summary>
    private static (string Operation, IacResource? Resource, IacResource? Removed) ReadResource(JsonElement pre, JsonPath path)
    {
        var metadataPath = path.Property("metadata");
        if (!pre.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            throw metadataPath.Error("missing");
        }

        var operation = ResourceStateReader.RequiredString(metadata, "op", metadataPath);
        var old = ResourceStateReader.OldState(metadata, "old", metadataPath);
        var removed = (StepOperations.IsDeletion(operation) || operation == "replace") && old is { } gone ? ResourceStateReader.Read(gone.State, operation, gone.Path) : null;
        if (StepOperations.IsDeletion(operation) || !metadata.TryGetProperty("new", out var state) || state.ValueKind == JsonValueKind.Null)
        {
            return (operation, null, removed);
        }

        return (operation, ResourceStateReader.Read(state, operation, metadataPath.Property("new"), old), removed);
    }

    private static void ReadDiagnostic(JsonElement diagnostic, JsonPath path, PreviewCompleteness completeness)
    {
        if (diagnostic.ValueKind != JsonValueKind.Object)
        {
            throw path.Error("expected an object");
        }

        completeness.Diagnostic(
            ResourceStateReader.OptionalString(diagnostic, "urn", path),
            (ResourceStateReader.OptionalString(diagnostic, "prefix", path) ?? string.Empty) + (ResourceStateReader.OptionalString(diagnostic, "message", path) ?? string.Empty),
            ResourceStateReader.OptionalString(diagnostic, "severity", path));
    }

    private static PolicyViolation ReadViolation(JsonElement policy, JsonPath path)
    {
        if (policy.ValueKind != JsonValueKind.Object)
        {
            throw path.Error("expected an object");
        }

        return new PolicyViolation(
            ResourceStateReader.OptionalString(policy, "resourceUrn", path) ?? string.Empty,
            ResourceStateReader.RequiredString(policy, "policyPackName", path),
            ResourceStateReader.RequiredString(policy, "policyName", path),
            ColorMarkup.Strip(ResourceStateReader.OptionalString(policy, "message", path) ?? string.Empty).Trim(),
            ResourceStateReader.OptionalString(policy, "enforcementLevel", path)?.ToLowerInvariant() ?? "advisory",
            ResourceStateReader.OptionalString(policy, "severity", path)?.ToLowerInvariant());
    }
}
