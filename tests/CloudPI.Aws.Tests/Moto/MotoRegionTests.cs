using Amazon;
using Amazon.Runtime;

namespace CloudPI.Aws.Tests.Moto;

/// <summary>
/// The enabled regions from EC2 DescribeRegions against moto_server, which lists every region with its opt-in state
/// (ignoring AllRegions=false, unlike AWS) and those of the other partitions too.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoRegionTests(MotoServerFixture moto) : IDisposable
{
    [MotoFact]
    public async Task The_enabled_regions_are_those_not_needing_opt_in_or_opted_in_within_the_home_partition()
    {
        Environment.SetEnvironmentVariable(AwsRegions.Ec2EndpointVariable, moto.Endpoint.ToString());

        var regions = (await AwsRegions.ListEnabledAsync(new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey), RegionEndpoint.USEast1))
            .Select(r => r.SystemName).ToList();

        Assert.Contains("eu-west-1", regions);
        Assert.Contains("us-east-1", regions);
        Assert.DoesNotContain("ap-east-1", regions); // not-opted-in for moto's account
        Assert.DoesNotContain("us-gov-west-1", regions);
        Assert.DoesNotContain("cn-north-1", regions);
        Assert.Equal(regions.Order(StringComparer.Ordinal), regions);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(AwsRegions.Ec2EndpointVariable, null);
}
