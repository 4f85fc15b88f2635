using System.Text.Json;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Reading;

/// <summary>
/// Reads <c>pulumi preview --json</c>: the new state of every step that is not a deletion, and whether the preview is
/// complete (its diagnostics and changeSummary against the steps it lists).
/// </summary>
internal static class PreviewDigestReader
{
    /// <summary>Any of the digest's own keys: a preview that failed early has only diagnostics and a duration.</summary>
    public static bool Recognises(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && ((string[])["steps", "changeSummary", "diagnostics", "duration"]).Any(key => root.TryGetProperty(key, out _))
        && !root.TryGetProperty("deployment", out _);

    public static IacStack Read(JsonElement root, string file)
    {
        var path = JsonPath.Root(file);
        var resources = new List<IacResource>();
        var removed = new List<IacResource>();
        var completeness = PreviewCompleteness.ForDigest();
        foreach (var (step, stepPath) in Objects(root, "steps", "a step", path))
        {
            var operation = ResourceStateReader.RequiredString(step, "op", stepPath);
            completeness.Step(operation);
            if ((StepOperations.IsDeletion(operation) || operation == "replace") && ResourceStateReader.OldState(step, "oldState", stepPath) is { } old)
            {
                removed.Add(ResourceStateReader.Read(old.State, operation, old.Path));
            }

            if (StepOperations.IsDeletion(operation) || !step.TryGetProperty("newState", out var state) || state.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            resources.Add(ResourceStateReader.Read(state, operation, stepPath.Property("newState"), ResourceStateReader.OldState(step, "oldState", stepPath)));
        }

        foreach (var (diagnostic, diagnosticPath) in Objects(root, "diagnostics", "a diagnostic", path))
        {
            // The digest folds the "error: " prefix into the message.
            completeness.Diagnostic(
                ResourceStateReader.OptionalString(diagnostic, "urn", diagnosticPath),
                ResourceStateReader.OptionalString(diagnostic, "message", diagnosticPath) ?? string.Empty,
                ResourceStateReader.OptionalString(diagnostic, "severity", diagnosticPath));
        }

        if (root.TryGetProperty("changeSummary", out var summary))
        {
            completeness.Summary(summary, path.Property("changeSummary"));
        }

        return new IacStack(file, InputFormat.PreviewDigest, resources, Config(root, path), completeness.ListsEveryResource, [], completeness.Reasons(mandatoryPolicyViolated: false), removed);
    }

    /// <summary>The objects of an optional array property, each with its path.</summary>
    private static IEnumerable<(JsonElement Item, JsonPath Path)> Objects(JsonElement root, string name, string what, JsonPath path)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw path.Property(name).Error("expected an array");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = path.Property(name).Index(index++);
            yield return item.ValueKind == JsonValueKind.Object ? (item, itemPath) : throw itemPath.Error($"expected {what} object");
        }
    }

    internal static Dictionary<string, string> Config(JsonElement parent, JsonPath path)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!parent.TryGetProperty("config", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return config;
        }

        foreach (var entry in values.EnumerateObject())
        {
            config[entry.Name] = entry.Value.ValueKind switch
            {
                JsonValueKind.String => entry.Value.GetString()!,
                JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => entry.Value.GetRawText(),
                _ => throw path.Property("config").Property(entry.Name).Error("unexpected value"),
            };
        }

        return config;
    }
}
