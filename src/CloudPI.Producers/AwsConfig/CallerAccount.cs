using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace CloudPI.Producers.AwsConfig;

/// <summary>The account the credentials belong to (STS GetCallerIdentity, which needs no permission): ARNs need it.</summary>
public static class CallerAccount
{
    /// <summary>The SDK-wide endpoint overrides, for emulators: the STS-specific one first.</summary>
    private static readonly string[] EndpointVariables = ["AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"];

    public static async Task<string> ResolveAsync(AWSCredentials credentials, RegionEndpoint region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(region);
        using var sts = new AmazonSecurityTokenServiceClient(credentials, Configuration(region));
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
        return identity.Account;
    }

    private static AmazonSecurityTokenServiceConfig Configuration(RegionEndpoint region)
    {
        var endpoint = EndpointVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        // ServiceURL and RegionEndpoint exclude each other; with an override keep signing for the real region.
        return endpoint is null
            ? new AmazonSecurityTokenServiceConfig { RegionEndpoint = region }
            : new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint.Trim(), AuthenticationRegion = region.SystemName };
    }
}
