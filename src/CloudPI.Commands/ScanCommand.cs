using System.CommandLine;
using CloudPI.Commands.Dracon;
using CloudPI.Commands.Enrichers;
using CloudPI.Commands.Graph;
using CloudPI.Commands.Report;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Producers;
using CloudPI.Dracon.Pipeline;

namespace CloudPI.Commands;

/// <summary>
/// <c>cloudpi scan</c>: the whole Dracon chain run locally in one command, with the output folder laid out as
/// Dracon lays out its workspace. Each stage runs the same sub-command a pipeline step would run, with the same
/// flags, in this process: producers → tag → enrichers → aggregate → report.
/// </summary>
public static class ScanCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-out") { Description = "Output folder; its .dracon/ sub-folder is recreated on each run.", Required = true };
        var producerResults = new Option<string[]>("--producer-results")
        {
            Description = "Directories (or files) of existing producer .pb outputs to include (other Dracon producers' results).",
            AllowMultipleArgumentsPerToken = true,
        };
        var awsConfigIn = new Option<string[]>("--awsconfig-in")
        {
            Description = "Offline AWS Config results (aws configservice get-compliance-details-by-config-rule JSON) for the AWS Config producer.",
            AllowMultipleArgumentsPerToken = true,
        };
        var awsConfigLive = new Option<bool>("--awsconfig-live") { Description = "Run the AWS Config producer live with the standard AWS credential chain." };
        var awsAccount = new Option<string?>("--aws-account-id") { Description = "AWS account id (offline AWS Config results need it to build ARNs)." };
        var awsRegions = new Option<string?>("--aws-regions") { Description = "AWS region(s) for the AWS Config producer (offline: the one region of the files)." };
        var awsProfile = new Option<string?>("--aws-profile") { Description = "AWS profile for the live AWS Config producer." };
        var awsRole = new Option<string?>("--aws-role-arn") { Description = "Role to assume for the live AWS Config producer." };
        var awsExternalId = new Option<string?>("--aws-external-id") { Description = "External id of that role's trust policy." };
        var pulumiIn = new Option<string[]>("--pulumi-in")
        {
            Description = "Pulumi preview (--json), stack export or streaming events for the preventive checks.",
            AllowMultipleArgumentsPerToken = true,
        };
        var policyConfig = new Option<string?>("--policy-config") { Description = "CrossGuard-format policy configuration for the preventive checks." };
        var criticality = new Option<string?>("--criticality-rules") { Description = "Criticality rules for the exploitability enricher." };
        var cloudRanges = new Option<string[]>(EnricherCommands.CloudRangesOption)
        {
            Description = "Cloud address space anyone can rent (AWS ip-ranges.json, Google Cloud cloud.json, or CIDRs) for the exploitability enricher.",
            AllowMultipleArgumentsPerToken = true,
        };
        var scannedImages = new Option<string[]>(EnricherRunner.ScannedImageOption)
        {
            Description = "TOOL=IMAGE: the container image an imported vulnerability scanner's results are about (e.g. trivy=nginx:1.27), for the enrichers.",
            AllowMultipleArgumentsPerToken = true,
        };
        var top = new Option<int>("--top") { Description = "Findings detailed in the report.", DefaultValueFactory = _ => 50 };
        var graph = new GraphSource();
        var command = new Command("scan", "Run the whole chain locally: producers → tag → reachability and exploitability enrichers → aggregate → report.")
        {
            output,
            producerResults,
            awsConfigIn,
            awsConfigLive,
            awsAccount,
            awsRegions,
            awsProfile,
            awsRole,
            awsExternalId,
            pulumiIn,
            policyConfig,
            criticality,
            cloudRanges,
            scannedImages,
            top,
        };
        graph.AddTo(command);
        command.SetHandler(async (parseResult, context, cancellationToken) =>
        {
            if (parseResult.GetValue(top) < 1)
            {
                throw new UsageException($"--top must be at least 1 (got {parseResult.GetValue(top)})");
            }

            var graphArgs = GraphArguments(parseResult, graph);
            var inputs = parseResult.GetValue(producerResults) ?? [];
            var awsConfigArgs = AwsConfigArguments(parseResult, awsConfigIn, awsConfigLive, awsAccount, awsRegions, awsProfile, awsRole, awsExternalId);
            var previews = parseResult.GetValue(pulumiIn) ?? [];
            if (graphArgs.Count == 0 && inputs.Length == 0 && awsConfigArgs.Count == 0 && previews.Length == 0)
            {
                throw new UsageException("nothing to scan: give a graph (--graph FILE or --neo4j-uri ...), --awsconfig-in/--awsconfig-live, --pulumi-in and/or --producer-results");
            }

            var layout = new WorkspaceLayout(parseResult.GetRequiredValue(output));
            using var exclusive = layout.Lock();
            layout.Reset();
            var stages = new ScanStages(context, cancellationToken);
            var common = CommonArguments(parseResult);

            await stages.RunAsync("producers", async () =>
            {
                if (graphArgs.Count > 0)
                {
                    await stages.InvokeAsync(["producer", "cartography", .. graphArgs, "-out", Path.Combine(layout.Producers, "cloudpi-cartography.pb"), .. common]).ConfigureAwait(false);
                }

                if (awsConfigArgs.Count > 0)
                {
                    await stages.InvokeAsync(["producer", "awsconfig", .. awsConfigArgs, "-out", Path.Combine(layout.Producers, "cloudpi-aws-config.pb"), .. common]).ConfigureAwait(false);
                }

                for (var i = 0; i < previews.Length; i++)
                {
                    // The preventive gate exits 1 when a mandatory check fails and 3 when the preview failed or is
                    // incomplete; in a scan both are findings to report, not a crash: the issues were written first.
                    var config = parseResult.GetValue(policyConfig) is { } path ? new[] { "--policy-config", path } : [];
                    var exitCode = await stages.InvokeAsync(
                        ["producer", "pulumi", "-in", previews[i], "-out", Path.Combine(layout.Producers, "cloudpi-pulumi.pb"), .. i > 0 ? new[] { "-append" } : [], .. config, .. common],
                        allowGateFailure: true).ConfigureAwait(false);
                    if (exitCode == ExitCodes.ChecksFailed)
                    {
                        context.Logger.Warning("Preventive gate: mandatory checks fail in {Preview}", previews[i]);
                    }
                    else if (exitCode == ExitCodes.IncompletePreview)
                    {
                        context.Logger.Warning("Preventive gate: {Preview} is a failed or incomplete preview, so resources may be missing from it", previews[i]);
                    }
                }

                // Imported results join this scan (one scan id, as the aggregator demands), each in a file of its own:
                // two results of one tool, or one of a tool a producer above just ran, are merged by the tagger, never
                // written over each other.
                var scanInfo = ScanEnvironment.FromEnvironment();
                foreach (var file in inputs.SelectMany(ExpandProducerResults))
                {
                    var response = DraconFile.ReadLaunchToolResponse(file);
                    response.ScanInfo = scanInfo.Clone();
                    var stem = DraconFile.FileStem(response.ToolName);
                    var target = Enumerable.Range(1, int.MaxValue)
                        .Select(n => Path.Combine(layout.Producers, n == 1 ? $"{stem}.pb" : $"{stem}.imported-{n}.pb"))
                        .First(path => !File.Exists(path));
                    DraconFile.Write(target, response);
                    context.Logger.Information("Imported {Count} issues of {Tool} from {File}", response.Issues.Count, response.ToolName, file);
                }
            }).ConfigureAwait(false);

            await stages.RunAsync("tag", () => stages.InvokeAsync(["dracon", "tag", layout.Producers, .. common])).ConfigureAwait(false);

            if (graphArgs.Count > 0)
            {
                foreach (var enricher in new[] { EnricherCommands.ReachabilityName, EnricherCommands.ExploitabilityName })
                {
                    // Exploitability reuses the reachability verdicts just written, so both enrichers agree by construction.
                    string[] extra = enricher != EnricherCommands.ExploitabilityName
                        ? []
                        : [
                            .. parseResult.GetValue(criticality) is { } rules ? new[] { "--criticality-rules", rules } : [],
                            .. (parseResult.GetValue(cloudRanges) ?? []).SelectMany(file => new[] { EnricherCommands.CloudRangesOption, file }),
                            "--reachability-path", layout.Enricher(EnricherCommands.ReachabilityName),
                        ];
                    // Both enrichers join the same vulnerabilities, so they judge a scanner's finding on the same workload.
                    var images = (parseResult.GetValue(scannedImages) ?? []).SelectMany(image => new[] { EnricherRunner.ScannedImageOption, image });
                    await stages.RunAsync($"enricher {enricher}", () => stages.InvokeAsync(
                        ["enricher", enricher, "-read_path", layout.Producers, "-write_path", layout.Enricher(enricher), .. graphArgs, .. extra, .. images, .. common])).ConfigureAwait(false);
                }

                await stages.RunAsync("aggregate", () => stages.InvokeAsync(["dracon", "aggregate", layout.Enrichers, .. common])).ConfigureAwait(false);
                var report = Path.Combine(layout.Root, "report.md");
                await stages.RunAsync("report", () => stages.InvokeAsync(
                    ["report", layout.Enrichers, "--out", report, "--html", Path.Combine(layout.Root, "report.html"), "--top", parseResult.GetValue(top).ToString(System.Globalization.CultureInfo.InvariantCulture), .. common])).ConfigureAwait(false);
                WriteTopFindings(layout, context.Output);
            }
            else
            {
                foreach (var file in DraconFile.Find(layout.Producers, Tagger.TaggedSuffix))
                {
                    DraconDump.WriteText(Path.GetRelativePath(layout.Root, file), DraconFile.Read(file), context.Output);
                }
            }

            context.Logger.Information("Done: Dracon workspace under {Path}", layout.Dracon);
            return stages.Partial ? ExitCodes.Partial : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The graph flags as given, to hand on to every stage that reads the graph.</summary>
    private static List<string> GraphArguments(ParseResult parseResult, GraphSource graph)
    {
        var args = new List<string>();
        if (parseResult.GetValue(graph.File) is { } file)
        {
            args.AddRange(["--graph", file]);
        }

        void Add(Option<string?> option)
        {
            if (parseResult.GetValue(option) is { } value)
            {
                args.AddRange([option.Name, value]);
            }
        }

        Add(graph.Neo4j.Uri);
        Add(graph.Neo4j.User);
        Add(graph.Neo4j.PasswordEnvVar);
        Add(graph.Neo4j.Database);
        if (parseResult.GetResult(graph.Neo4j.TimeoutSeconds) is { Implicit: false })
        {
            args.AddRange([graph.Neo4j.TimeoutSeconds.Name, parseResult.GetValue(graph.Neo4j.TimeoutSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        foreach (var account in parseResult.GetValue(graph.Accounts) ?? [])
        {
            args.AddRange(["--account", account]);
        }

        if (parseResult.GetValue(graph.AllowEmpty))
        {
            args.Add(graph.AllowEmpty.Name);
        }

        return args;
    }

    /// <summary>The AWS Config producer's flags, from the scan's: offline files or a live read, never both.</summary>
    private static List<string> AwsConfigArguments(
        ParseResult parseResult, Option<string[]> files, Option<bool> live, params Option<string?>[] valued)
    {
        var args = new List<string>();
        var inputs = parseResult.GetValue(files) ?? [];
        if (inputs.Length > 0 && parseResult.GetValue(live))
        {
            throw new UsageException("--awsconfig-in and --awsconfig-live exclude each other");
        }

        if (inputs.Length == 0 && !parseResult.GetValue(live))
        {
            return args;
        }

        foreach (var input in inputs)
        {
            args.AddRange(["-in", input]);
        }

        string[] names = ["--account-id", "--regions", "--profile", "--role-arn", "--external-id"];
        for (var i = 0; i < valued.Length; i++)
        {
            if (parseResult.GetValue(valued[i]) is { } value)
            {
                args.AddRange([names[i], value]);
            }
        }

        return args;
    }

    private static string[] CommonArguments(ParseResult parseResult) =>
        [.. parseResult.GetValue(CommonOptions.Debug) ? new[] { "--debug" } : [], "--log-format", parseResult.GetValue(CommonOptions.LogFormat).ToString().ToLowerInvariant()];

    private static IEnumerable<string> ExpandProducerResults(string path) =>
        File.Exists(path) ? [path] : DraconFile.Find(path, ".pb");

    private static void WriteTopFindings(WorkspaceLayout layout, TextWriter output)
    {
        var findings = ReportCommand.Load(layout.Enrichers);
        AttackPathSection.Console(findings, output, top: 3);
        output.WriteLine($"{findings.Count} findings, highest priority first (full report: {Path.Combine(layout.Root, "report.md")}):");
        foreach (var finding in findings.Take(10))
        {
            output.WriteLine($"  [{finding.Score,3}] {finding.Control,-34} {finding.Issue.Target}");
            if (finding.Path is { } path)
            {
                output.WriteLine($"        path: {path}");
            }
        }
    }

    private sealed class ScanStages(CommandContext context, CancellationToken cancellationToken)
    {
        private int _stage;

        /// <summary>A stage wrote its output but lacks part of what it covers: the scan goes on and says so in its exit code.</summary>
        public bool Partial { get; private set; }

        public async Task RunAsync(string name, Func<Task> stage)
        {
            context.Logger.Information("Stage {Number}: {Stage}", ++_stage, name);
            await stage().ConfigureAwait(false);
        }

        /// <summary>Runs one sub-command of the same tree, as a pipeline step would run it; a failure stops the scan.</summary>
        public async Task<int> InvokeAsync(string[] args, bool allowGateFailure = false)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var error = new StringWriter();
            var exitCode = await CliApp.RunAsync(args, CloudPICommands.CreateRoot(), CloudPICommands.ProgramName, context.Output, error).ConfigureAwait(false);
            // A partial producer run (the gate's incomplete preview shares the code): the scan goes on and ends partial.
            if (exitCode == ExitCodes.Partial)
            {
                context.Logger.Warning("{Stage}: partial run, the scan goes on with what it read", string.Join(' ', args.Take(2)));
                Partial = true;
                return exitCode;
            }

            // A gate verdict writes no error line; a work failure also exits 1, but with one.
            var gateVerdict = exitCode == ExitCodes.ChecksFailed && error.ToString().Length == 0;
            if (exitCode != ExitCodes.Success && !(allowGateFailure && gateVerdict))
            {
                var message = error.ToString().Trim();
                throw exitCode == ExitCodes.Usage
                    ? new UsageException($"{string.Join(' ', args.Take(2))}: {message}")
                    : new IOException($"{string.Join(' ', args.Take(2))} failed: {message}");
            }

            return exitCode;
        }
    }
}
