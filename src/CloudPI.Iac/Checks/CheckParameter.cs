using System.Text.Json;

namespace CloudPI.Iac.Checks;

public enum ParameterKind
{
    StringList,
    Boolean,
}

/// <summary>A setting a check accepts in the policy config, with its default and, for lists, the values allowed.</summary>
public sealed record CheckParameter(string Name, ParameterKind Kind, string Description, string DefaultJson, IReadOnlyList<string>? AllowedValues = null, bool AllowsEmpty = false)
{
    public static CheckParameter List(string name, string description, IReadOnlyList<string> defaults, IReadOnlyList<string>? allowed = null, bool allowsEmpty = false) =>
        new(name, ParameterKind.StringList, description, JsonSerializeStrings(defaults), allowed, allowsEmpty);

    public static CheckParameter Flag(string name, string description, bool defaultValue) =>
        new(name, ParameterKind.Boolean, description, defaultValue ? "true" : "false");

    /// <summary>Why <paramref name="value"/> is not acceptable, or null when it is.</summary>
    public string? Validate(JsonElement value)
    {
        if (Kind == ParameterKind.Boolean)
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "expected true or false";
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())))
        {
            return "expected an array of non-empty strings";
        }

        if (value.GetArrayLength() == 0 && !AllowsEmpty)
        {
            return "expected at least one value";
        }

        var invalid = AllowedValues is null ? null : value.EnumerateArray().Select(v => v.GetString()!).FirstOrDefault(v => !AllowedValues.Contains(v, StringComparer.Ordinal));
        return invalid is null ? null : $"'{invalid}' is not one of {string.Join(", ", AllowedValues!)}";
    }

    private static string JsonSerializeStrings(IReadOnlyList<string> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
