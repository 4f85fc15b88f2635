namespace CloudPI.Dracon.Enrichers;

/// <summary>Protobuf's base-128 varints, for the few places that write or read an issue's bytes by hand.</summary>
internal static class Varint
{
    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns its length.</summary>
    public static int Write(ulong value, Span<byte> destination)
    {
        var at = 0;
        while (value >= 0x80)
        {
            destination[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[at++] = (byte)value;
        return at;
    }

    /// <summary>Reads the varint at <paramref name="at"/>, and moves <paramref name="at"/> past it.</summary>
    public static ulong Read(ReadOnlySpan<byte> encoded, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = encoded[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
