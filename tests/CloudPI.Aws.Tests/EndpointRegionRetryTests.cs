using Amazon;
using CloudPI.Aws.Transport;

namespace CloudPI.Aws.Tests;

public sealed class EndpointRegionRetryTests
{
    private static readonly Uri Explicit = new("http://127.0.0.1:4566/");

    [Theory]
    [InlineData("us-east-1", "https://config.us-east-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://config.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://config.us-gov-west-1.amazonaws.com/")]
    public void The_default_endpoint_uses_the_partition_DNS_suffix(string region, string expected)
    {
        Assert.Equal(new Uri(expected), ConfigEndpoint.Resolve(RegionEndpoint.GetBySystemName(region), null, _ => null));
    }

    [Fact]
    public void Overrides_apply_in_order_explicit_then_service_variable_then_global_variable()
    {
        var both = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_CONFIG_SERVICE"] = "http://127.0.0.1:5001",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5002",
        };
        var globalOnly = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5002" };

        Assert.Equal(Explicit, ConfigEndpoint.Resolve(RegionEndpoint.EUWest1, Explicit, both.GetValueOrDefault));
        Assert.Equal(new Uri("http://127.0.0.1:5001/"), ConfigEndpoint.Resolve(RegionEndpoint.EUWest1, null, both.GetValueOrDefault));
        Assert.Equal(new Uri("http://127.0.0.1:5002/"), ConfigEndpoint.Resolve(RegionEndpoint.EUWest1, null, globalOnly.GetValueOrDefault));
    }

    [Fact]
    public void The_SDK_regions_are_those_of_the_home_partition()
    {
        var commercial = AwsRegions.KnownToSdk(RegionEndpoint.USEast1).Select(r => r.SystemName).ToList();
        var china = AwsRegions.KnownToSdk(RegionEndpoint.CNNorth1).Select(r => r.SystemName).ToList();

        Assert.Contains("eu-west-1", commercial);
        Assert.DoesNotContain("cn-north-1", commercial);
        Assert.DoesNotContain("us-gov-west-1", commercial);
        Assert.Equal(["cn-north-1", "cn-northwest-1"], china);
    }

    [Fact]
    public void A_region_list_is_split_and_deduplicated_and_empty_means_the_home_region()
    {
        Assert.Equal(["eu-west-1", "us-east-2"], AwsRegions.Parse(" eu-west-1, us-east-2,eu-west-1 ", RegionEndpoint.USEast1).Select(r => r.SystemName));
        Assert.Equal([RegionEndpoint.USEast1], AwsRegions.Parse(null, RegionEndpoint.USEast1));
        Assert.True(AwsRegions.IsAll(" ALL "));
    }

    [Fact]
    public void Back_off_is_full_jitter_under_an_exponential_ceiling_capped_at_the_maximum()
    {
        var retry = new AwsRetryStrategy(new AwsRetryOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(20) });

        for (var sample = 0; sample < 200; sample++)
        {
            Assert.InRange(retry.BackoffBefore(1), TimeSpan.Zero, TimeSpan.FromSeconds(1));
            Assert.InRange(retry.BackoffBefore(3), TimeSpan.Zero, TimeSpan.FromSeconds(4));
            Assert.InRange(retry.BackoffBefore(10), TimeSpan.Zero, TimeSpan.FromSeconds(20));
        }
    }

    [Fact]
    public async Task A_session_never_prints_its_secrets()
    {
        var session = new AwsSession(new Amazon.Runtime.BasicAWSCredentials("AKIDSECRETID", "very-secret-key"), RegionEndpoint.EUWest1);
        var text = session.ToString();

        Assert.DoesNotContain("very-secret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDSECRETID", text, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", text, StringComparison.Ordinal);
        Assert.Equal("AKIDSECRETID", (await session.Credentials.GetCredentialsAsync()).AccessKey);
    }
}
