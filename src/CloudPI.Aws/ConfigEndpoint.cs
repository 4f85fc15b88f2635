using Amazon;

namespace CloudPI.Aws;

/// <summary>Where Config calls go. Overrides only move the endpoint: requests are still signed for the real region.</summary>
public static class ConfigEndpoint
{
    /// <summary>The SDK-wide per-service override (service id "Config Service").</summary>
    public const string ServiceEndpointVariable = "AWS_ENDPOINT_URL_CONFIG_SERVICE";

    /// <summary>In order: <paramref name="explicitEndpoint"/>, $AWS_ENDPOINT_URL_CONFIG_SERVICE, $AWS_ENDPOINT_URL (<see cref="SdkEndpoints"/>), then https://config.{region}.{partition DNS suffix}/.</summary>
    public static Uri Resolve(RegionEndpoint region, Uri? explicitEndpoint = null) =>
        Resolve(region, explicitEndpoint, Environment.GetEnvironmentVariable);

    internal static Uri Resolve(RegionEndpoint region, Uri? explicitEndpoint, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (explicitEndpoint is not null)
        {
            return explicitEndpoint;
        }

        var fromEnvironment = SdkEndpoints.Override(ServiceEndpointVariable, environment);
        if (fromEnvironment is not null)
        {
            return Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var overridden)
                ? overridden
                : throw new ArgumentException($"The endpoint override '{fromEnvironment}' is not an absolute URL");
        }

        return new Uri($"https://config.{region.SystemName}.{region.PartitionDnsSuffix}/");
    }
}
