using CloudPI.Bolt.PackStream;

namespace CloudPI.Bolt.Values;

/// <summary>
/// Turns value structures read off the wire into Bolt value types. Graph entities are accepted with and without
/// element ids (4.4 and 5.x shapes), so hydration needs no knowledge of the negotiated version.
/// </summary>
internal static class BoltStructureCodec
{
    public static object Hydrate(byte tag, object?[] fields) => tag switch
    {
        BoltStructureTag.Node => Node(new Fields("Node", fields, 3, 4)),
        BoltStructureTag.Relationship => Relationship(new Fields("Relationship", fields, 5, 8)),
        BoltStructureTag.UnboundRelationship => Unbound(new Fields("UnboundRelationship", fields, 3, 4)),
        BoltStructureTag.Path => Path(new Fields("Path", fields, 3, 3)),
        BoltStructureTag.Date => new BoltDate(new Fields("Date", fields, 1, 1).Integer(0)),
        BoltStructureTag.Time => Time(new Fields("Time", fields, 2, 2)),
        BoltStructureTag.LocalTime => new BoltLocalTime(new Fields("LocalTime", fields, 1, 1).Integer(0)),
        BoltStructureTag.DateTime => DateTimeWithOffset(new Fields("DateTime", fields, 3, 3), legacy: false),
        BoltStructureTag.LegacyDateTime => DateTimeWithOffset(new Fields("DateTime", fields, 3, 3), legacy: true),
        BoltStructureTag.DateTimeZoneId => DateTimeWithZone(new Fields("DateTimeZoneId", fields, 3, 3)),
        BoltStructureTag.LegacyDateTimeZoneId => LegacyDateTimeWithZone(new Fields("DateTimeZoneId", fields, 3, 3)),
        BoltStructureTag.LocalDateTime => LocalDateTime(new Fields("LocalDateTime", fields, 2, 2)),
        BoltStructureTag.Duration => Duration(new Fields("Duration", fields, 4, 4)),
        BoltStructureTag.Point2D => Point2D(new Fields("Point2D", fields, 3, 3)),
        BoltStructureTag.Point3D => Point3D(new Fields("Point3D", fields, 4, 4)),
        _ => new PackStreamStructure(tag, fields),
    };

    private static BoltNode Node(Fields f)
    {
        var id = f.Integer(0);
        return new BoltNode(id, f.StringList(1), f.Dictionary(2), f.Count == 4 ? f.String(3) : ElementIdOf(id));
    }

    private static BoltRelationship Relationship(Fields f)
    {
        var (id, start, end) = (f.Integer(0), f.Integer(1), f.Integer(2));
        return f.Count == 8
            ? new BoltRelationship(id, start, end, f.String(3), f.Dictionary(4), f.String(5), f.String(6), f.String(7))
            : new BoltRelationship(id, start, end, f.String(3), f.Dictionary(4), ElementIdOf(id), ElementIdOf(start), ElementIdOf(end));
    }

    private static BoltUnboundRelationship Unbound(Fields f)
    {
        var id = f.Integer(0);
        return new BoltUnboundRelationship(id, f.String(1), f.Dictionary(2), f.Count == 4 ? f.String(3) : ElementIdOf(id));
    }

    private static BoltPath Path(Fields f) =>
        BoltPath.FromWire(f.ListOf<BoltNode>(0, "Node"), f.ListOf<BoltUnboundRelationship>(1, "UnboundRelationship"), f.ListOf<long>(2, "Integer"));

    private static BoltTime Time(Fields f) => new(f.Integer(0), Offset(f, 1));

    private static BoltDateTime DateTimeWithOffset(Fields f, bool legacy)
    {
        var offset = Offset(f, 2);
        var seconds = f.Integer(0);
        return BoltDateTime.WithOffset(legacy ? seconds - offset : seconds, Nanos(f), offset);
    }

    private static BoltDateTime DateTimeWithZone(Fields f) => BoltDateTime.WithZone(f.Integer(0), Nanos(f), f.String(2));

    private static BoltDateTime LegacyDateTimeWithZone(Fields f)
    {
        var localSeconds = f.Integer(0);
        var zone = f.String(2);
        var offset = TimeZoneOffsets.AtLocal(zone, localSeconds)
            ?? throw new BoltProtocolException($"Legacy DateTime uses time zone '{zone}', which is unknown here; its UTC instant cannot be computed.");
        return BoltDateTime.WithZone(localSeconds - offset, Nanos(f), zone);
    }

    private static BoltLocalDateTime LocalDateTime(Fields f) => new(f.Integer(0), Nanos(f));

    private static BoltDuration Duration(Fields f) =>
        new(f.Integer(0), f.Integer(1), f.Integer(2), Nanos(f, 3));

    private static BoltPoint2D Point2D(Fields f) => new(f.Integer(0), f.Float(1), f.Float(2));

    private static BoltPoint3D Point3D(Fields f) => new(f.Integer(0), f.Float(1), f.Float(2), f.Float(3));

    private static int Nanos(Fields f, int index = 1)
    {
        var nanos = f.Integer(index);
        return nanos is >= 0 and < 1_000_000_000 ? (int)nanos : throw f.Invalid(index, $"nanoseconds {nanos} out of range");
    }

    private static int Offset(Fields f, int index)
    {
        var offset = f.Integer(index);
        return offset is >= -64_800 and <= 64_800 ? (int)offset : throw f.Invalid(index, $"offset {offset} s out of range");
    }

    private static string ElementIdOf(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Typed access to a structure's fields that reports the structure and field on mismatch.</summary>
    private readonly struct Fields
    {
        private readonly string _structure;
        private readonly object?[] _values;

        public Fields(string structure, object?[] values, int minCount, int maxCount)
        {
            if (values.Length != minCount && values.Length != maxCount)
            {
                var expected = minCount == maxCount ? $"{minCount}" : $"{minCount} or {maxCount}";
                throw new BoltProtocolException($"{structure} structure has {values.Length} fields, expected {expected}.");
            }

            _structure = structure;
            _values = values;
        }

        public int Count => _values.Length;

        public long Integer(int index) => _values[index] as long? ?? throw Invalid(index, "expected Integer");

        public double Float(int index) => _values[index] as double? ?? throw Invalid(index, "expected Float");

        public string String(int index) => _values[index] as string ?? throw Invalid(index, "expected String");

        public IReadOnlyDictionary<string, object?> Dictionary(int index) =>
            _values[index] as IReadOnlyDictionary<string, object?> ?? throw Invalid(index, "expected Dictionary");

        public IReadOnlyList<string> StringList(int index) => ListOf<string>(index, "String");

        public IReadOnlyList<T> ListOf<T>(int index, string itemKind)
        {
            if (_values[index] is not IReadOnlyList<object?> list)
            {
                throw Invalid(index, "expected List");
            }

            var items = new T[list.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = list[i] is T item ? item : throw Invalid(index, $"expected a list of {itemKind}");
            }

            return items;
        }

        public BoltProtocolException Invalid(int index, string problem) =>
            new($"{_structure} structure field {index}: {problem}, got {Describe(_values[index])}.");

        private static string Describe(object? value) => value?.GetType().Name ?? "null";
    }
}
