namespace CloudPI.AwsConfig;

/// <summary>
/// Builds a resource's ARN from what AWS Config reports (resource type and id), for the Dracon issue target.
/// Types whose Config id is not the ARN's name part (RDS instances are reported by DbiResourceId) return null:
/// the producer then asks Config itself (BatchGetResourceConfig) or falls back to <see cref="Fallback"/>.
/// </summary>
public static class AwsResourceArn
{
    // {0} partition, {1} region, {2} account, {3} resource id.
    private static readonly Dictionary<string, string> Formats = new(StringComparer.Ordinal)
    {
        ["AWS::EC2::Instance"] = "arn:{0}:ec2:{1}:{2}:instance/{3}",
        ["AWS::EC2::SecurityGroup"] = "arn:{0}:ec2:{1}:{2}:security-group/{3}",
        ["AWS::EC2::Volume"] = "arn:{0}:ec2:{1}:{2}:volume/{3}",
        ["AWS::EC2::VPC"] = "arn:{0}:ec2:{1}:{2}:vpc/{3}",
        ["AWS::EC2::Subnet"] = "arn:{0}:ec2:{1}:{2}:subnet/{3}",
        ["AWS::EC2::NetworkAcl"] = "arn:{0}:ec2:{1}:{2}:network-acl/{3}",
        ["AWS::EC2::InternetGateway"] = "arn:{0}:ec2:{1}:{2}:internet-gateway/{3}",
        ["AWS::EC2::RouteTable"] = "arn:{0}:ec2:{1}:{2}:route-table/{3}",
        ["AWS::EC2::NetworkInterface"] = "arn:{0}:ec2:{1}:{2}:network-interface/{3}",
        ["AWS::EC2::EIP"] = "arn:{0}:ec2:{1}:{2}:elastic-ip/{3}",
        ["AWS::EC2::LaunchTemplate"] = "arn:{0}:ec2:{1}:{2}:launch-template/{3}",
        ["AWS::EC2::Snapshot"] = "arn:{0}:ec2:{1}::snapshot/{3}",
        ["AWS::S3::Bucket"] = "arn:{0}:s3:::{3}",
        ["AWS::Lambda::Function"] = "arn:{0}:lambda:{1}:{2}:function:{3}",
        ["AWS::KMS::Key"] = "arn:{0}:kms:{1}:{2}:key/{3}",
        ["AWS::EKS::Cluster"] = "arn:{0}:eks:{1}:{2}:cluster/{3}",
        ["AWS::Redshift::Cluster"] = "arn:{0}:redshift:{1}:{2}:cluster:{3}",
        ["AWS::ECS::Cluster"] = "arn:{0}:ecs:{1}:{2}:cluster/{3}",
        ["AWS::ECS::TaskDefinition"] = "arn:{0}:ecs:{1}:{2}:task-definition/{3}",
        ["AWS::RDS::DBSnapshot"] = "arn:{0}:rds:{1}:{2}:snapshot:{3}",
        ["AWS::RDS::DBClusterSnapshot"] = "arn:{0}:rds:{1}:{2}:cluster-snapshot:{3}",
        // Account-level rules: Prowler's convention for findings about the account itself.
        ["AWS::::Account"] = "arn:{0}:iam::{2}:root",
    };

    /// <summary>The ARN, the id itself when Config already reports an ARN, or null when it cannot be built.</summary>
    public static string? TryBuild(string resourceType, string resourceId, string? region, string? accountId)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        ArgumentNullException.ThrowIfNull(resourceId);
        if (resourceId.StartsWith("arn:", StringComparison.Ordinal))
        {
            return resourceId;
        }

        if (!Formats.TryGetValue(resourceType, out var format) || string.IsNullOrEmpty(accountId) || (string.IsNullOrEmpty(region) && format.Contains("{1}", StringComparison.Ordinal)))
        {
            return null;
        }

        return string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Partition(region), region, accountId, resourceId);
    }

    /// <summary>A stable target when no ARN can be built: <c>AWS::RDS::DBInstance/db-ABC</c> plus where it lives.</summary>
    public static string Fallback(string resourceType, string resourceId, string? region, string? accountId) =>
        $"{resourceType}/{resourceId}" + (accountId is null ? string.Empty : $"@{accountId}") + (region is null ? string.Empty : $"/{region}");

    /// <summary>The ARN partition a region belongs to.</summary>
    public static string Partition(string? region) => region switch
    {
        null => "aws",
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ => "aws",
    };
}
