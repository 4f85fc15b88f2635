using System.Buffers;
using System.Buffers.Binary;

namespace CloudPI.Bolt.Protocol;

/// <summary>Splits a message into uint16-sized chunks followed by the 00 00 end marker.</summary>
public static class BoltChunking
{
    public const int MaxChunkSize = ushort.MaxValue;

    public static void WriteMessage(ReadOnlySpan<byte> payload, IBufferWriter<byte> output, int maxChunkSize = MaxChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxChunkSize, MaxChunkSize);
        while (!payload.IsEmpty)
        {
            var size = Math.Min(payload.Length, maxChunkSize);
            var span = output.GetSpan(2 + size);
            BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)size);
            payload[..size].CopyTo(span[2..]);
            output.Advance(2 + size);
            payload = payload[size..];
        }

        WriteEndMarker(output);
    }

    /// <summary>The end-of-message marker; sent alone between messages it is a NOOP keep-alive.</summary>
    public static void WriteEndMarker(IBufferWriter<byte> output)
    {
        output.GetSpan(2)[..2].Clear();
        output.Advance(2);
    }
}
