using System.Text.Json;

namespace CloudPI.Iac.Checks;

/// <summary>The parameter values one check runs with: the policy config's, else each parameter's default.</summary>
public sealed class CheckParameters
{
    private readonly IReadOnlyList<CheckParameter> _declared;
    private readonly IReadOnlyDictionary<string, JsonElement> _configured;

    public CheckParameters(IReadOnlyList<CheckParameter> declared, IReadOnlyDictionary<string, JsonElement> configured)
    {
        _declared = declared;
        _configured = configured;
    }

    public IReadOnlyList<string> StringList(string name) =>
        Value(name).EnumerateArray().Select(v => v.GetString()!).ToList();

    public bool Flag(string name) => Value(name).GetBoolean();

    private JsonElement Value(string name)
    {
        if (_configured.TryGetValue(name, out var value))
        {
            return value;
        }

        var parameter = _declared.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"undeclared parameter '{name}'", nameof(name));
        using var document = JsonDocument.Parse(parameter.DefaultJson);
        return document.RootElement.Clone();
    }
}
