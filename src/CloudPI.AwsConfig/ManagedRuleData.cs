using System.Text.Json;

namespace CloudPI.AwsConfig;

/// <summary>The curated managed-rule facts embedded in the assembly (managed-rules.json), read with JsonDocument (AOT-safe).</summary>
public static class ManagedRuleData
{
    private const string ResourceName = "CloudPI.AwsConfig.managed-rules.json";

    public static IReadOnlyList<ManagedRule> All { get; } = Load();

    public static ManagedRule? Find(string identifier) => All.FirstOrDefault(rule => rule.Identifier == identifier);

    private static List<ManagedRule> Load()
    {
        using var stream = typeof(ManagedRuleData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().Select(Parse).ToList();
    }

    private static ManagedRule Parse(JsonElement rule) => new()
    {
        Name = rule.GetProperty("name").GetString()!,
        Identifier = rule.GetProperty("id").GetString()!,
        ResourceTypes = rule.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList(),
        Trigger = ParseTrigger(rule.GetProperty("trigger").GetString()!),
        Parameters = rule.GetProperty("parameters").EnumerateArray()
            .Select(p => new ManagedRuleParameter(
                p.GetProperty("name").GetString()!,
                p.GetProperty("optional").GetBoolean(),
                p.TryGetProperty("default", out var value) ? value.GetString() : null))
            .ToList(),
    };

    private static ManagedRuleTrigger ParseTrigger(string trigger) => trigger switch
    {
        "change" => ManagedRuleTrigger.ConfigurationChange,
        "periodic" => ManagedRuleTrigger.Periodic,
        "change+periodic" => ManagedRuleTrigger.ConfigurationChange | ManagedRuleTrigger.Periodic,
        _ => throw new InvalidOperationException($"managed-rules.json: unknown trigger '{trigger}'"),
    };
}
