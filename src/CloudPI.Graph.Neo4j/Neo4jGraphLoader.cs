using System.Diagnostics;
using CloudPI.Bolt;
using CloudPI.Bolt.Values;
using CloudPI.Graph.Cartography;
using Serilog;

namespace CloudPI.Graph.Neo4j;

/// <summary>
/// Streams the Cartography graph from Neo4j into a <see cref="PropertyGraph"/>: the same in-memory graph the APOC
/// file loader builds, so every analysis runs the same way on either source.
/// </summary>
public sealed class Neo4jGraphLoader(ICypherClient client, ILogger logger)
{
    private const int ProgressEvery = 100_000;

    /// <summary>Every label the analyses read, both generations.</summary>
    public static IReadOnlyList<string> AnalysedLabels { get; } = CartographyKinds.All
        .SelectMany(kind => kind.Labels)
        .Append("AWSManagedPolicy")
        .Append("AWSInlinePolicy")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <param name="accounts">Account ids to load; null or empty loads every account in the database.</param>
    public async Task<PropertyGraph> LoadAsync(IReadOnlyCollection<string>? accounts, CancellationToken cancellationToken = default)
    {
        var server = await client.VerifyConnectivityAsync(cancellationToken).ConfigureAwait(false);
        var legacyServer = server.ProtocolVersion.StartsWith('4');
        var parameters = new Dictionary<string, object?>
        {
            ["labels"] = AnalysedLabels.Cast<object?>().ToList(),
            ["accounts"] = accounts is { Count: > 0 } ? accounts.Cast<object?>().ToList() : null,
        };
        logger.Information(
            "Loading the Cartography graph from {Server} ({Agent}, Bolt {Version}) for {Scope}",
            server.Address, server.Agent, server.ProtocolVersion, accounts is { Count: > 0 } ? string.Join(", ", accounts) : "all accounts");

        var stopwatch = Stopwatch.StartNew();
        var builder = new PropertyGraphBuilder();
        await foreach (var record in client.RunAsync((legacyServer ? CartographyQueries.NodesNeo4j44 : CartographyQueries.Nodes).Text, parameters, cancellationToken).ConfigureAwait(false))
        {
            builder.AddNode(Text(record, "id"), Strings(record["labels"]), Properties(record["properties"]));
            LogProgress("nodes", builder.NodeCount);
        }

        var skipped = 0;
        await foreach (var record in client.RunAsync((legacyServer ? CartographyQueries.RelationshipsNeo4j44 : CartographyQueries.Relationships).Text, parameters, cancellationToken).ConfigureAwait(false))
        {
            var start = Text(record, "start");
            var end = Text(record, "end");
            if (!builder.ContainsNode(start) || !builder.ContainsNode(end))
            {
                skipped++; // An end outside the requested accounts.
                continue;
            }

            builder.AddRelationship(Text(record, "id"), Text(record, "type"), start, end, Properties(record["properties"]));
            LogProgress("relationships", builder.RelationshipCount);
        }

        var graph = builder.Build();
        logger.Information(
            "Loaded {Nodes} nodes and {Relationships} relationships in {Seconds:F1} s ({Skipped} relationships to nodes outside the scope skipped)",
            graph.NodeCount, graph.RelationshipCount, stopwatch.Elapsed.TotalSeconds, skipped);
        return graph;
    }

    private void LogProgress(string what, int count)
    {
        if (count % ProgressEvery == 0)
        {
            logger.Information("Loading: {Count} {What} so far", count, what);
        }
    }

    private static string Text(CypherRecord record, string field) =>
        record[field] as string ?? throw new BoltProtocolException($"the loader query returned a non-string '{field}'");

    private static IEnumerable<string> Strings(object? value) =>
        value is IReadOnlyList<object?> list ? list.OfType<string>() : [];

    private static IEnumerable<KeyValuePair<string, object?>> Properties(object? value) =>
        value is IReadOnlyDictionary<string, object?> map
            ? map.Select(p => KeyValuePair.Create(p.Key, AsGraphValue(p.Value)))
            : [];

    /// <summary>Temporal values and points become ISO-8601 / WKT strings and bytes base64, as an APOC export writes them, so both sources give the same graph.</summary>
    private static object? AsGraphValue(object? value) => value switch
    {
        IBoltStructured structured => structured.ToString(),
        byte[] bytes => Convert.ToBase64String(bytes),
        IReadOnlyList<object?> list => list.Select(AsGraphValue).ToList(),
        _ => value,
    };
}
