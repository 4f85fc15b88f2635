using CloudPI.Controls;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// One preventive check: decides its catalog control(s) for the resources of a stack. Metadata (title, severity,
/// remediation) comes from the catalog control, so the catalog stays its single source.
/// </summary>
public abstract class IacCheck
{
    protected IacCheck(params Control[] controls)
    {
        ArgumentOutOfRangeException.ThrowIfZero(controls.Length);
        Controls = controls;
    }

    /// <summary>The controls whose results this check produces; the first is its main one.</summary>
    public IReadOnlyList<Control> Controls { get; }

    public Control Control => Controls[0];

    /// <summary>Where the check's results come in the gate's outputs (summary, Dracon issues, SARIF rules): a stable order.</summary>
    public abstract int Position { get; }

    public virtual IReadOnlyList<CheckParameter> Parameters => [];

    public abstract IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters);

    protected CheckResult Pass(IacResource resource, string reason) => new(Control, resource, Verdict.Pass, string.Empty, reason);

    protected CheckResult Fail(IacResource resource, string propertyPath, string reason) => new(Control, resource, Verdict.Fail, propertyPath, reason);

    protected CheckResult Unknown(IacResource resource, string propertyPath, string reason) => new(Control, resource, Verdict.Unknown, propertyPath, reason);

    /// <summary>
    /// Whether resources referring to <paramref name="resource"/> may be missing from the input: a preview without
    /// --show-sames leaves unchanged ones out, but anything referring to a resource created in this preview is itself new.
    /// </summary>
    protected static bool MayHaveUnlistedReferrers(IacStack stack, IacResource resource)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(resource);
        return !stack.ListsEveryResource && !resource.IsCreated;
    }

    /// <summary>The reason for a stack-level Unknown when the deciding resource may be an unlisted unchanged one.</summary>
    protected const string UnlistedResources = "unchanged resources are not in this preview (run pulumi preview --json --show-sames)";
}
