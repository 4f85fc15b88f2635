using System.Text;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Model;
using CloudPI.Iac.Reading;

namespace CloudPI.Iac.Tests;

/// <summary>Builds a <c>pulumi preview --json</c> digest in memory and reads it back through the real reader.</summary>
internal sealed class PreviewBuilder
{
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private readonly List<string> _steps = [];
    private readonly List<string> _config = [];
    private readonly Dictionary<string, int> _listed = new(StringComparer.Ordinal);
    private int _unlistedSames;

    public static string Urn(string type, string name) => $"urn:pulumi:dev::infra::{type}::{name}";

    /// <summary>Adds a step; <paramref name="dependencies"/> is the propertyDependencies object as JSON, e.g. <c>{"vpcId":["urn..."]}</c>.</summary>
    public PreviewBuilder Add(string type, string name, string inputs, string op = "create", string dependencies = "{}", string? provider = null, string? id = null)
    {
        var urn = Urn(type, name);
        var providerField = provider is null ? string.Empty : $",\"provider\":\"{provider}::prov-id\"";
        var idField = id is null ? string.Empty : $",\"id\":\"{id}\"";
        _steps.Add($"{{\"op\":\"{op}\",\"urn\":\"{urn}\",\"newState\":{{\"urn\":\"{urn}\",\"type\":\"{type}\",\"custom\":true,\"inputs\":{inputs},\"propertyDependencies\":{dependencies}{providerField}{idField}}},\"detailedDiff\":null}}");
        return Listed(op);
    }

    /// <summary>
    /// An unchanged resource as the engine announces it before the step runs: its id and outputs only in the old
    /// state, the new state holding the inputs.
    /// </summary>
    public PreviewBuilder AddUnchanged(string type, string name, string inputs, string id, string outputs = "{}")
    {
        var urn = Urn(type, name);
        _steps.Add($"{{\"op\":\"same\",\"urn\":\"{urn}\",\"provider\":\"\","
            + $"\"oldState\":{{\"urn\":\"{urn}\",\"type\":\"{type}\",\"custom\":true,\"id\":\"{id}\",\"inputs\":{inputs},\"outputs\":{outputs}}},"
            + $"\"newState\":{{\"urn\":\"{urn}\",\"type\":\"{type}\",\"custom\":true,\"inputs\":{inputs},\"propertyDependencies\":{{}}}},\"detailedDiff\":null}}");
        return Listed("same");
    }

    /// <summary>A resource the change deletes: the step holds its old state only.</summary>
    public PreviewBuilder Delete(string type, string name, string inputs, string id)
    {
        var urn = Urn(type, name);
        _steps.Add($"{{\"op\":\"delete\",\"urn\":\"{urn}\",\"oldState\":{{\"urn\":\"{urn}\",\"type\":\"{type}\",\"custom\":true,\"id\":\"{id}\",\"inputs\":{inputs},\"outputs\":{inputs}}},\"detailedDiff\":null}}");
        return Listed("delete");
    }

    /// <summary>Simulates a preview without --show-sames: the summary counts unchanged resources that are not listed.</summary>
    public PreviewBuilder WithoutSames(int unlisted = 3)
    {
        _unlistedSames = unlisted;
        return this;
    }

    public PreviewBuilder Config(string key, string jsonValue)
    {
        _config.Add($"\"{key}\":{jsonValue}");
        return this;
    }

    /// <summary>The digest, its changeSummary counting every listed step by operation (plus the unlisted unchanged ones).</summary>
    public string Json()
    {
        var counts = new Dictionary<string, int>(_listed, StringComparer.Ordinal) { ["same"] = _listed.GetValueOrDefault("same") + _unlistedSames };
        var summary = string.Join(',', counts.Select(c => $"\"{c.Key}\":{c.Value}"));
        return $"{{\"config\":{{{string.Join(',', _config)}}},\"steps\":[{string.Join(",\n", _steps)}],\"duration\":1000000,\"changeSummary\":{{{summary}}}}}";
    }

    private PreviewBuilder Listed(string op)
    {
        _listed[op] = _listed.GetValueOrDefault(op) + 1;
        return this;
    }

    public IacStack Build() => IacInputReader.Read(Encoding.UTF8.GetBytes(Json()), "preview.json");

    public IReadOnlyList<CheckResult> Run(IacCheck check, string? policyConfig = null)
    {
        var config = policyConfig is null ? PolicyConfig.Default : PolicyConfig.Parse(policyConfig, "policy.json");
        return check.Evaluate(Build(), config.Parameters(check)).ToList();
    }

    /// <summary>The single verdict on <paramref name="name"/> (for checks with one control).</summary>
    public Verdict VerdictOf(IacCheck check, string name, string? policyConfig = null) =>
        Assert.Single(Run(check, policyConfig), r => r.Resource.Name == name).Verdict;
}
