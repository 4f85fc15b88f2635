namespace CloudPI.Graph.Cartography;

public readonly record struct RdsInstance(GraphNode Node) : ICartographyNode<RdsInstance>
{
    public static CartographyKind Kind => CartographyKinds.RdsInstance;

    public static RdsInstance Wrap(GraphNode node) => new(node);

    public string? Engine => Node.Properties.GetString("engine");

    public string? EndpointAddress => Node.Properties.GetString("endpoint_address");

    public long? EndpointPort => Node.Properties.GetLong("endpoint_port");

    /// <summary>The zone of the primary instance: it sits in its subnet group's subnet of that zone.</summary>
    public string? AvailabilityZone => Node.Properties.GetString("availability_zone");

    public bool PubliclyAccessible => Node.Properties.GetBool("publicly_accessible") == true;

    public bool StorageEncrypted => Node.Properties.GetBool("storage_encrypted") == true;

    public RelatedNodes<SecurityGroup> SecurityGroups => Node.Related<SecurityGroup>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing);

    /// <summary>Subnets through the DB subnet group (<c>AWSDBSubnetGroup -RESOURCE-> subnet</c>).</summary>
    public IEnumerable<Subnet> Subnets =>
        Node.Neighbors("MEMBER_OF_DB_SUBNET_GROUP", Direction.Outgoing)
            .Where(CartographyKinds.DbSubnetGroup.Matches)
            .SelectMany(group => group.Related<Subnet>("RESOURCE", Direction.Outgoing));
}

/// <summary>Redshift cluster (no subnet edge in real graphs).</summary>
public readonly record struct RedshiftCluster(GraphNode Node) : ICartographyNode<RedshiftCluster>
{
    public static CartographyKind Kind => CartographyKinds.RedshiftCluster;

    public static RedshiftCluster Wrap(GraphNode node) => new(node);

    public bool PubliclyAccessible => Node.Properties.GetBool("publicly_accessible") == true;

    public bool Encrypted => Node.Properties.GetBool("encrypted") == true;

    public long? EndpointPort => Node.Properties.GetLong("endpoint_port");

    public string? AvailabilityZone => Node.Properties.GetString("availability_zone");

    public RelatedNodes<SecurityGroup> SecurityGroups => Node.Related<SecurityGroup>("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing);

    public RelatedNodes<Vpc> Vpcs => Node.Related<Vpc>("MEMBER_OF_AWS_VPC", Direction.Outgoing);
}

public readonly record struct S3Bucket(GraphNode Node) : ICartographyNode<S3Bucket>
{
    public static CartographyKind Kind => CartographyKinds.S3Bucket;

    public static S3Bucket Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name") ?? Node.Id;

    public bool AnonymousAccess => Node.Properties.GetBool("anonymous_access") == true;

    public IReadOnlyList<string> AnonymousActions => Node.Properties.GetStringList("anonymous_actions");

    /// <summary>Cartography's reading of the policy and ACLs: null when it was not recorded.</summary>
    public bool? AnonymousAccessRecorded => Node.Properties.GetBool("anonymous_access");

    public bool? BlockPublicPolicy => Node.Properties.GetBool("block_public_policy");

    public bool? BlockPublicAcls => Node.Properties.GetBool("block_public_acls");

    public bool? IgnorePublicAcls => Node.Properties.GetBool("ignore_public_acls");

    public bool? RestrictPublicBuckets => Node.Properties.GetBool("restrict_public_buckets");

    /// <summary><c>BucketOwnerEnforced</c> turns ACLs off.</summary>
    public string? ObjectOwnership => Node.Properties.GetString("object_ownership");

    public RelatedNodes<S3PolicyStatement> PolicyStatements => Node.Related<S3PolicyStatement>("POLICY_STATEMENT", Direction.Outgoing);

    public RelatedNodes<S3Acl> Acls => Node.Related<S3Acl>("APPLIES_TO", Direction.Incoming);

    public IEnumerable<GraphNode> ServedBy => Node.Neighbors("SERVES_FROM", Direction.Incoming).Where(CartographyKinds.CloudFrontDistribution.Matches);

    public bool DefaultEncryption => Node.Properties.GetBool("default_encryption") == true;
}

public readonly record struct KmsKey(GraphNode Node) : ICartographyNode<KmsKey>
{
    public static CartographyKind Kind => CartographyKinds.KmsKey;

    public static KmsKey Wrap(GraphNode node) => new(node);

    public bool Enabled => Node.Properties.GetBool("enabled") == true;

    public string? KeyState => Node.Properties.GetString("key_state");

    /// <summary><c>AWS</c> or <c>CUSTOMER</c>.</summary>
    public string? KeyManager => Node.Properties.GetString("key_manager");

    public bool AnonymousAccess => Node.Properties.GetBool("anonymous_access") == true;
}

public readonly record struct SqsQueue(GraphNode Node) : ICartographyNode<SqsQueue>
{
    public static CartographyKind Kind => CartographyKinds.SqsQueue;

    public static SqsQueue Wrap(GraphNode node) => new(node);

    public string? Name => Node.Properties.GetString("name");

    /// <summary>The raw resource policy JSON; Cartography computes no public flag for queues.</summary>
    public string? Policy => Node.Properties.GetString("policy");

    public string? KmsMasterKeyId => Node.Properties.GetString("kms_master_key_id");
}

public readonly record struct EbsVolume(GraphNode Node) : ICartographyNode<EbsVolume>
{
    public static CartographyKind Kind => CartographyKinds.EbsVolume;

    public static EbsVolume Wrap(GraphNode node) => new(node);

    public bool Encrypted => Node.Properties.GetBool("encrypted") == true;

    public long? Size => Node.Properties.GetLong("size");

    public RelatedNodes<Ec2Instance> AttachedTo => Node.Related<Ec2Instance>("ATTACHED_TO", Direction.Outgoing);
}
