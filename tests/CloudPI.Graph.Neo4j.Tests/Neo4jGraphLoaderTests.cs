using CloudPI.Bolt;
using CloudPI.Bolt.Protocol;
using CloudPI.Bolt.Testing;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Synthetic;
using CloudPI.TestSupport;
using Serilog.Core;

namespace CloudPI.Graph.Neo4j.Tests;

/// <summary>
/// The loader against a simulated Neo4j over a real Bolt socket: the server answers the loader's two queries with the
/// nodes and relationships of a synthetic account, as a real server would, and the loaded graph must equal the source.
/// </summary>
public class Neo4jGraphLoaderTests
{
    private static readonly SyntheticAccount Account = SyntheticAccountGenerator.Generate(300, seed: 7);

    [Theory]
    [InlineData("5.4")]
    [InlineData("4.4")]
    public async Task Loads_the_same_graph_as_the_apoc_file_on_both_bolt_generations(string version)
    {
        var queries = new List<string>();
        await using var server = BoltTestServer.Start(Serve(Account.Graph, version, queries).ServeAsync);
        await using var client = new BoltClient(new BoltClientOptions { Uri = server.UriFor(), FetchSize = 250 });

        var loaded = await new Neo4jGraphLoader(client, Logger.None).LoadAsync(accounts: null);

        Assert.Equal(Snapshot(Account.Graph), Snapshot(loaded));
        var expectedQueries = version == "4.4"
            ? new[] { CartographyQueries.NodesNeo4j44.Text, CartographyQueries.RelationshipsNeo4j44.Text }
            : [CartographyQueries.Nodes.Text, CartographyQueries.Relationships.Text];
        Assert.Equal(expectedQueries, queries);
    }

    [Fact]
    public async Task Accounts_and_labels_travel_as_parameters_and_relationships_outside_the_scope_are_dropped()
    {
        IReadOnlyDictionary<string, object?>? sentParameters = null;
        var neo4j = new SimulatedNeo4j
        {
            Query = run =>
            {
                sentParameters = (IReadOnlyDictionary<string, object?>)run.Fields[1]!;
                var text = (string)run.Fields[0]!;
                return text.Contains("type(r)", StringComparison.Ordinal)
                    ? SimulatedResult.Of(["id", "type", "start", "end", "properties"], [["r1", "RESOURCE", "n1", "n2", Empty()], ["r2", "RESOURCE", "n1", "elsewhere", Empty()]])
                    : SimulatedResult.Of(["id", "labels", "properties"], [["n1", new object?[] { "AWSAccount" }, Props("id", "111122223333")], ["n2", new object?[] { "AWSEC2Instance", "EC2Instance" }, Props("id", "i-1")]]);
            },
        };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);
        await using var client = new BoltClient(new BoltClientOptions { Uri = server.UriFor() });

        var graph = await new Neo4jGraphLoader(client, Logger.None).LoadAsync(["111122223333"]);

        Assert.Equal(2, graph.NodeCount);
        Assert.Equal(1, graph.RelationshipCount);
        Assert.Equal(new object?[] { "111122223333" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(sentParameters!["accounts"]));
        Assert.Contains("AWSEC2Instance", Assert.IsAssignableFrom<IReadOnlyList<object?>>(sentParameters["labels"]));
        Assert.Contains("EC2Instance", Assert.IsAssignableFrom<IReadOnlyList<object?>>(sentParameters["labels"]));
    }

    [Fact]
    public async Task Temporal_values_become_iso_strings_as_in_an_apoc_export()
    {
        var neo4j = new SimulatedNeo4j
        {
            Query = run => ((string)run.Fields[0]!).Contains("type(r)", StringComparison.Ordinal)
                ? SimulatedResult.Of(["id", "type", "start", "end", "properties"], [])
                : SimulatedResult.Of(["id", "labels", "properties"], [["n1", new object?[] { "AWSEC2Instance" }, Props("launchtime", Bolt.Values.BoltDateTime.WithOffset(1_700_000_000, 0, 0))]]),
        };
        await using var server = BoltTestServer.Start(neo4j.ServeAsync);
        await using var client = new BoltClient(new BoltClientOptions { Uri = server.UriFor() });

        var graph = await new Neo4jGraphLoader(client, Logger.None).LoadAsync(null);

        Assert.Equal("2023-11-14T22:13:20Z", graph.Nodes.Single().Properties.GetString("launchtime"));
    }

    private static SimulatedNeo4j Serve(PropertyGraph graph, string version, List<string> queries) => new()
    {
        Versions = [version == "4.4" ? BoltVersion.V4_4 : BoltVersion.V5_4],
        Agent = version == "4.4" ? "Neo4j/4.4.30" : "Neo4j/5.20.0",
        Query = run =>
        {
            var text = (string)run.Fields[0]!;
            queries.Add(text);
            return text.Contains("type(r)", StringComparison.Ordinal)
                ? SimulatedResult.Of(
                    ["id", "type", "start", "end", "properties"],
                    graph.Relationships.Select(r => (IReadOnlyList<object?>)[r.ExternalId, r.Type, r.Start.ExternalId, r.End.ExternalId, ToBolt(r.Properties.Entries)]))
                : SimulatedResult.Of(
                    ["id", "labels", "properties"],
                    graph.Nodes.Select(n => (IReadOnlyList<object?>)[n.ExternalId, n.Labels.Cast<object?>().ToArray(), ToBolt(n.Properties.Entries)]));
        },
    };

    private static Dictionary<string, object?> ToBolt(IEnumerable<KeyValuePair<string, object?>> entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static Dictionary<string, object?> Props(string key, object? value) => new(StringComparer.Ordinal) { [key] = value };

    private static Dictionary<string, object?> Empty() => new(StringComparer.Ordinal);

    /// <summary>The graph as APOC JSON lines: equal text means equal nodes, labels, properties and relationships.</summary>
    private static string Snapshot(PropertyGraph graph)
    {
        using var stream = new MemoryStream();
        ApocJsonLinesWriter.Write(graph, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
