using System.Globalization;

namespace CloudPI.Controls.Network;

/// <summary>
/// The traffic a question is about: one protocol (or <see cref="IpProtocol.All"/>) and an inclusive port range.
/// A path is open for the query when SOME port of the range gets through.
/// </summary>
public readonly record struct TrafficQuery(int Protocol, int FromPort, int ToPort) : ISpanFormattable
{
    public const int MaxPort = 65535;

    public static TrafficQuery AnyTraffic { get; } = new(IpProtocol.All, 0, MaxPort);

    /// <summary>
    /// The client side of a connection: where replies to inbound traffic go (stateless NACLs must let them out).
    /// Internet clients pick their source port from their OS's ephemeral range: Linux 32768–60999, Windows, macOS
    /// and the BSDs 49152–65535. A return path is open when outbound rules let replies reach some of 32768–65535;
    /// AWS's advice to open 1024–65535 covers it, a rule for 1024–32767 alone reaches no common client.
    /// </summary>
    public static (int FromPort, int ToPort) EphemeralPorts => (32768, MaxPort);

    public bool IsAnyTraffic => Protocol == IpProtocol.All && FromPort == 0 && ToPort == MaxPort;

    public static TrafficQuery Tcp(int port) => new(IpProtocol.Tcp, port, port);

    /// <summary>The query for a control's exposure; null and <see cref="NetworkExposure.AnyTraffic"/> mean any traffic.</summary>
    public static TrafficQuery From(NetworkExposure? exposure)
    {
        if (exposure is null)
        {
            return AnyTraffic;
        }

        var protocol = IpProtocol.Parse(exposure.Protocol)
            ?? throw new ArgumentException($"unknown protocol \"{exposure.Protocol}\"", nameof(exposure));
        return new TrafficQuery(protocol, Math.Max(0, exposure.FromPort), Math.Min(MaxPort, exposure.ToPort));
    }

    /// <summary>
    /// True when a rule for <paramref name="protocol"/> (null ports = all ports) admits some of this traffic.
    /// </summary>
    public bool Overlaps(int protocol, long? fromPort, long? toPort)
    {
        if (protocol != IpProtocol.All && Protocol != IpProtocol.All && protocol != Protocol)
        {
            return false;
        }

        var effective = Protocol == IpProtocol.All ? protocol : Protocol;
        if (!IpProtocol.HasPorts(effective) || fromPort is null || toPort is null || fromPort < 0)
        {
            return true;
        }

        return fromPort <= ToPort && toPort >= FromPort;
    }

    /// <summary>Narrows the query to a service's ports (an RDS endpoint, a listener); null when they do not meet.</summary>
    public TrafficQuery? Within(TrafficQuery service)
    {
        if (!service.Overlaps(Protocol, FromPort, ToPort))
        {
            return null;
        }

        var protocol = Protocol == IpProtocol.All ? service.Protocol : Protocol;
        return IpProtocol.HasPorts(protocol)
            ? new TrafficQuery(protocol, Math.Max(FromPort, service.FromPort), Math.Min(ToPort, service.ToPort))
            : this with { Protocol = protocol };
    }

    /// <summary>Reads back what <see cref="ToString"/> wrote (<c>all traffic</c>, <c>tcp/22</c>, <c>tcp/20-21</c>, <c>icmp</c>); null for other text.</summary>
    public static TrafficQuery? TryParse(string? text)
    {
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, "all traffic", StringComparison.Ordinal))
        {
            return AnyTraffic;
        }

        var slash = trimmed?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (IpProtocol.Parse(slash < 0 ? trimmed : trimmed![..slash]) is not { } protocol)
        {
            return null;
        }

        if (slash < 0)
        {
            return IpProtocol.HasPorts(protocol) ? null : new TrafficQuery(protocol, 0, MaxPort);
        }

        var ports = trimmed![(slash + 1)..].Split('-');
        return ports.Length <= 2
            && int.TryParse(ports[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(ports[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from <= to && to <= MaxPort
            ? new TrafficQuery(protocol, from, to)
            : null;
    }

    /// <summary><c>tcp/22</c>, <c>tcp/1024-2048</c>, <c>icmp</c> or <c>all traffic</c>.</summary>
    public override string ToString()
    {
        if (IsAnyTraffic)
        {
            return "all traffic";
        }

        var name = IpProtocol.Name(Protocol);
        if (!IpProtocol.HasPorts(Protocol))
        {
            return name;
        }

        return FromPort == ToPort
            ? string.Create(CultureInfo.InvariantCulture, $"{name}/{FromPort}")
            : string.Create(CultureInfo.InvariantCulture, $"{name}/{FromPort}-{ToPort}");
    }

    /// <summary>The same text (the format is ignored).</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>The same text, written in place: verdicts and reasons quote the traffic in nearly every sentence, and an
    /// interpolation would otherwise make a string of it first.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (IsAnyTraffic || !IpProtocol.HasPorts(Protocol))
        {
            var text = IsAnyTraffic ? "all traffic" : IpProtocol.Name(Protocol);
            charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
            return charsWritten == text.Length;
        }

        var name = IpProtocol.Name(Protocol);
        return FromPort == ToPort
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{name}/{FromPort}", out charsWritten)
            : destination.TryWrite(CultureInfo.InvariantCulture, $"{name}/{FromPort}-{ToPort}", out charsWritten);
    }
}
