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

    public Option<bool> AllowEmpty { get; } = new("--allow-empty-graph")
    {
        Description = "Accept a graph without nodes as an empty account (by default it is refused: an empty export or the wrong file would pass as a clean account).",
    };

    /// <summary>Whether a graph without nodes is an input error (analyses) or a fact to show (graph stats).</summary>
    public bool RefusesEmpty { get; init; } = true;

    public void AddTo(Command command)
    {
        command.Options.Add(File);
        Neo4j.AddTo(command);
        command.Options.Add(Accounts);
        if (RefusesEmpty)
        {
            command.Options.Add(AllowEmpty);
        }
    }

    public async Task<PropertyGraph> LoadAsync(ParseResult parseResult, ILogger logger, CancellationToken cancellationToken)
    {
        var file = parseResult.GetValue(File);
        if ((file is null) == !Neo4j.IsGiven(parseResult))
        {
            throw new UsageException("give exactly one graph source: --graph FILE or --neo4j-uri URI");
        }

        PropertyGraph graph;
        string source;
        if (file is not null)
        {
            logger.Information("Loading the graph from {File}", file);
            using (var progress = new TerminalProgress("graph: MB", 0))
            {
                graph = ApocJsonLinesReader.ReadFile(file, (read, length) => progress.Report(read >> 20, length >> 20));
            }

            logger.Information("Loaded {Nodes} nodes and {Relationships} relationships", graph.NodeCount, graph.RelationshipCount);
            source = file;
        }
        else
        {
            var options = Neo4j.Resolve(parseResult);
            await using var client = new BoltClient(options);
            graph = await new Neo4jGraphLoader(client, logger).LoadAsync(parseResult.GetValue(Accounts), cancellationToken).ConfigureAwait(false);
            source = $"{options.Uri.Scheme}://{options.Uri.Host}:{(options.Uri.IsDefaultPort ? 7687 : options.Uri.Port)}"; // never the user info
        }

        if (graph.NodeCount == 0 && RefusesEmpty && !parseResult.GetValue(AllowEmpty))
        {
            throw new GraphFormatException(source, "the graph has no nodes (an empty export, the wrong file or account?); give --allow-empty-graph to analyse it as an empty account");
        }

        return graph;
    }
}
