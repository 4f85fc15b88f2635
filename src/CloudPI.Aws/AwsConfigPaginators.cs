using System.Runtime.CompilerServices;

namespace CloudPI.Aws;

/// <summary>
/// Listings that follow NextToken until it is absent or empty, including empty pages that still carry a token
/// (DescribeAggregateComplianceByConfigRules returns those). Pages are fetched one after another: Config's TPS is low.
/// </summary>
public static class AwsConfigPaginators
{
    /// <summary>The most keys BatchGetResourceConfig accepts per call.</summary>
    public const int MaxResourceKeysPerCall = 100;

    /// <summary>Rounds in a row in which every sent key comes back unprocessed before giving up.</summary>
    private const int MaxStalledRounds = 3;

    public static IAsyncEnumerable<ConfigRule> DescribeAllConfigRulesAsync(
        this IAwsConfigClient client, DescribeConfigRulesRequest request, CancellationToken cancellationToken = default) =>
        FollowAsync(request.NextToken, (token, ct) => client.DescribeConfigRulesAsync(request with { NextToken = token }, ct),
            page => page.ConfigRules, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<ComplianceByConfigRule> DescribeAllComplianceByConfigRuleAsync(
        this IAwsConfigClient client, DescribeComplianceByConfigRuleRequest request, CancellationToken cancellationToken = default) =>
        FollowAsync(request.NextToken, (token, ct) => client.DescribeComplianceByConfigRuleAsync(request with { NextToken = token }, ct),
            page => page.ComplianceByConfigRules, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<EvaluationResult> GetAllComplianceDetailsByConfigRuleAsync(
        this IAwsConfigClient client, GetComplianceDetailsByConfigRuleRequest request, CancellationToken cancellationToken = default) =>
        FollowAsync(request.NextToken, (token, ct) => client.GetComplianceDetailsByConfigRuleAsync(request with { NextToken = token }, ct),
            page => page.EvaluationResults, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<ConfigurationAggregator> DescribeAllConfigurationAggregatorsAsync(
        this IAwsConfigClient client, DescribeConfigurationAggregatorsRequest request, CancellationToken cancellationToken = default) =>
        FollowAsync(request.NextToken, (token, ct) => client.DescribeConfigurationAggregatorsAsync(request with { NextToken = token }, ct),
            page => page.ConfigurationAggregators, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<AggregateComplianceByConfigRule> DescribeAllAggregateComplianceByConfigRulesAsync(
        this IAwsConfigClient client, DescribeAggregateComplianceByConfigRulesRequest request, CancellationToken cancellationToken = default) =>
        FollowAsync(request.NextToken, (token, ct) => client.DescribeAggregateComplianceByConfigRulesAsync(request with { NextToken = token }, ct),
            page => page.AggregateComplianceByConfigRules, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<AggregateEvaluationResult> GetAllAggregateComplianceDetailsByConfigRuleAsync(
        this IAwsConfigClient client, GetAggregateComplianceDetailsByConfigRuleRequest request, CancellationToken cancellationToken = default) =>
        FollowAsync(request.NextToken, (token, ct) => client.GetAggregateComplianceDetailsByConfigRuleAsync(request with { NextToken = token }, ct),
            page => page.AggregateEvaluationResults, page => page.NextToken, cancellationToken);

    /// <summary>Gets any number of resources in calls of at most 100 keys, resending the keys the service left unprocessed.</summary>
    public static async IAsyncEnumerable<BaseConfigurationItem> BatchGetAllResourceConfigsAsync(
        this IAwsConfigClient client, IEnumerable<ResourceKey> keys, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chunk in keys.Chunk(MaxResourceKeysPerCall))
        {
            IReadOnlyList<ResourceKey> pending = chunk;
            var stalledRounds = 0;
            while (pending.Count > 0)
            {
                var response = await client.BatchGetResourceConfigAsync(new BatchGetResourceConfigRequest { ResourceKeys = pending }, cancellationToken).ConfigureAwait(false);
                foreach (var item in response.BaseConfigurationItems)
                {
                    yield return item;
                }

                stalledRounds = response.UnprocessedResourceKeys.Count >= pending.Count ? stalledRounds + 1 : 0;
                if (stalledRounds == MaxStalledRounds)
                {
                    throw new AwsConfigException(
                        $"BatchGetResourceConfig left all {pending.Count} keys unprocessed {MaxStalledRounds} times in a row in {client.Region}",
                        AwsConfigErrorKind.Transient, "UnprocessedResourceKeys", "BatchGetResourceConfig", client.Region);
                }

                pending = response.UnprocessedResourceKeys;
            }
        }
    }

    private static async IAsyncEnumerable<TItem> FollowAsync<TPage, TItem>(
        string? firstToken,
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>> itemsOf,
        Func<TPage, string?> nextTokenOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = firstToken;
        do
        {
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in itemsOf(page))
            {
                yield return item;
            }

            token = nextTokenOf(page);
        }
        while (!string.IsNullOrEmpty(token));
    }
}
