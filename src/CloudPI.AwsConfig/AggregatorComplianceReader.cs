using CloudPI.Aws;
using Serilog;

namespace CloudPI.AwsConfig;

/// <summary>
/// Reads the NON_COMPLIANT evaluations of every account and region an organisation aggregator collects:
/// DescribeAggregateComplianceByConfigRules (NON_COMPLIANT), then GetAggregateComplianceDetailsByConfigRule per
/// (rule, account, region), at most <c>concurrency</c> at once. The aggregator does not describe rules, so they are
/// matched by name (renamed rules included); resources whose ARN cannot be built keep the fallback target.
/// </summary>
public sealed class AggregatorComplianceReader(ControlScope scope, int concurrency, ILogger log)
{
    /// <summary>Results per page: the API's maximum.</summary>
    private const int PageSize = 100;

    private readonly ControlScope _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    private readonly ILogger _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <param name="client">A client in the aggregator's own account and region.</param>
    public async Task<IReadOnlyList<ConfigEvaluation>> ReadAsync(IAwsConfigClient client, string aggregatorName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var summary = new DescribeAggregateComplianceByConfigRulesRequest
        {
            ConfigurationAggregatorName = aggregatorName,
            Filters = new ConfigRuleComplianceFilters { ComplianceType = ComplianceTypes.NonCompliant },
        };
        var listings = (await client.DescribeAllAggregateComplianceByConfigRulesAsync(summary, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r is { ConfigRuleName: not null, AccountId: not null, AwsRegion: not null } && _scope.Includes(r.ConfigRuleName, null))
            .Select(r => (Rule: r.ConfigRuleName!, Account: r.AccountId!, Region: r.AwsRegion!))
            .Distinct()
            .Order()
            .ToList();
        _log.Information("Aggregator {Aggregator}: {Count} non-compliant (rule, account, region) in scope", aggregatorName, listings.Count);

        var perListing = new IReadOnlyList<ConfigEvaluation>[listings.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, listings.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, ct) => perListing[index] = await ListAsync(client, aggregatorName, listings[index], ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        return perListing.SelectMany(evaluations => evaluations).ToList();
    }

    private static async Task<IReadOnlyList<ConfigEvaluation>> ListAsync(
        IAwsConfigClient client, string aggregatorName, (string Rule, string Account, string Region) listing, CancellationToken cancellationToken)
    {
        var request = new GetAggregateComplianceDetailsByConfigRuleRequest
        {
            ConfigurationAggregatorName = aggregatorName,
            ConfigRuleName = listing.Rule,
            AccountId = listing.Account,
            AwsRegion = listing.Region,
            ComplianceType = ComplianceTypes.NonCompliant,
            Limit = PageSize,
        };
        var results = await client.GetAllAggregateComplianceDetailsByConfigRuleAsync(request, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        return results
            .Select(r => ConfigEvaluation.FromApi(
                r.EvaluationResultIdentifier, r.ComplianceType, r.Annotation, r.ConfigRuleInvokedTime, r.ResultRecordedTime,
                r.AccountId ?? listing.Account, r.AwsRegion ?? listing.Region))
            .OfType<ConfigEvaluation>()
            .ToList();
    }
}
