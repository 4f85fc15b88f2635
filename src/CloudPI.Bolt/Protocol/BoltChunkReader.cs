using System.Buffers.Binary;
using System.Net.Sockets;

namespace CloudPI.Bolt.Protocol;

/// <summary>
/// Reassembles chunked messages from a stream, skipping NOOP keep-alives. A message that arrives as one buffered
/// chunk is returned in place without copying; the returned memory is valid until the next read.
/// </summary>
public sealed class BoltChunkReader(Stream stream)
{
    /// <summary>Refuse messages larger than this rather than growing memory without bound.</summary>
    public const int MaxMessageSize = 256 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[BoltChunking.MaxChunkSize + 4];
    private byte[] _message = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>How long to wait for the next bytes before failing with <see cref="TimeoutException"/>; infinite by default.</summary>
    public TimeSpan ReadTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// How long to wait for one whole message, however many NOOP keep-alives arrive meanwhile (a server that only
    /// keeps the connection alive must not hold the client forever); infinite by default.
    /// </summary>
    public TimeSpan MessageTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    public ValueTask<ReadOnlyMemory<byte>> ReadMessageAsync(CancellationToken cancellationToken)
    {
        // A whole message already buffered (records usually are) needs no deadline and no await.
        while (_end - _start >= 2)
        {
            var size = BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start));
            if (size == 0)
            {
                _start += 2; // NOOP keep-alive between messages.
                continue;
            }

            _start += 2;
            if (IsWholeMessageBuffered(size))
            {
                var inPlace = _buffer.AsMemory(_start, size);
                _start += size + 2;
                return ValueTask.FromResult<ReadOnlyMemory<byte>>(inPlace);
            }

            _start -= 2; // the framed read takes the chunk header again
            break;
        }

        return MessageTimeout == Timeout.InfiniteTimeSpan ? ReadFramedAsync(cancellationToken) : ReadWithinDeadlineAsync(cancellationToken);
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadWithinDeadlineAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(MessageTimeout);
        try
        {
            return await ReadFramedAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No complete message from the server within {MessageTimeout.TotalSeconds:0.###} s (keep-alives do not extend the wait).");
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadFramedAsync(CancellationToken cancellationToken)
    {
        var messageLength = 0;
        while (true)
        {
            await EnsureBufferedAsync(2, cancellationToken).ConfigureAwait(false);
            var size = BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start));
            _start += 2;
            if (size == 0)
            {
                if (messageLength == 0)
                {
                    continue; // NOOP keep-alive between messages.
                }

                return _message.AsMemory(0, messageLength);
            }

            if (messageLength == 0 && IsWholeMessageBuffered(size))
            {
                var inPlace = _buffer.AsMemory(_start, size);
                _start += size + 2;
                return inPlace;
            }

            messageLength = await AppendChunkAsync(messageLength, size, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads exactly <paramref name="destination"/>.Length raw bytes (the handshake is not chunked).</summary>
    public async ValueTask ReadExactAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        await EnsureBufferedAsync(destination.Length, cancellationToken).ConfigureAwait(false);
        _buffer.AsMemory(_start, destination.Length).CopyTo(destination);
        _start += destination.Length;
    }

    private bool IsWholeMessageBuffered(int size) =>
        _end - _start >= size + 2 && _buffer[_start + size] == 0 && _buffer[_start + size + 1] == 0;

    private async ValueTask<int> AppendChunkAsync(int messageLength, int size, CancellationToken cancellationToken)
    {
        var newLength = messageLength + size;
        if (newLength > MaxMessageSize)
        {
            throw new BoltProtocolException($"A Bolt message exceeds {MaxMessageSize} bytes.");
        }

        if (newLength > _message.Length)
        {
            Array.Resize(ref _message, Math.Min(MaxMessageSize, Math.Max(newLength, _message.Length * 2)));
        }

        var copied = 0;
        while (copied < size)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }

            var count = Math.Min(size - copied, _end - _start);
            _buffer.AsSpan(_start, count).CopyTo(_message.AsSpan(messageLength + copied));
            _start += count;
            copied += count;
        }

        return newLength;
    }

    private async ValueTask EnsureBufferedAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return;
        }

        // Move the unread tail to the front so the buffer always has room for a full chunk.
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        _end -= _start;
        _start = 0;
        while (_end < count)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }

        var read = await ReadWithTimeoutAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new BoltConnectionException("The server closed the connection.");
        }

        _end += read;
    }

    private async ValueTask<int> ReadWithTimeoutAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        using var timeout = ReadTimeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout?.CancelAfter(ReadTimeout);
        try
        {
            return await stream.ReadAsync(destination, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout is not null && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No data from the server within the read timeout of {ReadTimeout.TotalSeconds:0.###} s.");
        }
        catch (Exception e) when (e is (IOException and not BoltConnectionException) or SocketException)
        {
            throw new BoltConnectionException($"The connection to the server was lost: {e.Message}", e);
        }
    }
}
