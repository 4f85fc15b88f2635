using System.Text.Json;
using CloudPI.TestSupport;

namespace CloudPI.Controls.Tests;

/// <summary>Shared access to the built-in catalog and the AWS Config managed-rule catalogue in shared/data.</summary>
internal static class Catalogs
{
    public static ControlCatalog Default => ControlCatalog.Default;

    public static Control ById(string id) => Default.Controls.Single(c => c.Id == id);

    public static IReadOnlyList<ManagedRule> ManagedRules { get; } = LoadManagedRules();

    private static List<ManagedRule> LoadManagedRules()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.SharedData("aws-config-managed-rules.json")));
        return document.RootElement.EnumerateArray()
            .Select(rule => new ManagedRule(
                rule.GetProperty("area").GetString()!,
                rule.GetProperty("name").GetString()!,
                rule.GetProperty("id").GetString()!,
                rule.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList(),
                rule.GetProperty("prowler").EnumerateArray().Select(p => p.GetString()!).ToList()))
            .ToList();
    }
}

/// <summary>One entry of aws-config-managed-rules.json.</summary>
internal sealed record ManagedRule(string Area, string Name, string Identifier, IReadOnlyList<string> Types, IReadOnlyList<string> Prowler);
