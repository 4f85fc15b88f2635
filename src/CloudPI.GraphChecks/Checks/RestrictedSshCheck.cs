using CloudPI.Analysis.Reachability;
using CloudPI.Controls;
using CloudPI.Graph.Cartography;

namespace CloudPI.GraphChecks.Checks;

/// <summary>
/// restricted-ssh on the graph: a security group whose inbound rules admitting tcp/22 have sources that together
/// cover the whole public internet (0.0.0.0/0, or 0.0.0.0/1 + 128.0.0.0/1, ...). Like AWS Config, this judges the
/// group's rules, not whether a member is reachable (the reachability enricher answers that).
/// </summary>
public sealed class RestrictedSshCheck : IGraphCheck
{
    private static readonly TrafficQuery Ssh = TrafficQuery.Tcp(22);

    public Control Control { get; } = ControlCatalog.Default.Resolve("restricted-ssh")!;

    public IEnumerable<GraphFinding> Evaluate(CartographyView view, IReachabilityEngine engine)
    {
        ArgumentNullException.ThrowIfNull(view);
        foreach (var group in view.All<SecurityGroup>())
        {
            var rules = group.InboundRules
                .Where(rule => IpProtocol.Parse(rule.Protocol) is { } protocol && Ssh.Overlaps(protocol, rule.FromPort, rule.ToPort))
                .ToList();
            var sources = AddressSet.FromCidrs(rules.SelectMany(rule => rule.Ranges).Select(range => range.Cidr));
            if (sources.CoversInternet)
            {
                yield return new GraphFinding(Control, group.Node, $"inbound rules {string.Join(", ", rules.Select(r => r.Node.Id))} admit tcp/22 from {string.Join(", ", sources.ToCidrs())}");
            }
        }
    }
}
