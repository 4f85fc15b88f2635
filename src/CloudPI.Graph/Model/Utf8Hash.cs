using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace CloudPI.Graph;

/// <summary>A cheap hash for the direct-mapped caches: length plus the first and last 8 bytes.</summary>
internal static class Utf8Hash
{
    /// <summary>A slot in a table of <paramref name="slots"/> (a power of two); collisions only cost a cache miss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Slot(ReadOnlySpan<byte> utf8, int slots)
    {
        ulong head = 0;
        ulong tail = 0;
        if (utf8.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
        }
        else
        {
            foreach (var b in utf8)
            {
                head = (head << 8) | b;
            }
        }

        var hash = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)utf8.Length;
        return (int)((hash >> 32) ^ hash) & (slots - 1);
    }
}
