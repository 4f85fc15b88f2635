namespace CloudPI.Bolt.Protocol;

/// <summary>A Bolt protocol version; on the wire <c>[00][range][minor][major]</c>.</summary>
public readonly record struct BoltVersion(int Major, int Minor) : IComparable<BoltVersion>
{
    public static BoltVersion V4_4 { get; } = new(4, 4);

    public static BoltVersion V5_0 { get; } = new(5, 0);

    public static BoltVersion V5_1 { get; } = new(5, 1);

    public static BoltVersion V5_3 { get; } = new(5, 3);

    public static BoltVersion V5_4 { get; } = new(5, 4);

    /// <summary>4.4 and 5.0 carry credentials in HELLO; 5.1+ in a separate LOGON.</summary>
    public bool UsesLogon => this >= V5_1;

    /// <summary>bolt_agent in HELLO is mandatory from 5.3.</summary>
    public bool RequiresBoltAgent => this >= V5_3;

    public static bool operator <(BoltVersion left, BoltVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(BoltVersion left, BoltVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(BoltVersion left, BoltVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(BoltVersion left, BoltVersion right) => left.CompareTo(right) >= 0;

    /// <summary>Reads a 4-byte version; a non-zero range byte is ignored here (replies never carry one).</summary>
    public static BoltVersion FromWire(ReadOnlySpan<byte> bytes) => new(bytes[3], bytes[2]);

    public int CompareTo(BoltVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public void WriteTo(Span<byte> destination, int range = 0)
    {
        destination[0] = 0;
        destination[1] = (byte)range;
        destination[2] = (byte)Minor;
        destination[3] = (byte)Major;
    }

    public override string ToString() => $"{Major}.{Minor}";
}
