using CloudPI.AwsConfig;

namespace CloudPI.Commands.Producers;

/// <summary>
/// <c>cloudpi producer awsconfig --deploy-rules</c>: recorders checked in every region before anything is written,
/// then per region: plan against the rules there, print (--dry-run) or put, and optionally start an evaluation.
/// </summary>
internal static class AwsConfigRuleDeployment
{
    public static async Task RunAsync(AwsConfigProducerSettings run, CommandContext context, CancellationToken cancellationToken)
    {
        var log = context.Logger;
        var deployer = new RuleDeployer(log);
        var rules = deployer.Deployable(run.Scope.ManagedRules(ManagedRuleData.All));
        log.Information("{Count} managed rules in scope", rules.Count);

        var lookups = new OptionalLookups(log);
        using var connection = await AwsConnectionOptions.ConnectAsync(run.Connection, lookups, cancellationToken).ConfigureAwait(false);
        lookups.Report();
        await deployer.EnsureRecordersAsync(connection.Clients, cancellationToken).ConfigureAwait(false);
        foreach (var client in connection.Clients)
        {
            var plan = await deployer.PlanAsync(client, rules, cancellationToken).ConfigureAwait(false);
            if (run.DryRun)
            {
                foreach (var line in RuleDeployer.DryRunLines(plan))
                {
                    await context.Output.WriteLineAsync(line).ConfigureAwait(false);
                }

                continue;
            }

            await deployer.ApplyAsync(client, plan, cancellationToken).ConfigureAwait(false);
            if (run.StartEvaluation)
            {
                await deployer.StartEvaluationAsync(client, plan, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
