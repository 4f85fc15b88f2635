namespace CloudPI.Graph.Synthetic;

/// <summary>Label sets as current Cartography writes them: the AWS-prefixed label first, plus legacy and ontology labels (synthetic accounts and planned nodes use them).</summary>
public static class SyntheticLabels
{
    public static readonly string[] Account = ["AWSAccount", "Tenant"];
    public static readonly string[] Vpc = ["AWSVpc", "VirtualNetwork"];
    public static readonly string[] InternetGateway = ["AWSInternetGateway"];
    public static readonly string[] Subnet = ["AWSEC2Subnet", "EC2Subnet", "Subnet"];
    public static readonly string[] RouteTable = ["AWSEC2RouteTable", "EC2RouteTable"];
    public static readonly string[] Route = ["AWSEC2Route", "EC2Route"];
    public static readonly string[] RouteTableAssociation = ["AWSEC2RouteTableAssociation", "EC2RouteTableAssociation"];
    public static readonly string[] NetworkAcl = ["AWSEC2NetworkAcl", "EC2NetworkAcl"];

    // NACL rules carry a conditional bare IpPermissionInbound/IpPermissionEgress label.
    public static readonly string[] NetworkAclInboundRule = ["AWSEC2NetworkAclRule", "EC2NetworkAclRule", "IpPermissionInbound"];
    public static readonly string[] NetworkAclEgressRule = ["AWSEC2NetworkAclRule", "EC2NetworkAclRule", "IpPermissionEgress"];
    public static readonly string[] SecurityGroup = ["AWSEC2SecurityGroup", "EC2SecurityGroup", "NetworkAccessControl"];
    public static readonly string[] InboundRule = ["AWSIpPermissionInbound", "AWSIpRule", "IpPermissionInbound", "IpRule"];
    public static readonly string[] EgressRule = ["AWSIpRule", "IpRule"];
    public static readonly string[] IpRange = ["AWSIpRange", "IpRange"];
    public static readonly string[] Instance = ["AWSEC2Instance", "ComputeInstance", "EC2Instance"];
    public static readonly string[] ElasticIp = ["AWSElasticIPAddress", "ElasticIPAddress"];
    public static readonly string[] NetworkInterface = ["AWSNetworkInterface", "NetworkInterface"];
    public static readonly string[] PrivateIp = ["AWSEC2PrivateIp", "EC2PrivateIp"];
    public static readonly string[] EbsVolume = ["AWSEBSVolume", "BlockStorage", "EBSVolume"];
    public static readonly string[] LoadBalancer = ["AWSLoadBalancer", "LoadBalancer"];
    public static readonly string[] ElbListener = ["AWSELBListener", "ELBListener", "Endpoint"];
    public static readonly string[] LoadBalancerV2 = ["AWSLoadBalancerV2", "LoadBalancer", "LoadBalancerV2"];
    public static readonly string[] Elbv2Listener = ["AWSELBV2Listener", "ELBV2Listener", "Endpoint"];
    public static readonly string[] TargetGroup = ["AWSELBV2TargetGroup", "ELBV2TargetGroup"];
    public static readonly string[] RdsInstance = ["AWSRDSInstance", "Database", "RDSInstance"];
    public static readonly string[] RdsCluster = ["AWSRDSCluster", "RDSCluster"];
    public static readonly string[] DbSubnetGroup = ["AWSDBSubnetGroup", "DBSubnetGroup"];
    public static readonly string[] Redshift = ["AWSRedshiftCluster", "ComputeCluster", "RedshiftCluster"];
    public static readonly string[] Lambda = ["AWSLambda", "Function"];
    public static readonly string[] EcsCluster = ["AWSECSCluster", "ComputeCluster", "ECSCluster"];
    public static readonly string[] EcsTask = ["AWSECSTask", "ComputePod", "ECSTask"];
    public static readonly string[] EcsContainer = ["AWSECSContainer", "Container", "ECSContainer"];
    public static readonly string[] EksCluster = ["AWSEKSCluster", "ComputeCluster", "EKSCluster"];
    public static readonly string[] S3Bucket = ["AWSS3Bucket", "ObjectStorage", "S3Bucket"];
    public static readonly string[] S3PolicyStatement = ["AWSS3PolicyStatement", "S3PolicyStatement"];
    public static readonly string[] KmsKey = ["AWSKMSKey", "EncryptionKey", "KMSKey"];
    public static readonly string[] SqsQueue = ["AWSSQSQueue", "SQSQueue"];
    public static readonly string[] Role = ["AWSPrincipal", "AWSRole"];
    public static readonly string[] ServicePrincipal = ["AWSPrincipal", "AWSServicePrincipal"];
    public static readonly string[] RootPrincipal = ["AWSPrincipal", "AWSRootPrincipal"];
    public static readonly string[] PeeringConnection = ["AWSPeeringConnection"];
    public static readonly string[] ManagedPolicy = ["AWSManagedPolicy", "AWSPolicy"];
    public static readonly string[] InlinePolicy = ["AWSInlinePolicy", "AWSPolicy"];
    public static readonly string[] PolicyStatement = ["AWSPolicyStatement"];
    public static readonly string[] InstanceProfile = ["AWSInstanceProfile"];
    public static readonly string[] Tag = ["AWSTag", "Tag"];
}
