using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CloudPI.Graph.Apoc;

/// <summary>
/// Parses one APOC export record (a node or relationship JSON object, keys in any order) and adds it to a builder.
/// Reuses its scratch lists across records so a load allocates little beyond the stored graph.
/// </summary>
/// <remarks>
/// The methods a load runs per record, here and in the storage they feed, and those that build the graph's indexes
/// are compiled optimised straight away (<see cref="MethodImplOptions.AggressiveOptimization"/>): a load runs them
/// millions of times (or over millions of elements) within its first second, which tiered compilation would spend
/// in unoptimised code before compiling them a second time.
/// </remarks>
internal sealed class ApocRecordParser(PropertyGraphBuilder builder)
{
    private readonly List<int> _labelIds = [];
    private readonly List<NodeProperty> _properties = [];
    private byte[] _recordId = new byte[64];
    private byte[] _endpointId = new byte[64];

    private enum RecordType
    {
        Missing,
        Node,
        Relationship,
    }

    /// <summary>Reads one object from <paramref name="reader"/>; throws <see cref="RecordException"/> when invalid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ParseRecord<TReader>(ref TReader reader)
        where TReader : IRecordTokens, allows ref struct
    {
        Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new RecordException($"expected a JSON object, found {Describe(reader.TokenType)}");
        }

        var type = RecordType.Missing;
        var id = ReadOnlySpan<byte>.Empty;
        var hasId = false;
        var relationshipType = -1;
        int? start = null;
        int? end = null;
        _labelIds.Clear();
        _properties.Clear();

        while (Read(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = ReadRecordType(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                id = ReadId(ref reader, endpoint: false);
                hasId = true;
            }
            else if (reader.ValueTextEquals("labels"u8))
            {
                ReadLabels(ref reader);
            }
            else if (reader.ValueTextEquals("label"u8))
            {
                relationshipType = ReadName(ref reader, builder.Storage.RelationshipTypes, "label");
            }
            else if (reader.ValueTextEquals("properties"u8))
            {
                ReadProperties(ref reader);
            }
            else if (reader.ValueTextEquals("start"u8))
            {
                start = ReadEndpoint(ref reader, "start");
            }
            else if (reader.ValueTextEquals("end"u8))
            {
                end = ReadEndpoint(ref reader, "end");
            }
            else
            {
                Read(ref reader);
                reader.Skip();
            }
        }

        switch (type)
        {
            case RecordType.Node:
                AddNode(hasId, id);
                break;
            case RecordType.Relationship:
                AddRelationship(hasId, id, relationshipType, start, end);
                break;
            default:
                throw new RecordException("record has no \"type\"");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddNode(bool hasId, ReadOnlySpan<byte> id)
    {
        if (!hasId)
        {
            throw new RecordException("node has no \"id\"");
        }

        var labelSet = builder.Storage.LabelSets.Intern(CollectionsMarshal.AsSpan(_labelIds));
        if (!builder.TryAddNode(id, labelSet, CollectionsMarshal.AsSpan(_properties)))
        {
            throw new RecordException($"duplicate node id \"{Encoding.UTF8.GetString(id)}\"");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRelationship(bool hasId, ReadOnlySpan<byte> id, int relationshipType, int? start, int? end)
    {
        if (!hasId)
        {
            throw new RecordException("relationship has no \"id\"");
        }

        if (relationshipType < 0)
        {
            throw new RecordException("relationship has no \"label\" (its type)");
        }

        if (start is null || end is null)
        {
            throw new RecordException($"relationship has no \"{(start is null ? "start" : "end")}\" node");
        }

        builder.AddRelationship(id, relationshipType, start.Value, end.Value, builder.PropertyArrays.Share(CollectionsMarshal.AsSpan(_properties)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RecordType ReadRecordType<TReader>(ref TReader reader)
        where TReader : IRecordTokens, allows ref struct
    {
        ExpectString(ref reader, "type");
        if (reader.ValueTextEquals("node"u8))
        {
            return RecordType.Node;
        }

        if (reader.ValueTextEquals("relationship"u8))
        {
            return RecordType.Relationship;
        }

        throw new RecordException($"unknown type \"{reader.GetString()}\" (expected \"node\" or \"relationship\")");
    }

    /// <summary>
    /// The UTF-8 text of an id: a string in APOC exports, numbers accepted as their text. Unescaped ids point into
    /// the line; escaped ones are unescaped into a buffer kept per role (the record's id lives until its end).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> ReadId<TReader>(scoped ref TReader reader, bool endpoint)
        where TReader : IRecordTokens, allows ref struct
    {
        var token = Read(ref reader);
        if (token is not (JsonTokenType.String or JsonTokenType.Number))
        {
            throw new RecordException($"\"id\" must be a string, found {Describe(token)}");
        }

        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        ref var scratch = ref endpoint ? ref _endpointId : ref _recordId;
        if (scratch.Length < reader.ValueSpan.Length)
        {
            scratch = new byte[reader.ValueSpan.Length];
        }

        return scratch.AsSpan(0, reader.CopyString(scratch));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadLabels<TReader>(ref TReader reader)
        where TReader : IRecordTokens, allows ref struct
    {
        if (Read(ref reader) != JsonTokenType.StartArray)
        {
            throw new RecordException("\"labels\" must be an array of strings");
        }

        while (Read(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new RecordException("\"labels\" must be an array of strings");
            }

            _labelIds.Add(InternCurrent(ref reader, builder.Storage.Labels));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadName<TReader>(ref TReader reader, StringTable names, string field)
        where TReader : IRecordTokens, allows ref struct
    {
        ExpectString(ref reader, field);
        return InternCurrent(ref reader, names);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int InternCurrent<TReader>(ref TReader reader, StringTable names)
        where TReader : IRecordTokens, allows ref struct =>
        reader.ValueIsEscaped ? names.Intern(reader.GetString()!) : names.Intern(reader.ValueSpan);

    /// <summary>Resolves <c>start</c>/<c>end</c> by its id; repeated labels and properties there are ignored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadEndpoint<TReader>(ref TReader reader, string field)
        where TReader : IRecordTokens, allows ref struct
    {
        if (Read(ref reader) != JsonTokenType.StartObject)
        {
            throw new RecordException($"\"{field}\" must be an object with an \"id\"");
        }

        int? node = null;
        while (Read(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                node = ResolveNode(ref reader);
            }
            else
            {
                Read(ref reader);
                reader.Skip();
            }
        }

        return node ?? throw new RecordException($"\"{field}\" has no \"id\"");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ResolveNode<TReader>(ref TReader reader)
        where TReader : IRecordTokens, allows ref struct
    {
        var id = ReadId(ref reader, endpoint: true);
        return builder.TryGetNodeIndex(id, out var index)
            ? index
            : throw new RecordException($"relationship refers to unknown node id \"{Encoding.UTF8.GetString(id)}\"");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadProperties<TReader>(ref TReader reader)
        where TReader : IRecordTokens, allows ref struct
    {
        var token = Read(ref reader);
        if (token == JsonTokenType.Null)
        {
            return;
        }

        if (token != JsonTokenType.StartObject)
        {
            throw new RecordException($"\"properties\" must be an object, found {Describe(token)}");
        }

        var keys = builder.Storage.PropertyKeys;
        while (Read(ref reader) == JsonTokenType.PropertyName)
        {
            var key = InternCurrent(ref reader, keys);
            Read(ref reader);
            _properties.Add(new NodeProperty(key, ReadValue(ref reader)));
        }
    }

    /// <summary>Reads the value at the current token: scalars, arrays and maps (points, nested objects).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private object? ReadValue<TReader>(ref TReader reader)
        where TReader : IRecordTokens, allows ref struct
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.ValueIsEscaped ? reader.GetString() : builder.Values.GetString(reader.ValueSpan);
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? builder.Values.Box(integer) : reader.GetDouble();
            case JsonTokenType.True:
                return ValueCache.Box(true);
            case JsonTokenType.False:
                return ValueCache.Box(false);
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (Read(ref reader) != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return items.ToArray();
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (Read(ref reader) == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    Read(ref reader);
                    map[key] = ReadValue(ref reader);
                }

                return map;
            default:
                throw new RecordException($"unexpected {Describe(reader.TokenType)} in a property value");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ExpectString<TReader>(ref TReader reader, string field)
        where TReader : IRecordTokens, allows ref struct
    {
        var token = Read(ref reader);
        if (token != JsonTokenType.String)
        {
            throw new RecordException($"\"{field}\" must be a string, found {Describe(token)}");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JsonTokenType Read<TReader>(ref TReader reader)
        where TReader : IRecordTokens, allows ref struct =>
        reader.Read() ? reader.TokenType : throw new RecordException("the record ends early (a record must fit on one line)");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

/// <summary>A record-level problem; the reader adds the file name and line number.</summary>
internal sealed class RecordException(string message) : Exception(message);
