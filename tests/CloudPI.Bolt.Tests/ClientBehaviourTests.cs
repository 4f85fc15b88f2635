using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Testing;
using CloudPI.Bolt.Values;
using static CloudPI.Bolt.Tests.Support;

namespace CloudPI.Bolt.Tests;

public class ClientBehaviourTests
{
    private static IEnumerable<IReadOnlyList<object?>> Numbers(int count) =>
        Enumerable.Range(0, count).Select(i => (IReadOnlyList<object?>)[(long)i]);

    private static SimulatedNeo4j NumbersServer(int count) => new()
    {
        Password = "pw",
        Query = _ => SimulatedResult.Of(["i"], Numbers(count)),
    };

    [Fact]
    public async Task Records_of_every_type_arrive_intact_including_a_string_larger_than_one_chunk()
    {
        var node = new BoltNode(1, ["AWSAccount", "Tenant"], new Dictionary<string, object?> { ["id"] = "1111", ["inscope"] = true }, "4:db:1");
        var other = new BoltNode(2, ["EC2Instance"], new Dictionary<string, object?>(), "4:db:2");
        var relationship = new BoltRelationship(9, 1, 2, "RESOURCE", new Dictionary<string, object?> { ["lastupdated"] = 1_755_000_000L }, "5:db:9", "4:db:1", "4:db:2");
        var row = new object?[]
        {
            null, true, -17L, long.MaxValue, 1.23, "héllo", new byte[] { 0, 1, 255 },
            new object?[] { 1L, new object?[] { "nested", new Dictionary<string, object?> { ["deep"] = new object?[] { 2.5 } } } },
            new Dictionary<string, object?> { ["a"] = new object?[] { null, false } },
            node, relationship, new BoltPath([node, other], [relationship]),
            new BoltDate(19_000), new BoltTime(1_000, -3600), new BoltLocalTime(5), BoltDateTime.WithOffset(1_700_000_000, 7, 7200),
            BoltDateTime.WithZone(1_700_000_000, 0, "Europe/London"), new BoltLocalDateTime(-1, 999_999_999), new BoltDuration(14, 3, 4, 5),
            new BoltPoint2D(7203, 1, 2), new BoltPoint3D(4979, 1, 2, 3), new string('λ', 40_000),
        };
        var fields = Enumerable.Range(0, row.Length).Select(i => $"f{i}").ToArray();
        var neo4j = new SimulatedNeo4j { Password = "pw", Query = _ => SimulatedResult.Of(fields, [row]) };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);
        await using var client = new BoltClient(Options(server));

        var record = Assert.Single(await client.RunAsync("RETURN *").ToListAsync());

        Assert.Equal(fields, record.Keys);
        for (var i = 0; i < row.Length; i++)
        {
            Assert.True(DeepEqual(row[i], record[i]), $"field {i}: sent {row[i]}, got {record[i]}");
        }
    }

    [Fact]
    public async Task Records_are_pulled_in_batches_of_the_fetch_size()
    {
        BoltServerSession? seen = null;
        var neo4j = NumbersServer(10);
        await using var server = BoltTestServer.Start(s => neo4j.ServeAsync(seen = s));
        await using (var client = new BoltClient(Options(server) with { FetchSize = 3 }))
        {
            var values = (await client.RunAsync("UNWIND range(0, 9) AS i RETURN i").ToListAsync()).Select(r => r["i"]);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (object?)(long)i), values);
        }

        await server.WaitForSessionsAsync(TestTimeout);
        var pulls = seen!.ReceivedMessages.Where(m => m.Signature == BoltMessageSignature.Pull).ToList();
        Assert.Equal(4, pulls.Count);
        Assert.All(pulls, pull => Assert.Equal(3L, pull.Metadata()["n"]));
    }

    [Fact]
    public async Task Run_sends_parameters_database_and_read_mode_and_dispose_says_goodbye()
    {
        BoltServerSession? seen = null;
        var neo4j = NumbersServer(1);
        await using var server = BoltTestServer.Start(s => neo4j.ServeAsync(seen = s));
        var parameters = new Dictionary<string, object?> { ["ids"] = new[] { "a", "b" }, ["since"] = new BoltDate(3), ["limit"] = 5 };
        await using (var client = new BoltClient(Options(server) with { Database = "graph" }))
        {
            await client.RunAsync("MATCH (n) WHERE n.id IN $ids RETURN n", parameters).ToListAsync();
        }

        await server.WaitForSessionsAsync(TestTimeout);
        var run = seen!.ReceivedMessages.Single(m => m.Signature == BoltMessageSignature.Run);
        Assert.Equal("MATCH (n) WHERE n.id IN $ids RETURN n", run.Fields[0]);
        Assert.True(DeepEqual(new Dictionary<string, object?> { ["ids"] = new object?[] { "a", "b" }, ["since"] = new BoltDate(3), ["limit"] = 5L }, run.Fields[1]));
        Assert.True(DeepEqual(new Dictionary<string, object?> { ["db"] = "graph", ["mode"] = "r" }, run.Fields[2]));
        Assert.Equal(BoltMessageSignature.Goodbye, seen.ReceivedMessages[^1].Signature);
        Assert.Matches(@"^cloudpi/\d+\.\d+\.\d+", (string)seen.ReceivedMessages[0].Metadata()["user_agent"]!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Server_failure_raises_its_code_and_reset_keeps_the_connection_usable(bool gqlStyle)
    {
        BoltServerSession? seen = null;
        var neo4j = new SimulatedNeo4j
        {
            Password = "pw",
            Query = run => (string)run.Fields[0]! == "BAD" ? SimulatedResult.Fail("Neo.ClientError.Statement.SyntaxError", "Invalid input 'B'") : SimulatedResult.Of(["i"], Numbers(2)),
        };
        await using var server = BoltTestServer.Start(async s =>
        {
            seen = s;
            if (!gqlStyle)
            {
                await neo4j.ServeAsync(s);
                return;
            }

            // 5.7-style FAILURE carries neo4j_code instead of code.
            await neo4j.HandshakeAndAuthenticateAsync(s);
            await s.ExpectAsync(BoltMessageSignature.Run);
            await s.ExpectAsync(BoltMessageSignature.Pull);
            await s.Failure("Neo.ClientError.Statement.SyntaxError", "Invalid input 'B'", gqlStyle: true).Ignored().FlushAsync();
            await s.ExpectAsync(BoltMessageSignature.Reset);
            await s.Success().FlushAsync();
            await neo4j.ServeRequestsAsync(s);
        });
        await using var client = new BoltClient(Options(server));

        var error = await Assert.ThrowsAsync<CypherServerException>(() => client.RunAsync("BAD").ToListAsync());
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Contains("Invalid input 'B'", error.Message, StringComparison.Ordinal);

        Assert.Equal(2, (await client.RunAsync("GOOD").ToListAsync()).Count);
        Assert.Equal(1, server.ConnectionCount);
        Assert.Contains(seen!.ReceivedMessages, m => m.Signature == BoltMessageSignature.Reset);
    }

    [Fact]
    public async Task Transient_errors_are_retried()
    {
        var runs = 0;
        var neo4j = new SimulatedNeo4j
        {
            Password = "pw",
            Query = _ => Interlocked.Increment(ref runs) == 1
                ? SimulatedResult.Fail("Neo.TransientError.General.DatabaseUnavailable", "starting up")
                : SimulatedResult.Of(["i"], Numbers(3)),
        };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);
        await using var client = new BoltClient(Options(server));

        Assert.Equal(3, (await client.RunAsync("RETURN 1").ToListAsync()).Count);
        Assert.Equal(2, runs);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task Transient_errors_give_up_after_the_configured_retries()
    {
        var runs = 0;
        var neo4j = new SimulatedNeo4j
        {
            Password = "pw",
            Query = _ =>
            {
                Interlocked.Increment(ref runs);
                return SimulatedResult.Fail("Neo.TransientError.Transaction.DeadlockDetected", "deadlock");
            },
        };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);
        await using var client = new BoltClient(Options(server) with { MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<CypherServerException>(() => client.RunAsync("RETURN 1").ToListAsync());
        Assert.True(error.IsTransient);
        Assert.Equal(3, runs);
    }

    [Fact]
    public async Task Connection_dropped_before_any_record_is_retried_on_a_new_connection()
    {
        var neo4j = NumbersServer(4);
        var connections = 0;
        await using var server = BoltTestServer.Start(async s =>
        {
            if (Interlocked.Increment(ref connections) > 1)
            {
                await neo4j.ServeAsync(s);
                return;
            }

            await neo4j.HandshakeAndAuthenticateAsync(s);
            await s.ExpectAsync(BoltMessageSignature.Run); // then hang up without answering.
        });
        await using var client = new BoltClient(Options(server));

        Assert.Equal(4, (await client.RunAsync("RETURN 1").ToListAsync()).Count);
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task Connection_dropped_after_records_were_returned_fails_clearly_without_retry()
    {
        var neo4j = new SimulatedNeo4j { Password = "pw", Query = _ => SimulatedResult.Of(["i"], Numbers(10)) with { DropConnectionAfter = 5 } };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);
        await using var client = new BoltClient(Options(server) with { FetchSize = 2 });

        var received = new List<CypherRecord>();
        var error = await Assert.ThrowsAsync<BoltConnectionException>(async () =>
        {
            await foreach (var record in client.RunAsync("RETURN 1"))
            {
                received.Add(record);
            }
        }).WaitAsync(TestTimeout);

        Assert.Equal(5, received.Count);
        Assert.Contains("closed the connection", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task Stopping_early_resets_the_stream_and_the_connection_is_reused()
    {
        BoltServerSession? seen = null;
        var neo4j = NumbersServer(100);
        await using var server = BoltTestServer.Start(s => neo4j.ServeAsync(seen = s));
        await using var client = new BoltClient(Options(server) with { FetchSize = 10 });

        await foreach (var record in client.RunAsync("RETURN 1"))
        {
            if ((long)record["i"]! == 2)
            {
                break;
            }
        }

        Assert.Equal(100, (await client.RunAsync("RETURN 1").ToListAsync()).Count);
        Assert.Equal(1, server.ConnectionCount);
        Assert.Contains(seen!.ReceivedMessages, m => m.Signature == BoltMessageSignature.Reset);
    }

    [Fact]
    public async Task Disconnecting_mid_message_is_reported_quickly()
    {
        var neo4j = NumbersServer(1);
        await using var server = BoltTestServer.Start(async s =>
        {
            await neo4j.HandshakeAndAuthenticateAsync(s);
            await s.ExpectAsync(BoltMessageSignature.Run);
            await s.Raw(Hex("00 20 B1 70 A1")).FlushAsync(); // a chunk announcing 32 bytes, then the socket closes.
        });
        await using var client = new BoltClient(Options(server) with { MaxRetries = 0 });

        await Assert.ThrowsAsync<BoltConnectionException>(() => client.RunAsync("RETURN 1").ToListAsync()).WaitAsync(TestTimeout);
    }

    [Fact]
    public async Task Garbage_from_the_server_is_a_protocol_error_not_a_hang()
    {
        var neo4j = NumbersServer(1);
        await using var server = BoltTestServer.Start(async s =>
        {
            await neo4j.HandshakeAndAuthenticateAsync(s);
            await s.ExpectAsync(BoltMessageSignature.Run);
            await s.Raw(Hex("00 03 B1 70 C7 00 00")).FlushAsync(); // SUCCESS whose metadata uses a reserved marker.
            await Task.Delay(Timeout.Infinite, s.Stopping);
        });
        await using var client = new BoltClient(Options(server));

        var error = await Assert.ThrowsAsync<BoltProtocolException>(() => client.RunAsync("RETURN 1").ToListAsync()).WaitAsync(TestTimeout);
        Assert.Contains("0xC7", error.Message, StringComparison.Ordinal);
    }
}
