using System.Buffers;
using CloudPI.Bolt.PackStream;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt.Protocol;

/// <summary>Encodes messages into chunked bytes kept until <see cref="FlushAsync"/>, so several messages go out in one write (pipelining).</summary>
public sealed class BoltMessageWriter(BoltDialect dialect)
{
    private readonly ArrayBufferWriter<byte> _payload = new(256);
    private readonly ArrayBufferWriter<byte> _framed = new(1024);

    public BoltDialect Dialect { get; set; } = dialect;

    public ReadOnlyMemory<byte> Pending => _framed.WrittenMemory;

    public void Write(byte signature, params ReadOnlySpan<object?> fields)
    {
        _payload.ResetWrittenCount();
        var writer = new PackStreamWriter(_payload, Dialect);
        writer.WriteStructureHeader(fields.Length, signature);
        foreach (var field in fields)
        {
            writer.WriteValue(field);
        }

        BoltChunking.WriteMessage(_payload.WrittenSpan, _framed);
    }

    /// <summary>Appends already framed bytes (e.g. a pre-encoded message repeated many times).</summary>
    public void WriteRaw(ReadOnlySpan<byte> framed) => _framed.Write(framed);

    public void WriteNoop() => BoltChunking.WriteEndMarker(_framed);

    public async ValueTask FlushAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (_framed.WrittenCount > 0)
        {
            await stream.WriteAsync(_framed.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _framed.ResetWrittenCount();
        }

        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
