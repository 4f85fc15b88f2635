using System.CommandLine;
using CloudPI.Dracon.Producers;
using CloudPI.Producers.AwsConfig;
using Serilog;

namespace CloudPI.Commands.Producers;

/// <summary>
/// <c>cloudpi producer awsconfig</c>: writes one Dracon issue per NON_COMPLIANT (rule, resource) that AWS Config
/// reports, read from the account (live), an organisation aggregator (<c>--aggregator</c>) or CLI output on disk
/// (<c>-in</c>); or, with <c>--deploy-rules</c>, deploys the catalog's managed rules.
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
        command.SetHandler(async (parseResult, context, cancellationToken) =>
        {
            var run = options.Resolve(parseResult);
            if (run.DeployRules)
            {
                await AwsConfigRuleDeployment.RunAsync(parseResult, options, run, context, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var evaluations = run.Inputs.Count > 0
                ? ReadFiles(parseResult, options, run, context.Logger)
                : await ReadLiveAsync(parseResult, options, run, context.Logger, cancellationToken).ConfigureAwait(false);
            Write(evaluations, run, context.Logger);
            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<ConfigEvaluation> ReadFiles(ParseResult parseResult, AwsConfigProducerOptions options, AwsConfigRun run, ILogger log)
    {
        var region = options.Connection.SingleRegion(parseResult);
        if (run.AccountId is null || region is null)
        {
            log.Warning("Without --account-id and --region, single-account results get no ARN: their target is type/id");
        }

        var evaluations = ComplianceFile.ReadAll(run.Inputs, run.AccountId, region);
        log.Information("Read {Count} evaluations from {Files} files", evaluations.Count, run.Inputs.Count);
        return evaluations.Where(e => run.Scope.Includes(e.ConfigRuleName, e.RuleSource)).ToList();
    }

    private static async Task<IReadOnlyList<ConfigEvaluation>> ReadLiveAsync(
        ParseResult parseResult, AwsConfigProducerOptions options, AwsConfigRun run, ILogger log, CancellationToken cancellationToken)
    {
        using var connection = await options.Connection.ConnectAsync(parseResult, cancellationToken).ConfigureAwait(false);
        if (run.Aggregator is { } aggregator)
        {
            var client = connection.HomeClient;
            log.Information("Reading aggregator {Aggregator} in {Region}", aggregator, client.Region);
            return await new AggregatorComplianceReader(run.Scope, run.Concurrency, log).ReadAsync(client, aggregator, cancellationToken).ConfigureAwait(false);
        }

        var account = run.AccountId
            ?? await CallerAccount.ResolveAsync(connection.Session.Credentials, connection.HomeRegion, cancellationToken).ConfigureAwait(false);
        log.Information("Reading account {Account} in {Regions} regions", account, connection.Clients.Count);
        return await new AccountComplianceReader(run.Scope, run.Concurrency, log).ReadAsync(connection.Clients, account, cancellationToken).ConfigureAwait(false);
    }

    private static void Write(IReadOnlyList<ConfigEvaluation> evaluations, AwsConfigRun run, ILogger log)
    {
        var issues = new ConfigIssueMapper(run.Scope.Rules).Map(evaluations);
        var written = new ProducerWriter().Write(ConfigIssueMapper.ToolName, issues, run.OutPath!, run.Append);
        log.Information("Wrote {Issues} issues ({Generic} from rules outside the catalog) to {Path}; the file holds {Total}",
            issues.Count, issues.Count(i => i.Type.StartsWith(ConfigIssueMapper.GenericTypePrefix, StringComparison.Ordinal)), run.OutPath, written.Issues.Count);
    }
}
