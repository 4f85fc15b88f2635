using System.Diagnostics;
using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Testing;
using static CloudPI.Bolt.Tests.Support;

namespace CloudPI.Bolt.Tests;

/// <summary>Time-out behaviour measured in wall-clock time; run alone so CPU-heavy property tests cannot delay the server's timers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}

[Collection(TimingCollection.Name)]
public class TimeoutTests
{
    private static readonly SimulatedNeo4j Neo4j = new() { Password = "pw" };

    [Fact]
    public async Task Silent_server_trips_the_read_timeout()
    {
        await using var server = BoltTestServer.Start(async s =>
        {
            await Neo4j.HandshakeAndAuthenticateAsync(s);
            await s.ExpectAsync(BoltMessageSignature.Run);
            await Task.Delay(Timeout.Infinite, s.Stopping);
        });
        await using var client = new BoltClient(Options(server) with { ReadTimeout = TimeSpan.FromMilliseconds(300) });

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.RunAsync("RETURN 1").ToListAsync()).WaitAsync(TestTimeout);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Contains("read timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_recv_timeout_hint_replaces_the_configured_read_timeout()
    {
        var neo4j = new SimulatedNeo4j { Password = "pw", Hints = new Dictionary<string, object?> { ["connection.recv_timeout_seconds"] = 1L } };
        await using var server = BoltTestServer.Start(async s =>
        {
            await neo4j.HandshakeAndAuthenticateAsync(s);
            await s.ExpectAsync(BoltMessageSignature.Run);
            await Task.Delay(Timeout.Infinite, s.Stopping);
        });
        await using var client = new BoltClient(Options(server) with { ReadTimeout = TimeSpan.FromMinutes(1) });

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => client.RunAsync("RETURN 1").ToListAsync()).WaitAsync(TestTimeout);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Noop_keep_alives_are_skipped_and_keep_a_slow_stream_alive()
    {
        await using var server = BoltTestServer.Start(async s =>
        {
            await Neo4j.HandshakeAndAuthenticateAsync(s);
            await s.ExpectAsync(BoltMessageSignature.Run);
            await s.ExpectAsync(BoltMessageSignature.Pull);
            await s.Success(new Dictionary<string, object?> { ["fields"] = new object?[] { "i" } }).FlushAsync();
            for (var i = 0; i < 20; i++)
            {
                // 20 x 150 ms of silence but for NOOPs: longer than the 2 s read timeout in total, with room for a
                // loaded machine to deliver each NOOP late.
                await s.Noop().FlushAsync();
                await Task.Delay(150, s.Stopping);
            }

            await s.Record(1L).Noop().Noop().Record(2L).Noop().Success().FlushAsync();
            await Neo4j.ServeRequestsAsync(s);
        });
        await using var client = new BoltClient(Options(server) with { ReadTimeout = TimeSpan.FromSeconds(2) });

        var values = (await client.RunAsync("RETURN 1").ToListAsync()).Select(r => r["i"]);
        Assert.Equal([1L, 2L], values);
    }

    [Fact]
    public async Task A_server_that_only_sends_keep_alives_trips_the_message_timeout()
    {
        await using var server = BoltTestServer.Start(async s =>
        {
            await Neo4j.HandshakeAndAuthenticateAsync(s);
            await s.ExpectAsync(BoltMessageSignature.Run);
            while (!s.Stopping.IsCancellationRequested)
            {
                await s.Noop().FlushAsync();
                await Task.Delay(100, s.Stopping);
            }
        });
        await using var client = new BoltClient(Options(server) with { ReadTimeout = TimeSpan.FromSeconds(2), MessageTimeout = TimeSpan.FromMilliseconds(800) });

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.RunAsync("RETURN 1").ToListAsync()).WaitAsync(TestTimeout);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(700), TimeSpan.FromSeconds(5));
        Assert.Contains("keep-alives do not extend the wait", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_that_never_answers_the_handshake_trips_the_connect_timeout()
    {
        await using var server = BoltTestServer.Start(s => Task.Delay(Timeout.Infinite, s.Stopping));
        var options = Options(server) with { ConnectTimeout = TimeSpan.FromMilliseconds(300) };

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<TimeoutException>(() => BoltClient.ConnectAsync(options)).WaitAsync(TestTimeout);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Contains("Could not connect", error.Message, StringComparison.Ordinal);
    }
}
