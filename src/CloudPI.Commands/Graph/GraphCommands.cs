using System.Buffers;
using System.CommandLine;
using CloudPI.Dracon.Io;
using System.Text;
using System.Globalization;
using System.Text.Json;
using CloudPI.Bolt;
using CloudPI.Graph;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Synthetic;

namespace CloudPI.Commands.Graph;

/// <summary><c>cloudpi graph ...</c>: reach the Cartography graph, export it, count it, or generate a synthetic one.</summary>
public static class GraphCommands
{
    public static Command Create() =>
        new("graph", "Work with the Cartography AWS graph: from Neo4j (our Bolt client) or from an APOC JSON-lines file.")
        {
            CreateQuery(),
            CreateSnapshot(),
            CreateStats(),
            CreateSynth(),
        };

    private static Command CreateQuery()
    {
        var neo4j = new Neo4jOptions();
        var cypher = new Argument<string>("CYPHER") { Description = "The Cypher query; use $name for parameters." };
        var parameters = new Option<string[]>("--param")
        {
            Description = "A query parameter as name=value (repeatable); the value is read as JSON when it parses (42, true, [\"a\"]), else as a string.",
        };
        var command = new Command("query", "Run a Cypher query on Neo4j and print each record as a JSON line: the first connectivity check.")
        {
            cypher,
            parameters,
        };
        neo4j.AddTo(command);
        command.SetHandler(async (parseResult, context, cancellationToken) =>
        {
            var options = neo4j.Resolve(parseResult);
            await using var client = new BoltClient(options);
            var server = await client.VerifyConnectivityAsync(cancellationToken).ConfigureAwait(false);
            context.Logger.Information("Connected to {Address} ({Agent}, Bolt {Version})", server.Address, server.Agent, server.ProtocolVersion);
            var records = client.RunAsync(parseResult.GetRequiredValue(cypher), ParseParameters(parseResult.GetValue(parameters) ?? []), cancellationToken);
            var buffer = new ArrayBufferWriter<byte>();
            var count = 0;
            await foreach (var record in records.ConfigureAwait(false))
            {
                using (var json = new Utf8JsonWriter(buffer, CypherJsonWriter.LineOptions))
                {
                    CypherJsonWriter.WriteRecord(json, record);
                }

                await context.Output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
                buffer.Clear();
                count++;
            }

            context.Logger.Information("{Count} records", count);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateSnapshot()
    {
        var source = new GraphSource { RefusesEmpty = false };
        var output = new Option<string>("--out", "-out") { Description = "The APOC JSON-lines file to write.", Required = true };
        var command = new Command("snapshot", "Export the graph (from Neo4j or a file) to an APOC JSON-lines file that --graph reads.") { output };
        source.AddTo(command);
        command.SetHandler(async (parseResult, context, cancellationToken) =>
        {
            var graph = await source.LoadAsync(parseResult, context.Logger, cancellationToken).ConfigureAwait(false);
            var path = parseResult.GetRequiredValue(output);
            AtomicFile.Write(path, stream => ApocJsonLinesWriter.Write(graph, stream));
            context.Logger.Information("Wrote {Nodes} nodes and {Relationships} relationships to {Path}", graph.NodeCount, graph.RelationshipCount, path);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateStats()
    {
        var source = new GraphSource { RefusesEmpty = false };
        var json = new Option<bool>("--json") { Description = "Print the counts as one JSON object." };
        var command = new Command("stats", "Count nodes per label and relationships per type.") { json };
        source.AddTo(command);
        command.SetHandler(async (parseResult, context, cancellationToken) =>
        {
            var stats = GraphStatistics.Compute(await source.LoadAsync(parseResult, context.Logger, cancellationToken).ConfigureAwait(false));
            if (parseResult.GetValue(json))
            {
                WriteStatsJson(stats, context.Output);
            }
            else
            {
                WriteStatsText(stats, context.Output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private const int MaxSyntheticResources = 1_000_000;

    private static Command CreateSynth()
    {
        var resources = new Option<int>("--resources") { Description = "Approximate number of resource nodes (per account).", DefaultValueFactory = _ => 1000 };
        var accounts = new Option<int>("--accounts") { Description = "Accounts of a synthetic AWS Organization in one graph, each with --resources resources.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out", "-out") { Description = "The APOC JSON-lines file to write.", Required = true };
        var command = new Command("synth", "Generate a realistic synthetic Cartography account (or organisation) with a known mix of exposed and private resources.")
        {
            resources,
            accounts,
            seed,
            output,
        };
        command.SetHandler((parseResult, context) =>
        {
            var count = parseResult.GetValue(resources);
            var accountCount = parseResult.GetValue(accounts);
            if (accountCount < 1)
            {
                throw new UsageException("--accounts must be at least 1");
            }

            if (count < 1 || (long)count * accountCount > MaxSyntheticResources)
            {
                // A synthetic graph is held in memory whole: about 10 KB per resource, so a million is ~10 GB.
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--resources must be between 1 and {MaxSyntheticResources:N0}{(accountCount > 1 ? $" across all {accountCount} accounts" : string.Empty)}"));
            }

            var account = SyntheticAccountGenerator.Generate(count, parseResult.GetValue(seed), accountCount);
            var path = parseResult.GetRequiredValue(output);
            AtomicFile.Write(path, stream => ApocJsonLinesWriter.Write(account.Graph, stream));
            var exposed = account.Expectations.Count(e => e.InternetExposed);
            context.Logger.Information(
                "Wrote {Accounts} account(s) from {Account}: {Resources} resources in {Vpcs} VPCs, {Nodes} nodes, {Relationships} relationships to {Path}",
                account.AccountIds.Count, account.AccountId, account.ResourceCount, account.VpcCount, account.Graph.NodeCount, account.Graph.RelationshipCount, path);
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{account.Expectations.Count} workloads: {exposed} internet-exposed, {account.Expectations.Count - exposed} private"));
            foreach (var group in account.Expectations.GroupBy(e => e.Archetype).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var first = group.First();
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-24} {group.Count(),6}  {(first.InternetExposed ? "exposed" : "private"),-8} {first.Reason}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Dictionary<string, object?> ParseParameters(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals < 1)
            {
                throw new UsageException($"--param '{pair}' is not name=value");
            }

            result[pair[..equals]] = ParseValue(pair[(equals + 1)..]);
        }

        return result;
    }

    private static object? ParseValue(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static void WriteStatsText(GraphStatistics stats, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stats.NodeCount} nodes, {stats.RelationshipCount} relationships"));
        output.WriteLine("NODES PER LABEL");
        foreach (var count in stats.NodesPerLabel)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count.Count,10}  {count.Name}"));
        }

        output.WriteLine("RELATIONSHIPS PER TYPE");
        foreach (var count in stats.RelationshipsPerType)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count.Count,10}  {count.Name}"));
        }
    }

    private static void WriteStatsJson(GraphStatistics stats, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("nodes", stats.NodeCount);
            json.WriteNumber("relationships", stats.RelationshipCount);
            WriteCounts(json, "nodesPerLabel", stats.NodesPerLabel);
            WriteCounts(json, "relationshipsPerType", stats.RelationshipsPerType);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IEnumerable<NameCount> counts)
    {
        json.WriteStartObject(name);
        foreach (var count in counts)
        {
            json.WriteNumber(count.Name, count.Count);
        }

        json.WriteEndObject();
    }
}
