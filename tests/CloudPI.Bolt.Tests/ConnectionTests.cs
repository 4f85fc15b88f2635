using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Testing;
using static CloudPI.Bolt.Tests.Support;

namespace CloudPI.Bolt.Tests;

public class ConnectionTests
{
    [Fact]
    public async Task Verify_connectivity_reports_the_server_and_negotiated_version()
    {
        var neo4j = new SimulatedNeo4j { Password = "pw", Agent = "Neo4j/5.26.0" };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);
        await using var client = await BoltClient.ConnectAsync(Options(server));

        var info = await client.VerifyConnectivityAsync();

        Assert.Equal(("Neo4j/5.26.0", "5.4", $"127.0.0.1:{server.Port}"), (info.Agent, info.ProtocolVersion, info.Address));
    }

    [Fact]
    public async Task No_common_version_is_explained_and_not_retried()
    {
        var neo4j = new SimulatedNeo4j { Versions = [new BoltVersion(3, 0)] };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);

        var error = await Assert.ThrowsAsync<BoltProtocolException>(() => BoltClient.ConnectAsync(Options(server))).WaitAsync(TestTimeout);

        Assert.Contains("none of the Bolt versions", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 0)]
    [InlineData(5, 4)]
    public async Task Wrong_password_fails_clearly_once_without_revealing_it(int major, int minor)
    {
        var neo4j = new SimulatedNeo4j { Versions = [new BoltVersion(major, minor)], Password = "right-password" };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);
        var options = Options(server) with { Credentials = new BoltCredentials("neo4j", "wrong-secret") };

        var error = await Assert.ThrowsAsync<BoltAuthenticationException>(() => BoltClient.ConnectAsync(options)).WaitAsync(TestTimeout);

        Assert.Equal(SimulatedNeo4j.UnauthorizedCode, error.Code);
        Assert.Contains("refused authentication for user 'neo4j'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task Unreachable_server_is_retried_then_reported()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // Nothing listens there now: connections are refused.
        var options = new BoltClientOptions { Uri = new Uri($"bolt://127.0.0.1:{port}"), MaxRetries = 2, InitialRetryDelay = TimeSpan.FromMilliseconds(5) };

        var error = await Assert.ThrowsAsync<BoltConnectionException>(() => BoltClient.ConnectAsync(options)).WaitAsync(TestTimeout);

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bolt_ssc_talks_tls_to_a_self_signed_server_and_bolt_s_refuses_it()
    {
        using var certificate = TestCertificates.CreateSelfSigned();
        var neo4j = new SimulatedNeo4j { Password = "pw", Query = _ => SimulatedResult.Of(["x"], [[42L]]) };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync, certificate);

        await using (var client = new BoltClient(Options(server, "bolt+ssc")))
        {
            var record = Assert.Single(await client.RunAsync("RETURN 42 AS x").ToListAsync());
            Assert.Equal(42L, record["x"]);
        }

        var error = await Assert.ThrowsAsync<System.Security.Authentication.AuthenticationException>(
            () => BoltClient.ConnectAsync(Options(server, "bolt+s"))).WaitAsync(TestTimeout);
        Assert.Contains("+ssc", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.ConnectionCount); // The certificate failure is not retried.
    }

    [Fact]
    public async Task Neo4j_scheme_connects_directly_and_sends_the_routing_context()
    {
        BoltServerSession? seen = null;
        var neo4j = new SimulatedNeo4j { Password = "pw" };
        await using var server = BoltTestServer.Start(s => neo4j.ServeAsync(seen = s));
        var options = Options(server) with { Uri = new Uri($"neo4j://127.0.0.1:{server.Port}?region=eu-west-1&policy=fast") };

        await using (await BoltClient.ConnectAsync(options))
        {
        }

        await server.WaitForSessionsAsync(TestTimeout);
        var routing = (IReadOnlyDictionary<string, object?>)seen!.ReceivedMessages[0].Metadata()["routing"]!;
        Assert.True(DeepEqual(new Dictionary<string, object?> { ["address"] = $"127.0.0.1:{server.Port}", ["region"] = "eu-west-1", ["policy"] = "fast" }, routing));
    }

    [Theory]
    [InlineData("bolt://db", "db", 7687, false, false, false)]
    [InlineData("bolt+s://db:7688", "db", 7688, true, false, false)]
    [InlineData("bolt+ssc://db", "db", 7687, true, true, false)]
    [InlineData("neo4j://db", "db", 7687, false, false, true)]
    [InlineData("neo4j+s://db", "db", 7687, true, false, true)]
    [InlineData("neo4j+ssc://[::1]:9000", "::1", 9000, true, true, true)]
    public void Uri_schemes_select_tls_certificate_checks_and_routing(string uri, string host, int port, bool encrypted, bool trustAny, bool routing)
    {
        var endpoint = BoltEndpoint.Parse(new Uri(uri));
        Assert.Equal((host, port, encrypted, trustAny, routing), (endpoint.Host, endpoint.Port, endpoint.Encrypted, endpoint.TrustAnyCertificate, endpoint.RoutingContext is not null));
    }

    [Fact]
    public void Unknown_scheme_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new BoltClient(new BoltClientOptions { Uri = new Uri("http://db:7474") }));
        Assert.Contains("Unsupported URI scheme 'http'", error.Message, StringComparison.Ordinal);
    }
}
