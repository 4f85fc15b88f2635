using System.Text;
using System.Text.Json;
using CloudPI.Bolt.Values;

namespace CloudPI.Bolt.Tests;

public class SupportingTypesTests
{
    [Fact]
    public void Credentials_come_from_the_named_environment_variable()
    {
        var variable = $"CLOUDPI_TEST_PW_{Guid.NewGuid():N}";
        var missing = Assert.Throws<InvalidOperationException>(() => BoltCredentials.FromEnvironment("neo4j", variable));
        Assert.Contains(variable, missing.Message, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable(variable, "s3cret");
        try
        {
            var credentials = BoltCredentials.FromEnvironment("neo4j", variable);
            Assert.Equal(("neo4j", "s3cret"), (credentials.User, credentials.Password));
            var options = new BoltClientOptions { Uri = new Uri("bolt://db"), Credentials = credentials };
            Assert.DoesNotContain("s3cret", options.ToString(), StringComparison.Ordinal);
            Assert.Contains("User = neo4j", options.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Retry_delays_grow_exponentially_with_jitter_and_are_capped()
    {
        var policy = new BoltRetryPolicy(new BoltClientOptions
        {
            Uri = new Uri("bolt://db"),
            InitialRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromMilliseconds(1000),
            MaxRetries = 3,
        });

        for (var sample = 0; sample < 200; sample++)
        {
            Assert.InRange(policy.DelayFor(0).TotalMilliseconds, 50, 150);
            Assert.InRange(policy.DelayFor(2).TotalMilliseconds, 200, 600);
            Assert.InRange(policy.DelayFor(10).TotalMilliseconds, 500, 1500);
        }

        Assert.True(policy.ShouldRetry(new CypherServerException("Neo.TransientError.General.DatabaseUnavailable", "x"), 2));
        Assert.False(policy.ShouldRetry(new CypherServerException("Neo.TransientError.General.DatabaseUnavailable", "x"), 3));
        Assert.False(policy.ShouldRetry(new BoltAuthenticationException("Neo.ClientError.Security.Unauthorized", "x", "neo4j", "db:7687"), 0));
        Assert.False(policy.ShouldRetry(new TimeoutException(), 0));
        Assert.True(policy.ShouldRetry(new BoltConnectionException("reset"), 0));
    }

    [Fact]
    public void Records_render_as_json_lines_without_reflection()
    {
        var node = new BoltNode(7, ["AWSAccount", "Tenant"], new Dictionary<string, object?> { ["id"] = "111122223333", ["inscope"] = true }, "4:db:7");
        var relationship = new BoltRelationship(3, 7, 8, "RESOURCE", new Dictionary<string, object?>(), "5:db:3", "4:db:7", "4:db:8");
        var record = new CypherRecord(
            ["n", "r", "when", "day", "raw", "nan", "list", "p"],
            [node, relationship, BoltDateTime.WithOffset(1_435_146_635, 556_000_000, 3600), new BoltDate(0), new byte[] { 1, 2, 3 }, double.NaN, new object?[] { 1L, null, "x" }, new BoltPoint2D(7203, 1.5, 2)]);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CypherJsonWriter.LineOptions))
        {
            CypherJsonWriter.WriteRecord(json, record);
        }

        Assert.Equal(
            """
            {"n":{"elementId":"4:db:7","id":7,"labels":["AWSAccount","Tenant"],"properties":{"id":"111122223333","inscope":true}},"r":{"elementId":"5:db:3","id":3,"type":"RESOURCE","startNodeElementId":"4:db:7","endNodeElementId":"4:db:8","startNodeId":7,"endNodeId":8,"properties":{}},"when":"2015-06-24T12:50:35.556+01:00","day":"1970-01-01","raw":"AQID","nan":"NaN","list":[1,null,"x"],"p":{"srid":7203,"x":1.5,"y":2}}
            """,
            Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public async Task Json_lines_put_one_record_per_line()
    {
        static async IAsyncEnumerable<CypherRecord> Records()
        {
            yield return new CypherRecord(["i"], [1L]);
            await Task.Yield();
            yield return new CypherRecord(["i"], [2L]);
        }

        using var output = new MemoryStream();
        await CypherJsonWriter.WriteLinesAsync(output, Records());

        Assert.Equal("{\"i\":1}\n{\"i\":2}\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Record_fields_are_found_by_name_and_a_missing_one_is_named()
    {
        var record = new CypherRecord(["a", "b"], [1L, "two"]);
        Assert.Equal("two", record["b"]);
        var error = Assert.Throws<KeyNotFoundException>(() => record["c"]);
        Assert.Contains("'c'", error.Message, StringComparison.Ordinal);
    }
}
