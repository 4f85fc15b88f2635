using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace CloudPI.Aws;

/// <summary>What to authenticate as: the standard AWS chain, optionally a named profile and a role to assume.</summary>
public sealed record AwsSessionOptions
{
    /// <summary>A profile of ~/.aws/config or ~/.aws/credentials; null uses the default chain (which honours AWS_PROFILE).</summary>
    public string? Profile { get; init; }

    /// <summary>The home region; null falls back to AWS_REGION, AWS_DEFAULT_REGION, the profile, then IMDS.</summary>
    public string? Region { get; init; }

    /// <summary>A role to assume with the resolved credentials (--role-arn).</summary>
    public string? RoleArn { get; init; }

    public string? ExternalId { get; init; }

    /// <summary>Defaults to cloudpi-&lt;unix seconds&gt;.</summary>
    public string? RoleSessionName { get; init; }
}

/// <summary>Resolved credentials and home region. ToString never shows secrets.</summary>
public sealed record AwsSession(AWSCredentials Credentials, RegionEndpoint Region)
{
    /// <summary>Resolves credentials through AWSSDK.Core (environment, web identity, profile incl. SSO and role_arn,
    /// container, IMDS), then assumes <see cref="AwsSessionOptions.RoleArn"/> if given. STS calls honour
    /// AWS_ENDPOINT_URL_STS. Temporary credentials are fetched and refreshed by AWSSDK.Core when requests are signed.</summary>
    public static async Task<AwsSession> CreateAsync(AwsSessionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var region = ResolveRegion(options);
        var credentials = options.Profile is null ? await DefaultCredentialsAsync(cancellationToken).ConfigureAwait(false) : ProfileCredentials(options.Profile);
        if (options.RoleArn is not null)
        {
            var sessionName = options.RoleSessionName ?? $"cloudpi-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}";
            credentials = new AssumeRoleAWSCredentials(credentials, options.RoleArn, sessionName, new AssumeRoleAWSCredentialsOptions { ExternalId = options.ExternalId });
        }

        return new AwsSession(credentials, region);
    }

    public override string ToString() => $"AwsSession {{ Credentials = {Credentials.GetType().Name}, Region = {Region.SystemName} }}";

    private static RegionEndpoint ResolveRegion(AwsSessionOptions options)
    {
        if (options.Region is not null)
        {
            return RegionEndpoint.GetBySystemName(options.Region);
        }

        if (options.Profile is not null && new CredentialProfileStoreChain().TryGetProfile(options.Profile, out var profile) && profile.Region is not null)
        {
            return profile.Region;
        }

        return FallbackRegionFactory.GetRegionEndpoint()
            ?? throw new InvalidOperationException("No AWS region: pass --region, or set AWS_REGION or a region in the AWS profile");
    }

    /// <summary>The SDK's shared resolver caches the chain's result and notices changed variables and files.</summary>
    private static Task<AWSCredentials> DefaultCredentialsAsync(CancellationToken cancellationToken) =>
        DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().WaitAsync(cancellationToken);

    private static AWSCredentials ProfileCredentials(string profile) =>
        new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : throw new InvalidOperationException($"AWS profile '{profile}' not found in ~/.aws/config or ~/.aws/credentials");
}
