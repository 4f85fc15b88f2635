using CloudPI.Bolt.PackStream;
using CloudPI.Bolt.Values;
using static CloudPI.Bolt.Tests.Support;

namespace CloudPI.Bolt.Tests;

public class BoltValueTests
{
    private static readonly Dictionary<string, object?> NoProperties = [];

    [Fact]
    public void Node_reads_with_and_without_element_id()
    {
        var bolt5 = Assert.IsType<BoltNode>(Decode(Hex("B4 4E 01 91 8A 41 57 53 41 63 63 6F 75 6E 74 A1 82 69 64 8C 31 32 33 34 35 36 37 38 39 30 31 32 87 34 3A 64 62 31 3A 31")));
        Assert.Equal((1L, "4:db1:1", "AWSAccount", "123456789012"), (bolt5.Id, bolt5.ElementId, Assert.Single(bolt5.Labels), bolt5.Properties["id"]));

        var bolt44 = Assert.IsType<BoltNode>(Decode(Hex("B3 4E 01 91 8A 41 57 53 41 63 63 6F 75 6E 74 A1 82 69 64 8C 31 32 33 34 35 36 37 38 39 30 31 32")));
        Assert.Equal("1", bolt44.ElementId);
    }

    [Fact]
    public void Relationship_on_4_4_gets_ids_as_element_ids()
    {
        var relationship = new BoltRelationship(5, 1, 2, "RESOURCE", NoProperties, "5", "1", "2");
        var decoded = Assert.IsType<BoltRelationship>(Decode(Encode(relationship, BoltDialect.Bolt44)));
        Assert.Equal(5, ((PackStreamStructure)relationship.ToStructure(BoltDialect.Bolt44)).Fields.Count);
        Assert.True(DeepEqual(relationship, decoded));
    }

    [Fact]
    public void Path_is_rebuilt_from_one_based_signed_relationship_indices()
    {
        // The reference's example: [1,1,1,0,-2,2] = (n0)-[r1]->(n1)-[r1]->(n0)<-[r2]-(n2)... with r1 traversed back on the second hop.
        BoltNode Node(long id) => new(id, ["N"], NoProperties, $"e{id}");
        BoltUnboundRelationship Rel(long id) => new(id, "R", NoProperties, $"r{id}");
        var path = BoltPath.FromWire([Node(0), Node(1), Node(2)], [Rel(10), Rel(20)], [1, 1, 1, 0, -2, 2]);

        Assert.Equal([0L, 1L, 0L, 2L], path.Nodes.Select(n => n.Id));
        Assert.Equal([(10L, 0L, 1L), (10L, 1L, 0L), (20L, 2L, 0L)], path.Relationships.Select(r => (r.Id, r.StartNodeId, r.EndNodeId)));
        Assert.Equal("e2", path.Relationships[2].StartNodeElementId);
        Assert.Equal(2L, path.End.Id);
    }

    [Fact]
    public void Path_round_trips_through_its_wire_form()
    {
        var a = new BoltNode(1, ["A"], NoProperties, "n1");
        var b = new BoltNode(2, ["B"], NoProperties, "n2");
        var forward = new BoltRelationship(7, 1, 2, "TO", NoProperties, "r7", "n1", "n2");
        var backward = new BoltRelationship(8, 1, 2, "ALSO", NoProperties, "r8", "n1", "n2");
        var path = new BoltPath([a, b, a], [forward, backward]);

        var decoded = Assert.IsType<BoltPath>(Decode(Encode(path)));

        Assert.True(DeepEqual(path, decoded));
        var indices = (IReadOnlyList<object?>)((PackStreamStructure)path.ToStructure(BoltDialect.Bolt5)).Fields[2]!;
        Assert.Equal([1L, 1L, -2L, 0L], indices.Cast<long>());
    }

    [Theory]
    [InlineData(0L, "1970-01-01")]
    [InlineData(19_000L, "2022-01-08")]
    [InlineData(-1L, "1969-12-31")]
    [InlineData(-719_528L, "0000-01-01")]
    [InlineData(2_932_897L, "+10000-01-01")]
    public void Dates_format_as_iso(long days, string expected) => Assert.Equal(expected, new BoltDate(days).ToString());

    [Fact]
    public void Temporal_values_format_as_iso()
    {
        Assert.Equal("12:50:35.556+01:00", new BoltTime(46_235_556_000_000, 3600).ToString());
        Assert.Equal("00:00:01Z", new BoltTime(1_000_000_000, 0).ToString());
        Assert.Equal("23:59:59.000000001", new BoltLocalTime(86_399_000_000_001).ToString());
        Assert.Equal("2015-07-04T19:32:24", new BoltLocalDateTime(1_436_038_344, 0).ToString());
        Assert.Equal("2015-06-24T12:50:35.556+01:00", BoltDateTime.WithOffset(1_435_146_635, 556_000_000, 3600).ToString());
        Assert.Equal("P5M1DT12H", new BoltDuration(5, 1, 43_200, 0).ToString());
        Assert.Equal("P1Y2MT0.5S", new BoltDuration(14, 0, 0, 500_000_000).ToString());
        Assert.Equal("PT0S", new BoltDuration(0, 0, 0, 0).ToString());
        Assert.Equal("SRID=4326;POINT(1.5 -2)", new BoltPoint2D(4326, 1.5, -2).ToString());
    }

    [Fact]
    public void Zoned_date_time_uses_the_zone_offset_at_that_instant()
    {
        // 2024-07-01T12:00:00Z is 14:00 in Berlin (CEST, +02:00).
        var summer = BoltDateTime.WithZone(1_719_835_200, 0, "Europe/Berlin");
        Assert.Equal("2024-07-01T14:00:00+02:00[Europe/Berlin]", summer.ToString());
    }

    [Fact]
    public void Legacy_date_times_carry_local_seconds_and_are_converted_to_utc()
    {
        // 'F': local seconds 1435150235 (12:50:35 at +01:00) is 11:50:35 UTC.
        var legacy = Assert.IsType<BoltDateTime>(Decode(Encode(new PackStreamStructure(BoltStructureTag.LegacyDateTime, [1_435_150_235L, 0L, 3600L]))));
        Assert.Equal(1_435_146_635, legacy.UtcEpochSeconds);
        Assert.Equal("2015-06-24T12:50:35+01:00", legacy.ToString());

        var zoned = Assert.IsType<BoltDateTime>(Decode(Encode(new PackStreamStructure(BoltStructureTag.LegacyDateTimeZoneId, [1_719_842_400L, 0L, "Europe/Berlin"]))));
        Assert.Equal(1_719_835_200, zoned.UtcEpochSeconds);
    }

    [Fact]
    public void Date_time_is_written_per_dialect()
    {
        var value = BoltDateTime.WithOffset(1_000, 0, 3600);
        Assert.Equal(new PackStreamStructure(BoltStructureTag.DateTime, [1_000L, 0L, 3600L]).Tag, value.ToStructure(BoltDialect.Bolt5).Tag);
        var legacy = value.ToStructure(BoltDialect.Bolt44);
        Assert.Equal(BoltStructureTag.LegacyDateTime, legacy.Tag);
        Assert.Equal(4_600L, legacy.Fields[0]);
        Assert.Equal(value, Decode(Encode(value, BoltDialect.Bolt44)));
        Assert.Equal(value, Decode(Encode(value, BoltDialect.Bolt44Utc)));
    }
}
