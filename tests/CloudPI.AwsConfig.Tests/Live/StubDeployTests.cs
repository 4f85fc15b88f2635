using CloudPI.Controls;
using CloudPI.AwsConfig;
using CloudPI.AwsConfig.Tests.Support;

namespace CloudPI.AwsConfig.Tests.Live;

/// <summary>--start-evaluation against the stub: moto 5.2.1 does not implement StartConfigRulesEvaluation.</summary>
public sealed class StubDeployTests
{
    public StubDeployTests() => AwsTestEnvironment.UseDummyCredentials();

    [Fact]
    public async Task Deploys_then_starts_evaluations_in_batches_of_25_and_a_running_one_is_only_a_warning()
    {
        var expected = new RuleDeployer(Serilog.Core.Logger.None)
            .Deployable(new ControlScope(new ConfigRuleResolver(ControlCatalog.Default)).ManagedRules(ManagedRuleData.All))
            .Select(r => r.Name)
            .ToList();
        var starts = 0;
        await using var stub = new ConfigStub(request => request.Operation switch
        {
            "DescribeConfigurationRecorders" => StubResponse.Ok(new { ConfigurationRecorders = new[] { new { name = "default", roleARN = "arn:aws:iam::111122223333:role/config" } } }),
            "DescribeConfigRules" => StubResponse.Ok(new { ConfigRules = Array.Empty<object>() }),
            "PutConfigRule" => StubResponse.Empty,
            // The second batch finds an evaluation already running, on every attempt.
            "StartConfigRulesEvaluation" when request.Json.GetProperty("ConfigRuleNames")[0].GetString() == expected[25] && Interlocked.Increment(ref starts) > 0 =>
                StubResponse.Error(400, "LimitExceededException", "An evaluation is already in progress"),
            "StartConfigRulesEvaluation" => StubResponse.Empty,
            _ => StubResponse.Error(400, "InvalidParameterValueException", $"unexpected {request.Operation}"),
        });

        var (exitCode, output, error) = await Cli.RunAsync("--deploy-rules", "--start-evaluation", "--region", "eu-west-1", "--endpoint-url", stub.Endpoint.ToString());

        Assert.True(exitCode == 0, error);
        Assert.Equal("", output);
        Assert.Equal(76, expected.Count);
        Assert.Equal(expected, stub.RequestsFor("PutConfigRule").Select(r => r.Json.GetProperty("ConfigRule").GetProperty("ConfigRuleName").GetString()));
        var batches = stub.RequestsFor("StartConfigRulesEvaluation")
            .Select(r => r.Json.GetProperty("ConfigRuleNames").EnumerateArray().Select(n => n.GetString()!).ToList())
            .DistinctBy(names => names[0])
            .ToList();
        Assert.Equal([25, 25, 25, 1], batches.Select(b => b.Count));
        Assert.Equal(expected, batches.SelectMany(b => b));
        Assert.Equal(3, starts); // The client's standard retries, then the warning.
    }
}
