using System.CommandLine;
using CloudPI.Controls;
using CloudPI.AwsConfig;

namespace CloudPI.Commands.Producers;

/// <summary>What one run of the AWS Config producer does, decided before any work starts (the command and <c>scan</c> build it).</summary>
public sealed record AwsConfigProducerSettings
{
    /// <summary>Offline result files; empty for a live read.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public string? OutPath { get; init; }

    public bool Append { get; init; }

    public string? AccountId { get; init; }

    public string? Aggregator { get; init; }

    public AwsConnectionSettings Connection { get; init; } = new();

    /// <summary>The controls and rules in scope (default: every service; rules outside the catalog only offline).</summary>
    public required ControlScope Scope { get; init; }

    public int Concurrency { get; init; } = AwsConfigProducerOptions.DefaultConcurrency;

    public bool DeployRules { get; init; }

    public bool DryRun { get; init; }

    public bool StartEvaluation { get; init; }

    public bool Strict { get; init; }

    /// <summary>Reading offline files instead of the account.</summary>
    public bool Offline => Inputs.Count > 0;
}

internal sealed class AwsConfigProducerOptions
{
    public const int DefaultConcurrency = 4;

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
        DefaultValueFactory = _ => DefaultConcurrency,
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

    public AwsConfigProducerSettings Resolve(ParseResult parseResult)
    {
        var inputs = parseResult.GetValue(In) ?? [];
        var settings = new AwsConfigProducerSettings
        {
            Inputs = inputs,
            OutPath = parseResult.GetValue(Out),
            Append = parseResult.GetValue(Append),
            AccountId = parseResult.GetValue(AccountId),
            Aggregator = parseResult.GetValue(Aggregator),
            Connection = Connection.Resolve(parseResult),
            Scope = Scope(parseResult.GetValue(Services), includeUnknownRules: inputs.Length > 0 || parseResult.GetValue(AllRules)),
            Concurrency = parseResult.GetValue(Concurrency),
            DeployRules = parseResult.GetValue(DeployRules),
            DryRun = parseResult.GetValue(DryRun),
            StartEvaluation = parseResult.GetValue(StartEvaluation),
            Strict = parseResult.GetValue(Strict),
        };
        Validate(settings);
        return settings;
    }

    /// <summary>Refuses combinations that cannot run, before any work: the command's flags and <c>scan</c>'s alike.</summary>
    public static void Validate(AwsConfigProducerSettings run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var offline = run.Offline;
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

    /// <summary>The controls of <paramref name="services"/> (all when null), with or without rules outside the catalog.</summary>
    public static ControlScope Scope(string? services, bool includeUnknownRules)
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
