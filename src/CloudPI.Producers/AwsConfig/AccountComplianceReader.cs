using CloudPI.Aws;
using Serilog;

namespace CloudPI.Producers.AwsConfig;

/// <summary>
/// Reads the NON_COMPLIANT evaluations of one account, region by region: DescribeConfigRules, keep the rules in
/// scope (matched by managed-rule identifier), list their NON_COMPLIANT results, then ask Config for the ARNs that
/// cannot be built from type and id (BatchGetResourceConfig; RDS instances are reported by DbiResourceId).
/// Config's rate limits are per account and region, so regions run side by side, each with at most
/// <c>concurrency</c> listings in flight, and at most <c>concurrency</c> regions at once.
/// </summary>
public sealed class AccountComplianceReader(ControlScope scope, int concurrency, ILogger log)
{
    private readonly ControlScope _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    private readonly ComplianceCollector _collector = new(concurrency);
    private readonly ILogger _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <param name="regionalClients">One client per region (the caller owns them).</param>
    public async Task<IReadOnlyList<ConfigEvaluation>> ReadAsync(
        IReadOnlyList<IAwsConfigClient> regionalClients, string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regionalClients);
        var ordered = regionalClients.OrderBy(c => c.Region, StringComparer.Ordinal).ToList();
        var perRegion = new IReadOnlyList<ConfigEvaluation>[ordered.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ordered.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, ct) => perRegion[index] = await ReadRegionAsync(ordered[index], accountId, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        return perRegion.SelectMany(evaluations => evaluations).ToList();
    }

    private async Task<IReadOnlyList<ConfigEvaluation>> ReadRegionAsync(IAwsConfigClient client, string accountId, CancellationToken cancellationToken)
    {
        var rules = await client.DescribeAllConfigRulesAsync(new DescribeConfigRulesRequest(), cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var inScope = rules
            .Where(rule => rule.ConfigRuleName is not null && _scope.Includes(rule.ConfigRuleName, rule.Source))
            .ToDictionary(rule => rule.ConfigRuleName!, rule => rule.Source, StringComparer.Ordinal);
        _log.Information("{Region}: {InScope} of {Rules} Config rules in scope", client.Region, inScope.Count, rules.Count);
        if (inScope.Count == 0)
        {
            return [];
        }

        var collection = await _collector.CollectNonCompliantAsync([client], inScope.Keys.Order(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var missing in collection.MissingRules)
        {
            _log.Warning("{Region}: rule {Rule} disappeared while reading it", missing.Region, missing.ConfigRuleName);
        }

        var evaluations = collection.Evaluations
            .Select(e => ConfigEvaluation.FromApi(
                e.Result.EvaluationResultIdentifier, e.Result.ComplianceType, e.Result.Annotation,
                e.Result.ConfigRuleInvokedTime, e.Result.ResultRecordedTime, accountId, e.Region))
            .OfType<ConfigEvaluation>()
            .Select(e => e with { RuleSource = inScope[e.ConfigRuleName] })
            .ToList();
        _log.Information("{Region}: {Count} NON_COMPLIANT evaluations", client.Region, evaluations.Count);
        return await WithReportedArnsAsync(client, evaluations, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ConfigEvaluation>> WithReportedArnsAsync(
        IAwsConfigClient client, IReadOnlyList<ConfigEvaluation> evaluations, CancellationToken cancellationToken)
    {
        var keys = evaluations
            .Where(e => AwsResourceArn.TryBuild(e.ResourceType, e.ResourceId, e.Region, e.AccountId) is null)
            .Select(e => new ResourceKey { ResourceType = e.ResourceType, ResourceId = e.ResourceId })
            .Distinct()
            .ToList();
        if (keys.Count == 0)
        {
            return evaluations;
        }

        var arns = new Dictionary<(string, string), string>();
        await foreach (var item in client.BatchGetAllResourceConfigsAsync(keys, cancellationToken).ConfigureAwait(false))
        {
            if (item is { ResourceType: not null, ResourceId: not null, Arn: not null })
            {
                arns[(item.ResourceType, item.ResourceId)] = item.Arn;
            }
        }

        _log.Information("{Region}: Config reported {Found} of {Wanted} ARNs that cannot be built from the resource id", client.Region, arns.Count, keys.Count);
        return evaluations
            .Select(e => arns.TryGetValue((e.ResourceType, e.ResourceId), out var arn) ? e with { ReportedArn = arn } : e)
            .ToList();
    }
}
