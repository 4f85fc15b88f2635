using System.Collections.Frozen;
using System.Text.Json;
using CloudPI.Iac.Checks;

namespace CloudPI.Iac.Config;

/// <summary>
/// Enforcement levels and parameters per control, in CrossGuard's policy-config format: a JSON object keyed by
/// control id (or the sample's policy names) or <c>"all"</c>, applied first; each value is a level or an object with
/// an optional <c>enforcementLevel</c> and the check's parameters. A control the file leaves alone keeps its
/// <see cref="EnforcementPreset"/> level: by default every control is mandatory, as the design halts the build on any
/// failing check (CrossGuard's own default, advisory, would let every failure through).
/// </summary>
public sealed class PolicyConfig
{

    /// <summary>The original sample's CrossGuard policy names, accepted as keys for the controls they meant.</summary>
    public static readonly FrozenDictionary<string, string[]> SamplePolicyNames = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["kms-no-automatic-rotation"] = ["cmk-backing-key-rotation-enabled"],
        ["security-group-ssh-policy"] = ["restricted-ssh"],
        ["secgrp-default-no-ingress"] = ["vpc-default-security-group-closed"],
        ["secgrp-default-no-egress"] = ["vpc-default-security-group-closed"],
        ["vpc-flow-logs-policy"] = ["vpc-flow-logs-enabled"],
        ["ebs_encryption_policy"] = ["encrypted-volumes"],
        ["rds_deletion_protection_policy"] = ["rds-instance-deletion-protection-enabled", "rds-cluster-deletion-protection-enabled"],
        ["s3_public_access_block"] = ["s3-bucket-level-public-access-prohibited"],
        ["eks-cluster-default-logs"] = ["eks-cluster-log-enabled"],
        ["eks-cluster-kms-key"] = ["eks-secrets-encrypted"],
        ["eks-cluster-tags_policy"] = ["eks-resources-tagged"],
        ["s3-ssl-requests-policy"] = ["s3-bucket-ssl-requests-only"],
        ["s3_encryption_policy"] = ["s3-bucket-server-side-encryption-enabled"],
        ["sqs-no-public-access"] = ["sqs-queue-no-public-access"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly EnforcementPreset _preset;
    private readonly Dictionary<string, EnforcementLevel> _levels;
    private readonly Dictionary<string, Dictionary<string, JsonElement>> _parameters;

    private PolicyConfig(EnforcementPreset preset, Dictionary<string, EnforcementLevel> levels, Dictionary<string, Dictionary<string, JsonElement>> parameters)
    {
        _preset = preset;
        _levels = levels;
        _parameters = parameters;
    }

    /// <summary>No file, the default preset: every control mandatory.</summary>
    public static PolicyConfig Default { get; } = For(EnforcementPreset.Mandatory);

    /// <summary>No file: the preset's levels and every check's default parameters.</summary>
    public static PolicyConfig For(EnforcementPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return new(preset, new(StringComparer.Ordinal), []);
    }

    public EnforcementLevel Level(string controlId) => _levels.TryGetValue(controlId, out var level) ? level : _preset.Level(controlId);

    /// <summary>The parameters configured for <paramref name="check"/> (keyed by its main control), over its defaults.</summary>
    public CheckParameters Parameters(IacCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return new(check.Parameters, _parameters.TryGetValue(check.Control.Id, out var values) ? values : new Dictionary<string, JsonElement>());
    }

    /// <summary>Reads a policy config file over <paramref name="preset"/> (default: <see cref="EnforcementPreset.Mandatory"/>).</summary>
    public static PolicyConfig Load(string path, EnforcementPreset? preset = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return Parse(CloudPI.Dracon.Io.StrictText.ReadAllText(path), path, preset);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PolicyConfigException($"{path}: cannot read: {ex.Message}", ex);
        }
        catch (FormatException ex)
        {
            throw new PolicyConfigException(ex.Message, ex);
        }
    }

    public static PolicyConfig Parse(string json, string file, EnforcementPreset? preset = null)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new PolicyConfigException($"{file}: line {(ex.LineNumber ?? 0) + 1}: malformed JSON", ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyConfigException($"{file}: expected a JSON object keyed by check name or \"all\"");
        }

        var levels = new Dictionary<string, EnforcementLevel>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        if (root.TryGetProperty("all", out var all))
        {
            var level = ReadEntry(all, file, "all", check: null, parameters)
                ?? throw new PolicyConfigException($"{file}: all: an enforcementLevel is required");
            foreach (var control in KnownControls)
            {
                levels[control.Id] = level;
            }
        }

        foreach (var entry in root.EnumerateObject().Where(e => e.Name is not ("all" or "environments")))
        {
            var controlIds = ControlIds(entry.Name) ?? throw new PolicyConfigException(
                $"{file}: {entry.Name}: unknown check (known: {string.Join(", ", KnownControls.Select(c => c.Id))}, or the sample's policy names)");
            var check = IacChecks.All.FirstOrDefault(c => c.Controls.Any(control => control.Id == controlIds[0]));
            var level = ReadEntry(entry.Value, file, entry.Name, check, parameters);
            foreach (var id in controlIds.Where(_ => level is not null))
            {
                levels[id] = level!.Value;
            }
        }

        return new PolicyConfig(preset ?? EnforcementPreset.Mandatory, levels, parameters);
    }

    private static string[]? ControlIds(string key) =>
        KnownControls.Any(c => c.Id == key) ? [key] : SamplePolicyNames.GetValueOrDefault(key);

    /// <summary>The checks' controls and the gate's planned-exposure analysis, which one policy config levels alike.</summary>
    private static IEnumerable<CloudPI.Controls.Control> KnownControls =>
        IacChecks.All.SelectMany(c => c.Controls).Append(CloudPI.Controls.Catalog.Exposure.PlannedInternetExposure.Control);

    /// <summary>Reads one entry's level (null when it only sets parameters) and records its parameters.</summary>
    private static EnforcementLevel? ReadEntry(
        JsonElement value, string file, string key, IacCheck? check, Dictionary<string, Dictionary<string, JsonElement>> parameters)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ParseLevel(value.GetString()!, file, key);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new PolicyConfigException($"{file}: {key}: expected a level string or an object");
        }

        EnforcementLevel? level = null;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name == "enforcementLevel")
            {
                level = property.Value.ValueKind == JsonValueKind.String
                    ? ParseLevel(property.Value.GetString()!, file, key)
                    : throw new PolicyConfigException($"{file}: {key}.enforcementLevel: expected a string");
                continue;
            }

            var declared = check?.Parameters.FirstOrDefault(p => p.Name == property.Name) ?? throw new PolicyConfigException(
                $"{file}: {key}.{property.Name}: unknown parameter (accepted: {(check is null || check.Parameters.Count == 0 ? "enforcementLevel only" : "enforcementLevel, " + string.Join(", ", check.Parameters.Select(p => p.Name)))})");
            var problem = declared.Validate(property.Value);
            if (problem is not null)
            {
                throw new PolicyConfigException($"{file}: {key}.{property.Name}: {problem}");
            }

            (parameters.TryGetValue(check!.Control.Id, out var values) ? values : parameters[check.Control.Id] = new(StringComparer.Ordinal))[property.Name] = property.Value.Clone();
        }

        return level;
    }

    private static EnforcementLevel ParseLevel(string text, string file, string key) => text switch
    {
        "mandatory" or "remediate" => EnforcementLevel.Mandatory,
        "advisory" => EnforcementLevel.Advisory,
        "disabled" => EnforcementLevel.Disabled,
        _ => throw new PolicyConfigException($"{file}: {key}: '{text}' is not an enforcement level (mandatory, advisory, remediate or disabled)"),
    };
}
