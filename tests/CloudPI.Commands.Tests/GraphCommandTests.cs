using System.Text.Json;
using CloudPI.Bolt.Testing;
using CloudPI.Graph.Apoc;
using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

public class GraphCommandTests
{
    [Fact]
    public async Task Synth_then_stats_then_snapshot_round_trips_the_file()
    {
        using var temp = new TempDirectory();
        var graphFile = temp.Combine("account.jsonl");

        var synth = await Cli.RunAsync("graph", "synth", "--resources", "300", "--seed", "3", "--out", graphFile);
        var stats = await Cli.RunAsync("graph", "stats", "--graph", graphFile, "--json");
        var snapshot = await Cli.RunAsync("graph", "snapshot", "--graph", graphFile, "--out", temp.Combine("copy.jsonl"));

        Assert.Equal(0, synth.ExitCode);
        Assert.Contains("internet-exposed", synth.Output, StringComparison.Ordinal);
        Assert.Equal(0, stats.ExitCode);
        var graph = ApocJsonLinesReader.ReadFile(graphFile);
        using var json = JsonDocument.Parse(stats.Output);
        Assert.Equal(graph.NodeCount, json.RootElement.GetProperty("nodes").GetInt32());
        Assert.Equal(graph.RelationshipCount, json.RootElement.GetProperty("relationships").GetInt32());
        Assert.Equal(graph.CountNodesWithLabel("AWSEC2Instance"), json.RootElement.GetProperty("nodesPerLabel").GetProperty("AWSEC2Instance").GetInt32());
        Assert.Equal(graph.CountNodesWithLabel("EC2Instance"), json.RootElement.GetProperty("nodesPerLabel").GetProperty("EC2Instance").GetInt32());
        Assert.Equal(0, snapshot.ExitCode);
        Assert.Equal(File.ReadAllBytes(graphFile), File.ReadAllBytes(temp.Combine("copy.jsonl")));
    }

    [Fact]
    public async Task Synth_of_one_account_writes_the_same_bytes_as_before_organisations_existed()
    {
        using var temp = new TempDirectory();
        var graphFile = temp.Combine("account.jsonl");

        var synth = await Cli.RunAsync("graph", "synth", "--resources", "1500", "--seed", "3", "--accounts", "1", "--out", graphFile);

        Assert.Equal(0, synth.ExitCode);
        using var golden = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(RepoPaths.Root, "tests", "CloudPI.Commands.Tests", "Golden", "synthetic-1500.jsonl.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var expected = new MemoryStream();
        golden.CopyTo(expected);
        Assert.True(expected.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(graphFile)), "graph synth --accounts 1 no longer writes what it wrote before");
    }

    [Fact]
    public async Task Stats_on_the_bundled_example_prints_labels_of_both_generations()
    {
        var result = await Cli.RunAsync("graph", "stats", "--graph", RepoPaths.Examples("account", "graph.jsonl"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AWSEC2Instance", result.Output, StringComparison.Ordinal);
        Assert.Contains(" EC2Instance", result.Output, StringComparison.Ordinal);
        Assert.Contains("RELATIONSHIPS PER TYPE", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_prints_each_record_as_a_json_line_with_the_password_from_the_environment()
    {
        Environment.SetEnvironmentVariable("CLOUDPI_TEST_NEO4J_PASSWORD", "s3cret");
        var neo4j = new SimulatedNeo4j
        {
            Password = "s3cret",
            Query = _ => SimulatedResult.Of(["account", "n"], [["111122223333", 1L], ["444455556666", 2L]]),
        };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);

        var result = await Cli.RunAsync(
            "graph", "query", "--neo4j-uri", server.UriFor().ToString(), "--neo4j-user", "neo4j",
            "--neo4j-password-env-var", "CLOUDPI_TEST_NEO4J_PASSWORD", "--param", "limit=2", "MATCH (a:AWSAccount) RETURN a.id AS account LIMIT $limit");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["{\"account\":\"111122223333\",\"n\":1}", "{\"account\":\"444455556666\",\"n\":2}"],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("s3cret", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--account=111122223333,444455556666" }, new[] { "111122223333", "444455556666" })]
    [InlineData(new[] { "--account", "111122223333", "--account=" }, new[] { "111122223333" })]
    [InlineData(new[] { "--account=" }, null)]
    public async Task Account_lists_are_comma_separated_and_an_empty_one_asks_for_every_account(string[] accountArgs, string[]? sent)
    {
        var accounts = new List<object?>();
        var neo4j = new SimulatedNeo4j
        {
            Query = run =>
            {
                accounts.Add(((IReadOnlyDictionary<string, object?>)run.Fields[1]!)["accounts"]);
                return ((string)run.Fields[0]!).Contains("type(r)", StringComparison.Ordinal)
                    ? SimulatedResult.Of(["id", "type", "start", "end", "properties"], [])
                    : SimulatedResult.Of(["id", "labels", "properties"], []);
            },
        };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);

        var result = await Cli.RunAsync(["graph", "stats", "--neo4j-uri", server.UriFor().ToString(), .. accountArgs]);

        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(accounts);
        Assert.All(accounts, a => Assert.Equal(sent, (a as IReadOnlyList<object?>)?.Cast<string>().ToArray()));
    }

    [Fact]
    public async Task Wrong_password_is_one_line_and_exit_1()
    {
        Environment.SetEnvironmentVariable("CLOUDPI_TEST_WRONG_PASSWORD", "wrong");
        var neo4j = new SimulatedNeo4j { Password = "right" };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);

        var result = await Cli.RunAsync(
            "graph", "query", "--neo4j-uri", server.UriFor().ToString(), "--neo4j-user", "neo4j",
            "--neo4j-password-env-var", "CLOUDPI_TEST_WRONG_PASSWORD", "RETURN 1");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cloudpi: ", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("wrong", result.Error.Replace("wrong password", string.Empty, StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graph", "stats")]
    [InlineData("graph", "stats", "--graph", "a.jsonl", "--neo4j-uri", "bolt://localhost")]
    [InlineData("graph", "query", "--neo4j-uri", "not a uri", "RETURN 1")]
    [InlineData("graph", "query", "--neo4j-uri", "bolt://localhost", "--neo4j-user", "neo4j", "RETURN 1")]
    [InlineData("graph", "synth", "--resources", "0", "--out", "x.jsonl")]
    [InlineData("graph", "synth", "--resources", "10", "--accounts", "0", "--out", "x.jsonl")]
    [InlineData("graph", "synth", "--resources", "600000", "--accounts", "2", "--out", "x.jsonl")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await Cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cloudpi: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_graph_file_names_the_line_and_writes_no_snapshot()
    {
        using var temp = new TempDirectory();
        var bad = temp.Combine("bad.jsonl");
        File.WriteAllText(bad, "{\"type\":\"node\",\"id\":\"0\",\"labels\":[\"AWSAccount\"]}\n{\"type\":\"relationship\",\"id\":\"1\",\"label\":\"RESOURCE\",\"start\":{\"id\":\"0\"},\"end\":{\"id\":\"9\"}}\n");

        var result = await Cli.RunAsync("graph", "snapshot", "--graph", bad, "--out", temp.Combine("out.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"cloudpi: {bad}:2:", result.Error, StringComparison.Ordinal);
        Assert.Equal(["bad.jsonl"], temp.Files());
    }
}
