using System.Text.Json;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Reading;

/// <summary>Reads Pulumi's ResourceV3 state (a preview step's <c>newState</c>, an export's resource, an event's <c>new</c>).</summary>
internal static class ResourceStateReader
{
    /// <summary>
    /// Reads the new state of a step. The engine announces a step before running it, so an unchanged or updated
    /// resource's new state may not carry its id and outputs yet: they come from <paramref name="oldState"/> where
    /// the step keeps them, so a literal id elsewhere in the stack still names the resource.
    /// </summary>
    public static IacResource Read(JsonElement state, string operation, JsonPath path, (JsonElement State, JsonPath Path)? oldState = null)
    {
        if (state.ValueKind != JsonValueKind.Object)
        {
            throw path.Error("expected a resource state object");
        }

        var urn = RequiredString(state, "urn", path);
        var outputs = Value(state, "outputs");
        return new IacResource
        {
            Urn = urn,
            Type = OptionalString(state, "type", path) ?? TypeFromUrn(urn),
            Operation = operation,
            Id = OptionalString(state, "id", path) ?? (oldState is { } kept && StepOperations.KeepsId(operation) ? OptionalString(kept.State, "id", kept.Path) : null),
            Inputs = Value(state, "inputs"),
            Outputs = outputs.IsMissing && oldState is { } unchanged && StepOperations.KeepsOutputs(operation) ? Value(unchanged.State, "outputs") : outputs,
            ProviderUrn = ProviderUrn(OptionalString(state, "provider", path)),
            Dependencies = StringArray(state, "dependencies", path),
            PropertyDependencies = PropertyDependencies(state, path),
            SourcePosition = OptionalString(state, "sourcePosition", path),
        };
    }

    /// <summary>A step's old state (<c>oldState</c> of a preview step, <c>old</c> of an event), when it has one.</summary>
    public static (JsonElement State, JsonPath Path)? OldState(JsonElement step, string name, JsonPath path) =>
        step.TryGetProperty(name, out var old) && old.ValueKind == JsonValueKind.Object ? (old, path.Property(name)) : null;

    public static string RequiredString(JsonElement element, string name, JsonPath path) =>
        OptionalString(element, name, path) ?? throw path.Property(name).Error("missing");

    public static string? OptionalString(JsonElement element, string name, JsonPath path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw path.Property(name).Error("expected a string");
    }

    /// <summary><c>urn:pulumi:stack::project::parent$type::name</c>: the type is the last <c>$</c>-separated part.</summary>
    private static string TypeFromUrn(string urn)
    {
        var parts = urn.Split("::");
        return parts.Length >= 4 ? parts[2][(parts[2].LastIndexOf('$') + 1)..] : string.Empty;
    }

    private static IacValue Value(JsonElement state, string name) =>
        state.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? IacValue.From(value) : IacValue.Missing;

    /// <summary>A provider reference is <c>&lt;provider urn&gt;::&lt;provider id&gt;</c>; the id may be the unknown sentinel.</summary>
    private static string? ProviderUrn(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var separator = reference.LastIndexOf("::", StringComparison.Ordinal);
        return separator > 0 ? reference[..separator] : reference;
    }

    private static IReadOnlyList<string> StringArray(JsonElement element, string name, JsonPath path)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw path.Property(name).Error("expected an array of URNs");
        }

        return array.EnumerateArray()
            .Select((item, index) => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw path.Property(name).Index(index).Error("expected a URN string"))
            .ToList();
    }

    private static Dictionary<string, IReadOnlyList<string>> PropertyDependencies(JsonElement state, JsonPath path)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!state.TryGetProperty("propertyDependencies", out var dependencies) || dependencies.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (dependencies.ValueKind != JsonValueKind.Object)
        {
            throw path.Property("propertyDependencies").Error("expected an object");
        }

        foreach (var property in dependencies.EnumerateObject())
        {
            result[property.Name] = StringArray(dependencies, property.Name, path.Property("propertyDependencies"));
        }

        return result;
    }
}
