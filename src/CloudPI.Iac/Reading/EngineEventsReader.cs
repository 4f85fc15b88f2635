using System.Text.Json;
using System.Text.RegularExpressions;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Reading;

/// <summary>
/// Reads the streaming engine events of a preview, one JSON object per line: resources from
/// <c>resourcePreEvent.metadata.new</c>, CrossGuard violations from <c>policyEvent</c>, config from the prelude.
/// </summary>
internal static partial class EngineEventsReader
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
        var violations = new List<PolicyViolation>();
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        long? summarySame = null;
        var sameSteps = 0;
        foreach (var (line, engineEvent) in events)
        {
            var path = new JsonPath(file, $"line {line}");
            if (engineEvent.ValueKind != JsonValueKind.Object)
            {
                throw path.Error("expected an engine event object");
            }

            if (engineEvent.TryGetProperty("resourcePreEvent", out var pre))
            {
                var resource = ReadResource(pre, path.Property("resourcePreEvent"));
                sameSteps += resource?.Operation == "same" ? 1 : 0;
                if (resource is not null)
                {
                    resources.Add(resource);
                }
            }
            else if (engineEvent.TryGetProperty("policyEvent", out var policy))
            {
                violations.Add(ReadViolation(policy, path.Property("policyEvent")));
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
                summarySame = SameCount(summary);
            }
        }

        // Without the summary (a stream cut short, or filtered) there is no telling what was left out.
        var listsEveryResource = summarySame is { } same && same <= sameSteps;
        return new IacStack(file, InputFormat.EngineEvents, resources, config, listsEveryResource, violations);
    }

    private static IacResource? ReadResource(JsonElement pre, JsonPath path)
    {
        var metadataPath = path.Property("metadata");
        if (!pre.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            throw metadataPath.Error("missing");
        }

        var operation = ResourceStateReader.RequiredString(metadata, "op", metadataPath);
        if (StepOperations.IsDeletion(operation) || !metadata.TryGetProperty("new", out var state) || state.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return ResourceStateReader.Read(state, operation, metadataPath.Property("new"), ResourceStateReader.OldState(metadata, "old", metadataPath));
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
            StripColor(ResourceStateReader.OptionalString(policy, "message", path) ?? string.Empty).Trim(),
            ResourceStateReader.OptionalString(policy, "enforcementLevel", path)?.ToLowerInvariant() ?? "advisory",
            ResourceStateReader.OptionalString(policy, "severity", path)?.ToLowerInvariant());
    }

    private static long? SameCount(JsonElement summary) =>
        summary.ValueKind == JsonValueKind.Object
        && summary.TryGetProperty("resourceChanges", out var changes) && changes.ValueKind == JsonValueKind.Object
            ? changes.TryGetProperty("same", out var same) && same.TryGetInt64(out var count) ? count : 0
            : 0;

    private static string StripColor(string message) => ColorMarkup().Replace(message, string.Empty);

    [GeneratedRegex(@"<\{%[^%]*%\}>")]
    private static partial Regex ColorMarkup();
}
