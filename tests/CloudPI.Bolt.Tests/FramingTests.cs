using System.Buffers;
using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Values;
using static CloudPI.Bolt.Tests.Support;

namespace CloudPI.Bolt.Tests;

public class FramingTests
{
    [Fact]
    public void Messages_are_split_into_chunks_and_end_with_a_zero_chunk()
    {
        var payload = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
        var output = new ArrayBufferWriter<byte>();
        BoltChunking.WriteMessage(payload, output, maxChunkSize: 16);
        Assert.Equal("00 10 " + HexOf(payload.AsSpan(0, 16)) + " 00 04 " + HexOf(payload.AsSpan(16)) + " 00 00", HexOf(output.WrittenSpan));
    }

    [Fact]
    public async Task Reader_reassembles_chunks_and_skips_noops()
    {
        var bytes = Hex("00 00 00 00 00 02 B0 7E 00 00 00 00 00 01 B0 00 01 0F 00 00 00 00");
        var reader = new BoltChunkReader(new MemoryStream(bytes));
        Assert.Equal("B0 7E", HexOf((await reader.ReadMessageAsync(default)).Span));
        Assert.Equal("B0 0F", HexOf((await reader.ReadMessageAsync(default)).Span));
    }

    [Fact]
    public async Task Messages_larger_than_one_chunk_round_trip()
    {
        var payload = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        var output = new ArrayBufferWriter<byte>();
        BoltChunking.WriteMessage(payload, output);
        Assert.Equal(4 * 2 + payload.Length + 2, output.WrittenCount); // 200000 bytes need 4 chunks of at most 65535.

        var reader = new BoltChunkReader(new MemoryStream(output.WrittenSpan.ToArray()));
        Assert.True((await reader.ReadMessageAsync(default)).Span.SequenceEqual(payload));
    }

    [Fact]
    public async Task Stream_ending_inside_a_message_is_a_lost_connection()
    {
        var reader = new BoltChunkReader(new MemoryStream(Hex("00 05 B1 70")));
        var error = await Assert.ThrowsAsync<BoltConnectionException>(() => reader.ReadMessageAsync(default).AsTask()).WaitAsync(TestTimeout);
        Assert.Contains("closed the connection", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00 04 04 05", 5, 4)]
    [InlineData("00 00 04 04", 4, 4)]
    [InlineData("00 00 00 05", 5, 0)]
    public void Handshake_reply_names_the_version(string reply, int major, int minor) =>
        Assert.Equal(new BoltVersion(major, minor), BoltHandshake.ParseReply(Hex(reply).AsSpan(0, 4), "h:1"));

    [Fact]
    public void Handshake_proposal_matches_the_reference_and_zero_reply_is_explained()
    {
        Assert.Equal("60 60 B0 17 00 04 04 05 00 00 04 04 00 00 00 00 00 00 00 00", HexOf(BoltHandshake.ClientProposal()));
        var error = Assert.Throws<BoltProtocolException>(() => BoltHandshake.ParseReply(new byte[4], "db:7687"));
        Assert.Contains("none of the Bolt versions", error.Message, StringComparison.Ordinal);
        Assert.Throws<BoltProtocolException>(() => BoltHandshake.ParseReply(Hex("48 54 54 50"), "db:7687"));
    }

    [Fact]
    public void Request_messages_match_the_reference_bytes()
    {
        Assert.Equal(
            "00 17 B1 01 A1 8A 75 73 65 72 5F 61 67 65 6E 74 88 6D 69 6E 69 2F 30 2E 31 00 00",
            Framed(BoltMessageSignature.Hello, new Dictionary<string, object?> { ["user_agent"] = "mini/0.1" }));
        Assert.Equal("00 08 B1 3F A1 81 6E C9 03 E8 00 00", Framed(BoltMessageSignature.Pull, new Dictionary<string, object?> { ["n"] = 1000L }));
        Assert.Equal("00 06 B1 3F A1 81 6E FF 00 00", Framed(BoltMessageSignature.Pull, new Dictionary<string, object?> { ["n"] = -1L }));
        Assert.Equal("00 03 B1 70 A0 00 00", Framed(BoltMessageSignature.Success, new Dictionary<string, object?>()));
        Assert.Equal("00 02 B0 7E 00 00", Framed(BoltMessageSignature.Ignored));
        Assert.Equal("00 02 B0 0F 00 00", Framed(BoltMessageSignature.Reset));
        Assert.Equal("00 02 B0 02 00 00", Framed(BoltMessageSignature.Goodbye));
        var failure = Framed(BoltMessageSignature.Failure, new Dictionary<string, object?> { ["code"] = "Neo.ClientError.Statement.SyntaxError", ["message"] = "Invalid input 'X': expected" });
        Assert.StartsWith("00 54 B1 7F A2 84 63 6F 64 65 D0 25", failure, StringComparison.Ordinal);
    }

    private static string Framed(byte signature, params object?[] fields)
    {
        var writer = new BoltMessageWriter(BoltDialect.Bolt5);
        writer.Write(signature, fields);
        return HexOf(writer.Pending.Span);
    }
}
