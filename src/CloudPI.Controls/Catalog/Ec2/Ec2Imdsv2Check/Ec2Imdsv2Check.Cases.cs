namespace CloudPI.Catalog.Tests.Cases;

/// <summary>ec2-imdsv2-check: an instance's metadata options, as Cartography stores them, and what an IMDSv1 finding on it lets an attacker do.</summary>
internal sealed class Ec2Imdsv2CheckCases : IControlCases
{
    public string ControlId => "ec2-imdsv2-check";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("metadatahttptokens = optional", Expected.Fail, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"], ("metadatahttptokens", "optional")), "i-1"),
        new("metadatahttptokens = required", Expected.Pass, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"], ("metadatahttptokens", "required")), "i-1"),
        new("the property not synced", Expected.Pass, g => g.Node("i-1", ["AWSEC2Instance", "EC2Instance"]), "i-1"),
        Exposed("IMDSv1 with a role, the internet reaches tcp/443", Expected.Fail, ExploitabilityStatus.Exploitable, 443, role: true),
        Exposed("IMDSv1 with a role, the internet reaches only tcp/22 (no SSRF target)", Expected.Fail, ExploitabilityStatus.Conditional, 22, role: true),
        Exposed("IMDSv1 without a role: no credentials to steal", Expected.Fail, ExploitabilityStatus.NotExploitable, 443, role: false),
        Exposed("IMDSv1 with a role, the metadata endpoint disabled", Expected.Fail, ExploitabilityStatus.NotExploitable, 443, role: true, endpoint: "disabled"),
        Exposed("IMDSv2 required now (a stale finding)", Expected.Pass, ExploitabilityStatus.NotExploitable, 443, role: true, tokens: "required"),
    ];

    /// <summary>i-1 with a public address in a public subnet, its group open to the internet on one port, with or without a role.</summary>
    private static ControlCase Exposed(string name, Expected expected, ExploitabilityStatus exploitable, int port, bool role, string tokens = "optional", string endpoint = "enabled") =>
        new(name, expected,
            g =>
            {
                g.PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", port, port, "0.0.0.0/0")
                    .Node("i-1", ["AWSEC2Instance", "EC2Instance", "ComputeInstance"], ("instanceid", "i-1"), ("publicipaddress", "198.51.100.7"), ("state", "running"),
                        ("metadatahttptokens", tokens), ("metadatahttpendpoint", endpoint))
                    .Edge("i-1", "PART_OF_SUBNET", "subnet-1")
                    .Members("i-1", "sg-1");
                return role ? WithRole(g, "i-1") : g;
            },
            "i-1",
            Exploitable: exploitable);

    private static CartographyGraph WithRole(CartographyGraph g, string instance)
    {
        const string Profile = "arn:aws:iam::111122223333:instance-profile/app", Role = "arn:aws:iam::111122223333:role/app";
        return g.Node(Profile, ["AWSInstanceProfile"], ("arn", Profile))
            .Node(Role, ["AWSPrincipal", "AWSRole"], ("arn", Role), ("name", "app"))
            .Edge(instance, "INSTANCE_PROFILE", Profile)
            .Edge(Profile, "ASSOCIATED_WITH", Role);
    }
}
