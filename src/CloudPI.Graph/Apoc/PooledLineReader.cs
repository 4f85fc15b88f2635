using System.Buffers;
using System.Runtime.CompilerServices;

namespace CloudPI.Graph.Apoc;

/// <summary>Splits a stream into lines using one pooled buffer that grows only for lines longer than it.</summary>
internal sealed class PooledLineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _consumed;
    private readonly int _maxLineLength;

    /// <param name="stream">The stream to split.</param>
    /// <param name="initialBufferSize">The buffer's first size; it doubles for longer lines.</param>
    /// <param name="maxLineLength">
    /// The longest line accepted. By default half the largest array, the last size the buffer can double to.
    /// </param>
    public PooledLineReader(Stream stream, int initialBufferSize = 1 << 16, int? maxLineLength = null)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(initialBufferSize);
        _maxLineLength = maxLineLength ?? Array.MaxLength / 2;
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset in the stream of the first byte of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>The next line without its line terminator; valid until the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var searchFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TakeLine(searchFrom + newline, 1);
                return true;
            }

            if (_endOfStream)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }

                line = TakeLine(_end, 0);
                return true;
            }

            // Bytes already searched hold no newline; search only what Fill appends.
            var searchedUpTo = _end;
            var shift = Fill();
            searchFrom = searchedUpTo - shift;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> TakeLine(int lineEnd, int terminatorLength)
    {
        LineOffset = _consumed + _start;
        var line = _buffer.AsSpan(_start, lineEnd - _start);
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (LineNumber == 0 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..];
            LineOffset += 3;
        }

        _start = lineEnd + terminatorLength;
        LineNumber++;
        return line;
    }

    /// <summary>Moves the partial line to the front (growing the buffer if it is full), reads more, returns the shift.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Fill()
    {
        var shift = _start;
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            // Past the limit a line cannot grow any more: say so instead of overflowing.
            if (_buffer.Length >= _maxLineLength)
            {
                throw new InvalidDataException($"line {LineNumber + 1} is longer than {_maxLineLength:N0} bytes");
            }

            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_start, pending).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }

        _consumed += shift;
        _start = 0;
        _end = pending;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
        return shift;
    }
}
