using System.Text.Json;
using CloudPI.Dracon.Io;
using CloudPI.AwsConfig.Tests.Support;
using CloudPI.TestSupport;
using static CloudPI.AwsConfig.Tests.Support.ConfigAnswers;

namespace CloudPI.AwsConfig.Tests.Live;

/// <summary>
/// The live read flow against a local stub, because moto 5.2.1 does not implement the compliance operations
/// (GetComplianceDetailsByConfigRule, the aggregator compliance calls) and answers them with HTTP 500.
/// </summary>
public sealed class StubLiveReadTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _throttled;

    public StubLiveReadTests() => AwsTestEnvironment.UseDummyCredentials();

    [Fact]
    public async Task Reads_rules_in_scope_over_pages_and_regions_resolving_RDS_ARNs_and_retrying_throttling()
    {
        await using var stub = new ConfigStub(AnswerAccount);
        var output = _directory.Combine("cloudpi-aws-config.pb");

        var (exitCode, _, error) = await Cli.RunAsync(
            "--regions", "eu-west-1,us-east-1", "--endpoint-url", stub.Endpoint.ToString(), "--account-id", Account, "-out", output);

        Assert.True(exitCode == 0, error);
        var issues = DraconFile.ReadLaunchToolResponse(output).Issues;
        Assert.Equal(
        [
            "encrypted-volumes arn:aws:ec2:us-east-1:111122223333:volume/vol-1",
            "rds-instance-public-access-check arn:aws:rds:eu-west-1:111122223333:db:orders",
            "restricted-ssh arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1",
            "restricted-ssh arn:aws:ec2:eu-west-1:111122223333:security-group/sg-2",
            "restricted-ssh arn:aws:ec2:eu-west-1:111122223333:security-group/sg-3",
        ], issues.Select(i => $"{i.Type} {i.Target}"));
        Assert.Equal("""{"configRuleInvokedTime":"2025-11-20T06:00:00.250Z","resultRecordedTime":"2025-11-20T06:00:02.500Z","ruleSource":{"owner":"AWS","sourceIdentifier":"ENCRYPTED_VOLUMES"}}""", issues[0].ContextSegment);
        Assert.Contains("\"sourceIdentifier\":\"RDS_INSTANCE_PUBLIC_ACCESS_CHECK\"", issues[1].ContextSegment, StringComparison.Ordinal);
        Assert.Equal(["eu-west-1", "us-east-1"], stub.RequestsFor("DescribeComplianceByConfigRule").Select(r => r.SigningRegion).Order(StringComparer.Ordinal));

        Assert.Equal(["eu-west-1 ", "eu-west-1 rules-2", "us-east-1 "],
            stub.RequestsFor("DescribeConfigRules").Select(r => $"{r.SigningRegion} {Token(r)}").Order(StringComparer.Ordinal));
        var details = stub.RequestsFor("GetComplianceDetailsByConfigRule");
        Assert.Equal(
            ["eu-west-1 restricted-ssh ", "eu-west-1 restricted-ssh ssh-2", "eu-west-1 securityhub-rds-instance-public-access-check-a1b2 ", "us-east-1 encrypted-volumes ", "us-east-1 encrypted-volumes "],
            details.Select(r => $"{r.SigningRegion} {r.Json.GetProperty("ConfigRuleName").GetString()} {Token(r)}").Order(StringComparer.Ordinal));
        Assert.All(details, r => Assert.Equal("[\"NON_COMPLIANT\"]", r.Json.GetProperty("ComplianceTypes").GetRawText()));
        var batch = Assert.Single(stub.RequestsFor("BatchGetResourceConfig"));
        Assert.Equal("""[{"resourceType":"AWS::RDS::DBInstance","resourceId":"db-ABC"}]""", batch.Json.GetProperty("resourceKeys").GetRawText());
    }

    [Fact]
    public async Task All_rules_also_reports_custom_rules_generically()
    {
        await using var stub = new ConfigStub(AnswerAccount);
        var output = _directory.Combine("all.pb");

        var (exitCode, _, error) = await Cli.RunAsync(
            "--region", "eu-west-1", "--endpoint-url", stub.Endpoint.ToString(), "--account-id", Account, "--all-rules", "--services", "rds", "-out", output);

        Assert.True(exitCode == 0, error);
        Assert.Equal(
            ["awsconfig:acme-tags", "rds-instance-public-access-check"],
            DraconFile.ReadLaunchToolResponse(output).Issues.Select(i => i.Type));
    }

    [Fact]
    public async Task Access_denied_to_the_compliance_listing_is_exit_1_naming_the_missing_permission_and_writes_nothing()
    {
        await using var stub = new ConfigStub(_ => StubResponse.Error(400, "AccessDeniedException",
            "User: arn:aws:iam::111122223333:user/ci is not authorized to perform: config:DescribeComplianceByConfigRule"));
        var output = _directory.Combine("denied.pb");

        var (exitCode, _, error) = await Cli.RunAsync("--region", "eu-west-1", "--endpoint-url", stub.Endpoint.ToString(), "--account-id", Account, "-out", output);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("cloudpi: Access denied: the principal lacks the IAM permission config:DescribeComplianceByConfigRule in eu-west-1", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Single(stub.Requests); // Not retried.
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task An_aggregator_is_read_per_rule_account_and_region_through_empty_pages()
    {
        await using var stub = new ConfigStub(AnswerAggregator);
        var output = _directory.Combine("aggregator.pb");

        var (exitCode, _, error) = await Cli.RunAsync("--region", "eu-west-1", "--endpoint-url", stub.Endpoint.ToString(), "--aggregator", "org", "-out", output);

        Assert.True(exitCode == 0, error);
        Assert.Equal(
        [
            "restricted-ssh arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1",
            "restricted-ssh arn:aws:ec2:us-east-1:444455556666:security-group/sg-9",
        ], DraconFile.ReadLaunchToolResponse(output).Issues.Select(i => $"{i.Type} {i.Target}"));
        Assert.Equal(2, stub.RequestsFor("DescribeAggregateComplianceByConfigRules").Count);
        Assert.All(stub.Requests, r => Assert.Equal("eu-west-1", r.SigningRegion));
        Assert.Equal(
            ["restricted-ssh 111122223333 eu-west-1", "securityhub-restricted-ssh-9z 444455556666 us-east-1"],
            stub.RequestsFor("GetAggregateComplianceDetailsByConfigRule")
                .Select(r => $"{r.Json.GetProperty("ConfigRuleName").GetString()} {r.Json.GetProperty("AccountId").GetString()} {r.Json.GetProperty("AwsRegion").GetString()}")
                .Order(StringComparer.Ordinal));
    }

    public void Dispose() => _directory.Dispose();

    private StubResponse AnswerAccount(StubRequest request) => (request.Operation, request.SigningRegion) switch
    {
        ("DescribeComplianceByConfigRule", "eu-west-1") => NonCompliantRules("restricted-ssh", "securityhub-rds-instance-public-access-check-a1b2", "acme-tags"),
        ("DescribeComplianceByConfigRule", _) => NonCompliantRules("encrypted-volumes"),
        ("DescribeConfigRules", "eu-west-1") when Token(request) == "" => StubResponse.Ok(new
        {
            ConfigRules = new[] { Rule("restricted-ssh", "AWS", "INCOMING_SSH_DISABLED"), Rule("securityhub-rds-instance-public-access-check-a1b2", "AWS", "RDS_INSTANCE_PUBLIC_ACCESS_CHECK") },
            NextToken = "rules-2",
        }),
        ("DescribeConfigRules", "eu-west-1") => StubResponse.Ok(new { ConfigRules = new[] { Rule("acme-tags", "CUSTOM_LAMBDA", "arn:aws:lambda:eu-west-1:111122223333:function:tags") } }),
        ("DescribeConfigRules", _) => StubResponse.Ok(new { ConfigRules = new[] { Rule("encrypted-volumes", "AWS", "ENCRYPTED_VOLUMES") } }),
        ("GetComplianceDetailsByConfigRule", _) => Details(request),
        ("BatchGetResourceConfig", "eu-west-1") => StubResponse.Ok(new
        {
            baseConfigurationItems = new[]
            {
                new { arn = "arn:aws:rds:eu-west-1:111122223333:db:orders", resourceType = "AWS::RDS::DBInstance", resourceId = "db-ABC", resourceName = "orders", awsRegion = "eu-west-1" },
            },
            unprocessedResourceKeys = Array.Empty<object>(),
        }),
        _ => StubResponse.Error(400, "InvalidParameterValueException", $"unexpected {request.Operation}"),
    };

    private StubResponse Details(StubRequest request)
    {
        var rule = RuleName(request);
        return (rule, Token(request)) switch
        {
            ("restricted-ssh", "") => Results(rule, "AWS::EC2::SecurityGroup", ["sg-1", "sg-2"], "ssh-2"),
            ("restricted-ssh", _) => Results(rule, "AWS::EC2::SecurityGroup", ["sg-3"]),
            ("securityhub-rds-instance-public-access-check-a1b2", _) => Results(rule, "AWS::RDS::DBInstance", ["db-ABC"]),
            ("acme-tags", _) => Results(rule, "AWS::EC2::Instance", ["i-1"]),
            ("encrypted-volumes", _) when Interlocked.Increment(ref _throttled) == 1 => StubResponse.Error(400, "ThrottlingException", "Rate exceeded"),
            ("encrypted-volumes", _) => Results(rule, "AWS::EC2::Volume", ["vol-1"]),
            _ => StubResponse.Error(400, "NoSuchConfigRuleException", rule),
        };
    }

    private static StubResponse AnswerAggregator(StubRequest request)
    {
        switch (request.Operation)
        {
            case "DescribeAggregateComplianceByConfigRules" when Token(request) == "":
                // Config may return an empty page that still carries a token.
                return StubResponse.Ok(new { AggregateComplianceByConfigRules = Array.Empty<object>(), NextToken = "agg-2" });
            case "DescribeAggregateComplianceByConfigRules":
                return StubResponse.Ok(new
                {
                    AggregateComplianceByConfigRules = new[]
                    {
                        new { ConfigRuleName = "restricted-ssh", Compliance = new { ComplianceType = "NON_COMPLIANT" }, AccountId = "111122223333", AwsRegion = "eu-west-1" },
                        new { ConfigRuleName = "securityhub-restricted-ssh-9z", Compliance = new { ComplianceType = "NON_COMPLIANT" }, AccountId = "444455556666", AwsRegion = "us-east-1" },
                        new { ConfigRuleName = "acme-tags", Compliance = new { ComplianceType = "NON_COMPLIANT" }, AccountId = "111122223333", AwsRegion = "eu-west-1" },
                    },
                });
            case "GetAggregateComplianceDetailsByConfigRule":
                var account = request.Json.GetProperty("AccountId").GetString()!;
                var region = request.Json.GetProperty("AwsRegion").GetString()!;
                var rule = request.Json.GetProperty("ConfigRuleName").GetString()!;
                return StubResponse.Ok(new
                {
                    AggregateEvaluationResults = new[]
                    {
                        new
                        {
                            EvaluationResultIdentifier = Identifier(rule, "AWS::EC2::SecurityGroup", account == "111122223333" ? "sg-1" : "sg-9"),
                            ComplianceType = "NON_COMPLIANT",
                            ResultRecordedTime = Recorded,
                            ConfigRuleInvokedTime = Invoked,
                            AccountId = account,
                            AwsRegion = region,
                        },
                    },
                });
            default:
                return StubResponse.Error(400, "InvalidParameterValueException", $"unexpected {request.Operation}");
        }
    }
}
