using Amazon;

namespace CloudPI.Aws;

/// <summary>Expands a --regions value into the regions to scan.</summary>
public static class AwsRegions
{
    public const string All = "all";

    /// <summary>
    /// "all" gives every region AWSSDK.Core knows in the home region's partition (RegionEndpoint.EnumerableAllRegions
    /// filtered by PartitionName), ordered by name. That is the SDK's list, not the account's: an opt-in region the
    /// account has not enabled answers with UnrecognizedClientException. Otherwise a comma-separated list of names;
    /// empty gives the home region.
    /// </summary>
    public static IReadOnlyList<RegionEndpoint> Expand(string? regions, RegionEndpoint homeRegion)
    {
        ArgumentNullException.ThrowIfNull(homeRegion);
        if (string.IsNullOrWhiteSpace(regions))
        {
            return [homeRegion];
        }

        if (string.Equals(regions.Trim(), All, StringComparison.OrdinalIgnoreCase))
        {
            return RegionEndpoint.EnumerableAllRegions
                .Where(r => r.PartitionName == homeRegion.PartitionName)
                .OrderBy(r => r.SystemName, StringComparer.Ordinal)
                .ToList();
        }

        return regions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Select(RegionEndpoint.GetBySystemName)
            .ToList();
    }
}
