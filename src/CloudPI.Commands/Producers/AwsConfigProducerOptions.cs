using System.CommandLine;
using CloudPI.Controls;
using CloudPI.Producers.AwsConfig;

namespace CloudPI.Commands.Producers;

/// <summary>What one run does, decided from the options before any work starts.</summary>
internal sealed record AwsConfigRun(
    IReadOnlyList<string> Inputs,
    string? OutPath,
    bool Append,
    string? AccountId,
    string? Aggregator,
    ControlScope Scope,
    int Concurrency,
    bool DeployRules,
    bool DryRun,
    bool StartEvaluation,
    bool Strict);

internal sealed class AwsConfigProducerOptions
{
    public AwsConnectionOptions Connection { get; } = new();

    public Option<string[]> In { get; } = new("--in", "-in")
    {
        Description = "Offline: a file of 'aws configservice get-compliance-details-by-config-rule' (or get-aggregate-...) JSON output; repeatable.",
    };

    public Option<string?> Out { get; } = new("--out", "-out") { Description = "The Dracon producer file to write (required unless --deploy-rules)." };

    public Option<bool> Append { get; } = new("--append", "-append") { Description = "Add the issues to an existing -out file (Dracon's -append)." };

    public Option<string?> AccountId { get; } = new("--account-id")
    {
        Description = "The account the results belong to: needed for ARNs with -in; live, it saves the STS GetCallerIdentity call.",
    };

    public Option<string?> Aggregator { get; } = new("--aggregator") { Description = "Read this configuration aggregator (in the home region) instead of the account." };

    public Option<string?> Services { get; } = new("--services")
    {
        Description = "Comma-separated services whose controls are in scope: ebs, ec2 (with ebs and security-group), ecs, eks, kms, lambda, rds, redshift, s3, security-group, sqs, vpc. Default: all.",
    };

    public Option<bool> AllRules { get; } = new("--all-rules") { Description = "Also report rules outside the catalog (custom rules, other managed rules), with a generic mapping." };

    public Option<int> Concurrency { get; } = new("--concurrency")
    {
        Description = "Listings in flight per region, and regions at once.",
        DefaultValueFactory = _ => 4,
    };

    public Option<bool> DeployRules { get; } = new("--deploy-rules") { Description = "Deploy the managed rules of the controls in scope (idempotent) instead of reading results." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "With --deploy-rules: print the PutConfigRule requests as JSON lines and change nothing." };

    public Option<bool> StartEvaluation { get; } = new("--start-evaluation") { Description = "With --deploy-rules: start an evaluation of the rules afterwards." };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "With -in: refuse (exit 1, nothing written) a file whose listing stops at a NextToken, instead of warning and exiting 3 (partial).",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { In, Out, Append, AccountId, Aggregator, Services, AllRules, Concurrency, DeployRules, DryRun, StartEvaluation, Strict })
        {
            command.Options.Add(option);
        }

        Connection.AddTo(command);
    }

    public AwsConfigRun Resolve(ParseResult parseResult)
    {
        var inputs = parseResult.GetValue(In) ?? [];
        var deploy = parseResult.GetValue(DeployRules);
        var offline = inputs.Length > 0;
        var run = new AwsConfigRun(
            inputs,
            parseResult.GetValue(Out),
            parseResult.GetValue(Append),
            parseResult.GetValue(AccountId),
            parseResult.GetValue(Aggregator),
            Scope(parseResult.GetValue(Services), includeUnknownRules: offline || parseResult.GetValue(AllRules)),
            parseResult.GetValue(Concurrency),
            deploy,
            parseResult.GetValue(DryRun),
            parseResult.GetValue(StartEvaluation),
            parseResult.GetValue(Strict));
        Validate(run, offline);
        return run;
    }

    private static void Validate(AwsConfigRun run, bool offline)
    {
        if (run.Concurrency < 1)
        {
            throw new UsageException($"--concurrency must be at least 1, not {run.Concurrency}");
        }

        if (run.DeployRules && (offline || run.Aggregator is not null))
        {
            throw new UsageException("--deploy-rules deploys to the account: it does not combine with -in or --aggregator");
        }

        if (!run.DeployRules && (run.DryRun || run.StartEvaluation))
        {
            throw new UsageException("--dry-run and --start-evaluation go with --deploy-rules");
        }

        if (run.Strict && !offline)
        {
            throw new UsageException("--strict goes with -in: it refuses input files that stop inside a listing");
        }

        if (offline && run.Aggregator is not null)
        {
            throw new UsageException("-in reads files: it does not combine with --aggregator");
        }

        if (!run.DeployRules && string.IsNullOrWhiteSpace(run.OutPath))
        {
            throw new UsageException("-out is undefined: give the producer file to write");
        }
    }

    private static ControlScope Scope(string? services, bool includeUnknownRules)
    {
        try
        {
            var resolver = new ConfigRuleResolver(ControlCatalog.Default);
            return new ControlScope(resolver, services?.Split(',', StringSplitOptions.RemoveEmptyEntries), includeUnknownRules);
        }
        catch (ArgumentException error)
        {
            throw new UsageException("--services: " + error.Message);
        }
    }
}
