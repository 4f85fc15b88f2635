using CloudPI.Aws;
using Serilog;

namespace CloudPI.AwsConfig;

/// <summary>A region whose compliance listing failed: its findings are missing from the run.</summary>
public sealed record RegionFailure(string Region, AwsConfigException Error);

/// <summary>The evaluations of the regions that were read, and the regions that could not be.</summary>
public sealed record AccountRead(IReadOnlyList<ConfigEvaluation> Evaluations, IReadOnlyList<RegionFailure> FailedRegions);

/// <summary>
/// Reads the NON_COMPLIANT evaluations of one account, region by region. Only the compliance listing is essential:
/// DescribeComplianceByConfigRule (which rules have NON_COMPLIANT results) and GetComplianceDetailsByConfigRule (their
/// results). DescribeConfigRules (managed-rule identifiers) and BatchGetResourceConfig (ARNs that cannot be built,
/// such as RDS instances reported by DbiResourceId) are <see cref="OptionalLookups"/>. A region whose listing fails
/// is reported and the other regions are still read. Config's rate limits are per account and region, so regions
/// run side by side, each with at most <c>concurrency</c> listings in flight, and at most <c>concurrency</c> regions at once.
/// </summary>
public sealed class AccountComplianceReader(ControlScope scope, int concurrency, OptionalLookups lookups, ILogger log)
{
    public static readonly OptionalLookup RuleSources = new(
        "config:DescribeConfigRules", "rules are matched to controls by name, so a renamed rule the catalog does not recognise is reported generically");

    public static readonly OptionalLookup ResourceArns = new(
        "config:BatchGetResourceConfig", "resources whose ARN cannot be built from Config's id (RDS instances) keep the Type/id@account/region target");

    private readonly ControlScope _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    private readonly ComplianceCollector _collector = new(concurrency);
    private readonly OptionalLookups _lookups = lookups ?? throw new ArgumentNullException(nameof(lookups));
    private readonly ILogger _log = log ?? throw new ArgumentNullException(nameof(log));

    /// <param name="regionalClients">One client per region (the caller owns them).</param>
    /// <param name="accountId">The account, for ARNs; null when it could not be resolved.</param>
    public async Task<AccountRead> ReadAsync(
        IReadOnlyList<IAwsConfigClient> regionalClients, string? accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(regionalClients);
        var ordered = regionalClients.OrderBy(c => c.Region, StringComparer.Ordinal).ToList();
        var perRegion = new (IReadOnlyList<ConfigEvaluation> Evaluations, RegionFailure? Failure)[ordered.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ordered.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (index, ct) => perRegion[index] = await ReadRegionAsync(ordered[index], accountId, ct).ConfigureAwait(false))
            .ConfigureAwait(false);
        return new AccountRead(
            perRegion.SelectMany(region => region.Evaluations).ToList(),
            perRegion.Select(region => region.Failure).OfType<RegionFailure>().ToList());
    }

    private async Task<(IReadOnlyList<ConfigEvaluation>, RegionFailure?)> ReadRegionAsync(IAwsConfigClient client, string? accountId, CancellationToken cancellationToken)
    {
        try
        {
            return (await ListRegionAsync(client, accountId, cancellationToken).ConfigureAwait(false), null);
        }
        catch (AwsConfigException error)
        {
            // An opt-in region not enabled, an unreachable endpoint, a denied listing: this region only.
            _log.Warning("{Region}: not read, its findings are missing from this run: {Error}", client.Region, error.Message);
            return ([], new RegionFailure(client.Region, error));
        }
    }

    private async Task<IReadOnlyList<ConfigEvaluation>> ListRegionAsync(IAwsConfigClient client, string? accountId, CancellationToken cancellationToken)
    {
        var nonCompliantRules = await client
            .DescribeAllComplianceByConfigRuleAsync(new DescribeComplianceByConfigRuleRequest { ComplianceTypes = [ComplianceTypes.NonCompliant] }, cancellationToken)
            .Select(rule => rule.ConfigRuleName)
            .OfType<string>()
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (nonCompliantRules.Count == 0)
        {
            _log.Information("{Region}: no Config rule reports NON_COMPLIANT resources", client.Region);
            return [];
        }

        var sources = await RuleSourcesAsync(client, cancellationToken).ConfigureAwait(false);
        var inScope = nonCompliantRules
            .Where(rule => _scope.Includes(rule, sources.GetValueOrDefault(rule)))
            .Order(StringComparer.Ordinal)
            .ToList();
        _log.Information("{Region}: {InScope} of {Rules} non-compliant Config rules in scope", client.Region, inScope.Count, nonCompliantRules.Count);
        if (inScope.Count == 0)
        {
            return [];
        }

        var collection = await _collector.CollectNonCompliantAsync([client], inScope, cancellationToken).ConfigureAwait(false);
        foreach (var missing in collection.MissingRules)
        {
            _log.Warning("{Region}: rule {Rule} disappeared while reading it", missing.Region, missing.ConfigRuleName);
        }

        var evaluations = collection.Evaluations
            .Select(e => ConfigEvaluation.FromApi(
                e.Result.EvaluationResultIdentifier, e.Result.ComplianceType, e.Result.Annotation,
                e.Result.ConfigRuleInvokedTime, e.Result.ResultRecordedTime, accountId, e.Region))
            .OfType<ConfigEvaluation>()
            .Select(e => e with { RuleSource = sources.GetValueOrDefault(e.ConfigRuleName) })
            .ToList();
        _log.Information("{Region}: {Count} NON_COMPLIANT evaluations", client.Region, evaluations.Count);
        return await WithReportedArnsAsync(client, evaluations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each rule's source (owner and managed-rule identifier); empty when DescribeConfigRules fails.</summary>
    private async Task<IReadOnlyDictionary<string, Source>> RuleSourcesAsync(IAwsConfigClient client, CancellationToken cancellationToken)
    {
        var rules = await _lookups.TryAsync(RuleSources, client.Region,
            async () => await client.DescribeAllConfigRulesAsync(new DescribeConfigRulesRequest(), cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ConfigureAwait(false);
        return (rules ?? [])
            .Where(rule => rule is { ConfigRuleName: not null, Source: not null })
            .ToDictionary(rule => rule.ConfigRuleName!, rule => rule.Source!, StringComparer.Ordinal);
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

        // The ARNs found before a failure are kept.
        var arns = new Dictionary<(string, string), string>();
        await _lookups.TryAsync(ResourceArns, client.Region, async () =>
        {
            await foreach (var item in client.BatchGetAllResourceConfigsAsync(keys, cancellationToken).ConfigureAwait(false))
            {
                if (item is { ResourceType: not null, ResourceId: not null, Arn: not null })
                {
                    arns[(item.ResourceType, item.ResourceId)] = item.Arn;
                }
            }
        }).ConfigureAwait(false);

        _log.Information("{Region}: Config reported {Found} of {Wanted} ARNs that cannot be built from the resource id", client.Region, arns.Count, keys.Count);
        return evaluations
            .Select(e => arns.TryGetValue((e.ResourceType, e.ResourceId), out var arn) ? e with { ReportedArn = arn } : e)
            .ToList();
    }
}
