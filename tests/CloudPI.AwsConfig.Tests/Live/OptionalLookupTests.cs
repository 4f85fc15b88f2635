using Amazon;
using CloudPI.Aws;
using CloudPI.Controls;
using CloudPI.AwsConfig;
using CloudPI.AwsConfig.Tests.Support;
using CloudPI.TestSupport;
using static CloudPI.AwsConfig.Tests.Support.ConfigAnswers;

namespace CloudPI.AwsConfig.Tests.Live;

/// <summary>
/// An optional lookup never loses the run: only the compliance listing is essential. Against the stub, because moto
/// 5.2.1 lacks the compliance listing (HTTP 500); the lookups fail as a role without the permission, an endpoint
/// throttling past the retry budget, or one that does not offer the operation (moto's bare 500) would.
/// </summary>
public sealed class OptionalLookupTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public OptionalLookupTests() => AwsTestEnvironment.UseDummyCredentials();

    [Theory]
    [InlineData("denied")]
    [InlineData("throttled")]
    [InlineData("unsupported")]
    public async Task A_failed_BatchGetResourceConfig_still_writes_every_finding_with_the_fallback_target(string failure)
    {
        await using var stub = new ConfigStub(r => r.Operation == "BatchGetResourceConfig" ? Failure(failure, r.Operation) : SmallAccount(r));

        var (exitCode, error, issues) = await Cli.ReadLiveAsync(stub, _directory.Combine("out.pb"), "--regions", "eu-west-1,us-east-1", "--account-id", Account);

        Assert.True(exitCode == 0, error);
        Assert.Equal(
        [
            SmallAccountIssues[0],
            $"rds-instance-public-access-check AWS::RDS::DBInstance/db-ABC@{Account}/eu-west-1",
            SmallAccountIssues[2],
        ], issues);
        Assert.NotEmpty(stub.RequestsFor("BatchGetResourceConfig"));
    }

    [Fact]
    public async Task Each_failed_lookup_is_one_warning_naming_its_permission_and_rules_are_then_matched_by_name()
    {
        await using var stub = new ConfigStub(r => r.Operation is "BatchGetResourceConfig" or "DescribeConfigRules" ? Failure("denied", r.Operation) : SmallAccount(r));
        var log = new LogEvents();
        var lookups = new OptionalLookups(log.Logger);
        using var europe = Client(stub, "eu-west-1");
        using var virginia = Client(stub, "us-east-1");

        var read = await new AccountComplianceReader(new ControlScope(new ConfigRuleResolver(ControlCatalog.Default)), 4, lookups, log.Logger)
            .ReadAsync([europe, virginia], Account);
        lookups.Report();

        Assert.Empty(read.FailedRegions);
        Assert.Equal(
            ["encrypted-volumes", "rds-instance-public-access-check", "restricted-ssh"],
            Evaluations.Mapper.Map(read.Evaluations).Select(i => i.Type));
        Assert.All(read.Evaluations, e => Assert.Null(e.RuleSource));
        Assert.Collection(
            log.Warnings,
            warning => Assert.StartsWith(
                $"config:BatchGetResourceConfig failed in eu-west-1 (AccessDeniedException: User: arn:aws:iam::{Account}:role/ci is not authorized to perform: config:BatchGetResourceConfig): resources whose ARN cannot be built",
                warning, StringComparison.Ordinal),
            warning => Assert.StartsWith("config:DescribeConfigRules failed in eu-west-1, us-east-1 (AccessDeniedException: ", warning, StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();

    private static StubResponse Failure(string kind, string operation) => kind switch
    {
        "denied" => StubResponse.Error(400, "AccessDeniedException", $"User: arn:aws:iam::{Account}:role/ci is not authorized to perform: config:{operation}"),
        "throttled" => StubResponse.Error(400, "ThrottlingException", "Rate exceeded"),
        _ => StubResponse.NotImplemented,
    };

    internal static AwsConfigClient Client(ConfigStub stub, string region) => new(new AwsConfigClientOptions
    {
        Credentials = MotoSetup.DummyCredentials,
        Region = RegionEndpoint.GetBySystemName(region),
        EndpointUrl = stub.Endpoint,
    });
}
