namespace CloudPI.PlannedExposure;

/// <summary>
/// The labels Cartography (0.139.1+) writes for the nodes the overlay creates: the current <c>AWS*</c> label first,
/// then the legacy labels it keeps until 1.0.0, so every reader of either generation sees planned nodes as live ones.
/// </summary>
internal static class CartographyShapes
{
    public static readonly string[] Vpc = ["AWSVpc", "VirtualNetwork"];
    public static readonly string[] Subnet = ["AWSEC2Subnet", "EC2Subnet", "Subnet"];
    public static readonly string[] InternetGateway = ["AWSInternetGateway"];
    public static readonly string[] SecurityGroup = ["AWSEC2SecurityGroup", "EC2SecurityGroup", "NetworkAccessControl"];
    public static readonly string[] InboundRule = ["AWSIpPermissionInbound", "AWSIpRule", "IpPermissionInbound", "IpRule"];
    public static readonly string[] EgressRule = ["AWSIpRule", "IpRule"];
    public static readonly string[] IpRange = ["AWSIpRange", "IpRange"];
    public static readonly string[] Instance = ["AWSEC2Instance", "EC2Instance", "ComputeInstance"];
    public static readonly string[] RouteTable = ["AWSEC2RouteTable", "EC2RouteTable"];
    public static readonly string[] Route = ["AWSEC2Route", "EC2Route"];
    public static readonly string[] RouteTableAssociation = ["AWSEC2RouteTableAssociation", "EC2RouteTableAssociation"];
    public static readonly string[] NetworkAcl = ["AWSEC2NetworkAcl", "EC2NetworkAcl"];
    public static readonly string[] InboundAclRule = ["AWSEC2NetworkAclRule", "EC2NetworkAclRule", "IpPermissionInbound"];
    public static readonly string[] EgressAclRule = ["AWSEC2NetworkAclRule", "EC2NetworkAclRule", "IpPermissionEgress"];
    public static readonly string[] LoadBalancerV2 = ["AWSLoadBalancerV2", "LoadBalancerV2", "LoadBalancer"];
    public static readonly string[] Listener = ["AWSELBV2Listener", "ELBV2Listener", "Endpoint"];
    public static readonly string[] TargetGroup = ["AWSELBV2TargetGroup", "ELBV2TargetGroup"];

    /// <summary>A security-group rule's id: group, direction, then from-port, to-port and protocol run together (<c>None</c> for no port).</summary>
    public static string RuleId(string groupId, bool inbound, long? from, long? to, string protocol) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{groupId}/{(inbound ? "IpPermissions" : "IpPermissionsEgress")}/{from?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None"}{to?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None"}{protocol}");

    public static string AclRuleId(string aclId, bool egress, long number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{aclId}/{(egress ? "egress" : "inbound")}/{number}");

    /// <summary>Protocols as security groups report them: names for tcp/udp/icmp, <c>-1</c> for all traffic.</summary>
    public static string GroupProtocol(string protocol) => protocol.ToLowerInvariant() switch
    {
        "all" or "-1" => "-1",
        "6" => "tcp",
        "17" => "udp",
        "1" => "icmp",
        var other => other,
    };

    /// <summary>Protocols as NACL entries report them: numbers as strings, <c>-1</c> for all traffic.</summary>
    public static string AclProtocol(string protocol) => protocol.ToLowerInvariant() switch
    {
        "all" or "-1" => "-1",
        "tcp" => "6",
        "udp" => "17",
        "icmp" => "1",
        var other => other,
    };
}
