using System.Text.Json;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// Reads an SQS queue policy (Cartography stores it as raw JSON) for a statement that allows anyone: principal
/// <c>*</c>, <c>{"AWS":"*"}</c> or a list holding <c>*</c>, with no condition to narrow it.
/// </summary>
internal static class QueuePolicy
{
    public static string? PublicStatement(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(policy);
            if (!document.RootElement.TryGetProperty("Statement", out var statements))
            {
                return null;
            }

            var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
            for (var i = 0; i < list.Count; i++)
            {
                var statement = list[i];
                if (Text(statement, "Effect") == "Allow" && IsAnyone(statement) && !statement.TryGetProperty("Condition", out _))
                {
                    return $"policy statement {Text(statement, "Sid") ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} allows principal * with no condition";
                }
            }
        }
        catch (JsonException)
        {
            return null; // An unreadable policy is not evidence of a public one.
        }

        return null;
    }

    private static bool IsAnyone(JsonElement statement)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return false;
        }

        return principal.ValueKind switch
        {
            JsonValueKind.String => principal.GetString() == "*",
            JsonValueKind.Object => principal.EnumerateObject().Any(p => p.Name is "AWS" or "CanonicalUser" && Contains(p.Value, "*")),
            _ => false,
        };
    }

    private static bool Contains(JsonElement value, string wanted) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() == wanted,
        JsonValueKind.Array => value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == wanted),
        _ => false,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
