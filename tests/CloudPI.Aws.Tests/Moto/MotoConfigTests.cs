using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime;
using CloudPI.Aws.Tests.Support;
using CloudPI.Aws.Transport;
using CloudPI.TestSupport;

namespace CloudPI.Aws.Tests.Moto;

/// <summary>
/// The operations moto 5.2.1 implements, against a real moto_server. moto keeps state per region, so each test
/// uses its own region and starts from an empty one.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoConfigTests(MotoServerFixture moto) : IDisposable
{
    private readonly RecordingHandler _recorder = new(new SocketsHttpHandler());
    private AwsConfigClient? _client;

    [MotoFact]
    public async Task PutConfigRule_creates_the_rule_and_a_second_put_updates_it_in_place()
    {
        var client = ClientFor(RegionEndpoint.EUWest1);
        var rule = ManagedRule("restricted-ssh", "INCOMING_SSH_DISABLED") with { Description = "first" };

        await client.PutConfigRuleAsync(new PutConfigRuleRequest { ConfigRule = rule, Tags = [new Tag { Key = "managed-by", Value = "cloudpi" }] });
        var created = Assert.Single((await client.DescribeConfigRulesAsync(new DescribeConfigRulesRequest { ConfigRuleNames = ["restricted-ssh"] })).ConfigRules);
        await client.PutConfigRuleAsync(new PutConfigRuleRequest { ConfigRule = rule with { Description = "second" } });
        var updated = Assert.Single((await client.DescribeConfigRulesAsync(new DescribeConfigRulesRequest())).ConfigRules);

        Assert.Equal("restricted-ssh", created.ConfigRuleName);
        Assert.Equal(ConfigRuleOwners.Aws, created.Source?.Owner);
        Assert.Equal("INCOMING_SSH_DISABLED", created.Source?.SourceIdentifier);
        Assert.Equal(["AWS::EC2::SecurityGroup"], created.Scope?.ComplianceResourceTypes);
        Assert.Equal("ACTIVE", created.ConfigRuleState);
        Assert.Equal(created.ConfigRuleArn, updated.ConfigRuleArn);
        Assert.Equal("second", updated.Description);
    }

    [MotoFact]
    public async Task Every_managed_rule_of_the_catalogue_is_accepted_with_its_required_parameters()
    {
        var client = ClientFor(RegionEndpoint.CACentral1);
        using var catalogue = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.SharedData("aws-config-managed-rules.json")));
        var rules = catalogue.RootElement.EnumerateArray().Select(CatalogueRule).ToList();

        foreach (var rule in rules)
        {
            await client.PutConfigRuleAsync(new PutConfigRuleRequest { ConfigRule = rule });
        }

        var deployed = await client.DescribeAllConfigRulesAsync(new DescribeConfigRulesRequest()).ToListAsync();
        Assert.Equal(79, rules.Count);
        Assert.Equal(
            rules.Select(r => (r.ConfigRuleName, r.Source?.SourceIdentifier, r.InputParameters)).Order(),
            deployed.Select(r => (r.ConfigRuleName, r.Source?.SourceIdentifier, r.InputParameters)).Order());
    }

    [MotoFact]
    public async Task DescribeAllConfigRules_follows_moto_pages_of_25()
    {
        var client = ClientFor(RegionEndpoint.APSoutheast2);
        var names = Enumerable.Range(0, 30).Select(i => $"s3-public-read-{i:D2}").ToList();
        foreach (var name in names)
        {
            await client.PutConfigRuleAsync(new PutConfigRuleRequest { ConfigRule = ManagedRule(name, "S3_BUCKET_PUBLIC_READ_PROHIBITED") });
        }

        var listed = await client.DescribeAllConfigRulesAsync(new DescribeConfigRulesRequest()).ToListAsync();

        Assert.Equal(names, listed.Select(r => r.ConfigRuleName).Order(StringComparer.Ordinal));
        Assert.Equal(2, _recorder.Targets.Count(t => t == "StarlingDoveService.DescribeConfigRules"));
    }

    [MotoFact]
    public async Task Recorders_are_empty_until_one_is_put()
    {
        var region = RegionEndpoint.EUWest3;
        var client = ClientFor(region);
        Assert.Empty((await client.DescribeConfigurationRecordersAsync(new DescribeConfigurationRecordersRequest())).ConfigurationRecorders);

        await SendSetupCallAsync(region, "PutConfigurationRecorder", new PutConfigurationRecorderRequest(new ConfigurationRecorder
        {
            Name = "default",
            RoleArn = "arn:aws:iam::123456789012:role/config-recorder",
            RecordingGroup = new RecordingGroup { AllSupported = true, IncludeGlobalResourceTypes = true },
        }), SetupJson.Default.PutConfigurationRecorderRequest);
        var recorder = Assert.Single((await client.DescribeConfigurationRecordersAsync(new DescribeConfigurationRecordersRequest())).ConfigurationRecorders);
        var status = Assert.Single((await client.DescribeConfigurationRecorderStatusAsync(new DescribeConfigurationRecorderStatusRequest())).ConfigurationRecordersStatus);

        Assert.Equal("default", recorder.Name);
        Assert.Equal("arn:aws:iam::123456789012:role/config-recorder", recorder.RoleArn);
        Assert.True(recorder.RecordingGroup?.AllSupported);
        Assert.Equal("default", status.Name);
        Assert.False(status.Recording);
    }

    [MotoFact]
    public async Task Aggregators_are_listed_with_their_sources()
    {
        var region = RegionEndpoint.EUNorth1;
        var client = ClientFor(region);
        await SendSetupCallAsync(region, "PutConfigurationAggregator", new PutConfigurationAggregatorRequest("org-wide",
            [new AccountAggregationSource { AccountIds = ["111122223333", "444455556666"], AllAwsRegions = true }]),
            SetupJson.Default.PutConfigurationAggregatorRequest);

        var aggregators = await client.DescribeAllConfigurationAggregatorsAsync(new DescribeConfigurationAggregatorsRequest()).ToListAsync();

        var aggregator = Assert.Single(aggregators);
        Assert.Equal("org-wide", aggregator.ConfigurationAggregatorName);
        Assert.StartsWith("arn:aws:config:eu-north-1:123456789012:config-aggregator/", aggregator.ConfigurationAggregatorArn, StringComparison.Ordinal);
        var source = Assert.Single(aggregator.AccountAggregationSources!);
        Assert.Equal(["111122223333", "444455556666"], source.AccountIds);
        Assert.True(source.AllAwsRegions);
        Assert.NotNull(aggregator.CreationTime);
    }

    [MotoFact]
    public async Task An_unknown_source_identifier_is_an_InvalidParameterValueException_with_a_request_id()
    {
        var client = ClientFor(RegionEndpoint.USEast2);

        var error = await Assert.ThrowsAsync<AwsConfigException>(() =>
            client.PutConfigRuleAsync(new PutConfigRuleRequest { ConfigRule = ManagedRule("bad", "NOT_A_RULE") }));

        Assert.Equal("InvalidParameterValueException", error.ErrorCode);
        Assert.Equal(AwsConfigErrorKind.Service, error.Kind);
        Assert.Equal(400, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains("NOT_A_RULE", error.ServiceMessage, StringComparison.Ordinal);
        Assert.Single(_recorder.Sent);
    }

    [MotoFact]
    public async Task Deleting_an_unknown_rule_is_a_NoSuchConfigRuleException()
    {
        var client = ClientFor(RegionEndpoint.USEast2);

        var error = await Assert.ThrowsAsync<AwsConfigException>(() =>
            client.DeleteConfigRuleAsync(new DeleteConfigRuleRequest { ConfigRuleName = "never-deployed" }));

        Assert.Equal("NoSuchConfigRuleException", error.ErrorCode);
        Assert.False(error.IsRetryable);
    }

    [MotoFact]
    public async Task An_operation_moto_lacks_fails_once_without_retries_and_says_so()
    {
        var client = ClientFor(RegionEndpoint.USEast1);

        var error = await Assert.ThrowsAsync<AwsConfigException>(() =>
            client.GetComplianceDetailsByConfigRuleAsync(new GetComplianceDetailsByConfigRuleRequest { ConfigRuleName = "restricted-ssh" }));

        Assert.Equal(AwsConfigErrorKind.NotImplementedByEndpoint, error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Equal(500, error.StatusCode);
        Assert.Null(error.RequestId);
        Assert.Contains("does not implement GetComplianceDetailsByConfigRule", error.Message, StringComparison.Ordinal);
        Assert.Single(_recorder.Sent);
    }

    [MotoFact]
    public async Task An_assumed_role_from_moto_STS_signs_a_Config_call_with_its_session_token()
    {
        var session = await AwsSession.CreateAsync(new AwsSessionOptions
        {
            Region = "us-east-1",
            RoleArn = "arn:aws:iam::123456789012:role/cloudpi-audit",
            ExternalId = "cloudpi-external-id",
            RoleSessionName = "cloudpi-test",
        });
        var assumed = await session.Credentials.GetCredentialsAsync();
        var client = ClientFor(session.Region, session.Credentials);

        var response = await client.DescribeConfigRulesAsync(new DescribeConfigRulesRequest());

        Assert.IsType<AssumeRoleAWSCredentials>(session.Credentials);
        Assert.True(assumed.UseToken);
        Assert.NotEqual("test", assumed.AccessKey);
        Assert.NotNull(response.ConfigRules);
        var sent = Assert.Single(_recorder.Sent);
        Assert.Equal(assumed.Token, sent.Headers["X-Amz-Security-Token"]);
        Assert.Contains($"Credential={assumed.AccessKey}/", sent.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("x-amz-security-token", sent.Headers["Authorization"], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _client?.Dispose();
    }

    private static ConfigRule ManagedRule(string name, string identifier) => new()
    {
        ConfigRuleName = name,
        Scope = new Scope { ComplianceResourceTypes = [identifier == "INCOMING_SSH_DISABLED" ? "AWS::EC2::SecurityGroup" : "AWS::S3::Bucket"] },
        Source = new Source { Owner = ConfigRuleOwners.Aws, SourceIdentifier = identifier },
    };

    /// <summary>A catalogue entry as CloudPI deploys it: Scope for change-triggered rules on resources, a frequency for
    /// periodic ones, and the required parameters (their default, else a placeholder: moto checks names, not values).</summary>
    private static ConfigRule CatalogueRule(JsonElement entry)
    {
        var trigger = entry.GetProperty("trigger").GetString()!;
        var types = entry.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).Where(t => t != "AWS::::Account").ToList();
        var required = new JsonObject();
        foreach (var parameter in entry.GetProperty("parameters").EnumerateArray().Where(p => !p.GetProperty("optional").GetBoolean()))
        {
            required[parameter.GetProperty("name").GetString()!] = parameter.TryGetProperty("default", out var value) ? value.GetString() : "1";
        }

        return new ConfigRule
        {
            ConfigRuleName = entry.GetProperty("name").GetString(),
            Source = new Source { Owner = ConfigRuleOwners.Aws, SourceIdentifier = entry.GetProperty("id").GetString() },
            Scope = trigger.Contains("change", StringComparison.Ordinal) && types.Count > 0 ? new Scope { ComplianceResourceTypes = types } : null,
            MaximumExecutionFrequency = trigger.Contains("periodic", StringComparison.Ordinal) ? MaximumExecutionFrequencies.TwentyFourHours : null,
            InputParameters = required.Count > 0 ? required.ToJsonString() : null,
        };
    }

    private AwsConfigClient ClientFor(RegionEndpoint region, AWSCredentials? credentials = null)
    {
        // One client per test, so the recorder holds exactly that test's requests.
        Assert.Null(_client);
        _client = new AwsConfigClient(new AwsConfigClientOptions
        {
            Credentials = credentials ?? new BasicAWSCredentials("test", "test"),
            Region = region,
            EndpointUrl = moto.Endpoint,
            HttpHandler = _recorder,
        });
        return _client;
    }

    /// <summary>Set-up calls the client does not offer (creating recorders and aggregators is a separate, privileged task).</summary>
    private async Task SendSetupCallAsync<TRequest>(RegionEndpoint region, string operation, TRequest request, JsonTypeInfo<TRequest> requestType)
    {
        using var http = new HttpClient(new SigV4Handler(new BasicAWSCredentials("test", "test"), region, null, new SocketsHttpHandler()));
        var transport = new AwsJsonTransport(http, moto.Endpoint, region.SystemName, new AwsRetryStrategy(new AwsRetryOptions()));
        await transport.SendAsync(operation, request, requestType, CancellationToken.None);
    }
}

internal sealed record PutConfigurationRecorderRequest(ConfigurationRecorder ConfigurationRecorder);

internal sealed record PutConfigurationAggregatorRequest(string ConfigurationAggregatorName, IReadOnlyList<AccountAggregationSource> AccountAggregationSources);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PutConfigurationRecorderRequest))]
[JsonSerializable(typeof(PutConfigurationAggregatorRequest))]
internal sealed partial class SetupJson : JsonSerializerContext;
