using CloudPI.Bolt.PackStream;
using CloudPI.Bolt.Values;
using CsCheck;
using static CloudPI.Bolt.Tests.Support;

namespace CloudPI.Bolt.Tests;

public class PackStreamTests
{
    [Theory]
    [InlineData(42L, "2A")]
    [InlineData(0L, "00")]
    [InlineData(127L, "7F")]
    [InlineData(-1L, "FF")]
    [InlineData(-16L, "F0")]
    [InlineData(-17L, "C8 EF")]
    [InlineData(-128L, "C8 80")]
    [InlineData(-129L, "C9 FF 7F")]
    [InlineData(128L, "C9 00 80")]
    [InlineData(32767L, "C9 7F FF")]
    [InlineData(32768L, "CA 00 00 80 00")]
    [InlineData(2147483647L, "CA 7F FF FF FF")]
    [InlineData(2147483648L, "CB 00 00 00 00 80 00 00 00")]
    [InlineData(long.MinValue, "CB 80 00 00 00 00 00 00 00")]
    public void Integers_use_the_smallest_encoding(long value, string expected)
    {
        Assert.Equal(expected, HexOf(Encode(value)));
        Assert.Equal(value, Decode(Hex(expected)));
    }

    [Fact]
    public void Scalars_and_containers_match_the_reference_bytes()
    {
        Assert.Equal("C1 3F F3 AE 14 7A E1 47 AE", HexOf(Encode(1.23)));
        Assert.Equal("81 41", HexOf(Encode("A")));
        Assert.Equal("80", HexOf(Encode(string.Empty)));
        Assert.Equal("90", HexOf(Encode(Array.Empty<object?>())));
        Assert.Equal("A0", HexOf(Encode(new Dictionary<string, object?>())));
        Assert.Equal("A1 83 6F 6E 65 84 65 69 6E 73", HexOf(Encode(new Dictionary<string, object?> { ["one"] = "eins" })));
        Assert.Equal("C0 C2 C3", HexOf([.. Encode(null), .. Encode(false), .. Encode(true)]));
        Assert.Equal("CC 02 01 02", HexOf(Encode(new byte[] { 1, 2 })));
    }

    [Fact]
    public void String_size_counts_utf8_bytes_not_characters()
    {
        // "é" is one char but two UTF-8 bytes; 8 of them make 16 bytes, past the tiny form's 15.
        var text = new string('é', 8);
        Assert.Equal("D0 10", HexOf(Encode(text).AsSpan(0, 2)));
        Assert.Equal(text, Decode(Encode(text)));
    }

    [Theory]
    [InlineData(15, "8F")]
    [InlineData(16, "D0 10")]
    [InlineData(255, "D0 FF")]
    [InlineData(256, "D1 01 00")]
    [InlineData(65535, "D1 FF FF")]
    [InlineData(65536, "D2 00 01 00 00")]
    public void Size_headers_switch_at_the_boundaries(int length, string header)
    {
        var encoded = Encode(new string('x', length));
        Assert.Equal(header, HexOf(encoded.AsSpan(0, Hex(header).Length)));
        Assert.Equal(length, ((string)Decode(encoded)!).Length);
    }

    [Fact]
    public void List_and_dictionary_headers_switch_at_the_boundaries()
    {
        Assert.Equal("9F", HexOf(Encode(new object?[15]).AsSpan(0, 1)));
        Assert.Equal("D4 10", HexOf(Encode(new object?[16]).AsSpan(0, 2)));
        Assert.Equal("D5 01 00", HexOf(Encode(new object?[256]).AsSpan(0, 3)));
        var sixteen = Enumerable.Range(0, 16).ToDictionary(i => $"k{i}", i => (object?)(long)i);
        Assert.Equal("D8 10", HexOf(Encode(sixteen).AsSpan(0, 2)));
        Assert.True(DeepEqual(sixteen, Decode(Encode(sixteen))));
    }

    [Fact]
    public void Repeated_dictionary_key_keeps_the_last_value()
    {
        var decoded = (IReadOnlyDictionary<string, object?>)Decode(Hex("A2 81 61 01 81 61 02"))!;
        Assert.Equal(2L, Assert.Single(decoded).Value);
    }

    [Fact]
    public void Unknown_structures_are_kept_generic()
    {
        var structure = new PackStreamStructure(0x56, ["vector", 3L]);
        var decoded = Assert.IsType<PackStreamStructure>(Decode(Encode(structure)));
        Assert.Equal(0x56, decoded.Tag);
        Assert.True(DeepEqual(structure.Fields, decoded.Fields));
    }

    private static readonly Gen<string> Text =
        Gen.Char.Where(c => !char.IsSurrogate(c)).Array[0, 40].Select(chars => new string(chars));

    private static readonly Gen<object?> Scalar = Gen.Frequency(
        (1, Gen.Const((object?)null)),
        (2, Gen.Bool.Select(b => (object?)b)),
        (4, Gen.Long.Select(l => (object?)l)),
        (2, Gen.Int[-300, 70000].Select(i => (object?)(long)i)),
        (2, Gen.Double.Select(d => (object?)d)),
        (4, Text.Select(s => (object?)s)),
        (1, Gen.Byte.Array[0, 300].Select(b => (object?)b)),
        (1, Gen.Long[-1_000_000, 1_000_000].Select(days => (object?)new BoltDate(days))),
        (1, Gen.Long[0, 86_399_999_999_999].Select(nanos => (object?)new BoltLocalTime(nanos))),
        (1, Gen.Select(Gen.Long, Gen.Int[0, 999_999_999], Gen.Int[-64800, 64800], (s, n, o) => (object?)BoltDateTime.WithOffset(s, n, o))),
        (1, Gen.Select(Gen.Long, Gen.Long, Gen.Long, Gen.Int[0, 999_999_999], (m, d, s, n) => (object?)new BoltDuration(m, d, s, n))),
        (1, Gen.Select(Gen.Long[0, 10000], Gen.Double, Gen.Double, (srid, x, y) => (object?)new BoltPoint2D(srid, x, y))));

    private static readonly Gen<object?> Value = Gen.Recursive<object?>((depth, self) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, self.Array[0, 20].Select(items => (object?)items)),
            (1, Gen.Dictionary(Text, self)[0, 20].Select(d => (object?)d.ToDictionary(p => p.Key, p => p.Value))),
            (1, self.Array[0, 4].Select(fields => (object?)new PackStreamStructure(0x01, fields)))));

    [Fact]
    public void Any_value_survives_a_round_trip()
    {
        Value.Sample(value => DeepEqual(value, Decode(Encode(value))), iter: 2000);
    }

    [Fact]
    public void Any_integer_round_trips_in_its_smallest_form()
    {
        Gen.Long.Sample(value =>
        {
            var encoded = Encode(value);
            var expectedLength = value switch
            {
                >= -16 and <= 127 => 1,
                >= sbyte.MinValue and <= sbyte.MaxValue => 2,
                >= short.MinValue and <= short.MaxValue => 3,
                >= int.MinValue and <= int.MaxValue => 5,
                _ => 9,
            };
            return encoded.Length == expectedLength && (long)Decode(encoded)! == value;
        });
    }
}
