using CloudPI.Controls;
using CloudPI.AwsConfig;
using CloudPI.AwsConfig.Tests.Support;
using CloudPI.TestSupport;
using static CloudPI.AwsConfig.Tests.Support.ConfigAnswers;

namespace CloudPI.AwsConfig.Tests.Live;

/// <summary>
/// A region that fails leaves the others' findings intact, and the exit code says the run was partial. Against the
/// stub (moto 5.2.1 lacks the compliance listing), us-east-1 answers as AWS does for an opt-in region the account has
/// not enabled, for a denied region, and for an endpoint that stays unavailable past the retry budget.
/// </summary>
public sealed class RegionFailureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public RegionFailureTests() => AwsTestEnvironment.UseDummyCredentials();

    [Theory]
    [InlineData(400, "UnrecognizedClientException", "The security token included in the request is invalid.")]
    [InlineData(400, "AccessDeniedException", "User: arn:aws:iam::111122223333:role/ci is not authorized to perform: config:DescribeComplianceByConfigRule with an explicit deny in a service control policy")]
    [InlineData(503, "ServiceUnavailableException", "Service is unavailable")]
    public async Task A_failed_region_is_reported_and_the_other_regions_findings_are_written_with_the_partial_exit_code(int status, string code, string message)
    {
        await using var stub = new ConfigStub(r => r.SigningRegion == "us-east-1" ? StubResponse.Error(status, code, message) : SmallAccount(r));

        var (exitCode, error, issues) = await Cli.ReadLiveAsync(stub, _directory.Combine("out.pb"), "--regions", "eu-west-1,us-east-1", "--account-id", Account);

        Assert.True(exitCode == 3, error);
        Assert.Equal("", error);
        Assert.Equal([SmallAccountIssues[1], SmallAccountIssues[2]], issues);
    }

    [Fact]
    public async Task The_failed_region_is_named_in_a_warning_with_its_error()
    {
        await using var stub = new ConfigStub(r => r.SigningRegion == "us-east-1"
            ? StubResponse.Error(400, "UnrecognizedClientException", "The security token included in the request is invalid.")
            : SmallAccount(r));
        var log = new LogEvents();
        using var europe = OptionalLookupTests.Client(stub, "eu-west-1");
        using var virginia = OptionalLookupTests.Client(stub, "us-east-1");

        var read = await new AccountComplianceReader(new ControlScope(new ConfigRuleResolver(ControlCatalog.Default)), 4, new OptionalLookups(log.Logger), log.Logger)
            .ReadAsync([europe, virginia], Account);

        var failure = Assert.Single(read.FailedRegions);
        Assert.Equal(("us-east-1", "UnrecognizedClientException"), (failure.Region, failure.Error.ErrorCode));
        Assert.Equal(2, read.Evaluations.Count);
        Assert.StartsWith("us-east-1: not read, its findings are missing from this run: AWS rejected the credentials calling config:DescribeComplianceByConfigRule in us-east-1",
            Assert.Single(log.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_region_fails_the_run_fails_with_one_line_and_writes_nothing()
    {
        await using var stub = new ConfigStub(_ => StubResponse.Error(400, "UnrecognizedClientException", "The security token included in the request is invalid."));

        var (exitCode, error, issues) = await Cli.ReadLiveAsync(stub, _directory.Combine("out.pb"), "--regions", "eu-west-1,us-east-1", "--account-id", Account);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("cloudpi: AWS rejected the credentials calling config:DescribeComplianceByConfigRule in eu-west-1", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Empty(issues);
        Assert.Empty(_directory.Files());
    }

    public void Dispose() => _directory.Dispose();
}
