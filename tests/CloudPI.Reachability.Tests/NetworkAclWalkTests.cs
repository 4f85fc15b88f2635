using CloudPI.Controls.Network;
using CloudPI.Reachability.Layers;
using CsCheck;

namespace CloudPI.Reachability.Tests;

/// <summary>
/// A NACL's walk cuts the traffic's ports where its rules' ranges start and end, and walks the rules once per piece. It
/// must decide as the rules decide port by port: first match wins for each source, per port.
/// </summary>
public class NetworkAclWalkTests
{
    private static readonly string[] Cidrs = ["0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "203.0.113.0/24", "198.51.100.0/24", "::/0"];

    private static readonly Gen<NaclRule> GenRule =
        Gen.Select(Gen.Int[1, 200], Gen.Bool, OneOf(IpProtocol.Tcp, IpProtocol.Udp, IpProtocol.All), Gen.Int[0, 20], Gen.Int[0, 6], OneOf(Cidrs))
            .Select((number, allows, protocol, from, width, cidr) => new NaclRule(
                number, allows, protocol, protocol == IpProtocol.All ? null : from, protocol == IpProtocol.All ? null : from + width, cidr, AddressSet.ParseCidr(cidr)));

    private static readonly Gen<IReadOnlyList<NaclRule>> GenRules =
        GenRule.Array[0, 8].Select(rules => (IReadOnlyList<NaclRule>)[.. rules.OrderBy(r => r.Number)]);

    private static Gen<T> OneOf<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public void Walk_decides_as_the_rules_do_port_by_port() =>
        Gen.Select(GenRules, OneOf(IpProtocol.Tcp, IpProtocol.Udp), Gen.Int[0, 24], Gen.Int[0, 8], OneOf(AddressSet.PublicInternet, AddressSet.PublicIpv4, AddressSet.ParseCidr("203.0.113.0/25")))
            .Sample((rules, protocol, from, width, sources) =>
            {
                var walk = new NetworkAclRules(rules, []).WalkInbound(protocol, from, from + width, sources);
                var (admitted, admitting, denying) = PortByPort(rules, protocol, from, from + width, sources);
                return walk.Admitted.Equals(admitted) && walk.Admitting.SequenceEqual(admitting) && walk.Denying.SequenceEqual(denying);
            }, iter: 5_000);

    /// <summary>The reference: each port on its own, the rules in order, each source decided by the first rule that matches it.</summary>
    private static (AddressSet Admitted, List<NaclRule> Admitting, List<NaclRule> Denying) PortByPort(
        IReadOnlyList<NaclRule> rules, int protocol, int from, int to, AddressSet sources)
    {
        var admitted = AddressSet.Empty;
        var admitting = new List<NaclRule>();
        var denying = new List<NaclRule>();
        for (var port = from; port <= to; port++)
        {
            var undecided = sources;
            foreach (var rule in rules.Where(r => r.Covers(protocol, port, port)))
            {
                var decided = undecided.Intersect(rule.Sources);
                if (decided.IsEmpty)
                {
                    continue;
                }

                undecided = undecided.Subtract(decided);
                (rule.Allows ? admitting : denying).Add(rule);
                admitted = rule.Allows ? admitted.Union(decided) : admitted;
            }
        }

        return (admitted, [.. admitting.Distinct()], [.. denying.Distinct()]);
    }
}
