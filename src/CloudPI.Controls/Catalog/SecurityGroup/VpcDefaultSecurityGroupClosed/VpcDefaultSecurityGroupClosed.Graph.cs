using System.Runtime.CompilerServices;
using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Controls.Catalog.SecurityGroup;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>vpc-default-security-group-closed: a VPC's default group (named <c>default</c>) must have no rules.</summary>
public sealed class DefaultSecurityGroupCheck : IGraphCheck
{
    public Control Control => VpcDefaultSecurityGroupClosed.Control;

    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new DefaultSecurityGroupCheck());

    public IEnumerable<GraphFinding> Evaluate(CartographyView view, IReachabilityEngine engine)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var group in view.All<SecurityGroup>().Where(g => g.Name == "default"))
        {
            var rules = group.Rules.ToList();
            if (rules.Count > 0)
            {
                yield return new GraphFinding(Control, group.Node, $"the default group has {rules.Count} rule(s): {string.Join(", ", rules.Select(r => r.Node.Id))}");
            }
        }
    }
}
