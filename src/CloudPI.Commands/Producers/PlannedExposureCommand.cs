using System.CommandLine;
using System.Text;
using CloudPI.Commands.Graph;
using CloudPI.Controls.Catalog.Exposure;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Producers;
using CloudPI.Graph;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Output;
using CloudPI.PlannedExposure;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Producers;

/// <summary>
/// <c>cloudpi producer planned-exposure</c>: overlays a Pulumi preview on the live Cartography graph and reports what
/// the change makes reachable from the internet (and exploitable), what it closes, and what stays undecided; exits 1
/// when it opens a new path and planned-exposure is mandatory, 3 when the preview failed or is incomplete.
/// </summary>
public static class PlannedExposureCommand
{
    public const string ToolName = "cloudpi-planned-exposure";

    public static Command Create()
    {
        var source = new GraphSource();
        var input = new Option<string>("--in", "-in") { Description = "pulumi preview --json (ideally --show-sames): the change to judge.", Required = true };
        var freshStack = new Option<bool>("--fresh-stack") { Description = "No live graph: the stack is new, the preview alone is the graph (instead of --graph/--neo4j-uri)." };
        var output = new Option<string?>("--out", "-out") { Description = "The Dracon LaunchToolResponse (.pb) to write (issue type planned-exposure)." };
        var append = new Option<bool>("--append", "-append") { Description = "Add the issues to an existing -out file." };
        var policyConfig = new Option<string?>("--policy-config") { Description = "CrossGuard policy-config JSON; the key planned-exposure sets this gate's level." };
        var enforcement = new Option<string>("--enforcement")
        {
            Description = "Levels before --policy-config: mandatory (default) or recommended; planned-exposure is mandatory in both.",
            DefaultValueFactory = _ => EnforcementPreset.Mandatory.Name,
        };
        enforcement.AcceptOnlyFromAmong([.. EnforcementPreset.All.Select(p => p.Name)]);
        var sarifOut = new Option<string?>("--sarif-out") { Description = "SARIF 2.1.0, each result at the Pulumi resource that opens the path." };
        var projectDir = new Option<string>("--project-dir")
        {
            Description = "The Pulumi project's directory relative to the repository root (SARIF locations).",
            DefaultValueFactory = _ => ".",
        };
        var summaryOut = new Option<string?>("--summary-out") { Description = "The Markdown summary (a pull-request comment) to write; it is also printed." };
        var failOnUnknown = new Option<bool>("--fail-on-unknown") { Description = "Treat a path undecided before deployment as a new path." };
        var command = new Command("planned-exposure", "What a Pulumi change would make reachable from the internet: the preview overlaid on the live Cartography graph, reachability and exploitability compared (exit 1 on a new internet path).")
        {
            input, freshStack, output, append, policyConfig, enforcement, sarifOut, projectDir, summaryOut, failOnUnknown,
        };
        source.AddTo(command);
        command.SetHandler(async (parseResult, context, cancellationToken) =>
        {
            var preset = EnforcementPreset.Find(parseResult.GetRequiredValue(enforcement))!; // the parser accepted only preset names
            var project = PulumiProducerCommand.Project(parseResult.GetRequiredValue(projectDir));
            var (config, stack) = PulumiProducerCommand.Read(parseResult.GetRequiredValue(input), parseResult.GetValue(policyConfig), preset);
            var live = parseResult.GetValue(freshStack)
                ? new PropertyGraphBuilder().Build()
                : await source.LoadAsync(parseResult, context.Logger, cancellationToken).ConfigureAwait(false);

            var (changes, notModelled) = ExposureDiff.Compare(stack, live);
            context.Logger.Information("{Changes} exposure changes; {NotModelled} changed resources of types the overlay does not model", changes.Count, notModelled.Count);
            var evaluation = IacEvaluation.Run(stack, config, [new PlannedExposureCheck(changes)]);
            var strict = parseResult.GetValue(failOnUnknown);
            var summary = PullRequestSummary.Write(changes, notModelled, evaluation, strict);

            // Everything is computed before anything is written, so a failure leaves no partial set of outputs.
            var sarif = parseResult.GetValue(sarifOut) is null ? null : SarifLog.Write(evaluation, [PlannedInternetExposure.Control], project);
            if (parseResult.GetValue(output) is { } outPath)
            {
                var closed = evaluation.Findings.Where(f => f.Result.Verdict == CloudPI.Iac.Checks.Verdict.Pass).Select(ClosedIssue);
                new ProducerWriter().Write(ToolName, DraconIssues.From(evaluation).Concat(closed), outPath, parseResult.GetValue(append));
                context.Logger.Information("Wrote Dracon issues to {Path}", outPath);
            }

            if (sarif is not null)
            {
                AtomicFile.WriteAllBytes(parseResult.GetValue(sarifOut)!, sarif);
            }

            if (parseResult.GetValue(summaryOut) is { } summaryPath)
            {
                AtomicFile.WriteAllBytes(summaryPath, Encoding.UTF8.GetBytes(summary));
            }

            context.Output.Write(summary);
            return evaluation.Gate(strict) switch
            {
                GateVerdict.Incomplete => ExitCodes.IncompletePreview,
                GateVerdict.Blocked => ExitCodes.ChecksFailed,
                _ => ExitCodes.Success,
            };
        });
        return command;
    }

    /// <summary>A path the change closes: an INFO issue, so the fix is on record without counting as a defect.</summary>
    private static Issue ClosedIssue(Finding finding) => ControlIssues.Resolved(
        finding.Result.Control, finding.Result.Resource.Urn, "The change closes a path from the internet", $"{finding.Result.Resource.Type} {finding.Result.Resource.Name}: {finding.Result.Reason}.");
}
