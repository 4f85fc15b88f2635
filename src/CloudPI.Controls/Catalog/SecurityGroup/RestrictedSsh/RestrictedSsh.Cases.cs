namespace CloudPI.Catalog.Tests.Cases;

/// <summary>restricted-ssh: a security group's inbound rules, as Cartography stores them and as Pulumi declares them.</summary>
internal sealed class RestrictedSshCases : IControlCases
{
    public string ControlId => "restricted-ssh";

    public IReadOnlyList<ControlCase> Cases =>
    [
        Group("tcp/22 from 0.0.0.0/0", Expected.Fail, ("tcp", 22, 22, ["0.0.0.0/0"])),
        Group("tcp/22 from a private range and 0.0.0.0/0", Expected.Fail, ("tcp", 22, 22, ["10.0.0.0/8", "0.0.0.0/0"])),
        Group("tcp/22 from 0.0.0.0/1 and 128.0.0.0/1 in one rule", Expected.Fail, ("tcp", 22, 22, ["0.0.0.0/1", "128.0.0.0/1"])),
        new("tcp/22 from 0.0.0.0/1 in one rule and 128.0.0.0/1 in another", Expected.Fail,
            // Cartography keeps one rule node per protocol and port range, holding every source range.
            g => g.Network().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/1", "128.0.0.0/1"), "sg-1",
            p => p.Add("aws:ec2/securityGroup:SecurityGroup", "sg", Ingress(("tcp", 22, 22, ["0.0.0.0/1"]), ("tcp", 22, 22, ["128.0.0.0/1"]))), "sg"),
        new("tcp/22 from 0.0.0.0/1 in one SecurityGroupRule and 128.0.0.0/1 in another", Expected.Fail,
            g => g.Network().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/1", "128.0.0.0/1"), "sg-1",
            p => p.Add("aws:ec2/securityGroup:SecurityGroup", "sg", "{}", id: "sg-1")
                .Add("aws:ec2/securityGroupRule:SecurityGroupRule", "low", SeparateRule("0.0.0.0/1"))
                .Add("aws:ec2/securityGroupRule:SecurityGroupRule", "high", SeparateRule("128.0.0.0/1")), "low"),
        new("tcp/22 from 0.0.0.0/1 inline and 128.0.0.0/1 in a vpc.SecurityGroupIngressRule", Expected.Fail,
            Pulumi: p => p.Add("aws:ec2/securityGroup:SecurityGroup", "sg", Ingress(("tcp", 22, 22, ["0.0.0.0/1"])), id: "sg-1")
                .Add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "high", """{"securityGroupId":"sg-1","ipProtocol":"tcp","fromPort":22,"toPort":22,"cidrIpv4":"128.0.0.0/1"}"""), PulumiResource: "sg"),
        new("tcp/22 from 0.0.0.0/1 and 128.0.0.0/1 in SecurityGroupRules of two different groups", Expected.Pass,
            Pulumi: p => p.Add("aws:ec2/securityGroup:SecurityGroup", "sg", "{}", id: "sg-1")
                .Add("aws:ec2/securityGroup:SecurityGroup", "other", "{}", id: "sg-2")
                .Add("aws:ec2/securityGroupRule:SecurityGroupRule", "low", SeparateRule("0.0.0.0/1"))
                .Add("aws:ec2/securityGroupRule:SecurityGroupRule", "high", SeparateRule("128.0.0.0/1", "sg-2")), PulumiResource: "low"),
        new("tcp/22 from ::/0 (Cartography does not ingest IPv6 ranges)", Expected.Fail,
            Pulumi: p => p.Add("aws:ec2/securityGroup:SecurityGroup", "sg", """{"ingress":[{"protocol":"tcp","fromPort":22,"toPort":22,"ipv6CidrBlocks":["::/0"]}]}"""), PulumiResource: "sg"),
        new("all traffic from 0.0.0.0/0", Expected.Fail,
            // AWS returns no ports for an all-traffic rule, so Cartography stores none; Pulumi declares 0-0.
            g => g.Network().SecurityGroup("sg-1").Inbound("sg-1", "-1", null, null, "0.0.0.0/0"), "sg-1",
            p => p.Add("aws:ec2/securityGroup:SecurityGroup", "sg", Ingress(("-1", 0, 0, ["0.0.0.0/0"]))), "sg"),
        Group("tcp/0-65535 from 0.0.0.0/0", Expected.Fail, ("tcp", 0, 65535, ["0.0.0.0/0"])),
        Group("tcp/443 from 0.0.0.0/0", Expected.Pass, ("tcp", 443, 443, ["0.0.0.0/0"])),
        Group("udp/22 from 0.0.0.0/0", Expected.Pass, ("udp", 22, 22, ["0.0.0.0/0"])),
        Group("tcp/22 from 10.0.0.0/8", Expected.Pass, ("tcp", 22, 22, ["10.0.0.0/8"])),
        Group("tcp/22 from 0.0.0.0/1 only", Expected.Pass, ("tcp", 22, 22, ["0.0.0.0/1"])),
        Group("tcp/22 from an office range", Expected.Pass, ("tcp", 22, 22, ["203.0.113.0/24"])),
        Guarding("tcp/22 from 0.0.0.0/0, guarding an instance with a public address in a public subnet", Expected.Fail, ExploitabilityStatus.Exploitable,
            g => g, "0.0.0.0/0"),
        Guarding("tcp/22 from 0.0.0.0/0, guarding an instance whose subnet's NACL denies tcp/22", Expected.Fail, ExploitabilityStatus.NotExploitable,
            g => g.NaclRule("acl-1", 50, false, "deny", "6", "0.0.0.0/0", 22, 22), "0.0.0.0/0"),
        Guarding("tcp/22 from an office range, guarding an instance with a public address", Expected.Pass, ExploitabilityStatus.NotExploitable,
            g => g, "203.0.113.0/24"),
    ];

    /// <summary>The group guards a running instance; the finding on the group is exploitable when the internet reaches that instance on tcp/22.</summary>
    private static ControlCase Guarding(string name, Expected expected, ExploitabilityStatus exploitable, Func<CartographyGraph, CartographyGraph> network, string cidr) =>
        new(name, expected,
            g => network(g.PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, cidr).Instance("i-1", "subnet-1", "198.51.100.7", "running", "sg-1")), "sg-1",
            Exploitable: exploitable);

    private static ControlCase Group(string name, Expected expected, params (string Protocol, int From, int To, string[] Cidrs)[] rules) =>
        new(name, expected,
            g => rules.Aggregate(g.Network().SecurityGroup("sg-1"), (graph, r) => graph.Inbound("sg-1", r.Protocol, r.From, r.To, r.Cidrs)), "sg-1",
            p => p.Add("aws:ec2/securityGroup:SecurityGroup", "sg", Ingress(rules)), "sg");

    private static string SeparateRule(string cidr, string group = "sg-1") =>
        $$"""{"type":"ingress","securityGroupId":"{{group}}","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["{{cidr}}"]}""";

    private static string Ingress(params (string Protocol, int From, int To, string[] Cidrs)[] rules) =>
        $$"""{"ingress":[{{string.Join(",", rules.Select(r => $$"""{"protocol":"{{r.Protocol}}","fromPort":{{r.From}},"toPort":{{r.To}},"cidrBlocks":[{{string.Join(",", r.Cidrs.Select(c => $"\"{c}\""))}}]}"""))}}]}""";
}
