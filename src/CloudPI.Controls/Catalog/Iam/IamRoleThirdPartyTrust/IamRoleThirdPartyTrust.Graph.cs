using System.Runtime.CompilerServices;
using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Controls.Catalog.Iam;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// iam-role-third-party-trust: a role whose trust policy names a principal of an account that is not in scope (not
/// one Cartography synced). Accounts of the organisation are in scope; <c>OrganizationAccountAccessRole</c> is
/// excluded, as ZeusCloud and Cartography's rules exclude it.
/// </summary>
public sealed class ThirdPartyTrustCheck : IGraphCheck
{
    public Control Control => IamRoleThirdPartyTrust.Control;

    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new ThirdPartyTrustCheck());

    public IEnumerable<GraphFinding> Evaluate(CartographyView view, IReachabilityEngine engine)
    {
        ArgumentNullException.ThrowIfNull(view);
        var inScope = view.All<Account>().Where(a => a.InScope && a.AccountId is not null).Select(a => a.AccountId!).ToHashSet(StringComparer.Ordinal);
        foreach (var role in view.All<Role>().Where(r => r.Name != "OrganizationAccountAccessRole"))
        {
            var external = role.TrustedPrincipals.Select(AccountOf).Where(account => account is not null && !inScope.Contains(account)).Distinct().ToList();
            if (external.Count > 0)
            {
                yield return new GraphFinding(Control, role.Node, $"trusted by principals of account(s) {string.Join(", ", external)}, which are not in scope");
            }
        }
    }

    /// <summary>The account of a principal ARN (<c>arn:aws:iam::123456789012:root</c>); service principals have none.</summary>
    private static string? AccountOf(GraphNode principal)
    {
        var arn = principal.Arn ?? principal.Id;
        var parts = arn?.Split(':');
        return parts is { Length: > 4 } && parts[0] == "arn" && parts[4].Length == 12 ? parts[4] : null;
    }
}
