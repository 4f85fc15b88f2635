using Amazon;
using Amazon.Runtime;

namespace CloudPI.Aws;

/// <summary>
/// The SDK-wide endpoint overrides (emulators such as moto): a service's own variable, then AWS_ENDPOINT_URL.
/// An overridden endpoint still signs for the real region.
/// </summary>
public static class SdkEndpoints
{
    /// <summary>The override for every service.</summary>
    public const string GlobalVariable = "AWS_ENDPOINT_URL";

    /// <summary>Sets <paramref name="config"/> to the override of <paramref name="serviceVariable"/> (e.g. AWS_ENDPOINT_URL_EC2), else to the region's endpoint.</summary>
    public static TConfig ForRegion<TConfig>(TConfig config, RegionEndpoint region, string serviceVariable)
        where TConfig : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(region);
        // ServiceURL and RegionEndpoint exclude each other.
        if (Override(serviceVariable, Environment.GetEnvironmentVariable) is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region.SystemName;
        }
        else
        {
            config.RegionEndpoint = region;
        }

        return config;
    }

    internal static string? Override(string serviceVariable, Func<string, string?> environment) =>
        NonEmpty(environment(serviceVariable)) ?? NonEmpty(environment(GlobalVariable));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
