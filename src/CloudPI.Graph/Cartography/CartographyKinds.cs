namespace CloudPI.Graph.Cartography;

/// <summary>
/// The label-alias table: every node kind the analyses read, with its current and legacy label
///. Labels that always had the <c>AWS</c> prefix have no legacy label.
/// </summary>
public static class CartographyKinds
{
    public static readonly CartographyKind Account = new("AWSAccount");
    public static readonly CartographyKind Vpc = new("AWSVpc");
    public static readonly CartographyKind Subnet = new("AWSEC2Subnet", "EC2Subnet");
    public static readonly CartographyKind InternetGateway = new("AWSInternetGateway");
    public static readonly CartographyKind RouteTable = new("AWSEC2RouteTable", "EC2RouteTable");
    public static readonly CartographyKind Route = new("AWSEC2Route", "EC2Route");
    public static readonly CartographyKind RouteTableAssociation = new("AWSEC2RouteTableAssociation", "EC2RouteTableAssociation");
    public static readonly CartographyKind NetworkAcl = new("AWSEC2NetworkAcl", "EC2NetworkAcl");
    public static readonly CartographyKind NetworkAclRule = new("AWSEC2NetworkAclRule", "EC2NetworkAclRule");
    public static readonly CartographyKind SecurityGroup = new("AWSEC2SecurityGroup", "EC2SecurityGroup");

    /// <summary>Security-group rules of both directions (inbound ones also carry <see cref="InboundRule"/>'s labels).</summary>
    public static readonly CartographyKind SecurityGroupRule = new("AWSIpRule", "IpRule");

    /// <summary>Inbound security-group rules; NACL rules may carry the bare legacy label too, so they are excluded.</summary>
    public static readonly CartographyKind InboundRule = new(
        "AWSIpPermissionInbound", "IpPermissionInbound", "AWSEC2NetworkAclRule", "EC2NetworkAclRule");

    public static readonly CartographyKind IpRange = new("AWSIpRange", "IpRange");
    public static readonly CartographyKind Ec2Instance = new("AWSEC2Instance", "EC2Instance");
    public static readonly CartographyKind NetworkInterface = new("AWSNetworkInterface", "NetworkInterface");
    public static readonly CartographyKind PrivateIp = new("AWSEC2PrivateIp", "EC2PrivateIp");
    public static readonly CartographyKind ElasticIp = new("AWSElasticIPAddress", "ElasticIPAddress");
    public static readonly CartographyKind Ipv6Address = new("AWSEC2Ipv6Address", "EC2Ipv6Address");

    /// <summary>Classic ELB; its legacy <c>LoadBalancer</c> label is also on ELBv2 nodes.</summary>
    public static readonly CartographyKind LoadBalancer = new("AWSLoadBalancer", "LoadBalancer", "AWSLoadBalancerV2", "LoadBalancerV2");

    public static readonly CartographyKind ElbListener = new("AWSELBListener", "ELBListener");
    public static readonly CartographyKind LoadBalancerV2 = new("AWSLoadBalancerV2", "LoadBalancerV2");
    public static readonly CartographyKind Elbv2Listener = new("AWSELBV2Listener", "ELBV2Listener");
    public static readonly CartographyKind TargetGroup = new("AWSELBV2TargetGroup", "ELBV2TargetGroup");
    public static readonly CartographyKind RdsInstance = new("AWSRDSInstance", "RDSInstance");
    public static readonly CartographyKind DbSubnetGroup = new("AWSDBSubnetGroup", "DBSubnetGroup");
    public static readonly CartographyKind RedshiftCluster = new("AWSRedshiftCluster", "RedshiftCluster");
    public static readonly CartographyKind Lambda = new("AWSLambda");
    public static readonly CartographyKind EcsCluster = new("AWSECSCluster", "ECSCluster");
    public static readonly CartographyKind EcsTask = new("AWSECSTask", "ECSTask");
    public static readonly CartographyKind EcsContainer = new("AWSECSContainer", "ECSContainer");
    public static readonly CartographyKind EcsContainerInstance = new("AWSECSContainerInstance", "ECSContainerInstance");
    public static readonly CartographyKind EksCluster = new("AWSEKSCluster", "EKSCluster");
    public static readonly CartographyKind EbsVolume = new("AWSEBSVolume", "EBSVolume");

    // Configuration objects, judged by the running resources they belong to.
    public static readonly CartographyKind EcsTaskDefinition = new("AWSECSTaskDefinition", "ECSTaskDefinition");
    public static readonly CartographyKind EcsService = new("AWSECSService", "ECSService");
    public static readonly CartographyKind AutoScalingGroup = new("AWSAutoScalingGroup", "AutoScalingGroup");
    public static readonly CartographyKind LaunchTemplate = new("AWSLaunchTemplate", "LaunchTemplate");
    public static readonly CartographyKind LaunchConfiguration = new("AWSLaunchConfiguration", "LaunchConfiguration");
    public static readonly CartographyKind RdsCluster = new("AWSRDSCluster", "RDSCluster");

    public static readonly CartographyKind S3Bucket = new("AWSS3Bucket", "S3Bucket");
    public static readonly CartographyKind KmsKey = new("AWSKMSKey", "KMSKey");
    public static readonly CartographyKind SqsQueue = new("AWSSQSQueue", "SQSQueue");
    // Resources public by policy, ACL or attribute, and what fronts them.
    public static readonly CartographyKind S3PolicyStatement = new("AWSS3PolicyStatement", "S3PolicyStatement");
    public static readonly CartographyKind S3Acl = new("AWSS3Acl", "S3Acl");
    public static readonly CartographyKind S3AccountPublicAccessBlock = new("AWSS3AccountPublicAccessBlock", "S3AccountPublicAccessBlock");
    public static readonly CartographyKind EbsSnapshot = new("AWSEBSSnapshot", "EBSSnapshot");
    public static readonly CartographyKind RdsSnapshot = new("AWSRDSSnapshot", "RDSSnapshot");
    public static readonly CartographyKind SnsTopic = new("AWSSNSTopic", "SNSTopic");
    public static readonly CartographyKind EcrRepository = new("AWSECRRepository", "ECRRepository");

    /// <summary>An image manifest in ECR, keyed by its digest; containers and functions that run it point at it with <c>HAS_IMAGE</c>.</summary>
    public static readonly CartographyKind EcrImage = new("AWSECRImage", "ECRImage");

    /// <summary>Inspector findings (<c>AFFECTS</c> an instance, an ECR image or repository; <c>HAS</c> their packages).</summary>
    public static readonly CartographyKind InspectorFinding = new("AWSInspectorFinding");

    public static readonly CartographyKind InspectorPackage = new("AWSInspectorPackage");
    public static readonly CartographyKind ApiGatewayRestApi = new("AWSAPIGatewayRestAPI", "APIGatewayRestAPI");
    public static readonly CartographyKind ApiGatewayResource = new("AWSAPIGatewayResource", "APIGatewayResource");
    public static readonly CartographyKind ApiGatewayMethod = new("AWSAPIGatewayMethod", "APIGatewayMethod");
    public static readonly CartographyKind ApiGatewayIntegration = new("AWSAPIGatewayIntegration", "APIGatewayIntegration");

    /// <summary>HTTP and WebSocket APIs: Cartography records the API only, not its routes or integrations.</summary>
    public static readonly CartographyKind ApiGatewayV2Api = new("AWSAPIGatewayV2API", "APIGatewayV2API");
    public static readonly CartographyKind CloudFrontDistribution = new("AWSCloudFrontDistribution", "CloudFrontDistribution");
    public static readonly CartographyKind Role = new("AWSRole");
    public static readonly CartographyKind Principal = new("AWSPrincipal");

    /// <summary>Managed and inline policies (<c>AWSManagedPolicy</c>/<c>AWSInlinePolicy</c> both carry <c>AWSPolicy</c>).</summary>
    public static readonly CartographyKind Policy = new("AWSPolicy");

    public static readonly CartographyKind PolicyStatement = new("AWSPolicyStatement");
    public static readonly CartographyKind InstanceProfile = new("AWSInstanceProfile");
    public static readonly CartographyKind Tag = new("AWSTag");

    /// <summary>Every kind above, for callers that need the whole label set (the Neo4j loader's label filter).</summary>
    public static IReadOnlyList<CartographyKind> All { get; } =
    [
        Account,
        Vpc,
        Subnet,
        InternetGateway,
        RouteTable,
        Route,
        RouteTableAssociation,
        NetworkAcl,
        NetworkAclRule,
        SecurityGroup,
        SecurityGroupRule,
        InboundRule,
        IpRange,
        Ec2Instance,
        NetworkInterface,
        PrivateIp,
        ElasticIp,
        Ipv6Address,
        LoadBalancer,
        ElbListener,
        LoadBalancerV2,
        Elbv2Listener,
        TargetGroup,
        RdsInstance,
        DbSubnetGroup,
        RedshiftCluster,
        Lambda,
        EcsCluster,
        EcsTask,
        EcsContainer,
        EcsContainerInstance,
        EksCluster,
        EbsVolume,
        EcsTaskDefinition,
        EcsService,
        AutoScalingGroup,
        LaunchTemplate,
        LaunchConfiguration,
        RdsCluster,
        S3Bucket,
        KmsKey,
        SqsQueue,
        S3PolicyStatement,
        S3Acl,
        S3AccountPublicAccessBlock,
        EbsSnapshot,
        RdsSnapshot,
        SnsTopic,
        EcrRepository,
        EcrImage,
        InspectorFinding,
        InspectorPackage,
        ApiGatewayRestApi,
        ApiGatewayResource,
        ApiGatewayMethod,
        ApiGatewayIntegration,
        ApiGatewayV2Api,
        CloudFrontDistribution,
        Role,
        Principal,
        Policy,
        PolicyStatement,
        InstanceProfile,
        Tag,
    ];
}
