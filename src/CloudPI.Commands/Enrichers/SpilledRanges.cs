using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace CloudPI.Commands.Enrichers;

/// <summary>
/// Where each account's part lies in an organisation's graph file (byte ranges of whole lines), worked out while the
/// account index is in memory and kept in a <see cref="TemporaryFile"/>: then the index, which grows with the
/// organisation, is gone before the first account loads, and only an offset and a count per account stay in memory.
/// Safe to read from several threads.
/// </summary>
internal sealed class SpilledRanges : IDisposable
{
    private const int RangeBytes = sizeof(long) + sizeof(int);

    private readonly SafeFileHandle _file;
    private readonly Dictionary<string, (long Offset, int Count)> _accounts = new(StringComparer.Ordinal);
    private long _end;

    public SpilledRanges() => (_file, FilePath) = TemporaryFile.Open("ranges");

    /// <summary>The temporary file's name: already gone on Unix, gone once this is disposed on Windows.</summary>
    public string FilePath { get; }

    /// <summary>How many bytes the ranges take on disk.</summary>
    public long Bytes => _end;

    /// <summary>Keeps <paramref name="account"/>'s ranges (from one thread, before any is read).</summary>
    public void Add(string account, IReadOnlyList<(long Offset, int Length)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var size = ranges.Count * RangeBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            for (var i = 0; i < ranges.Count; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(i * RangeBytes), ranges[i].Offset);
                BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan((i * RangeBytes) + sizeof(long)), ranges[i].Length);
            }

            RandomAccess.Write(_file, buffer.AsSpan(0, size), _end);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _accounts.Add(account, (_end, ranges.Count));
        _end += size;
    }

    /// <summary>The ranges kept for <paramref name="account"/>.</summary>
    public List<(long Offset, int Length)> Read(string account)
    {
        var (offset, count) = _accounts[account];
        var size = count * RangeBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            TemporaryFile.ReadExactly(_file, buffer.AsSpan(0, size), offset, "account ranges");
            var ranges = new List<(long Offset, int Length)>(count);
            for (var i = 0; i < count; i++)
            {
                ranges.Add((BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(i * RangeBytes)), BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan((i * RangeBytes) + sizeof(long)))));
            }

            return ranges;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _file.Dispose();
}
