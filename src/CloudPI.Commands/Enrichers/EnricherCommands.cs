using System.CommandLine;
using CloudPI.Exploitability;
using CloudPI.Exploitability.Criticality;
using CloudPI.Exploitability.Vulnerabilities;
using CloudPI.Reachability;
using CloudPI.Commands.Graph;
using CloudPI.Dracon.Enrichers;
using CloudPI.Enrichers;
using CloudPI.Graph;
using CloudPI.Graph.Cartography;
using Ocurity.Dracon.V1;
using Serilog;

namespace CloudPI.Commands.Enrichers;

/// <summary><c>cloudpi enricher reachability|exploitability</c>: Dracon enrichers over the Cartography graph.</summary>
public static class EnricherCommands
{
    public const string ReachabilityName = "reachability";
    public const string ExploitabilityName = "exploitability";

    public static Command Create() =>
        new("enricher", "Dracon enrichers: annotate tagged issues with what the Cartography graph says about them.")
        {
            CreateReachability(),
            CreateExploitability(),
        };

    public static Command CreateReachability()
    {
        var runner = new EnricherOptions();
        var command = new Command(
            ReachabilityName,
            "Can the internet reach each issue's resource on the port that matters? Annotates the verdict, the path, the evidence, what is missing and the fix.");
        runner.AddTo(command);
        command.SetHandler((parseResult, context, cancellationToken) => RunReachabilityAsync(runner.Resolve(parseResult), context, cancellationToken));
        return command;
    }

    /// <summary>The reachability enricher's work, as the command and <c>scan</c> run it.</summary>
    public static Task<int> RunReachabilityAsync(EnricherSettings settings, CommandContext context, CancellationToken cancellationToken) =>
        EnricherRunner.RunAsync(
            ReachabilityName,
            settings,
            context,
            new ReachabilityEnricher(),
            cancellationToken);

    /// <summary>The exploitability enricher's option for rentable cloud ranges (the scan passes it on).</summary>
    public const string CloudRangesOption = "--cloud-ranges";

    public static Command CreateExploitability()
    {
        var runner = new EnricherOptions();
        var rulesFile = new Option<string?>("--criticality-rules")
        {
            Description = "YAML or JSON rules mapping your tags to asset criticality (default: environment=prod/production high, criticality tag as is, DataClassification=Sensitive on reachable data high).",
        };
        var reachabilityPath = new Option<string?>("--reachability-path")
        {
            Description = "Where the reachability enricher wrote (*.reachability.enriched.pb): use its verdicts instead of computing them again.",
        };
        var cloudRanges = new Option<string[]>(CloudRangesOption)
        {
            Description = "Cloud address space anyone can rent, as the providers publish it (AWS ip-ranges.json, Google Cloud cloud.json) or a CIDR per line: an allow-list that admits it counts as open to the internet.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command(
            ExploitabilityName,
            "Is each issue's flaw exploitable where it is deployed, what mitigates it, what would an attacker reach, and how urgent is it? Sets the adjusted severity.")
        {
            rulesFile,
            reachabilityPath,
            cloudRanges,
        };
        runner.AddTo(command);
        command.SetHandler((parseResult, context, cancellationToken) =>
        {
            var common = runner.Resolve(parseResult);
            return RunExploitabilityAsync(
                new ExploitabilitySettings(common.ReadPath, common.WritePath, common.Graph)
                {
                    MuteFilePath = common.MuteFilePath,
                    AccountsParallel = common.AccountsParallel,
                    ScannedImages = common.ScannedImages,
                    CriticalityRulesPath = parseResult.GetValue(rulesFile),
                    ReachabilityPath = parseResult.GetValue(reachabilityPath),
                    CloudRanges = parseResult.GetValue(cloudRanges) ?? [],
                },
                context,
                cancellationToken);
        });
        return command;
    }

    /// <summary>The exploitability enricher's work, as the command and <c>scan</c> run it.</summary>
    public static async Task<int> RunExploitabilityAsync(ExploitabilitySettings settings, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rules = LoadRules(settings.CriticalityRulesPath);
        var rentable = LoadRentable(settings.CloudRanges);
        using var known = KnownReachability.Index(settings.ReachabilityPath);
        return await EnricherRunner.RunAsync(
            ExploitabilityName,
            settings,
            context,
            new ExploitabilityEnricher((graph, vulnerabilities) =>
            {
                var view = new CartographyView(graph);
                return new ExploitabilityAnnotator(new ReachabilityAnnotator(new ReachabilityEngine(view)), new ExploitabilityAnalyzer(view, rules, rentable))
                {
                    Known = known.Find,
                    Vulnerabilities = vulnerabilities,
                };
            }),
            cancellationToken).ConfigureAwait(false);
    }

    private static RentableRanges LoadRentable(IEnumerable<string> paths) =>
        RentableRanges.Combine(paths.Select(path => InputText.Parse(path, "cloud ranges", text => RentableRanges.Parse(text, path))));

    private static CriticalityRules LoadRules(string? path) =>
        path is null ? CriticalityRules.BuiltIn : InputText.Parse(path, "criticality rules", text => CriticalityRules.Parse(text, path));

    /// <summary>Reachability on each graph it is given; the verdicts counted over all of them.</summary>
    private sealed class ReachabilityEnricher : IEnricher
    {
        // One counter per verdict (no verdict counts as unknown, as its annotation says), counted with an atomic increment.
        private readonly int[] _counts = new int[Enum.GetValues<ReachabilityVerdict>().Length];

        // Network paths end at the account's edge: another account's roles add nothing to them.
        public bool FollowsAssumedRoles => false;

        public IEnricherPass CreatePass(PropertyGraph graph, VulnerabilityJoin vulnerabilities) =>
            new Pass(new ReachabilityAnnotator(new ReachabilityEngine(new CartographyView(graph))), _counts);

        public void LogSummary(ILogger logger) =>
            logger.Information(
                "Reachability: {Reachable} reachable, {Restricted} restricted, {NotReachable} not reachable, {Unknown} unknown",
                _counts[(int)ReachabilityVerdict.Reachable], _counts[(int)ReachabilityVerdict.RestrictedExposure],
                _counts[(int)ReachabilityVerdict.NotReachable], _counts[(int)ReachabilityVerdict.Unknown]);

        private sealed class Pass(ReachabilityAnnotator annotator, int[] counts) : IEnricherPass
        {
            public AnnotatedIssue Enrich(ResolvedIssue issue)
            {
                var judged = annotator.OnMostExposedWorkload(issue);
                var result = annotator.Evaluate(judged);
                var enriched = annotator.Annotate(judged, result);
                Interlocked.Increment(ref counts[(int)(result?.Verdict ?? ReachabilityVerdict.Unknown)]);
                return enriched;
            }
        }
    }

    /// <summary>Exploitability on each graph it is given; the verdicts counted over all of them.</summary>
    private sealed class ExploitabilityEnricher(Func<PropertyGraph, VulnerabilityJoin, ExploitabilityAnnotator> createAnnotator) : IEnricher
    {
        // One counter per status, counted with an atomic increment: every issue of every worker counts its verdict.
        private readonly int[] _counts = new int[Enum.GetValues<ExploitabilityStatus>().Length];

        public bool FollowsAssumedRoles => true;

        public IEnricherPass CreatePass(PropertyGraph graph, VulnerabilityJoin vulnerabilities) => new Pass(createAnnotator(graph, vulnerabilities), _counts);

        public void LogSummary(ILogger logger) =>
            logger.Information(
                "Exploitability: {Exploitable} exploitable, {Conditional} conditional, {NotExploitable} not exploitable, {Unknown} unknown",
                _counts[(int)ExploitabilityStatus.Exploitable], _counts[(int)ExploitabilityStatus.Conditional],
                _counts[(int)ExploitabilityStatus.NotExploitable], _counts[(int)ExploitabilityStatus.Unknown]);

        private sealed class Pass(ExploitabilityAnnotator annotator, int[] counts) : IEnricherPass
        {
            public AnnotatedIssue Enrich(ResolvedIssue issue)
            {
                var (enriched, verdict) = annotator.Annotate(issue);
                Interlocked.Increment(ref counts[(int)verdict.Status]);
                return enriched;
            }
        }
    }
}

/// <summary>One run of the exploitability enricher.</summary>
public sealed record ExploitabilitySettings(string ReadPath, string WritePath, GraphInput Graph) : EnricherSettings(ReadPath, WritePath, Graph)
{
    /// <summary>YAML or JSON rules mapping tags to asset criticality (built-in rules when null).</summary>
    public string? CriticalityRulesPath { get; init; }

    /// <summary>Where the reachability enricher wrote: its verdicts are reused instead of computed again.</summary>
    public string? ReachabilityPath { get; init; }

    /// <summary>Files of rentable cloud address space.</summary>
    public IReadOnlyList<string> CloudRanges { get; init; } = [];
}
