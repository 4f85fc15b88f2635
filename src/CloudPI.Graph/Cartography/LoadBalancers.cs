namespace CloudPI.Graph.Cartography;

/// <summary>One <c>EXPOSE</c> edge from a load balancer to a target (instance, private IP, Lambda, ALB).</summary>
public readonly record struct ExposedTarget(GraphRelationship Relationship)
{
    public GraphNode Target => Relationship.End;

    public long? Port => Relationship.Properties.GetLong("port");

    public string? Protocol => Relationship.Properties.GetString("protocol");

    public string? TargetGroupArn => Relationship.Properties.GetString("target_group_arn");
}

/// <summary>Classic ELB (no subnet edge in real graphs).</summary>
public readonly record struct LoadBalancer(GraphNode Node) : ICartographyNode<LoadBalancer>
{
    public static CartographyKind Kind => CartographyKinds.LoadBalancer;

    public static LoadBalancer Wrap(GraphNode node) => new(node);

    public string? DnsName => Node.Properties.GetString("dnsname");

    public bool InternetFacing => Node.Properties.GetString("scheme") == "internet-facing";

    public RelatedNodes<ElbListener> Listeners => Node.Related<ElbListener>("ELB_LISTENER", Direction.Outgoing);

    public RelatedNodes<SecurityGroup> SecurityGroups => Node.Related<SecurityGroup>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing);

    /// <summary>Usually none in real graphs.</summary>
    public RelatedNodes<Subnet> Subnets => Node.Related<Subnet>("PART_OF_SUBNET", Direction.Outgoing);

    /// <summary>Matched on the group's name by Cartography.</summary>
    public RelatedNodes<SecurityGroup> SourceSecurityGroups => Node.Related<SecurityGroup>("SOURCE_SECURITY_GROUP", Direction.Outgoing);

    public IEnumerable<ExposedTarget> Exposes => Node.Relationships(Direction.Outgoing, "EXPOSE").Select(r => new ExposedTarget(r));
}

public readonly record struct ElbListener(GraphNode Node) : ICartographyNode<ElbListener>
{
    public static CartographyKind Kind => CartographyKinds.ElbListener;

    public static ElbListener Wrap(GraphNode node) => new(node);

    public long? Port => Node.Properties.GetLong("port");

    public string? Protocol => Node.Properties.GetString("protocol");

    public long? InstancePort => Node.Properties.GetLong("instance_port");
}

public readonly record struct LoadBalancerV2(GraphNode Node) : ICartographyNode<LoadBalancerV2>
{
    public static CartographyKind Kind => CartographyKinds.LoadBalancerV2;

    public static LoadBalancerV2 Wrap(GraphNode node) => new(node);

    public string? DnsName => Node.Properties.GetString("dnsname") ?? Node.Id;

    public bool InternetFacing => Node.Properties.GetString("scheme") == "internet-facing";

    /// <summary><c>application</c>, <c>network</c>, <c>gateway</c>.</summary>
    public string? Type => Node.Properties.GetString("type");

    public RelatedNodes<Elbv2Listener> Listeners => Node.Related<Elbv2Listener>("ELBV2_LISTENER", Direction.Outgoing);

    public RelatedNodes<TargetGroup> TargetGroups => Node.Related<TargetGroup>("ELBV2_TARGET_GROUP", Direction.Outgoing);

    public RelatedNodes<SecurityGroup> SecurityGroups => Node.Related<SecurityGroup>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing);

    public RelatedNodes<Subnet> Subnets => Node.Related<Subnet>("SUBNET", Direction.Outgoing);

    /// <summary>The only listener→target link in real graphs (listener <c>targetgrouparn</c> is empty).</summary>
    public IEnumerable<ExposedTarget> Exposes => Node.Relationships(Direction.Outgoing, "EXPOSE").Select(r => new ExposedTarget(r));
}

public readonly record struct Elbv2Listener(GraphNode Node) : ICartographyNode<Elbv2Listener>
{
    public static CartographyKind Kind => CartographyKinds.Elbv2Listener;

    public static Elbv2Listener Wrap(GraphNode node) => new(node);

    public long? Port => Node.Properties.GetLong("port");

    public string? Protocol => Node.Properties.GetString("protocol");

    public string? SslPolicy => Node.Properties.GetString("ssl_policy");
}

public readonly record struct TargetGroup(GraphNode Node) : ICartographyNode<TargetGroup>
{
    public static CartographyKind Kind => CartographyKinds.TargetGroup;

    public static TargetGroup Wrap(GraphNode node) => new(node);

    public long? Port => Node.Properties.GetLong("port");

    public string? Protocol => Node.Properties.GetString("protocol");

    /// <summary><c>instance</c>, <c>ip</c>, <c>lambda</c>, <c>alb</c>.</summary>
    public string? TargetType => Node.Properties.GetString("target_type");
}
