using System.CommandLine;
using CloudPI.Bolt;
using CloudPI.Graph;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Neo4j;
using Serilog;

namespace CloudPI.Commands.Graph;

/// <summary>
/// Where a command gets the Cartography graph: a live Neo4j (<c>--neo4j-uri</c> ...) or an APOC JSON-lines file
/// (<c>--graph</c>), exactly one of them. Both give the same in-memory graph.
/// </summary>
internal sealed class GraphSource
{
    public Neo4jOptions Neo4j { get; } = new();

    public Option<string?> File { get; } = new("--graph")
    {
        Description = "An APOC JSON-lines export of the Cartography graph (apoc.export.json.all), or a file from 'cloudpi graph snapshot' or 'synth'.",
    };

    public Option<string[]> Accounts { get; } = new("--account")
    {
        Description = "Only these AWS account ids (repeatable; default: every account). Applies to --neo4j-uri.",
        AllowMultipleArgumentsPerToken = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        Neo4j.AddTo(command);
        command.Options.Add(Accounts);
    }

    public async Task<PropertyGraph> LoadAsync(ParseResult parseResult, ILogger logger, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(File);
        if ((file is null) == !Neo4j.IsGiven(parseResult))
        {
            throw new UsageException("give exactly one graph source: --graph FILE or --neo4j-uri URI");
        }

        if (file is not null)
        {
            logger.Information("Loading the graph from {File}", file);
            var graph = ApocJsonLinesReader.ReadFile(file);
            logger.Information("Loaded {Nodes} nodes and {Relationships} relationships", graph.NodeCount, graph.RelationshipCount);
            return graph;
        }

        await using var client = new BoltClient(Neo4j.Resolve(parseResult));
        return await new Neo4jGraphLoader(client, logger).LoadAsync(parseResult.GetValue(Accounts), cancellationToken).ConfigureAwait(false);
    }
}
