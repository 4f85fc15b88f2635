using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Testing;
using CloudPI.Bolt.Values;
using static CloudPI.Bolt.Tests.Support;

namespace CloudPI.Bolt.Tests;

/// <summary>Per-version conversations checked byte for byte (client requests) and against the reference RECORD bytes (server replies).</summary>
public class WireConversationTests
{
    private const string Handshake = "60 60 B0 17 00 04 04 05 00 00 04 04 00 00 00 00 00 00 00 00";
    private const string HelloWithBoltAgent =
        "00 3A B1 01 A2 8A 75 73 65 72 5F 61 67 65 6E 74 8B 63 6C 6F 75 64 70 69 2F 31 2E 30 8A 62 6F 6C 74 5F 61 " +
        "67 65 6E 74 A1 87 70 72 6F 64 75 63 74 8B 63 6C 6F 75 64 70 69 2F 31 2E 30 00 00";
    private const string Logon =
        "00 2F B1 6A A3 86 73 63 68 65 6D 65 85 62 61 73 69 63 89 70 72 69 6E 63 69 70 61 6C 85 6E 65 6F 34 6A 8B " +
        "63 72 65 64 65 6E 74 69 61 6C 73 82 70 77 00 00";
    private const string Run =
        "00 26 B3 10 8E 52 45 54 55 52 4E 20 24 78 20 41 53 20 6E A1 81 78 01 A2 82 64 62 85 6E 65 6F 34 6A 84 6D " +
        "6F 64 65 81 72 00 00";
    private const string Pull = "00 08 B1 3F A1 81 6E C9 03 E8 00 00";
    private const string Goodbye = "00 02 B0 02 00 00";
    private const string RecordBolt5 =
        "00 2B B1 71 91 B4 4E 01 91 8A 41 57 53 41 63 63 6F 75 6E 74 A1 82 69 64 8C 31 32 33 34 35 36 37 38 39 30 " +
        "31 32 87 34 3A 64 62 31 3A 31 00 00";
    private const string RecordBolt44 =
        "00 23 B1 71 91 B3 4E 01 91 8A 41 57 53 41 63 63 6F 75 6E 74 A1 82 69 64 8C 31 32 33 34 35 36 37 38 39 30 " +
        "31 32 00 00";

    [Fact]
    public async Task Bolt_5_4_sends_the_reference_bytes_and_reads_the_reference_record()
    {
        var (session, node) = await RunReferenceQueryAsync(BoltVersion.V5_4, RecordBolt5);

        Assert.Equal(HexOf(Hex(Handshake + HelloWithBoltAgent + Logon + Run + Pull + Goodbye)), HexOf(session.ReceivedBytes));
        Assert.Equal((1L, "4:db1:1", "AWSAccount", "123456789012"), (node.Id, node.ElementId, Assert.Single(node.Labels), node.Properties["id"]));
    }

    [Fact]
    public async Task Bolt_4_4_sends_credentials_and_utc_patch_in_hello_and_reads_records_without_element_ids()
    {
        var (session, node) = await RunReferenceQueryAsync(BoltVersion.V4_4, RecordBolt44);

        var hello = session.ReceivedMessages[0].Metadata();
        Assert.Equal(["user_agent", "scheme", "principal", "credentials", "patch_bolt"], hello.Keys);
        Assert.Equal("utc", Assert.Single((IReadOnlyList<object?>)hello["patch_bolt"]!));
        Assert.Equal([BoltMessageSignature.Hello, BoltMessageSignature.Run, BoltMessageSignature.Pull, BoltMessageSignature.Goodbye], session.ReceivedMessages.Select(m => m.Signature));
        Assert.Equal("1", node.ElementId);
    }

    [Fact]
    public async Task Bolt_5_0_sends_credentials_in_hello_without_bolt_agent()
    {
        var (session, _) = await RunReferenceQueryAsync(BoltVersion.V5_0, RecordBolt5);

        Assert.Equal(["user_agent", "scheme", "principal", "credentials"], session.ReceivedMessages[0].Metadata().Keys);
        Assert.DoesNotContain(session.ReceivedMessages, m => m.Signature == BoltMessageSignature.Logon);
    }

    [Fact]
    public async Task Bolt_5_1_sends_hello_without_credentials_then_logon()
    {
        var (session, _) = await RunReferenceQueryAsync(BoltVersion.V5_1, RecordBolt5);

        Assert.Equal(["user_agent"], session.ReceivedMessages[0].Metadata().Keys);
        var logon = session.ReceivedMessages[1];
        Assert.Equal(BoltMessageSignature.Logon, logon.Signature);
        Assert.Equal("neo4j", logon.Metadata()["principal"]);
    }

    [Theory]
    [InlineData(true, (byte)'I')]
    [InlineData(false, (byte)'F')]
    public async Task Bolt_4_4_date_time_parameters_follow_the_utc_patch_answer(bool serverAcceptsPatch, byte expectedTag)
    {
        var neo4j = new SimulatedNeo4j { Versions = [BoltVersion.V4_4], Password = "pw", AcceptUtcPatch = serverAcceptsPatch };
        BoltServerSession? seen = null;
        await using var server = BoltTestServer.Start(s => neo4j.ServeAsync(seen = s));
        await using (var client = new BoltClient(Options(server)))
        {
            var at = BoltDateTime.WithOffset(1_000_000, 0, 3600);
            await client.RunAsync("RETURN $at", new Dictionary<string, object?> { ["at"] = at }).ToListAsync();
        }

        await server.WaitForSessionsAsync(TestTimeout);
        var runParameters = seen!.ReceivedMessages.Single(m => m.Signature == BoltMessageSignature.Run).Metadata(1);
        Assert.Equal(BoltDateTime.WithOffset(1_000_000, 0, 3600), runParameters["at"]);
        Assert.Contains($"B3 {expectedTag:X2}", HexOf(seen.ReceivedBytes), StringComparison.Ordinal);
    }

    /// <summary>Plays "RETURN $x AS n" with {x:1} on db neo4j: the server answers one RECORD given as raw bytes.</summary>
    private static async Task<(BoltServerSession Session, BoltNode Node)> RunReferenceQueryAsync(BoltVersion version, string recordBytes)
    {
        var neo4j = new SimulatedNeo4j { Versions = [version], Password = "pw" };
        BoltServerSession? seen = null;
        await using var server = BoltTestServer.Start(async session =>
        {
            seen = session;
            if (!await neo4j.HandshakeAndAuthenticateAsync(session))
            {
                return;
            }

            await session.ExpectAsync(BoltMessageSignature.Run);
            await session.ExpectAsync(BoltMessageSignature.Pull);
            await session.Success(new Dictionary<string, object?> { ["fields"] = new object?[] { "n" } })
                .Raw(Hex(recordBytes))
                .Success(new Dictionary<string, object?> { ["type"] = "r" })
                .FlushAsync();
            await neo4j.ServeRequestsAsync(session);
        });

        List<CypherRecord> records;
        await using (var client = new BoltClient(Options(server) with { Database = "neo4j", UserAgent = "cloudpi/1.0" }))
        {
            records = await client.RunAsync("RETURN $x AS n", new Dictionary<string, object?> { ["x"] = 1L }).ToListAsync();
        }

        Assert.Empty(await server.WaitForSessionsAsync(TestTimeout));
        var record = Assert.Single(records);
        Assert.Equal(["n"], record.Keys);
        return (seen!, Assert.IsType<BoltNode>(record["n"]));
    }
}
