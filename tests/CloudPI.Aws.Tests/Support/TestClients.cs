using Amazon;
using Amazon.Runtime;

namespace CloudPI.Aws.Tests.Support;

internal static class TestClients
{
    /// <summary>Retries as in production, with back-off short enough for tests.</summary>
    public static readonly AwsRetryOptions FastRetry = new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    public static AwsConfigClient For(Uri endpoint, string region = "eu-west-1") => new(Options(endpoint, region));

    public static AwsConfigClientOptions Options(Uri endpoint, string region = "eu-west-1") => new()
    {
        Credentials = new BasicAWSCredentials("AKIDTEST", "secret"),
        Region = RegionEndpoint.GetBySystemName(region),
        EndpointUrl = endpoint,
        Retry = FastRetry,
    };
}
