using System.Text.Json;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Reading;

/// <summary>Reads <c>pulumi stack export</c>: every resource of the deployment except those pending deletion.</summary>
internal static class StackExportReader
{
    public static bool Recognises(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("deployment", out _);

    public static IacStack Read(JsonElement root, string file)
    {
        var path = JsonPath.Root(file);
        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number is < 3 or > 4)
        {
            throw path.Property("version").Error("expected a stack export of deployment version 3 or 4");
        }

        var deployment = root.GetProperty("deployment");
        var resources = new List<IacResource>();
        if (deployment.ValueKind != JsonValueKind.Object)
        {
            throw path.Property("deployment").Error("expected an object");
        }

        if (deployment.TryGetProperty("resources", out var states) && states.ValueKind != JsonValueKind.Null)
        {
            if (states.ValueKind != JsonValueKind.Array)
            {
                throw path.Property("deployment").Property("resources").Error("expected an array");
            }

            var index = 0;
            foreach (var state in states.EnumerateArray())
            {
                var statePath = path.Property("deployment").Property("resources").Index(index++);
                if (state.ValueKind == JsonValueKind.Object && state.TryGetProperty("delete", out var delete) && delete.ValueKind == JsonValueKind.True)
                {
                    continue;
                }

                resources.Add(ResourceStateReader.Read(state, "state", statePath));
            }
        }

        return new IacStack(file, InputFormat.StackExport, resources, new Dictionary<string, string>(), listsEveryResource: true, [], incompleteReasons: []);
    }
}
