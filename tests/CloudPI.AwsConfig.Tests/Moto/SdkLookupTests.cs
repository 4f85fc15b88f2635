using CloudPI.Aws;
using CloudPI.AwsConfig;
using CloudPI.AwsConfig.Tests.Support;
using CloudPI.TestSupport;
using static CloudPI.AwsConfig.Tests.Support.ConfigAnswers;

namespace CloudPI.AwsConfig.Tests.Moto;

/// <summary>
/// The lookups that leave Config: EC2 DescribeRegions for --regions all (moto implements it, listing its opt-in
/// regions as not-opted-in) and STS GetCallerIdentity. Their endpoints come from the SDK's process-wide variables,
/// so these tests sit in the moto collection, which runs one test at a time. Config itself is the stub: moto 5.2.1
/// lacks the compliance listing. A disabled opt-in region answers as AWS does, like unknown credentials.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class SdkLookupTests(MotoServerFixture moto) : IDisposable
{
    /// <summary>Opt-in regions (not enabled for moto's account, as for most accounts) that every SDK region list holds.</summary>
    private static readonly string[] DisabledOptInRegions = ["ap-east-1", "me-south-1"];

    private readonly TempDirectory _directory = new();

    [MotoFact]
    public async Task Regions_all_reads_only_the_regions_EC2_says_the_account_has_enabled()
    {
        await using var stub = new ConfigStub(AccountWithDisabledOptInRegions);
        Environment.SetEnvironmentVariable(AwsRegions.Ec2EndpointVariable, moto.Endpoint.ToString());

        var (exitCode, error, issues) = await Cli.ReadLiveAsync(stub, _directory.Combine("all.pb"), "--regions", "all", "--account-id", Account);

        Assert.True(exitCode == 0, error);
        Assert.Equal(SmallAccountIssues, issues);
        var regions = stub.Requests.Select(r => r.SigningRegion).Distinct().ToList();
        Assert.Contains("eu-west-1", regions);
        Assert.Contains("ap-northeast-1", regions);
        Assert.DoesNotContain(regions, DisabledOptInRegions.Contains);
        Assert.DoesNotContain(regions, r => r.StartsWith("us-gov-", StringComparison.Ordinal) || r.StartsWith("cn-", StringComparison.Ordinal));
    }

    [MotoFact]
    public async Task Without_ec2_DescribeRegions_all_falls_back_to_the_SDK_regions_and_the_disabled_ones_make_the_run_partial()
    {
        await using var stub = new ConfigStub(r => r.Operation == "DescribeRegions"
            ? StubResponse.Ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")
            : AccountWithDisabledOptInRegions(r));
        Environment.SetEnvironmentVariable(AwsRegions.Ec2EndpointVariable, stub.Endpoint.ToString());

        var (exitCode, error, issues) = await Cli.ReadLiveAsync(stub, _directory.Combine("fallback.pb"), "--regions", "all", "--account-id", Account);

        Assert.True(exitCode == 3, error);
        Assert.Equal(SmallAccountIssues, issues);
        Assert.Single(stub.RequestsFor("DescribeRegions"));
        Assert.Subset(stub.Requests.Select(r => r.SigningRegion).ToHashSet(), DisabledOptInRegions.ToHashSet());
    }

    [MotoFact]
    public async Task Without_the_account_from_STS_every_finding_is_written_with_the_best_target_it_can_have()
    {
        await using var stub = new ConfigStub(r => r.Operation == "GetCallerIdentity"
            ? StubResponse.StsError(403, "AccessDenied", "STS is blocked by a VPC endpoint policy")
            : SmallAccount(r));
        Environment.SetEnvironmentVariable(CallerAccount.StsEndpointVariable, stub.Endpoint.ToString());

        var (exitCode, error, issues) = await Cli.ReadLiveAsync(stub, _directory.Combine("no-account.pb"), "--regions", "eu-west-1,us-east-1");

        Assert.True(exitCode == 0, error);
        Assert.Single(stub.RequestsFor("GetCallerIdentity"));
        Assert.Equal(
        [
            "encrypted-volumes AWS::EC2::Volume/vol-1/us-east-1",
            $"rds-instance-public-access-check arn:aws:rds:eu-west-1:{Account}:db:orders",
            "restricted-ssh AWS::EC2::SecurityGroup/sg-1/eu-west-1",
        ], issues);
    }

    public void Dispose()
    {
        // Back to what the moto fixture set for the other tests of the collection.
        Environment.SetEnvironmentVariable(AwsRegions.Ec2EndpointVariable, null);
        Environment.SetEnvironmentVariable(CallerAccount.StsEndpointVariable, moto.Endpoint.ToString());
        _directory.Dispose();
    }

    private static StubResponse AccountWithDisabledOptInRegions(StubRequest request) => request.SigningRegion switch
    {
        "eu-west-1" or "us-east-1" => SmallAccount(request),
        var region when DisabledOptInRegions.Contains(region) => StubResponse.Error(400, "UnrecognizedClientException", "The security token included in the request is invalid."),
        _ => NonCompliantRules(),
    };
}
