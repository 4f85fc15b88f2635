using System.Collections.Concurrent;
using Amazon.Runtime;
using CloudPI.Aws;
using Serilog;

namespace CloudPI.AwsConfig;

/// <summary>A call that only improves the findings (ARNs, rule identifiers, the account), with what is lost without it.</summary>
public sealed record OptionalLookup(string Permission, string WithoutIt);

/// <summary>
/// Runs a run's optional lookups: everything but the compliance listing itself. A lookup that fails (denied,
/// throttled past the retry budget, not offered by the endpoint, unreachable) degrades what the findings carry and
/// never loses one. <see cref="Report"/> warns once per failed lookup, naming its permission and the regions.
/// </summary>
public sealed class OptionalLookups(ILogger log)
{
    private readonly ILogger _log = log ?? throw new ArgumentNullException(nameof(log));
    private readonly ConcurrentDictionary<OptionalLookup, ConcurrentDictionary<string, string>> _failures = new();

    /// <summary>The lookup's result, or null when it failed (recorded for <see cref="Report"/>).</summary>
    public async Task<T?> TryAsync<T>(OptionalLookup lookup, string region, Func<Task<T>> call)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        T? result = null;
        await TryAsync(lookup, region, async () => { result = await call().ConfigureAwait(false); }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs <paramref name="call"/>; false when it failed (recorded for <see cref="Report"/>). What it did before failing stays done.</summary>
    public async Task<bool> TryAsync(OptionalLookup lookup, string region, Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is AwsConfigException or AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            _failures.GetOrAdd(lookup, _ => new(StringComparer.Ordinal)).TryAdd(region, Reason(error));
            _log.Debug(error, "{Region}: optional lookup {Permission} failed", region, lookup.Permission);
            return false;
        }
    }

    /// <summary>One warning per failed lookup: the permission, the regions, the first reason and what the findings lack.</summary>
    public void Report()
    {
        foreach (var (lookup, regions) in _failures.OrderBy(f => f.Key.Permission, StringComparer.Ordinal))
        {
            var ordered = regions.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            _log.Warning("{Permission} failed in {Regions} ({Reason}): {WithoutIt}; every finding is still written",
                lookup.Permission, string.Join(", ", ordered.Select(r => r.Key)), ordered[0].Value, lookup.WithoutIt);
        }
    }

    private static string Reason(Exception error) => error switch
    {
        AwsConfigException { ServiceMessage: { } message } aws => $"{aws.ErrorCode}: {message}",
        AmazonServiceException service => $"{service.ErrorCode}: {service.Message}",
        _ => error.Message,
    };
}
