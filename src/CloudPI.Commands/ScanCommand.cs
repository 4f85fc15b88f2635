using System.CommandLine;
using CloudPI.Commands.Dracon;
using CloudPI.Commands.Enrichers;
using CloudPI.Commands.Graph;
using CloudPI.Commands.Producers;
using CloudPI.Commands.Report;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Producers;
using CloudPI.Dracon.Pipeline;

namespace CloudPI.Commands;

/// <summary>
/// <c>cloudpi scan</c>: the whole Dracon chain run locally in one command, with the output folder laid out as
/// Dracon lays out its workspace. Each stage runs, in this process, the same component a pipeline step runs, given
/// its typed settings (never a rebuilt command line): producers → tag → enrichers → aggregate → report. The graph
/// is read once for all of them.
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
        var scannedImages = new Option<string[]>(EnricherOptions.ScannedImageOption)
        {
            Description = "TOOL=IMAGE: the container image an imported vulnerability scanner's results are about (e.g. trivy=nginx:1.27), for the enrichers.",
            AllowMultipleArgumentsPerToken = true,
        };
        var accountsParallel = EnricherOptions.CreateAccountsParallel();
        var top = new Option<int>("--top") { Description = "Findings detailed in the report.", DefaultValueFactory = _ => ReportSettings.DefaultTop };
        var mutes = MuteFile.CreateOption();
        var baseline = new Option<string?>("--baseline") { Description = "An earlier scan's --out folder: the report shows only findings new since then." };
        var graph = new GraphSource();
        // The graph's --account (the accounts loaded from Neo4j) also narrows the report to those accounts.
        var filters = new FindingFilterOptions(accountOptionExists: true);
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
            accountsParallel,
            top,
            mutes,
            baseline,
        };
        graph.AddTo(command);
        filters.AddTo(command);
        command.SetHandler(async (parseResult, context, cancellationToken) =>
        {
            // Every stage's settings are built and checked before the workspace is touched.
            var layout = new WorkspaceLayout(parseResult.GetRequiredValue(output));
            var graphInput = graph.IsGiven(parseResult) ? graph.Resolve(parseResult) : null;
            var inputs = parseResult.GetValue(producerResults) ?? [];
            var awsConfig = AwsConfigSettings(
                parseResult, awsConfigIn, awsConfigLive, Path.Combine(layout.Producers, "cloudpi-aws-config.pb"), awsAccount, awsRegions, awsProfile, awsRole, awsExternalId);
            var previews = (parseResult.GetValue(pulumiIn) ?? [])
                .Select((preview, i) => new PulumiProducerSettings(preview)
                {
                    OutPath = Path.Combine(layout.Producers, "cloudpi-pulumi.pb"),
                    Append = i > 0,
                    PolicyConfigPath = parseResult.GetValue(policyConfig),
                })
                .ToList();
            if (graphInput is null && inputs.Length == 0 && awsConfig is null && previews.Count == 0)
            {
                throw new UsageException("nothing to scan: give a graph (--graph FILE or --neo4j-uri ...), --awsconfig-in/--awsconfig-live, --pulumi-in and/or --producer-results");
            }

            var report = new ReportSettings(layout.Enrichers, Path.Combine(layout.Root, "report.md"))
            {
                HtmlPath = Path.Combine(layout.Root, "report.html"),
                Top = parseResult.GetValue(top),
                BaselinePath = parseResult.GetValue(baseline),
                MuteFilePath = parseResult.GetValue(mutes),
                Filter = filters.Read(parseResult, graph.Accounts),
            };
            if (report.Top < 1)
            {
                throw new UsageException($"--top must be at least 1 (got {report.Top})");
            }

            // Both enrichers join the same vulnerabilities, so they judge a scanner's finding on the same workload.
            var images = EnricherOptions.ParseScannedImages(parseResult.GetValue(scannedImages) ?? []);
            var parallelAccounts = EnricherOptions.ReadAccountsParallel(parseResult, accountsParallel);
            using var exclusive = layout.Lock();
            layout.Reset();
            var stages = new ScanStages(context);

            // The graph is read once; every stage analyses that same graph.
            var analysed = graphInput is null
                ? null
                : await stages.RunAsync("graph", () => ScanStages.NamedAsync("load graph", async () =>
                    GraphInput.InMemory(await graphInput.LoadAsync(context.Logger, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);

            await stages.RunAsync("producers", async () =>
            {
                if (analysed is not null)
                {
                    await stages.InvokeAsync("producer cartography", () => CartographyProducerCommand.RunAsync(
                        new CartographyProducerSettings(analysed, Path.Combine(layout.Producers, "cloudpi-cartography.pb")), context, cancellationToken)).ConfigureAwait(false);
                }

                if (awsConfig is not null)
                {
                    await stages.InvokeAsync("producer awsconfig", () => AwsConfigProducerCommand.RunAsync(awsConfig, context, cancellationToken)).ConfigureAwait(false);
                }

                foreach (var preview in previews)
                {
                    // The gate's verdict (1: mandatory checks fail, 3: a failed or incomplete preview) is a finding to
                    // report in a scan, not a crash: the issues were written first.
                    var exitCode = await stages.InvokeAsync("producer pulumi", () => Task.FromResult(PulumiProducerCommand.Run(preview, context))).ConfigureAwait(false);
                    if (exitCode == ExitCodes.ChecksFailed)
                    {
                        context.Logger.Warning("Preventive gate: mandatory checks fail in {Preview}", preview.Input);
                    }
                    else if (exitCode == ExitCodes.IncompletePreview)
                    {
                        context.Logger.Warning("Preventive gate: {Preview} is a failed or incomplete preview, so resources may be missing from it", preview.Input);
                    }
                }

                ImportProducerResults(inputs, layout, context);
                return true;
            }).ConfigureAwait(false);

            await stages.RunAsync("tag", () => stages.InvokeAsync("dracon tag", () =>
            {
                new Tagger(context.Logger).Tag(layout.Producers, layout.Producers);
                return Task.FromResult(ExitCodes.Success);
            })).ConfigureAwait(false);

            if (analysed is not null)
            {
                var reachability = new EnricherSettings(layout.Producers, layout.Enricher(EnricherCommands.ReachabilityName), analysed) { MuteFilePath = report.MuteFilePath, ScannedImages = images, AccountsParallel = parallelAccounts };
                await stages.RunAsync($"enricher {EnricherCommands.ReachabilityName}", () => stages.InvokeAsync(
                    $"enricher {EnricherCommands.ReachabilityName}", () => EnricherCommands.RunReachabilityAsync(reachability, context, cancellationToken))).ConfigureAwait(false);

                // Exploitability computes its reachability verdicts again rather than reading back those just written: the
                // same engine on the same graph gives the same verdicts byte for byte, and faster than decoding them
                // (Native AOT, 100k resources and 50k issues: 2.4 s computed, 3.2 s read back).
                var exploitability = new ExploitabilitySettings(layout.Producers, layout.Enricher(EnricherCommands.ExploitabilityName), analysed)
                {
                    CriticalityRulesPath = parseResult.GetValue(criticality),
                    CloudRanges = parseResult.GetValue(cloudRanges) ?? [],
                    MuteFilePath = report.MuteFilePath,
                    ScannedImages = images,
                    AccountsParallel = parallelAccounts,
                };
                await stages.RunAsync($"enricher {EnricherCommands.ExploitabilityName}", () => stages.InvokeAsync(
                    $"enricher {EnricherCommands.ExploitabilityName}", () => EnricherCommands.RunExploitabilityAsync(exploitability, context, cancellationToken))).ConfigureAwait(false);

                await stages.RunAsync("aggregate", () => stages.InvokeAsync("dracon aggregate", () =>
                {
                    new EnrichmentAggregator(context.Logger).Aggregate(layout.Enrichers, layout.Enrichers);
                    return Task.FromResult(ExitCodes.Success);
                })).ConfigureAwait(false);
                ReportModel? written = null;
                await stages.RunAsync("report", () => stages.InvokeAsync("report", () =>
                {
                    written = ReportCommand.Write(report, context);
                    return Task.FromResult(ExitCodes.Success);
                })).ConfigureAwait(false);
                WriteTopFindings(written!, report, context.Output);
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

    /// <summary>The AWS Config producer's settings from the scan's flags: offline files or a live read, never both; null for neither.</summary>
    private static AwsConfigProducerSettings? AwsConfigSettings(
        ParseResult parseResult,
        Option<string[]> files,
        Option<bool> live,
        string outPath,
        Option<string?> account,
        Option<string?> regions,
        Option<string?> profile,
        Option<string?> role,
        Option<string?> externalId)
    {
        var inputs = parseResult.GetValue(files) ?? [];
        if (inputs.Length > 0 && parseResult.GetValue(live))
        {
            throw new UsageException("--awsconfig-in and --awsconfig-live exclude each other");
        }

        if (inputs.Length == 0 && !parseResult.GetValue(live))
        {
            return null;
        }

        var settings = new AwsConfigProducerSettings
        {
            Inputs = inputs,
            OutPath = outPath,
            AccountId = AwsConnectionOptions.Given(parseResult.GetValue(account)),
            Connection = new AwsConnectionSettings
            {
                Regions = AwsConnectionOptions.Given(parseResult.GetValue(regions)),
                Profile = AwsConnectionOptions.Given(parseResult.GetValue(profile)),
                RoleArn = AwsConnectionOptions.Given(parseResult.GetValue(role)),
                ExternalId = AwsConnectionOptions.Given(parseResult.GetValue(externalId)),
            },
            Scope = AwsConfigProducerOptions.Scope(services: null, includeUnknownRules: inputs.Length > 0),
        };
        AwsConfigProducerOptions.Validate(settings);
        return settings;
    }

    /// <summary>
    /// Imported results join this scan (one scan id, as the aggregator demands), each in a file of its own: two results
    /// of one tool, or one of a tool a producer just ran, are merged by the tagger, never written over each other.
    /// </summary>
    private static void ImportProducerResults(IEnumerable<string> inputs, WorkspaceLayout layout, CommandContext context)
    {
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
    }

    private static IEnumerable<string> ExpandProducerResults(string path) =>
        File.Exists(path) ? [path] : DraconFile.Find(path, ".pb");

    /// <summary>The findings of the report just written (not read again), highest priority first, muted ones left out.</summary>
    private static void WriteTopFindings(ReportModel model, ReportSettings report, TextWriter output)
    {
        var findings = model.Active.ToList();
        AttackPathSection.Console(findings, output, top: 3);
        output.WriteLine($"{findings.Count} findings, highest priority first, muted ones left out (full report: {report.OutPath}):");
        foreach (var finding in findings.Take(10))
        {
            output.WriteLine($"  [{finding.Score,3}] {finding.Control,-34} {finding.Issue.Target}");
            if (finding.Path is { } path)
            {
                output.WriteLine($"        path: {path}");
            }
        }
    }

    private sealed class ScanStages(CommandContext context)
    {
        private int _stage;

        /// <summary>A stage wrote its output but lacks part of what it covers: the scan goes on and says so in its exit code.</summary>
        public bool Partial { get; private set; }

        public async Task<T> RunAsync<T>(string name, Func<Task<T>> stage)
        {
            context.Logger.Information("Stage {Number}: {Stage}", ++_stage, name);
            return await stage().ConfigureAwait(false);
        }

        /// <summary>
        /// Runs one component with its typed settings, in this process, as a pipeline step would run it; a failure
        /// stops the scan with the component's name in front of its message.
        /// </summary>
        public async Task<int> InvokeAsync(string component, Func<Task<int>> run)
        {
            var exitCode = await NamedAsync(component, run).ConfigureAwait(false);

            // A partial producer run (the gate's incomplete preview shares the code): the scan goes on and ends partial.
            if (exitCode == ExitCodes.Partial)
            {
                context.Logger.Warning("{Component}: partial run, the scan goes on with what it read", component);
                Partial = true;
            }

            return exitCode;
        }

        /// <summary>Runs <paramref name="work"/>; a failure is rethrown with <paramref name="component"/> in front of its message.</summary>
        public static async Task<T> NamedAsync<T>(string component, Func<Task<T>> work)
        {
            try
            {
                return await work().ConfigureAwait(false);
            }
            catch (UsageException ex)
            {
                throw new UsageException($"{component}: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ScanStageException(component, ex);
            }
        }
    }
}

/// <summary>A scan stage failed: its component is named in front of the component's own message.</summary>
public sealed class ScanStageException(string component, Exception inner) : Exception($"{component} failed: {inner.Message}", inner);
