using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;

namespace CloudPI.Aws;

/// <summary>The regions a --regions value names.</summary>
public static class AwsRegions
{
    public const string All = "all";

    /// <summary>The EC2 endpoint override of the SDK-wide scheme (emulators).</summary>
    public const string Ec2EndpointVariable = "AWS_ENDPOINT_URL_EC2";

    /// <summary>The opt-in states of a region the account can call: enabled by default, or opted in.</summary>
    private static readonly HashSet<string> EnabledOptInStates = new(StringComparer.Ordinal) { "opt-in-not-required", "opted-in" };

    public static bool IsAll(string? regions) => string.Equals(regions?.Trim(), All, StringComparison.OrdinalIgnoreCase);

    /// <summary>A comma-separated list of names, deduplicated in order; empty gives the home region.</summary>
    public static IReadOnlyList<RegionEndpoint> Parse(string? regions, RegionEndpoint homeRegion)
    {
        ArgumentNullException.ThrowIfNull(homeRegion);
        if (string.IsNullOrWhiteSpace(regions))
        {
            return [homeRegion];
        }

        return regions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Select(RegionEndpoint.GetBySystemName)
            .ToList();
    }

    /// <summary>
    /// The regions the account has enabled, in the home region's partition, ordered by name: EC2 DescribeRegions
    /// (which without AllRegions lists only those; the opt-in state is checked too, because emulators list them all).
    /// </summary>
    public static async Task<IReadOnlyList<RegionEndpoint>> ListEnabledAsync(AWSCredentials credentials, RegionEndpoint homeRegion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(homeRegion);
        using var ec2 = new AmazonEC2Client(credentials, SdkEndpoints.ForRegion(new AmazonEC2Config(), homeRegion, Ec2EndpointVariable));
        var response = await ec2.DescribeRegionsAsync(new DescribeRegionsRequest { AllRegions = false }, cancellationToken).ConfigureAwait(false);
        return (response.Regions ?? [])
            .Where(region => region.OptInStatus is null || EnabledOptInStates.Contains(region.OptInStatus))
            .Select(region => RegionEndpoint.GetBySystemName(region.RegionName))
            .Where(region => region.PartitionName == homeRegion.PartitionName)
            .OrderBy(region => region.SystemName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Every region AWSSDK.Core knows in the home region's partition, ordered by name: the SDK's list, not the
    /// account's, so an opt-in region the account has not enabled is among them (and fails when called).
    /// </summary>
    public static IReadOnlyList<RegionEndpoint> KnownToSdk(RegionEndpoint homeRegion)
    {
        ArgumentNullException.ThrowIfNull(homeRegion);
        return RegionEndpoint.EnumerableAllRegions
            .Where(r => r.PartitionName == homeRegion.PartitionName)
            .OrderBy(r => r.SystemName, StringComparer.Ordinal)
            .ToList();
    }
}
