using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using CloudPI.Aws.Tests.Support;
using CloudPI.Aws.Transport;
using Microsoft.Extensions.Time.Testing;

namespace CloudPI.Aws.Tests;

public sealed class SigningAndSerializationTests
{
    [Fact]
    public async Task DescribeConfigRules_is_signed_exactly_as_the_botocore_golden_vector()
    {
        var recorder = new RecordingHandler();
        using var client = new AwsConfigClient(new AwsConfigClientOptions
        {
            Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            Region = RegionEndpoint.USEast1,
            EndpointUrl = new Uri("https://config.us-east-1.amazonaws.com/"),
            HttpHandler = recorder,
            SigningClock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        });

        await client.DescribeConfigRulesAsync(new DescribeConfigRulesRequest { ConfigRuleNames = ["restricted-ssh"] });

        var sent = Assert.Single(recorder.Sent);
        Assert.Equal("""{"ConfigRuleNames":["restricted-ssh"]}""", sent.Body);
        Assert.Equal("application/x-amz-json-1.1", sent.ContentType);
        Assert.Equal("StarlingDoveService.DescribeConfigRules", sent.Target);
        Assert.Equal("20260102T030405Z", sent.Headers["X-Amz-Date"]);
        Assert.Equal("e0695a33300e0f11c744b19a8b0c7c0b73523c09734eb64ce04c8e4b51353fb2", sent.Headers["X-Amz-Content-SHA256"]);
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/us-east-1/config/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, "
            + "Signature=db0f00a486bab787392ffdb1ffdb0303548272f61fb5c82f67efae4870748c10",
            sent.Headers["Authorization"]);
    }

    [Fact]
    public void PutConfigRule_serializes_to_the_reference_body_omitting_absent_members()
    {
        var request = new PutConfigRuleRequest
        {
            ConfigRule = new ConfigRule
            {
                ConfigRuleName = "restricted-common-ports",
                Scope = new Scope { ComplianceResourceTypes = ["AWS::EC2::SecurityGroup"] },
                Source = new Source { Owner = ConfigRuleOwners.Aws, SourceIdentifier = "RESTRICTED_INCOMING_TRAFFIC" },
                InputParameters = """{"blockedPort1":"20","blockedPort2":"21","blockedPort3":"3389"}""",
            },
            Tags = [new Tag { Key = "managed-by", Value = "cloudpi" }],
        };

        var json = JsonSerializer.Serialize(request, AwsConfigJsonContext.Default.PutConfigRuleRequest);

        Assert.Equal(
            """{"ConfigRule":{"ConfigRuleName":"restricted-common-ports","Scope":{"ComplianceResourceTypes":["AWS::EC2::SecurityGroup"]},"Source":{"Owner":"AWS","SourceIdentifier":"RESTRICTED_INCOMING_TRAFFIC"},"InputParameters":"{\u0022blockedPort1\u0022:\u002220\u0022,\u0022blockedPort2\u0022:\u002221\u0022,\u0022blockedPort3\u0022:\u00223389\u0022}"},"Tags":[{"Key":"managed-by","Value":"cloudpi"}]}""",
            json);
        Assert.Equal(request.ConfigRule.InputParameters, JsonDocument.Parse(json).RootElement.GetProperty("ConfigRule").GetProperty("InputParameters").GetString());
    }

    [Fact]
    public void CamelCase_shapes_use_their_wire_names()
    {
        var request = new BatchGetResourceConfigRequest { ResourceKeys = [new ResourceKey { ResourceType = "AWS::S3::Bucket", ResourceId = "logs" }] };

        var json = JsonSerializer.Serialize(request, AwsConfigJsonContext.Default.BatchGetResourceConfigRequest);
        var status = JsonSerializer.Deserialize(
            """{"ConfigurationRecordersStatus":[{"name":"default","recording":true,"lastStatus":"Success","lastStartTime":1763880000.5,"Name":"ignored"}]}""",
            AwsConfigJsonContext.Default.DescribeConfigurationRecorderStatusResponse)!;

        Assert.Equal("""{"resourceKeys":[{"resourceType":"AWS::S3::Bucket","resourceId":"logs"}]}""", json);
        var recorder = Assert.Single(status.ConfigurationRecordersStatus);
        Assert.Equal("default", recorder.Name);
        Assert.True(recorder.Recording);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_763_880_000_500), recorder.LastStartTime);
    }

    [Fact]
    public void A_request_without_members_is_an_empty_object()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new DescribeConfigRulesRequest(), AwsConfigJsonContext.Default.DescribeConfigRulesRequest));
    }

    [Fact]
    public void Moto_rule_members_the_client_does_not_know_are_ignored()
    {
        var response = JsonSerializer.Deserialize(
            """{"ConfigRules":[{"ConfigRuleName":"r","Source":{"Owner":"AWS","SourceIdentifier":"X"},"AccountId":"123456789012","InputParametersDict":{},"LastUpdatedTime":"x","Tags":[]}]}""",
            AwsConfigJsonContext.Default.DescribeConfigRulesResponse)!;

        Assert.Equal("X", Assert.Single(response.ConfigRules).Source?.SourceIdentifier);
        Assert.Null(response.NextToken);
    }
}
