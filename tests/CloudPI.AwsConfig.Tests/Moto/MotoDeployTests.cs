using System.Text.Json;
using CloudPI.Aws;
using CloudPI.Controls;
using CloudPI.Dracon.Io;
using CloudPI.AwsConfig;
using CloudPI.AwsConfig.Tests.Support;
using CloudPI.TestSupport;

namespace CloudPI.AwsConfig.Tests.Moto;

/// <summary>
/// --deploy-rules against a real moto_server, which implements PutConfigRule, DescribeConfigRules and the recorder
/// operations and validates identifiers and parameters. moto keeps state per account and region, so each test uses
/// regions of its own.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoDeployTests(MotoServerFixture moto)
{
    private static IReadOnlyList<string> DeployableNames(string service) =>
        new RuleDeployer(Serilog.Core.Logger.None)
            .Deployable(new ControlScope(new ConfigRuleResolver(ControlCatalog.Default), [service]).ManagedRules(ManagedRuleData.All))
            .Select(r => r.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

    [MotoFact]
    public async Task Creates_the_rules_in_scope_and_a_second_run_changes_nothing()
    {
        const string region = "eu-west-2";
        await MotoSetup.PutRecorderAsync(moto.Endpoint, region);

        var first = await DeployAsync(region, "--services", "vpc");
        var created = await MotoSetup.RulesAsync(moto.Endpoint, region);
        var second = await DeployAsync(region, "--services", "vpc");
        var plan = await DeployAsync(region, "--services", "vpc", "--dry-run");
        var after = await MotoSetup.RulesAsync(moto.Endpoint, region);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.True(plan.ExitCode == 0, plan.Error);
        Assert.Equal(DeployableNames("vpc"), created.Select(r => r.ConfigRuleName!).Order(StringComparer.Ordinal));
        Assert.Contains(created, r => r is { ConfigRuleName: "vpc-flow-logs-enabled", MaximumExecutionFrequency: "TwentyFour_Hours", Scope: null });
        Assert.Equal("", plan.Output); // Everything deployed is as the catalog wants it: nothing to put.
        Assert.Equal(created.Select(r => (r.ConfigRuleName, r.ConfigRuleArn)), after.Select(r => (r.ConfigRuleName, r.ConfigRuleArn)));
    }

    [MotoFact]
    public async Task Dry_run_prints_the_PutConfigRule_requests_and_writes_nothing()
    {
        const string region = "eu-central-1";
        await MotoSetup.PutRecorderAsync(moto.Endpoint, region);

        var (exitCode, output, error) = await DeployAsync(region, "--services", "security-group", "--dry-run");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(DeployableNames("security-group"), lines.Select(l => l.GetProperty("PutConfigRule").GetProperty("ConfigRule").GetProperty("ConfigRuleName").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.Equal((region, "create"), (l.GetProperty("Region").GetString(), l.GetProperty("Action").GetString())));
        Assert.Empty(await MotoSetup.RulesAsync(moto.Endpoint, region));
    }

    [MotoFact]
    public async Task Without_a_recorder_in_a_region_nothing_is_deployed_until_one_is_put()
    {
        await MotoSetup.PutRecorderAsync(moto.Endpoint, "ap-northeast-2");

        var refused = await DeployAsync("ap-northeast-1,ap-northeast-2", "--services", "rds");
        var rulesWhileRefused = await MotoSetup.RulesAsync(moto.Endpoint, "ap-northeast-2");
        await MotoSetup.PutRecorderAsync(moto.Endpoint, "ap-northeast-1");
        var accepted = await DeployAsync("ap-northeast-1,ap-northeast-2", "--services", "rds");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("cloudpi: no AWS Config configuration recorder in ap-northeast-1: run 'aws configservice put-configuration-recorder' first", refused.Error.TrimEnd());
        Assert.Empty(rulesWhileRefused);
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        Assert.Equal(DeployableNames("rds"), (await MotoSetup.RulesAsync(moto.Endpoint, "ap-northeast-1")).Select(r => r.ConfigRuleName!).Order(StringComparer.Ordinal));
        Assert.Equal(DeployableNames("rds"), (await MotoSetup.RulesAsync(moto.Endpoint, "ap-northeast-2")).Select(r => r.ConfigRuleName!).Order(StringComparer.Ordinal));
    }

    [MotoFact]
    public async Task A_role_assumed_through_moto_STS_deploys_and_reads_in_the_role_account()
    {
        const string region = "sa-east-1";
        const string roleAccount = "210987654321";
        string[] role = ["--role-arn", $"arn:aws:iam::{roleAccount}:role/cloudpi-deploy", "--external-id", "cloudpi-external", "--role-session-name", "cloudpi-test"];
        var assumed = (await AwsSession.CreateAsync(new AwsSessionOptions { Region = region, RoleArn = role[1], ExternalId = role[3], RoleSessionName = role[5] })).Credentials;
        await MotoSetup.PutRecorderAsync(moto.Endpoint, region, assumed);
        using var output = new TempDirectory();

        // moto lacks the compliance listing, so the read goes to the stub; STS (AssumeRole, GetCallerIdentity) stays on moto.
        await using var config = new ConfigStub(ConfigAnswers.SmallAccount);

        var deployed = await DeployAsync(region, ["--services", "lambda", .. role]);
        var read = await Cli.RunAsync(["--region", region, "--endpoint-url", config.Endpoint.ToString(), "-out", output.Combine("read.pb"), .. role]);

        Assert.True(deployed.ExitCode == 0, deployed.Error);
        var rules = await MotoSetup.RulesAsync(moto.Endpoint, region, assumed);
        Assert.Equal(DeployableNames("lambda"), rules.Select(r => r.ConfigRuleName!).Order(StringComparer.Ordinal));
        Assert.All(rules, r => Assert.StartsWith($"arn:aws:config:{region}:{roleAccount}:config-rule/", r.ConfigRuleArn, StringComparison.Ordinal));
        Assert.Empty(await MotoSetup.RulesAsync(moto.Endpoint, region)); // moto's default account, the unassumed credentials, has none.
        // The targets carry the role's account, which GetCallerIdentity gave with the assumed credentials.
        Assert.True(read.ExitCode == 0, read.Error);
        Assert.Equal(
            $"arn:aws:ec2:{region}:{roleAccount}:volume/vol-1",
            Assert.Single(DraconFile.ReadLaunchToolResponse(output.Combine("read.pb")).Issues).Target);
    }

    private Task<(int ExitCode, string Output, string Error)> DeployAsync(string regions, params string[] extra) =>
        Cli.RunAsync(["--deploy-rules", "--regions", regions, "--endpoint-url", moto.Endpoint.ToString(), .. extra]);
}
