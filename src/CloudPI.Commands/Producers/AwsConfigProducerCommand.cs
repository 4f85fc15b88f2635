using System.CommandLine;
using CloudPI.Dracon.Producers;
using CloudPI.AwsConfig;
using Serilog;

namespace CloudPI.Commands.Producers;

/// <summary>
/// <c>cloudpi producer awsconfig</c>: writes one Dracon issue per NON_COMPLIANT (rule, resource) that AWS Config
/// reports, read from the account (live), an organisation aggregator (<c>--aggregator</c>) or CLI output on disk
/// (<c>-in</c>); or, with <c>--deploy-rules</c>, deploys the catalog's managed rules. A run that could read only part
/// of what it covers (a region failed, an input file stops inside a listing) writes what it read and exits
/// <see cref="ExitCodes.Partial"/>.
/// </summary>
public static class AwsConfigProducerCommand
{
    public static Command Create()
    {
        var options = new AwsConfigProducerOptions();
        var command = new Command(
            "awsconfig",
            $"Produce Dracon issues ({ConfigIssueMapper.ToolName}) from AWS Config NON_COMPLIANT evaluations, or deploy the catalog's managed rules (--deploy-rules).");
        options.AddTo(command);
        command.SetHandler((parseResult, context, cancellationToken) => RunAsync(options.Resolve(parseResult), context, cancellationToken));
        return command;
    }

    /// <summary>The producer's work, as the command and <c>scan</c> run it.</summary>
    public static async Task<int> RunAsync(AwsConfigProducerSettings run, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(context);
        AwsConfigProducerOptions.Validate(run);
        if (run.DeployRules)
        {
            await AwsConfigRuleDeployment.RunAsync(run, context, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var read = run.Offline
            ? ReadFiles(run, context.Logger)
            : await ReadLiveAsync(run, context.Logger, cancellationToken).ConfigureAwait(false);
        Write(read.Evaluations, run, context.Logger);
        if (read.Missing.Count == 0)
        {
            return ExitCodes.Success;
        }

        context.Logger.Warning("Partial run (exit code {ExitCode}): the output lacks {Missing}", ExitCodes.Partial, string.Join("; ", read.Missing));
        return ExitCodes.Partial;
    }

    private static AwsConfigRead ReadFiles(AwsConfigProducerSettings run, ILogger log)
    {
        var region = AwsConnectionOptions.SingleRegion(run.Connection);
        if (run.AccountId is null || region is null)
        {
            log.Warning("Without --account-id and --region, single-account results get no ARN: their target is type/id");
        }

        var content = ComplianceFile.ReadAll(run.Inputs, run.AccountId, region);
        log.Information("Read {Count} evaluations from {Files} files", content.Evaluations.Count, run.Inputs.Count);
        if (content.TruncatedListings.Count > 0 && run.Strict)
        {
            throw new ComplianceInputException(content.TruncatedListings[0] + " (refused: --strict)");
        }

        foreach (var truncated in content.TruncatedListings)
        {
            log.Warning("{Truncated}", truncated);
        }

        return new AwsConfigRead(
            content.Evaluations.Where(e => run.Scope.Includes(e.ConfigRuleName, e.RuleSource)).ToList(),
            content.TruncatedListings.Count == 0 ? [] : [$"the rest of {content.TruncatedListings.Count} listing(s) that stop at a NextToken in the -in files"]);
    }

    private static async Task<AwsConfigRead> ReadLiveAsync(AwsConfigProducerSettings run, ILogger log, CancellationToken cancellationToken)
    {
        var lookups = new OptionalLookups(log);
        using var connection = await AwsConnectionOptions.ConnectAsync(run.Connection, lookups, cancellationToken).ConfigureAwait(false);
        if (run.Aggregator is { } aggregator)
        {
            var client = connection.HomeClient;
            log.Information("Reading aggregator {Aggregator} in {Region}", aggregator, client.Region);
            var aggregated = await new AggregatorComplianceReader(run.Scope, run.Concurrency, log).ReadAsync(client, aggregator, cancellationToken).ConfigureAwait(false);
            lookups.Report();
            return new AwsConfigRead(aggregated, []);
        }

        var account = run.AccountId ?? await lookups.TryAsync(CallerAccount.Lookup, connection.HomeRegion.SystemName,
            () => CallerAccount.ResolveAsync(connection.Session.Credentials, connection.HomeRegion, cancellationToken)).ConfigureAwait(false);
        log.Information("Reading account {Account} in {Regions} regions", account ?? "(unknown)", connection.Clients.Count);
        var read = await new AccountComplianceReader(run.Scope, run.Concurrency, lookups, log).ReadAsync(connection.Clients, account, cancellationToken).ConfigureAwait(false);
        lookups.Report();
        if (read.FailedRegions.Count > 0 && read.FailedRegions.Count == connection.Clients.Count)
        {
            // Nothing was read: a failure, not a partial run, and nothing is written.
            throw read.FailedRegions[0].Error;
        }

        return new AwsConfigRead(
            read.Evaluations,
            read.FailedRegions.Select(failure => $"region {failure.Region} ({failure.Error.ErrorCode} from {failure.Error.Operation})").ToList());
    }

    private static void Write(IReadOnlyList<ConfigEvaluation> evaluations, AwsConfigProducerSettings run, ILogger log)
    {
        var issues = new ConfigIssueMapper(run.Scope.Rules).Map(evaluations);
        var written = new ProducerWriter().Write(ConfigIssueMapper.ToolName, issues, run.OutPath!, run.Append);
        log.Information("Wrote {Issues} issues ({Generic} from rules outside the catalog) to {Path}; the file holds {Total}",
            issues.Count, issues.Count(i => i.Type.StartsWith(ConfigIssueMapper.GenericTypePrefix, StringComparison.Ordinal)), run.OutPath, written.Issues.Count);
    }

    /// <summary>The evaluations read, and what the run could not read (empty when it is complete).</summary>
    private sealed record AwsConfigRead(IReadOnlyList<ConfigEvaluation> Evaluations, IReadOnlyList<string> Missing);
}
