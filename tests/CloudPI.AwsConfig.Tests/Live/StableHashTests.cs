using CloudPI.Dracon;
using CloudPI.Dracon.Io;
using CloudPI.AwsConfig.Tests.Support;
using CloudPI.TestSupport;
using static CloudPI.AwsConfig.Tests.Support.ConfigAnswers;

namespace CloudPI.AwsConfig.Tests.Live;

/// <summary>
/// Dracon's dedup hash covers the description: an unchanged finding must keep it across runs. Against the stub, because
/// moto 5.2.1 lacks the compliance listing; the second run's results are the same findings re-evaluated a day later.
/// </summary>
public sealed class StableHashTests : IDisposable
{
    private const double OneDay = 86_400;

    private readonly TempDirectory _directory = new();

    public StableHashTests() => AwsTestEnvironment.UseDummyCredentials();

    [Fact]
    public async Task Two_runs_over_re_evaluated_but_unchanged_results_give_equal_hashes_and_the_times_go_to_the_context()
    {
        var first = await RunAsync("first.pb", SmallAccount);
        var reEvaluated = await RunAsync("second.pb", r => SmallAccount(r, Invoked + OneDay, Recorded + OneDay));
        var withoutRuleSources = await RunAsync("third.pb", r => r.Operation == "DescribeConfigRules"
            ? StubResponse.Error(400, "AccessDeniedException", "not authorized to perform: config:DescribeConfigRules")
            : SmallAccount(r, Invoked + OneDay, Recorded + OneDay));

        Assert.Equal(3, first.Count);
        Assert.Equal(first.Select(IssueHash.Compute), reEvaluated.Select(IssueHash.Compute));
        Assert.Equal(first.Select(IssueHash.Compute), withoutRuleSources.Select(IssueHash.Compute));
        Assert.Contains("\"resultRecordedTime\":\"2025-11-20T06:00:02.500Z\"", first[0].ContextSegment, StringComparison.Ordinal);
        Assert.Contains("\"resultRecordedTime\":\"2025-11-21T06:00:02.500Z\"", reEvaluated[0].ContextSegment, StringComparison.Ordinal);
        Assert.All(first, issue => Assert.DoesNotContain("2025-11-20", issue.Description, StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();

    private async Task<IReadOnlyList<Ocurity.Dracon.V1.Issue>> RunAsync(string name, Func<StubRequest, StubResponse> answer)
    {
        await using var stub = new ConfigStub(answer);
        var output = _directory.Combine(name);
        var (exitCode, _, error) = await Cli.RunAsync("--regions", "eu-west-1,us-east-1", "--endpoint-url", stub.Endpoint.ToString(), "--account-id", Account, "-out", output);
        Assert.True(exitCode == 0, error);
        return DraconFile.ReadLaunchToolResponse(output).Issues;
    }
}
