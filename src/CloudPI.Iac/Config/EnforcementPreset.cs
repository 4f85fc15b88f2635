using System.Collections.Frozen;
using CloudPI.Controls;

namespace CloudPI.Iac.Config;

/// <summary>
/// The enforcement levels a run starts from, before a policy config adjusts them. <see cref="Mandatory"/> is the
/// design's gate and the default: one failing check halts the build. <see cref="Recommended"/> is opted into: it
/// blocks only what exposes hosts or data to the internet and reports the rest as advice.
/// </summary>
public sealed class EnforcementPreset
{
    /// <summary>The controls <see cref="Recommended"/> keeps mandatory; null for <see cref="Mandatory"/>: all of them.</summary>
    private readonly FrozenSet<string>? _mandatoryControls;

    private EnforcementPreset(string name, FrozenSet<string>? mandatoryControls)
    {
        Name = name;
        _mandatoryControls = mandatoryControls;
    }

    public static EnforcementPreset Mandatory { get; } = new("mandatory", null);

    /// <summary>The controls whose metadata says the recommended preset keeps them mandatory.</summary>
    public static EnforcementPreset Recommended { get; } = new("recommended", ControlCatalog.Default.Controls
        .Where(control => control.MandatoryWhenRecommended).Select(control => control.Id).ToFrozenSet(StringComparer.Ordinal));

    public static IReadOnlyList<EnforcementPreset> All { get; } = [Mandatory, Recommended];

    /// <summary>The name <c>--enforcement</c> accepts.</summary>
    public string Name { get; }

    public static EnforcementPreset? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    public EnforcementLevel Level(string controlId) =>
        _mandatoryControls is null || _mandatoryControls.Contains(controlId) ? EnforcementLevel.Mandatory : EnforcementLevel.Advisory;

    public override string ToString() => Name;
}
