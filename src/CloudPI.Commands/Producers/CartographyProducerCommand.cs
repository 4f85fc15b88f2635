using System.CommandLine;
using CloudPI.Reachability;
using CloudPI.Commands.Graph;
using CloudPI.Dracon.Producers;
using CloudPI.Graph.Cartography;
using CloudPI.GraphChecks;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Producers;

/// <summary>
/// <c>cloudpi producer cartography</c>: evaluates, on the Cartography graph, the exposure controls and the catalog
/// controls the graph can decide, and writes a Dracon LaunchToolResponse (tool <c>cloudpi-cartography</c>).
/// </summary>
public static class CartographyProducerCommand
{
    public const string ToolName = "cloudpi-cartography";

    public static Command Create()
    {
        var source = new GraphSource();
        var output = new Option<string>("--out", "-out") { Description = "The producer output (.pb).", Required = true };
        var append = new Option<bool>("--append", "-append") { Description = "Add to an existing output file (Dracon's -append)." };
        var since = new Option<string?>("--since")
        {
            Description = "State file of the previous run: report only findings on resources Cartography added or changed since, then update it.",
        };
        var command = new Command("cartography", "Evaluate exposure and misconfiguration controls on the Cartography graph; write Dracon issues.")
        {
            output,
            append,
            since,
        };
        source.AddTo(command);
        command.SetHandler((parseResult, context, cancellationToken) => RunAsync(
            new CartographyProducerSettings(source.Resolve(parseResult), parseResult.GetRequiredValue(output))
            {
                Append = parseResult.GetValue(append),
                SincePath = parseResult.GetValue(since),
            },
            context,
            cancellationToken));
        return command;
    }

    /// <summary>The producer's work, as the command and <c>scan</c> run it.</summary>
    public static async Task<int> RunAsync(CartographyProducerSettings settings, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var graph = await settings.Graph.LoadAsync(context.Logger, cancellationToken).ConfigureAwait(false);
        var view = new CartographyView(graph);
        var findings = GraphCheckCatalog.Run(view, new ReachabilityEngine(view));
        context.Logger.Information("{Count} failing controls found on {Checks} graph checks", findings.Count, GraphCheckCatalog.All.Count);

        var tracker = settings.SincePath is null ? null : FindingChanges.Load(settings.SincePath);
        var reported = tracker is null ? findings : findings.Where(tracker.IsNewOrChanged).ToList();
        if (tracker is not null)
        {
            context.Logger.Information("{Reported} of {Count} findings are on resources added or changed since the last run", reported.Count, findings.Count);
        }

        new ProducerWriter().Write(ToolName, reported.Select(ToIssue), settings.OutPath, settings.Append);
        tracker?.Save(findings);
        return ExitCodes.Success;
    }

    private static Issue ToIssue(GraphFinding finding) => ControlIssues.Failed(
        finding.Control,
        finding.Resource.Arn ?? finding.Resource.Id ?? finding.Resource.ExternalId,
        $"{finding.Detail}\n\n{finding.Control.Description}\n\nRemediation: {finding.Control.Remediation}");
}

/// <summary>One run of the Cartography producer.</summary>
/// <param name="Graph">The graph to evaluate.</param>
/// <param name="OutPath">The producer file to write.</param>
public sealed record CartographyProducerSettings(GraphInput Graph, string OutPath)
{
    /// <summary>Add to an existing output file (Dracon's -append).</summary>
    public bool Append { get; init; }

    /// <summary>State file of the previous run: report only resources added or changed since, then update it.</summary>
    public string? SincePath { get; init; }
}
