namespace CloudPI.PlannedExposure;

/// <summary>The Pulumi AWS type tokens the overlay turns into Cartography shapes (<c>aws:alb/*</c> read as <c>aws:lb/*</c>).</summary>
public static class PulumiTypes
{
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string SecurityGroupIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string SecurityGroupEgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string Instance = "aws:ec2/instance:Instance";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string Route = "aws:ec2/route:Route";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string NetworkAcl = "aws:ec2/networkAcl:NetworkAcl";
    public const string NetworkAclRule = "aws:ec2/networkAclRule:NetworkAclRule";
    public const string NetworkAclAssociation = "aws:ec2/networkAclAssociation:NetworkAclAssociation";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string Listener = "aws:lb/listener:Listener";
    public const string TargetGroup = "aws:lb/targetGroup:TargetGroup";
    public const string TargetGroupAttachment = "aws:lb/targetGroupAttachment:TargetGroupAttachment";
    public const string DbSubnetGroup = "aws:rds/subnetGroup:SubnetGroup";
    public const string DbInstance = "aws:rds/instance:Instance";
    public const string DbCluster = "aws:rds/cluster:Cluster";
    public const string DbClusterInstance = "aws:rds/clusterInstance:ClusterInstance";
    public const string Function = "aws:lambda/function:Function";
    public const string FunctionPermission = "aws:lambda/permission:Permission";
    public const string FunctionUrl = "aws:lambda/functionUrl:FunctionUrl";
    public const string Eip = "aws:ec2/eip:Eip";
    public const string EipAssociation = "aws:ec2/eipAssociation:EipAssociation";
    public const string Bucket = "aws:s3/bucket:Bucket";
    public const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    public const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    public const string BucketPublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

    /// <summary>Every type understood, in the order they are applied: what others refer to comes first.</summary>
    public static IReadOnlyList<string> Understood { get; } =
    [
        Vpc, Subnet, InternetGateway, SecurityGroup, RouteTable, NetworkAcl, Instance, LoadBalancer, TargetGroup, Listener, DbSubnetGroup, DbCluster, DbInstance, DbClusterInstance, Function,
        Bucket, BucketV2, Eip, SecurityGroupRule, SecurityGroupIngressRule, SecurityGroupEgressRule, Route, RouteTableAssociation, NetworkAclRule, NetworkAclAssociation, TargetGroupAttachment, FunctionPermission, FunctionUrl,
        BucketPolicy, BucketPublicAccessBlock, EipAssociation,
    ];

    public static string Normalise(string type) => type.StartsWith("aws:alb/", StringComparison.Ordinal) ? "aws:lb/" + type["aws:alb/".Length..] : type;
}
