using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CloudPI.Controls.Catalog.Sqs;
using CloudPI.Controls.Policies;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// sqs-queue-no-public-access on the graph: the queue policy Cartography stores (raw JSON) has a statement that
/// lets anyone in, by the catalog's one reading of a public statement (<see cref="SqsQueueNoPublicAccess.PublicGrants"/>).
/// </summary>
internal static class SqsQueueNoPublicAccessOnGraph
{
    [ModuleInitializer]
    internal static void Register() =>
        GraphCheckCatalog.Register(new PropertyCheck(SqsQueueNoPublicAccess.Control, CartographyKinds.SqsQueue, PublicStatement));

    private static string? PublicStatement(GraphNode queue)
    {
        if (queue.Properties.GetString("policy") is not { Length: > 0 } policy)
        {
            return null;
        }

        try
        {
            return SqsQueueNoPublicAccess.PublicGrants(policy).FirstOrDefault() is { } grant
                ? $"policy statement {grant.Sid ?? grant.Index.ToString(CultureInfo.InvariantCulture)} allows principal * with no condition{(HasCondition(policy, grant.Index) ? " that restricts the caller" : "")}"
                : null;
        }
        catch (JsonException)
        {
            return null; // An unreadable policy is not evidence of a public one.
        }
    }

    private static bool HasCondition(string policy, int index)
    {
        using var document = JsonDocument.Parse(policy);
        var statements = document.RootElement.GetProperty("Statement");
        // PublicPolicy numbers the object statements from 1.
        var statement = statements.ValueKind == JsonValueKind.Array
            ? statements.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ElementAt(index - 1)
            : statements;
        return statement.TryGetProperty("Condition", out _);
    }
}
