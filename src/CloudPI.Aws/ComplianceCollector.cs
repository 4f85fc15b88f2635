namespace CloudPI.Aws;

/// <summary>A NON_COMPLIANT evaluation and the region it was read from.</summary>
public sealed record RegionalEvaluation(string Region, EvaluationResult Result);

/// <summary>A rule name that does not exist in a region (rules are often deployed to some regions only).</summary>
public sealed record MissingRule(string Region, string ConfigRuleName);

public sealed record ComplianceCollection(IReadOnlyList<RegionalEvaluation> Evaluations, IReadOnlyList<MissingRule> MissingRules);

/// <summary>
/// Lists the NON_COMPLIANT evaluation results of rules across regions, one (region, rule) listing per task, with at
/// most <paramref name="maxConcurrency"/> listings in flight. Results keep a stable order: by region, then rule, then
/// page order. Config's TPS is low; throttled calls are retried by the client.
/// </summary>
public sealed class ComplianceCollector(int maxConcurrency)
{
    /// <summary>Results per page: the API's maximum.</summary>
    private const int PageSize = 100;

    private readonly int _maxConcurrency = maxConcurrency > 0
        ? maxConcurrency
        : throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "must be at least 1");

    /// <param name="regionalClients">One client per region to read (the caller owns them).</param>
    /// <param name="configRuleNames">The rules to read in every region.</param>
    public async Task<ComplianceCollection> CollectNonCompliantAsync(
        IEnumerable<IAwsConfigClient> regionalClients, IReadOnlyCollection<string> configRuleNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regionalClients);
        ArgumentNullException.ThrowIfNull(configRuleNames);
        var listings = regionalClients.OrderBy(client => client.Region, StringComparer.Ordinal)
            .SelectMany(client => configRuleNames.Select(rule => (Client: client, Rule: rule)))
            .ToArray();
        var outcomes = new ListingOutcome[listings.Length];

        await Parallel.ForEachAsync(
            Enumerable.Range(0, listings.Length),
            new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrency, CancellationToken = cancellationToken },
            async (index, ct) => outcomes[index] = await ListNonCompliantAsync(listings[index].Client, listings[index].Rule, ct).ConfigureAwait(false))
            .ConfigureAwait(false);

        return new ComplianceCollection(
            outcomes.SelectMany(outcome => outcome.Evaluations).ToList(),
            outcomes.Where(outcome => outcome.Missing is not null).Select(outcome => outcome.Missing!).ToList());
    }

    private static async Task<ListingOutcome> ListNonCompliantAsync(IAwsConfigClient client, string ruleName, CancellationToken cancellationToken)
    {
        var request = new GetComplianceDetailsByConfigRuleRequest
        {
            ConfigRuleName = ruleName,
            ComplianceTypes = [ComplianceTypes.NonCompliant],
            Limit = PageSize,
        };
        var evaluations = new List<RegionalEvaluation>();
        try
        {
            await foreach (var result in client.GetAllComplianceDetailsByConfigRuleAsync(request, cancellationToken).ConfigureAwait(false))
            {
                evaluations.Add(new RegionalEvaluation(client.Region, result));
            }
        }
        catch (AwsConfigException error) when (error.ErrorCode == "NoSuchConfigRuleException")
        {
            return new ListingOutcome([], new MissingRule(client.Region, ruleName));
        }

        return new ListingOutcome(evaluations, null);
    }

    private sealed record ListingOutcome(IReadOnlyList<RegionalEvaluation> Evaluations, MissingRule? Missing);
}
