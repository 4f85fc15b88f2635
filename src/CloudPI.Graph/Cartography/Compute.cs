namespace CloudPI.Graph.Cartography;

public readonly record struct Ec2Instance(GraphNode Node) : ICartographyNode<Ec2Instance>
{
    public static CartographyKind Kind => CartographyKinds.Ec2Instance;

    public static Ec2Instance Wrap(GraphNode node) => new(node);

    public string? InstanceId => Node.Id;

    public string? PublicIpAddress => Node.Properties.GetString("publicipaddress");

    public string? PrivateIpAddress => Node.Properties.GetString("privateipaddress");

    /// <summary>The primary interface's IPv6 address, when it has one.</summary>
    public string? Ipv6Address => Node.Properties.GetString("ipv6address");

    /// <summary><c>running</c>, <c>stopped</c>, <c>terminated</c>…</summary>
    public string? State => Node.Properties.GetString("state");

    public string? IamInstanceProfileArn => Node.Properties.GetString("iaminstanceprofile");

    /// <summary><c>required</c> (IMDSv2 only) or <c>optional</c>.</summary>
    public string? MetadataHttpTokens => Node.Properties.GetString("metadatahttptokens");

    public IReadOnlyList<string> ExposedInternetTypes => Node.Properties.GetStringList("exposed_internet_type");

    public RelatedNodes<SecurityGroup> SecurityGroups => Node.Related<SecurityGroup>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing);

    public RelatedNodes<NetworkInterface> NetworkInterfaces => Node.Related<NetworkInterface>("NETWORK_INTERFACE", Direction.Outgoing);

    public RelatedNodes<Subnet> Subnets => Node.Related<Subnet>("PART_OF_SUBNET", Direction.Outgoing);

    public RelatedNodes<ElasticIp> ElasticIps => Node.Related<ElasticIp>("ELASTIC_IP_ADDRESS", Direction.Outgoing);

    public RelatedNodes<InstanceProfile> InstanceProfiles => Node.Related<InstanceProfile>("INSTANCE_PROFILE", Direction.Outgoing);

    /// <summary>Roles the instance can assume through its instance profile (<c>STS_ASSUMEROLE_ALLOW</c>).</summary>
    public RelatedNodes<Role> AssumableRoles => Node.Related<Role>("STS_ASSUMEROLE_ALLOW", Direction.Outgoing);

    public RelatedNodes<EbsVolume> Volumes => Node.Related<EbsVolume>("ATTACHED_TO", Direction.Incoming);

    /// <summary>Load balancers that <c>EXPOSE</c> this instance.</summary>
    public IEnumerable<GraphRelationship> ExposedBy => Node.Relationships(Direction.Incoming, "EXPOSE");
}

public readonly record struct NetworkInterface(GraphNode Node) : ICartographyNode<NetworkInterface>
{
    public static CartographyKind Kind => CartographyKinds.NetworkInterface;

    public static NetworkInterface Wrap(GraphNode node) => new(node);

    public string? PublicIp => Node.Properties.GetString("public_ip");

    public string? PrivateIpAddress => Node.Properties.GetString("private_ip_address");

    public string? InterfaceType => Node.Properties.GetString("interface_type");

    /// <summary>The attachment's device index: 0 is an instance's primary interface.</summary>
    public long? DeviceIndex => Node.Properties.GetLong("device_index");

    public RelatedNodes<SecurityGroup> SecurityGroups => Node.Related<SecurityGroup>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing);

    public RelatedNodes<Subnet> Subnets => Node.Related<Subnet>("PART_OF_SUBNET", Direction.Outgoing);

    public RelatedNodes<PrivateIp> PrivateIps => Node.Related<PrivateIp>("PRIVATE_IP_ADDRESS", Direction.Outgoing);

    public RelatedNodes<ElasticIp> ElasticIps => Node.Related<ElasticIp>("ELASTIC_IP_ADDRESS", Direction.Outgoing);

    public RelatedNodes<Ipv6Address> Ipv6Addresses => Node.Related<Ipv6Address>("IPV6_ADDRESS", Direction.Outgoing);
}

/// <summary>An IPv6 address of a network interface (its id is the address).</summary>
public readonly record struct Ipv6Address(GraphNode Node) : ICartographyNode<Ipv6Address>
{
    public static CartographyKind Kind => CartographyKinds.Ipv6Address;

    public static Ipv6Address Wrap(GraphNode node) => new(node);

    public string? Address => Node.Properties.GetString("ipv6_address") ?? Node.Id;
}

public readonly record struct PrivateIp(GraphNode Node) : ICartographyNode<PrivateIp>
{
    public static CartographyKind Kind => CartographyKinds.PrivateIp;

    public static PrivateIp Wrap(GraphNode node) => new(node);

    public string? PrivateIpAddress => Node.Properties.GetString("private_ip_address");

    public string? PublicIp => Node.Properties.GetString("public_ip");
}

public readonly record struct Lambda(GraphNode Node) : ICartographyNode<Lambda>
{
    public static CartographyKind Kind => CartographyKinds.Lambda;

    public static Lambda Wrap(GraphNode node) => new(node);

    public string? Runtime => Node.Properties.GetString("runtime");

    public bool AnonymousAccess => Node.Properties.GetBool("anonymous_access") == true;

    /// <summary>The execution role.</summary>
    public RelatedNodes<Role> Roles => Node.Related<Role>("STS_ASSUMEROLE_ALLOW", Direction.Outgoing);
}

public readonly record struct EcsCluster(GraphNode Node) : ICartographyNode<EcsCluster>
{
    public static CartographyKind Kind => CartographyKinds.EcsCluster;

    public static EcsCluster Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name");

    public RelatedNodes<EcsTask> Tasks => Node.Related<EcsTask>("HAS_TASK", Direction.Outgoing);
}

public readonly record struct EcsTask(GraphNode Node) : ICartographyNode<EcsTask>
{
    public static CartographyKind Kind => CartographyKinds.EcsTask;

    public static EcsTask Wrap(GraphNode node) => new(node);

    /// <summary><c>FARGATE</c> or <c>EC2</c>.</summary>
    public string? LaunchType => Node.Properties.GetString("launch_type");

    public string? LastStatus => Node.Properties.GetString("last_status");

    public bool EnableExecuteCommand => Node.Properties.GetBool("enable_execute_command") == true;

    public RelatedNodes<NetworkInterface> NetworkInterfaces => Node.Related<NetworkInterface>("NETWORK_INTERFACE", Direction.Outgoing);

    public RelatedNodes<EcsContainer> Containers => Node.Related<EcsContainer>("HAS_CONTAINER", Direction.Outgoing);

    /// <summary>The EC2 instances a task without its own interface runs on (<c>container instance -HAS_TASK-> task</c>, <c>-IS_INSTANCE-></c>).</summary>
    public IEnumerable<Ec2Instance> HostInstances => Node.Neighbors("HAS_TASK", Direction.Incoming)
        .Where(CartographyKinds.EcsContainerInstance.Matches)
        .SelectMany(c => c.Related<Ec2Instance>("IS_INSTANCE", Direction.Outgoing));

    /// <summary>The task definition's <c>network_mode</c>: <c>awsvpc</c>, <c>bridge</c>, <c>host</c> or <c>none</c>.</summary>
    public string? NetworkMode => Node.Neighbors("HAS_TASK_DEFINITION", Direction.Outgoing).Select(d => d.Properties.GetString("network_mode")).FirstOrDefault(m => m is not null);
}

public readonly record struct EcsContainer(GraphNode Node) : ICartographyNode<EcsContainer>
{
    public static CartographyKind Kind => CartographyKinds.EcsContainer;

    public static EcsContainer Wrap(GraphNode node) => new(node);

    public string? Image => Node.Properties.GetString("image");
}

public readonly record struct EksCluster(GraphNode Node) : ICartographyNode<EksCluster>
{
    public static CartographyKind Kind => CartographyKinds.EksCluster;

    public static EksCluster Wrap(GraphNode node) => new(node);

    public string? Endpoint => Node.Properties.GetString("endpoint");

    public bool EndpointPublicAccess => Node.Properties.GetBool("endpoint_public_access") == true;

    public string? Version => Node.Properties.GetString("version");

    /// <summary>Sources allowed to the public endpoint; empty when not stored (Cartography does not ingest them).</summary>
    public IReadOnlyList<string> PublicAccessCidrs => Node.Properties.GetStringList("public_access_cidrs");
}

public readonly record struct ElasticIp(GraphNode Node) : ICartographyNode<ElasticIp>
{
    public static CartographyKind Kind => CartographyKinds.ElasticIp;

    public static ElasticIp Wrap(GraphNode node) => new(node);

    /// <summary>The public address (also the node's id).</summary>
    public string? PublicIp => Node.Properties.GetString("public_ip") ?? Node.Id;

    /// <summary>The interface the address is associated with, when it is.</summary>
    public string? NetworkInterfaceId => Node.Properties.GetString("network_interface_id");
}
