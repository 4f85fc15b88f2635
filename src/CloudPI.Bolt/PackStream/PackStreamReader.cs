using System.Buffers.Binary;
using System.Text;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt.PackStream;

/// <summary>
/// Reads PackStream v1 values from one complete message held in memory, so truncation is detected by bounds checks
/// and can never block. Known value structures become Bolt value types; unknown ones stay <see cref="PackStreamStructure"/>.
/// </summary>
public ref struct PackStreamReader(ReadOnlySpan<byte> data)
{
    /// <summary>Deeper nesting than this is refused rather than risking a stack overflow on hostile input.</summary>
    public const int MaxDepth = 512;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;
    private int _depth;

    public readonly int Remaining => _data.Length - _position;

    public object? ReadValue()
    {
        var marker = ReadByte();
        switch (marker)
        {
            case < 0x80: return (long)marker;
            case >= PackStreamMarker.MinTinyNegative: return (long)unchecked((sbyte)marker);
            case < PackStreamMarker.TinyList: return ReadString(marker & 0x0F);
            case < PackStreamMarker.TinyDictionary: return ReadList(marker & 0x0F);
            case < PackStreamMarker.TinyStructure: return ReadDictionary(marker & 0x0F);
            case < PackStreamMarker.Null: return ReadStructure(marker & 0x0F);
        }

        return marker switch
        {
            PackStreamMarker.Null => null,
            PackStreamMarker.Float64 => BinaryPrimitives.ReadDoubleBigEndian(Take(8)),
            PackStreamMarker.False => false,
            PackStreamMarker.True => true,
            PackStreamMarker.Int8 => (long)unchecked((sbyte)ReadByte()),
            PackStreamMarker.Int16 => (long)BinaryPrimitives.ReadInt16BigEndian(Take(2)),
            PackStreamMarker.Int32 => (long)BinaryPrimitives.ReadInt32BigEndian(Take(4)),
            PackStreamMarker.Int64 => BinaryPrimitives.ReadInt64BigEndian(Take(8)),
            PackStreamMarker.Bytes8 or PackStreamMarker.Bytes16 or PackStreamMarker.Bytes32 => Take(ReadSize(marker - PackStreamMarker.Bytes8)).ToArray(),
            PackStreamMarker.String8 or PackStreamMarker.String16 or PackStreamMarker.String32 => ReadString(ReadSize(marker - PackStreamMarker.String8)),
            PackStreamMarker.List8 or PackStreamMarker.List16 or PackStreamMarker.List32 => ReadList(ReadSize(marker - PackStreamMarker.List8)),
            PackStreamMarker.Dictionary8 or PackStreamMarker.Dictionary16 or PackStreamMarker.Dictionary32 => ReadDictionary(ReadSize(marker - PackStreamMarker.Dictionary8)),
            _ => throw new BoltProtocolException($"Unknown PackStream marker 0x{marker:X2} at offset {_position - 1}."),
        };
    }

    /// <summary>Reads a structure's marker and tag without its fields (used for messages, whose fields are read next).</summary>
    public (int FieldCount, byte Tag) ReadStructureHeader()
    {
        var marker = ReadByte();
        if (marker is < PackStreamMarker.TinyStructure or >= PackStreamMarker.Null)
        {
            throw new BoltProtocolException($"Expected a PackStream structure, found marker 0x{marker:X2} at offset {_position - 1}.");
        }

        return (marker & 0x0F, ReadByte());
    }

    /// <summary>Fails when bytes are left over after a message: a sign of a framing or encoding error.</summary>
    public readonly void EnsureFullyConsumed()
    {
        if (Remaining != 0)
        {
            throw new BoltProtocolException($"{Remaining} unexpected trailing bytes after a PackStream value.");
        }
    }

    private object?[] ReadList(int count)
    {
        EnsureCountFits(count);
        EnterNested();
        var items = new object?[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = ReadValue();
        }

        _depth--;
        return items;
    }

    private Dictionary<string, object?> ReadDictionary(int count)
    {
        EnsureCountFits(count * 2L);
        EnterNested();
        var dictionary = new Dictionary<string, object?>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadValue() as string ?? throw new BoltProtocolException("A PackStream dictionary key is not a string.");

            // A repeated key: the last one wins, as the specification says.
            dictionary[key] = ReadValue();
        }

        _depth--;
        return dictionary;
    }

    private object ReadStructure(int fieldCount)
    {
        var tag = ReadByte();
        EnterNested();
        var fields = new object?[fieldCount];
        for (var i = 0; i < fieldCount; i++)
        {
            fields[i] = ReadValue();
        }

        _depth--;
        return BoltStructureCodec.Hydrate(tag, fields);
    }

    private string ReadString(int byteCount) => byteCount == 0 ? string.Empty : Encoding.UTF8.GetString(Take(byteCount));

    /// <summary>Reads a u8, u16 or u32 size; <paramref name="width"/> is 0, 1 or 2 (the marker's offset in its family).</summary>
    private int ReadSize(int width)
    {
        switch (width)
        {
            case 0: return ReadByte();
            case 1: return BinaryPrimitives.ReadUInt16BigEndian(Take(2));
            default:
                var size = BinaryPrimitives.ReadUInt32BigEndian(Take(4));
                if (size > int.MaxValue)
                {
                    throw new BoltProtocolException($"PackStream size {size} exceeds the allowed maximum of {int.MaxValue}.");
                }

                return (int)size;
        }
    }

    /// <summary>Every item takes at least one byte, so a count larger than what is left is a truncated or corrupt message.</summary>
    private readonly void EnsureCountFits(long minimumBytes)
    {
        if (minimumBytes > Remaining)
        {
            throw Truncated();
        }
    }

    private void EnterNested()
    {
        if (++_depth > MaxDepth)
        {
            throw new BoltProtocolException($"PackStream values nested deeper than {MaxDepth} levels.");
        }
    }

    private byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw Truncated();
        }

        return _data[_position++];
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw Truncated();
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    private readonly BoltProtocolException Truncated() =>
        new($"Truncated PackStream data: the value at offset {_position} runs past the end of the {_data.Length}-byte message.");
}
