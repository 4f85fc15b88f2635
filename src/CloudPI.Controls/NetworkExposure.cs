using System.Globalization;

namespace CloudPI.Controls;

/// <summary>
/// The traffic a control is about, when it is about traffic (restricted-ssh → tcp/22): the reachability enricher
/// checks that exact protocol and port range. <see cref="Protocol"/> is <c>tcp</c>, <c>udp</c>, <c>icmp</c> or
/// <c>-1</c> (any).
/// </summary>
public sealed record NetworkExposure(string Protocol, int FromPort, int ToPort)
{
    public static NetworkExposure Tcp(int port) => new("tcp", port, port);

    public static NetworkExposure Udp(int port) => new("udp", port, port);

    /// <summary>Any protocol, any port: the control is about exposure as such, not one service.</summary>
    public static NetworkExposure AnyTraffic { get; } = new("-1", 0, 65535);

    public override string ToString() => Protocol == "-1"
        ? "any"
        : FromPort == ToPort
            ? string.Create(CultureInfo.InvariantCulture, $"{Protocol}/{FromPort}")
            : string.Create(CultureInfo.InvariantCulture, $"{Protocol}/{FromPort}-{ToPort}");
}
