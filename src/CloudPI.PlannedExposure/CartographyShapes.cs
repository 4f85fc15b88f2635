namespace CloudPI.PlannedExposure;

/// <summary>Cartography's ids and property encodings for the nodes the overlay draws (labels: <see cref="CloudPI.Graph.Synthetic.SyntheticLabels"/>).</summary>
internal static class CartographyShapes
{
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
