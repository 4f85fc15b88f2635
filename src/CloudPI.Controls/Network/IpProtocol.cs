using System.Globalization;

namespace CloudPI.Controls.Network;

/// <summary>
/// IP protocol numbers as the layers spell them: security groups say <c>tcp</c>/<c>udp</c>/<c>icmp</c>/<c>-1</c>
/// or a number, NACLs say <c>6</c>/<c>17</c>/<c>1</c>/<c>-1</c>; both read to one number, -1 meaning all.
/// </summary>
public static class IpProtocol
{
    public const int All = -1;
    public const int Icmp = 1;
    public const int Tcp = 6;
    public const int Udp = 17;
    public const int Icmpv6 = 58;

    /// <summary>The protocol number, or null when the text names none (absent or garbled).</summary>
    public static int? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "-1" or "all" => All,
        "tcp" => Tcp,
        "udp" => Udp,
        "icmp" => Icmp,
        "icmpv6" => Icmpv6,
        var number when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    public static string Name(int protocol) => protocol switch
    {
        All => "all",
        Tcp => "tcp",
        Udp => "udp",
        Icmp => "icmp",
        Icmpv6 => "icmpv6",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Only TCP and UDP have ports; for other protocols the rule's port fields mean something else (ICMP type/code).</summary>
    public static bool HasPorts(int protocol) => protocol is Tcp or Udp;
}
