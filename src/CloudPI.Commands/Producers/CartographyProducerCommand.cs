using System.CommandLine;
using CloudPI.Analysis.Reachability;
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
        command.SetHandler(async (parseResult, context, cancellationToken) =>
        {
            var graph = await source.LoadAsync(parseResult, context.Logger, cancellationToken).ConfigureAwait(false);
            var view = new CartographyView(graph);
            var findings = GraphCheckCatalog.Run(view, new ReachabilityEngine(view));
            context.Logger.Information("{Count} failing controls found on {Checks} graph checks", findings.Count, GraphCheckCatalog.All.Count);

            var statePath = parseResult.GetValue(since);
            var tracker = statePath is null ? null : FindingChanges.Load(statePath);
            var reported = tracker is null ? findings : findings.Where(tracker.IsNewOrChanged).ToList();
            if (tracker is not null)
            {
                context.Logger.Information("{Reported} of {Count} findings are on resources added or changed since the last run", reported.Count, findings.Count);
            }

            new ProducerWriter().Write(ToolName, reported.Select(ToIssue), parseResult.GetRequiredValue(output), parseResult.GetValue(append));
            tracker?.Save(findings);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Issue ToIssue(GraphFinding finding) => new()
    {
        Target = finding.Resource.Arn ?? finding.Resource.Id ?? finding.Resource.ExternalId,
        Type = finding.Control.Id,
        Title = finding.Control.Title,
        Severity = (Severity)(int)finding.Control.Severity,
        Confidence = Confidence.High,
        Description = $"{finding.Detail}\n\n{finding.Control.Description}\n\nRemediation: {finding.Control.Remediation}",
    };
}
