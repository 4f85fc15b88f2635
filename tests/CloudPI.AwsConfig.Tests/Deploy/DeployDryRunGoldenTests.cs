using CloudPI.AwsConfig;
using CloudPI.TestSupport;
using Serilog.Core;

namespace CloudPI.AwsConfig.Tests.Deploy;

/// <summary>
/// What <c>cloudpi producer awsconfig --deploy-rules --dry-run</c> prints for every control's managed rules into an
/// empty region, pinned: the rule facts moved into the catalog, the requests stay what they were.
/// </summary>
public sealed class DeployDryRunGoldenTests
{
    private static readonly string Golden = Path.Combine(RepoPaths.Root, "tests", "CloudPI.AwsConfig.Tests", "Deploy", "Golden", "deploy-dry-run.jsonl");

    [Fact]
    public void The_dry_run_of_every_managed_rule_is_unchanged()
    {
        var rules = new RuleDeployer(Logger.None).Deployable(ManagedRuleData.All);
        var lines = RuleDeployer.DryRunLines(RegionDeploymentPlan.Create("eu-west-1", rules, [])).Order(StringComparer.Ordinal).ToList();
        if (Environment.GetEnvironmentVariable("CLOUDPI_WRITE_GOLDEN") == "1")
        {
            File.WriteAllLines(Golden, lines);
        }

        Assert.Equal(File.ReadAllLines(Golden), lines);
    }
}
