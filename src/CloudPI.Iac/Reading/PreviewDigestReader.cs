using System.Text.Json;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Reading;

/// <summary>Reads <c>pulumi preview --json</c>: the new state of every step that is not a deletion.</summary>
internal static class PreviewDigestReader
{
    public static bool Recognises(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && (root.TryGetProperty("steps", out _) || root.TryGetProperty("changeSummary", out _))
        && !root.TryGetProperty("deployment", out _);

    public static IacStack Read(JsonElement root, string file)
    {
        var path = JsonPath.Root(file);
        var resources = new List<IacResource>();
        var sameSteps = 0;
        if (root.TryGetProperty("steps", out var steps) && steps.ValueKind != JsonValueKind.Null)
        {
            if (steps.ValueKind != JsonValueKind.Array)
            {
                throw path.Property("steps").Error("expected an array");
            }

            var index = 0;
            foreach (var step in steps.EnumerateArray())
            {
                var stepPath = path.Property("steps").Index(index++);
                if (step.ValueKind != JsonValueKind.Object)
                {
                    throw stepPath.Error("expected a step object");
                }

                var operation = ResourceStateReader.RequiredString(step, "op", stepPath);
                sameSteps += operation == "same" ? 1 : 0;
                if (StepOperations.IsDeletion(operation) || !step.TryGetProperty("newState", out var state) || state.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                resources.Add(ResourceStateReader.Read(state, operation, stepPath.Property("newState"), ResourceStateReader.OldState(step, "oldState", stepPath)));
            }
        }

        var listsEveryResource = SameCount(root, path) <= sameSteps;
        return new IacStack(file, InputFormat.PreviewDigest, resources, Config(root, path), listsEveryResource, []);
    }

    /// <summary>How many unchanged resources the summary counts; more than the listed same steps means no --show-sames.</summary>
    private static long SameCount(JsonElement root, JsonPath path)
    {
        if (!root.TryGetProperty("changeSummary", out var summary) || summary.ValueKind != JsonValueKind.Object
            || !summary.TryGetProperty("same", out var same))
        {
            return 0;
        }

        return same.TryGetInt64(out var count) ? count : throw path.Property("changeSummary").Property("same").Error("expected a count");
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
