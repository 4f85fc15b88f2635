using Amazon;
using Amazon.Runtime;

namespace CloudPI.Aws;

/// <summary>How one <see cref="AwsConfigClient"/> reaches one region.</summary>
public sealed record AwsConfigClientOptions
{
    public required AWSCredentials Credentials { get; init; }

    /// <summary>The region called and signed for, also when <see cref="EndpointUrl"/> points elsewhere.</summary>
    public required RegionEndpoint Region { get; init; }

    /// <summary>Overrides the endpoint (emulators); see <see cref="ConfigEndpoint.Resolve(RegionEndpoint, Uri?)"/> for the environment overrides.</summary>
    public Uri? EndpointUrl { get; init; }

    public AwsRetryOptions Retry { get; init; } = new();

    /// <summary>Time-out of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The innermost handler (owned and disposed by the client); null uses a <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Pins the signing time (golden-vector tests); null uses the SDK's clock-skew-corrected time.</summary>
    public TimeProvider? SigningClock { get; init; }
}
