using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Text;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt.PackStream;

/// <summary>
/// Writes PackStream v1 values (big-endian, smallest integer and size forms) into a buffer.
/// Bolt value types (temporal, spatial, graph entities) are written as their structures in the given dialect.
/// </summary>
public sealed class PackStreamWriter(IBufferWriter<byte> output, BoltDialect dialect)
{
    public PackStreamWriter(IBufferWriter<byte> output)
        : this(output, BoltDialect.Bolt5)
    {
    }

    public BoltDialect Dialect { get; } = dialect;

    public void WriteNull() => WriteByte(PackStreamMarker.Null);

    public void WriteBoolean(bool value) => WriteByte(value ? PackStreamMarker.True : PackStreamMarker.False);

    public void WriteInteger(long value)
    {
        if (value is >= -16 and <= 127)
        {
            WriteByte(unchecked((byte)value));
        }
        else if (value is >= sbyte.MinValue and <= sbyte.MaxValue)
        {
            var span = output.GetSpan(2);
            span[0] = PackStreamMarker.Int8;
            span[1] = unchecked((byte)value);
            output.Advance(2);
        }
        else if (value is >= short.MinValue and <= short.MaxValue)
        {
            var span = output.GetSpan(3);
            span[0] = PackStreamMarker.Int16;
            BinaryPrimitives.WriteInt16BigEndian(span[1..], (short)value);
            output.Advance(3);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            var span = output.GetSpan(5);
            span[0] = PackStreamMarker.Int32;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], (int)value);
            output.Advance(5);
        }
        else
        {
            var span = output.GetSpan(9);
            span[0] = PackStreamMarker.Int64;
            BinaryPrimitives.WriteInt64BigEndian(span[1..], value);
            output.Advance(9);
        }
    }

    public void WriteFloat(double value)
    {
        var span = output.GetSpan(9);
        span[0] = PackStreamMarker.Float64;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
        output.Advance(9);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        // Bytes have no tiny form.
        WriteSizedHeader(value.Length, tinyMarker: null, PackStreamMarker.Bytes8, PackStreamMarker.Bytes16, PackStreamMarker.Bytes32);
        output.Write(value);
    }

    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteSizedHeader(byteCount, PackStreamMarker.TinyString, PackStreamMarker.String8, PackStreamMarker.String16, PackStreamMarker.String32);
        var span = output.GetSpan(byteCount);
        Encoding.UTF8.GetBytes(value, span);
        output.Advance(byteCount);
    }

    public void WriteListHeader(int count) =>
        WriteSizedHeader(count, PackStreamMarker.TinyList, PackStreamMarker.List8, PackStreamMarker.List16, PackStreamMarker.List32);

    public void WriteDictionaryHeader(int count) =>
        WriteSizedHeader(count, PackStreamMarker.TinyDictionary, PackStreamMarker.Dictionary8, PackStreamMarker.Dictionary16, PackStreamMarker.Dictionary32);

    public void WriteStructureHeader(int fieldCount, byte tag)
    {
        if (fieldCount is < 0 or > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(fieldCount), fieldCount, "A PackStream structure holds 0 to 15 fields.");
        }

        var span = output.GetSpan(2);
        span[0] = (byte)(PackStreamMarker.TinyStructure | fieldCount);
        span[1] = tag;
        output.Advance(2);
    }

    public void WriteStructure(byte tag, IReadOnlyList<object?> fields)
    {
        WriteStructureHeader(fields.Count, tag);
        foreach (var field in fields)
        {
            WriteValue(field);
        }
    }

    public void WriteDictionary(IReadOnlyDictionary<string, object?> dictionary)
    {
        WriteDictionaryHeader(dictionary.Count);
        foreach (var (key, value) in dictionary)
        {
            WriteString(key);
            WriteValue(value);
        }
    }

    /// <summary>Writes any supported .NET value; integers of every width become PackStream Integer, float and double become Float.</summary>
    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null: WriteNull(); break;
            case bool b: WriteBoolean(b); break;
            case long l: WriteInteger(l); break;
            case int i: WriteInteger(i); break;
            case short s: WriteInteger(s); break;
            case sbyte sb: WriteInteger(sb); break;
            case byte ub: WriteInteger(ub); break;
            case ushort us: WriteInteger(us); break;
            case uint ui: WriteInteger(ui); break;
            case double d: WriteFloat(d); break;
            case float f: WriteFloat(f); break;
            case string str: WriteString(str); break;
            case byte[] bytes: WriteBytes(bytes); break;
            case ReadOnlyMemory<byte> memory: WriteBytes(memory.Span); break;
            case PackStreamStructure structure: WriteStructure(structure.Tag, structure.Fields); break;
            case IBoltStructured structured: WriteStructure(structured.ToStructure(Dialect)); break;
            case IReadOnlyDictionary<string, object?> dictionary: WriteDictionary(dictionary); break;
            case IDictionary dictionary: WriteNonGenericDictionary(dictionary); break;
            case IReadOnlyList<object?> list: WriteList(list); break;
            case IEnumerable enumerable: WriteList(enumerable.Cast<object?>().ToList()); break;
            default: throw new ArgumentException($"PackStream cannot encode a value of type {value.GetType()}.", nameof(value));
        }
    }

    private void WriteStructure(PackStreamStructure structure) => WriteStructure(structure.Tag, structure.Fields);

    private void WriteList(IReadOnlyList<object?> list)
    {
        WriteListHeader(list.Count);
        foreach (var item in list)
        {
            WriteValue(item);
        }
    }

    private void WriteNonGenericDictionary(IDictionary dictionary)
    {
        WriteDictionaryHeader(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            WriteString(entry.Key as string ?? throw new ArgumentException("PackStream dictionary keys must be strings.", nameof(dictionary)));
            WriteValue(entry.Value);
        }
    }

    private void WriteSizedHeader(int size, byte? tinyMarker, byte marker8, byte marker16, byte marker32)
    {
        if (tinyMarker is { } tiny && size < 16)
        {
            WriteByte((byte)(tiny | size));
        }
        else if (size <= byte.MaxValue)
        {
            var span = output.GetSpan(2);
            span[0] = marker8;
            span[1] = (byte)size;
            output.Advance(2);
        }
        else if (size <= ushort.MaxValue)
        {
            var span = output.GetSpan(3);
            span[0] = marker16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)size);
            output.Advance(3);
        }
        else
        {
            var span = output.GetSpan(5);
            span[0] = marker32;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], size);
            output.Advance(5);
        }
    }

    private void WriteByte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
