using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using CloudPI.Aws;

namespace CloudPI.AwsConfig.Tests.Support;

/// <summary>Set-up and inspection of moto that the producer does not do itself (creating recorders is a separate, privileged task).</summary>
internal static class MotoSetup
{
    public static AWSCredentials DummyCredentials => new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey);

    public static async Task PutRecorderAsync(Uri moto, string region, AWSCredentials? credentials = null)
    {
        var body = new JsonObject
        {
            ["ConfigurationRecorder"] = new JsonObject
            {
                ["name"] = "default",
                ["roleARN"] = "arn:aws:iam::123456789012:role/config-recorder",
                ["recordingGroup"] = new JsonObject { ["allSupported"] = true, ["includeGlobalResourceTypes"] = true },
            },
        };
        using var http = new HttpClient(new SigV4SigningHandler(credentials ?? DummyCredentials, RegionEndpoint.GetBySystemName(region), "config", new SocketsHttpHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Post, moto) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", "StarlingDoveService.PutConfigurationRecorder");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<IReadOnlyList<ConfigRule>> RulesAsync(Uri moto, string region, AWSCredentials? credentials = null)
    {
        using var client = new AwsConfigClient(new AwsConfigClientOptions
        {
            Credentials = credentials ?? DummyCredentials,
            Region = RegionEndpoint.GetBySystemName(region),
            EndpointUrl = moto,
        });
        return await client.DescribeAllConfigRulesAsync(new DescribeConfigRulesRequest()).ToListAsync();
    }
}
