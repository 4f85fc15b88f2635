using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using CloudPI.Aws;

namespace CloudPI.AwsConfig;

/// <summary>The account the credentials belong to (STS GetCallerIdentity, which needs no permission): ARNs need it.</summary>
public static class CallerAccount
{
    /// <summary>The STS endpoint override of the SDK-wide scheme (emulators).</summary>
    public const string StsEndpointVariable = "AWS_ENDPOINT_URL_STS";

    /// <summary>Optional: without the account, ARNs cannot be built and targets take the fallback form.</summary>
    public static readonly OptionalLookup Lookup = new("sts:GetCallerIdentity", "no ARN can be built, targets take the Type/id/region form; give --account-id");

    public static async Task<string> ResolveAsync(AWSCredentials credentials, RegionEndpoint region, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(region);
        using var sts = new AmazonSecurityTokenServiceClient(credentials, SdkEndpoints.ForRegion(new AmazonSecurityTokenServiceConfig(), region, StsEndpointVariable));
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
        return identity.Account;
    }
}
