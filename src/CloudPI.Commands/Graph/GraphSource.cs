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
        Description = "Only these AWS account ids (repeatable or comma-separated; empty or absent: every account). Applies to --neo4j-uri.",
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

    /// <summary>Whether any graph flag was given: a command where the graph is optional (scan) then needs a whole source.</summary>
    public bool IsGiven(ParseResult parseResult) => parseResult.GetValue(File) is not null || Neo4j.AnyGiven(parseResult);

    /// <summary>The graph the flags name, checked: exactly one source, a valid Neo4j address and credentials.</summary>
    public GraphInput Resolve(ParseResult parseResult)
    {
        var file = parseResult.GetValue(File);
        if ((file is null) == !Neo4j.IsGiven(parseResult))
        {
            throw new UsageException("give exactly one graph source: --graph FILE or --neo4j-uri URI");
        }

        return new GraphInput
        {
            File = file,
            Neo4j = file is null ? Neo4j.Resolve(parseResult) : null,
            Accounts = AccountIds(parseResult),
            AllowEmpty = !RefusesEmpty || parseResult.GetValue(AllowEmpty),
        };
    }

    public Task<PropertyGraph> LoadAsync(ParseResult parseResult, ILogger logger, CancellationToken cancellationToken) =>
        Resolve(parseResult).LoadAsync(logger, cancellationToken);

    /// <summary>
    /// The account ids asked for: a Tekton task passes one list param as <c>--account=$(params.…)</c>, so commas
    /// separate ids and an empty value asks for every account.
    /// </summary>
    private string[] AccountIds(ParseResult parseResult) =>
        [.. (parseResult.GetValue(Accounts) ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}

/// <summary>
/// The graph a component analyses: a file, a Neo4j server, or a graph already in memory (a scan loads it once for
/// every stage). Loading refuses a graph without nodes unless <see cref="AllowEmpty"/>.
/// </summary>
public sealed record GraphInput
{
    private PropertyGraph? _loaded;

    /// <summary>An APOC JSON-lines file.</summary>
    public string? File { get; init; }

    /// <summary>A Neo4j server (used when <see cref="File"/> is null).</summary>
    public BoltClientOptions? Neo4j { get; init; }

    /// <summary>Only these AWS accounts from Neo4j (empty: all).</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    public bool AllowEmpty { get; init; }

    /// <summary>Whether the graph is already in memory (<see cref="InMemory"/>).</summary>
    public bool IsLoaded => _loaded is not null;

    /// <summary>A graph already loaded and checked: later stages of one scan analyse the same graph without reading it again.</summary>
    public static GraphInput InMemory(PropertyGraph graph) => new() { _loaded = graph, AllowEmpty = true };

    public async Task<PropertyGraph> LoadAsync(ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (_loaded is not null)
        {
            return _loaded;
        }

        PropertyGraph graph;
        string source;
        if (File is not null)
        {
            logger.Information("Loading the graph from {File}", File);
            using (var progress = new TerminalProgress("graph: MB", 0))
            {
                graph = ApocJsonLinesReader.ReadFile(File, (read, length) => progress.Report(read >> 20, length >> 20));
            }

            logger.Information("Loaded {Nodes} nodes and {Relationships} relationships", graph.NodeCount, graph.RelationshipCount);
            source = File;
        }
        else
        {
            var options = Neo4j ?? throw new InvalidOperationException("a graph input names a file or a Neo4j server");
            await using var client = new BoltClient(options);
            graph = await new Neo4jGraphLoader(client, logger).LoadAsync(Accounts, cancellationToken).ConfigureAwait(false);
            source = ServerName(options);
        }

        if (graph.NodeCount == 0 && !AllowEmpty)
        {
            throw new GraphFormatException(source, "the graph has no nodes (an empty export, the wrong file or account?); give --allow-empty-graph to analyse it as an empty account");
        }

        return graph;
    }

    /// <summary>The server's scheme, host and port, for logs and errors: never the URI's user info.</summary>
    public static string ServerName(BoltClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.Uri.Scheme}://{options.Uri.Host}:{(options.Uri.IsDefaultPort ? 7687 : options.Uri.Port)}";
    }
}
