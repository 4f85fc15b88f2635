using System.Runtime.CompilerServices;
using CloudPI.Reachability;
using CloudPI.Controls;
using CloudPI.Controls.Catalog.SecurityGroup;
using CloudPI.Controls.Network;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// restricted-ssh on the graph: a security group whose inbound rules together admit the internet on tcp/22
/// (<see cref="RestrictedSsh.AdmitsInternet"/>). Like AWS Config, this judges the group's rules, not whether a member
/// is reachable (the reachability enricher answers that).
/// </summary>
public sealed class RestrictedSshCheck : IGraphCheck
{
    public Control Control => RestrictedSsh.Control;

    [ModuleInitializer]
    internal static void Register() => GraphCheckCatalog.Register(new RestrictedSshCheck());

    public IEnumerable<GraphFinding> Evaluate(CartographyView view, IReachabilityEngine engine)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var group in view.All<SecurityGroup>())
        {
            var rules = group.InboundRules
                .Select(rule => new InboundRule(rule.Node.Id ?? string.Empty, rule.Protocol, rule.FromPort, rule.ToPort, [.. rule.Ranges.Select(range => range.Cidr).OfType<string>()]))
                .ToList();
            var admitting = InternetIngress.Admitting(rules, RestrictedSsh.Traffic);
            var sources = InternetIngress.Sources(admitting);
            if (sources.CoversInternet)
            {
                yield return new GraphFinding(Control, group.Node, $"inbound rules {string.Join(", ", admitting.Select(r => r.Name))} admit tcp/22 from {string.Join(", ", sources.ToCidrs())}");
            }
        }
    }
}
