using System.Runtime.CompilerServices;
using CloudPI.Controls.Catalog.Eks;
using CloudPI.Iac.Model;

namespace CloudPI.Iac.Checks;

/// <summary>
/// EKS control-plane logging covers the required log types (camelCase <c>enabledClusterLogTypes</c>: the sample
/// looked up the snake_case name, which never exists, so it always failed).
/// </summary>
public sealed class EksClusterLogEnabledCheck() : IacCheck(EksClusterLogEnabled.Control)
{
    [ModuleInitializer]
    internal static void Register() => IacChecks.Register(new EksClusterLogEnabledCheck());

    public override int Position => 8;

    private const string RequiredLogTypes = "requiredLogTypes";

    public override IReadOnlyList<CheckParameter> Parameters { get; } =
    [
        CheckParameter.List(RequiredLogTypes, "Log types that must be enabled (the sample: api, audit, authenticator; Prowler and Checkov: all five).",
            ["api", "audit", "authenticator"], ["api", "audit", "authenticator", "controllerManager", "scheduler"]),
    ];

    public override IEnumerable<CheckResult> Evaluate(IacStack stack, CheckParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(parameters);
        var required = parameters.StringList(RequiredLogTypes);
        foreach (var cluster in stack.OfType(AwsTypes.EksCluster))
        {
            var enabled = cluster.Property("enabledClusterLogTypes").Items().ToList();
            var missing = required.Where(r => !enabled.Any(e => e.String == r)).ToList();
            if (missing.Count == 0)
            {
                yield return Pass(cluster, $"logs {string.Join(", ", required)}");
            }
            else if (enabled.Any(e => e.IsUnknown))
            {
                yield return Unknown(cluster, "enabledClusterLogTypes", "the enabled log types are not known before deployment");
            }
            else
            {
                yield return Fail(cluster, "enabledClusterLogTypes", $"log types not enabled: {string.Join(", ", missing)}");
            }
        }
    }
}
