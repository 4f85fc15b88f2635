using CloudPI.Bolt.Values;
using CsCheck;
using static CloudPI.Bolt.Tests.Support;

namespace CloudPI.Bolt.Tests;

public class MalformedInputTests
{
    [Theory]
    [InlineData("C4", "Unknown PackStream marker 0xC4")]
    [InlineData("DF", "Unknown PackStream marker 0xDF")]
    [InlineData("E5", "Unknown PackStream marker 0xE5")]
    [InlineData("CB 00 00", "Truncated")]
    [InlineData("D1 00 05 41", "Truncated")]
    [InlineData("92 01", "Truncated")]
    [InlineData("D6 7F FF FF FF", "Truncated")]
    [InlineData("D2 80 00 00 00", "exceeds the allowed maximum")]
    [InlineData("CE FF FF FF FF", "exceeds the allowed maximum")]
    [InlineData("A1 01 01", "key is not a string")]
    [InlineData("B3 4E 81 41 90 A0", "Node structure field 0: expected Integer")]
    [InlineData("B2 4E 01 90", "Node structure has 2 fields")]
    [InlineData("B3 44 01 02 03", "Date structure has 3 fields")]
    [InlineData("B3 50 90 90 90", "path structure has no nodes")]
    public void Malformed_bytes_give_a_clear_protocol_error(string hex, string expectedMessagePart)
    {
        var error = Assert.Throws<BoltProtocolException>(() => Decode(Hex(hex)));
        Assert.Contains(expectedMessagePart, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Trailing_bytes_after_a_value_are_refused()
    {
        Assert.Throws<BoltProtocolException>(() => Decode(Hex("01 02")));
    }

    [Fact]
    public void Path_indices_out_of_range_are_refused()
    {
        var node = new BoltNode(1, [], new Dictionary<string, object?>(), "1").ToStructure(BoltDialect.Bolt5);
        var path = new CloudPI.Bolt.PackStream.PackStreamStructure(BoltStructureTag.Path, [new object?[] { node }, Array.Empty<object?>(), new object?[] { 1L, 0L }]);
        var error = Assert.Throws<BoltProtocolException>(() => Decode(Encode(path)));
        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var bytes = Enumerable.Repeat((byte)0x91, 100_000).Append((byte)0x01).ToArray();
        var error = Assert.Throws<BoltProtocolException>(() => Decode(bytes));
        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_truncation_of_a_valid_message_fails_fast_with_a_protocol_error()
    {
        var row = Encode(new object?[]
        {
            new BoltNode(7, ["AWSAccount", "Tenant"], new Dictionary<string, object?> { ["id"] = "123", ["n"] = 70000L, ["f"] = 1.5 }, "4:db:7"),
            BoltDateTime.WithOffset(1_700_000_000, 5, 3600),
            new string('x', 300),
        });
        var check = Task.Run(() =>
        {
            for (var length = 0; length < row.Length; length++)
            {
                Assert.Throws<BoltProtocolException>(() => Decode(row.AsSpan(0, length)));
            }
        });
        await check.WaitAsync(TestTimeout);
    }

    [Fact]
    public async Task Random_bytes_never_escape_as_anything_but_a_protocol_error()
    {
        var check = Task.Run(() => Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            try
            {
                Decode(bytes);
            }
            catch (BoltProtocolException)
            {
                // The only allowed failure.
            }
        }, iter: 20_000));
        await check.WaitAsync(TestTimeout);
    }
}
