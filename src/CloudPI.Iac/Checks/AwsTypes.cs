namespace CloudPI.Iac.Checks;

/// <summary>pulumi-aws type tokens several checks share (v4–v7; v7 keeps the V2 tokens as aliases).</summary>
internal static class AwsTypes
{
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string DefaultVpc = "aws:ec2/defaultVpc:DefaultVpc";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    public const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string VpcIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string VpcEgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    /// <summary>Legacy Bucket (v4–v6, inline objects; v7's is the former BucketV2) and BucketV2 (v5/v6, lists).</summary>
    public static readonly string[] Buckets = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];

    public static readonly string[] BucketPolicies = ["aws:s3/bucketPolicy:BucketPolicy"];

    public static readonly string[] EksTaggable = ["aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup", "aws:eks/fargateProfile:FargateProfile"];

    public const string EksCluster = "aws:eks/cluster:Cluster";
}
