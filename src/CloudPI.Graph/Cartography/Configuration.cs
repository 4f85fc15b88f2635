namespace CloudPI.Graph.Cartography;

// Configuration objects: no network presence of their own, they describe or group running resources.

/// <summary>An ECS task definition; the tasks that run it point at it (<c>task -HAS_TASK_DEFINITION-> definition</c>).</summary>
public readonly record struct EcsTaskDefinition(GraphNode Node) : ICartographyNode<EcsTaskDefinition>
{
    public static CartographyKind Kind => CartographyKinds.EcsTaskDefinition;

    public static EcsTaskDefinition Wrap(GraphNode node) => new(node);

    public string? Family => Node.Properties.GetString("family");

    /// <summary><c>awsvpc</c>, <c>bridge</c>, <c>host</c> or <c>none</c>.</summary>
    public string? NetworkMode => Node.Properties.GetString("network_mode");

    /// <summary>The tasks running this definition, whatever their status.</summary>
    public RelatedNodes<EcsTask> Tasks => Node.Related<EcsTask>("HAS_TASK_DEFINITION", Direction.Incoming);
}

/// <summary>An ECS service (<c>service -HAS_TASK-> task</c>, <c>service -HAS_TASK_DEFINITION-> definition</c>).</summary>
public readonly record struct EcsService(GraphNode Node) : ICartographyNode<EcsService>
{
    public static CartographyKind Kind => CartographyKinds.EcsService;

    public static EcsService Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name");

    public string? LaunchType => Node.Properties.GetString("launch_type");

    public RelatedNodes<EcsTask> Tasks => Node.Related<EcsTask>("HAS_TASK", Direction.Outgoing);

    public RelatedNodes<EcsTaskDefinition> TaskDefinitions => Node.Related<EcsTaskDefinition>("HAS_TASK_DEFINITION", Direction.Outgoing);
}

/// <summary>
/// An auto-scaling group (<c>instance -MEMBER_AUTO_SCALE_GROUP-> group</c>); it launches from one launch template or
/// launch configuration (templates of a mixed-instances policy are not ingested).
/// </summary>
public readonly record struct AutoScalingGroup(GraphNode Node) : ICartographyNode<AutoScalingGroup>
{
    public static CartographyKind Kind => CartographyKinds.AutoScalingGroup;

    public static AutoScalingGroup Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name");

    public RelatedNodes<Ec2Instance> Instances => Node.Related<Ec2Instance>("MEMBER_AUTO_SCALE_GROUP", Direction.Incoming);

    public RelatedNodes<LaunchTemplate> LaunchTemplates => Node.Related<LaunchTemplate>("HAS_LAUNCH_TEMPLATE", Direction.Outgoing);

    public RelatedNodes<LaunchConfiguration> LaunchConfigurations => Node.Related<LaunchConfiguration>("HAS_LAUNCH_CONFIG", Direction.Outgoing);
}

/// <summary>An EC2 launch template; there is no instance edge, only the groups that launch from it (<c>group -HAS_LAUNCH_TEMPLATE-> template</c>).</summary>
public readonly record struct LaunchTemplate(GraphNode Node) : ICartographyNode<LaunchTemplate>
{
    public static CartographyKind Kind => CartographyKinds.LaunchTemplate;

    public static LaunchTemplate Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name");

    public RelatedNodes<AutoScalingGroup> AutoScalingGroups => Node.Related<AutoScalingGroup>("HAS_LAUNCH_TEMPLATE", Direction.Incoming);
}

/// <summary>An EC2 launch configuration, used by groups (<c>group -HAS_LAUNCH_CONFIG-> configuration</c>).</summary>
public readonly record struct LaunchConfiguration(GraphNode Node) : ICartographyNode<LaunchConfiguration>
{
    public static CartographyKind Kind => CartographyKinds.LaunchConfiguration;

    public static LaunchConfiguration Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name");

    public bool? AssociatePublicIpAddress => Node.Properties.GetBool("associate_public_ip_address");

    public RelatedNodes<AutoScalingGroup> AutoScalingGroups => Node.Related<AutoScalingGroup>("HAS_LAUNCH_CONFIG", Direction.Incoming);
}

/// <summary>An Aurora/RDS cluster; its instances point at it (<c>instance -IS_CLUSTER_MEMBER_OF-> cluster</c>). It has no SG, VPC or subnet edge.</summary>
public readonly record struct RdsCluster(GraphNode Node) : ICartographyNode<RdsCluster>
{
    public static CartographyKind Kind => CartographyKinds.RdsCluster;

    public static RdsCluster Wrap(GraphNode node) => new(node);

    public string? Engine => Node.Properties.GetString("engine");

    public string? Endpoint => Node.Properties.GetString("endpoint");

    public long? Port => Node.Properties.GetLong("port");

    public RelatedNodes<RdsInstance> Members => Node.Related<RdsInstance>("IS_CLUSTER_MEMBER_OF", Direction.Incoming);
}
