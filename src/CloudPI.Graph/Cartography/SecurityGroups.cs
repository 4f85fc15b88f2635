namespace CloudPI.Graph.Cartography;

public readonly record struct SecurityGroup(GraphNode Node) : ICartographyNode<SecurityGroup>
{
    public static CartographyKind Kind => CartographyKinds.SecurityGroup;

    public static SecurityGroup Wrap(GraphNode node) => new(node);

    public string? GroupId => Node.Id;

    public string? Name => Node.Properties.GetString("name");

    public RelatedNodes<SecurityGroupRule> Rules => Node.Related<SecurityGroupRule>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Incoming);

    public IEnumerable<SecurityGroupRule> InboundRules => Rules.Where(r => r.Inbound);

    /// <summary>Groups referenced by this group's rules (any direction, no ports).</summary>
    /// <summary>The group's VPC (<c>AWSVpc -MEMBER_OF_EC2_SECURITY_GROUP-> group</c>).</summary>
    public RelatedNodes<Vpc> Vpcs => Node.Related<Vpc>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Incoming);

    public RelatedNodes<SecurityGroup> AllowsTrafficFrom => Node.Related<SecurityGroup>("ALLOWS_TRAFFIC_FROM", Direction.Outgoing);
}

/// <summary>A security-group rule (one <c>IpPermissions</c>/<c>IpPermissionsEgress</c> entry).</summary>
public readonly record struct SecurityGroupRule(GraphNode Node) : ICartographyNode<SecurityGroupRule>
{
    public static CartographyKind Kind => CartographyKinds.SecurityGroupRule;

    public static SecurityGroupRule Wrap(GraphNode node) => new(node);

    public bool Inbound => CartographyKinds.InboundRule.Matches(Node);

    /// <summary>As AWS returns it: <c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>-1</c> (all traffic) or a number.</summary>
    public string? Protocol => Node.Properties.GetString("protocol");

    /// <summary>Null for all-traffic rules.</summary>
    public long? FromPort => Node.Properties.GetLong("fromport");

    public long? ToPort => Node.Properties.GetLong("toport");

    public RelatedNodes<IpRange> Ranges => Node.Related<IpRange>("MEMBER_OF_IP_RULE", Direction.Incoming);

    public RelatedNodes<SecurityGroup> Groups => Node.Related<SecurityGroup>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing);
}

/// <summary>An IPv4 CIDR; one shared node per CIDR.</summary>
public readonly record struct IpRange(GraphNode Node) : ICartographyNode<IpRange>
{
    public static CartographyKind Kind => CartographyKinds.IpRange;

    public static IpRange Wrap(GraphNode node) => new(node);

    public string? Cidr => Node.Properties.GetString("range") ?? Node.Id;
}
