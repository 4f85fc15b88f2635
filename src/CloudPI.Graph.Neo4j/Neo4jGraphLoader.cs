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

    /// <summary>
    /// Every label the analyses read, both generations, and the peering connections that tie a VPC to a peer in another
    /// account (an issue may name one, and an organisation's accounts are joined through them as in a graph file).
    /// </summary>
    public static IReadOnlyList<string> AnalysedLabels { get; } = CartographyKinds.All
        .SelectMany(kind => kind.Labels)
        .Append("AWSManagedPolicy")
        .Append("AWSInlinePolicy")
        .Append("AWSPeeringConnection")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <param name="accounts">Account ids to load; null or empty loads every account in the database.</param>
    public Task<PropertyGraph> LoadAsync(IReadOnlyCollection<string>? accounts, CancellationToken cancellationToken = default) =>
        LoadAsync(
            new Dictionary<string, object?>
            {
                ["labels"] = AnalysedLabels.Cast<object?>().ToList(),
                ["accounts"] = accounts is { Count: > 0 } ? accounts.Cast<object?>().ToList() : null,
            },
            accounts is { Count: > 0 } ? string.Join(", ", accounts) : "all accounts",
            legacy => legacy ? (CartographyQueries.NodesNeo4j44, CartographyQueries.RelationshipsNeo4j44) : (CartographyQueries.Nodes, CartographyQueries.Relationships),
            cancellationToken);

    /// <summary>
    /// One account's part of an organisation (<see cref="CartographyQueries.AccountNodes"/>): its nodes, the shared
    /// nodes it reaches, the far ends of its cross-account edges, and what a blast radius walks through in the accounts
    /// in <paramref name="assumed"/> (<see cref="AssumedAccount"/>: their buckets and keys only for those whose data a
    /// role it may reach may reach, <see cref="CartographyQueries.AssumedDataAccounts"/>).
    /// </summary>
    public async Task<PropertyGraph> LoadAccountAsync(string account, IReadOnlyCollection<string> assumed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(assumed);
        var withData = new List<object?>();
        if (assumed.Count > 0)
        {
            var asked = new Dictionary<string, object?>
            {
                ["account"] = account,
                ["assumed"] = assumed.Cast<object?>().ToList(),
                ["dataActions"] = DataActions.Lowered.Cast<object?>().ToList(),
            };
            await foreach (var record in client.RunAsync(CartographyQueries.AssumedDataAccounts.Text, asked, cancellationToken).ConfigureAwait(false))
            {
                withData.Add(Text(record, "account"));
            }
        }

        return await LoadAsync(
            new Dictionary<string, object?>
            {
                ["labels"] = AnalysedLabels.Cast<object?>().ToList(),
                ["account"] = account,
                ["assumed"] = assumed.Cast<object?>().ToList(),
                ["assumedLabels"] = AssumedAccount.Labels.Cast<object?>().ToList(),
                ["assumedDataLabels"] = AssumedAccount.DataLabels.Cast<object?>().ToList(),
                ["assumedWithData"] = withData,
            },
            assumed.Count == 0
                ? $"account {account}"
                : $"account {account} (with the identities of {string.Join(", ", assumed)}, whose roles it can assume, and the data of {(withData.Count == 0 ? "none" : string.Join(", ", withData))})",
            legacy => legacy ? (CartographyQueries.AccountNodesNeo4j44, CartographyQueries.AccountRelationshipsNeo4j44) : (CartographyQueries.AccountNodes, CartographyQueries.AccountRelationships),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<PropertyGraph> LoadAsync(
        Dictionary<string, object?> parameters, string scope, Func<bool, (CypherQuery Nodes, CypherQuery Relationships)> queriesFor, CancellationToken cancellationToken)
    {
        var server = await client.VerifyConnectivityAsync(cancellationToken).ConfigureAwait(false);
        var (nodes, relationships) = queriesFor(server.ProtocolVersion.StartsWith('4'));
        logger.Information(
            "Loading the Cartography graph from {Server} ({Agent}, Bolt {Version}) for {Scope}",
            server.Address, server.Agent, server.ProtocolVersion, scope);

        var stopwatch = Stopwatch.StartNew();
        var builder = new PropertyGraphBuilder();
        await foreach (var record in client.RunAsync(nodes.Text, parameters, cancellationToken).ConfigureAwait(false))
        {
            var id = Text(record, "id");
            if (!builder.ContainsNode(id))
            {
                builder.AddNode(id, Strings(record["labels"]), Properties(record["properties"]));
                LogProgress("nodes", builder.NodeCount);
            }
        }

        var skipped = 0;
        await foreach (var record in client.RunAsync(relationships.Text, parameters, cancellationToken).ConfigureAwait(false))
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
