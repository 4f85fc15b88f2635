using CloudPI.Aws;
using CloudPI.AwsConfig;

namespace CloudPI.AwsConfig.Tests.Deploy;

public sealed class RegionDeploymentPlanTests
{
    private static readonly ManagedRule Ports = ManagedRuleData.Find("RESTRICTED_INCOMING_TRAFFIC")!;
    private static readonly ManagedRule Ssh = ManagedRuleData.Find("INCOMING_SSH_DISABLED")!;

    [Fact]
    public void Rules_absent_from_the_region_are_created()
    {
        var plan = RegionDeploymentPlan.Create("eu-west-1", [Ssh, Ports], []);

        Assert.Equal([RuleAction.Create, RuleAction.Create], plan.Rules.Select(r => r.Action));
        Assert.All(plan.Rules, r => Assert.True(r.NeedsPut));
    }

    [Fact]
    public void Our_rule_as_deployed_is_unchanged_even_with_parameters_spelt_differently()
    {
        var deployed = Ports.ToConfigRule() with
        {
            InputParameters = """{ "blockedPort5": "4333", "blockedPort4": "3306", "blockedPort3": "3389", "blockedPort2": "21", "blockedPort1": "20" }""",
            ConfigRuleArn = "arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-abc",
            ConfigRuleState = "ACTIVE",
        };

        var planned = Assert.Single(RegionDeploymentPlan.Create("eu-west-1", [Ports], [deployed]).Rules);

        Assert.Equal(RuleAction.Unchanged, planned.Action);
        Assert.False(planned.NeedsPut);
        Assert.Equal("restricted-common-ports", planned.EvaluatedRuleName);
    }

    [Theory]
    [InlineData("""{"blockedPort1":"2222"}""", null)]
    [InlineData(null, "One_Hour")]
    public void Our_rule_with_other_parameters_or_frequency_is_updated(string? parameters, string? frequency)
    {
        var desired = Ports.ToConfigRule();
        var deployed = desired with
        {
            InputParameters = parameters ?? desired.InputParameters,
            MaximumExecutionFrequency = frequency ?? desired.MaximumExecutionFrequency,
        };

        Assert.Equal(RuleAction.Update, Assert.Single(RegionDeploymentPlan.Create("eu-west-1", [Ports], [deployed]).Rules).Action);
    }

    [Fact]
    public void A_rule_renamed_by_Security_Hub_covers_the_identifier_and_is_left_alone()
    {
        var securityHub = new ConfigRule
        {
            ConfigRuleName = "securityhub-restricted-ssh-1a2b3c",
            Source = new Source { Owner = ConfigRuleOwners.Aws, SourceIdentifier = "INCOMING_SSH_DISABLED" },
            CreatedBy = "securityhub.amazonaws.com",
        };

        var planned = Assert.Single(RegionDeploymentPlan.Create("eu-west-1", [Ssh], [securityHub]).Rules);

        Assert.Equal(RuleAction.Covered, planned.Action);
        Assert.False(planned.NeedsPut);
        Assert.Equal("securityhub-restricted-ssh-1a2b3c", planned.EvaluatedRuleName);
    }

    [Fact]
    public void A_rule_holding_our_name_with_another_identifier_is_not_overwritten()
    {
        var impostor = new ConfigRule
        {
            ConfigRuleName = "restricted-ssh",
            Source = new Source { Owner = ConfigRuleOwners.CustomLambda, SourceIdentifier = "arn:aws:lambda:eu-west-1:123456789012:function:ssh" },
        };

        var planned = Assert.Single(RegionDeploymentPlan.Create("eu-west-1", [Ssh], [impostor]).Rules);

        Assert.Equal(RuleAction.NameTaken, planned.Action);
        Assert.False(planned.NeedsPut);
        Assert.Null(planned.EvaluatedRuleName);
    }

    [Fact]
    public void A_dry_run_line_is_the_region_the_action_and_the_PutConfigRule_request()
    {
        var plan = RegionDeploymentPlan.Create("eu-west-1", [Ports], []);

        var line = Assert.Single(RuleDeployer.DryRunLines(plan));

        Assert.Equal(
            """{"Region":"eu-west-1","Action":"create","PutConfigRule":{"ConfigRule":{"ConfigRuleName":"restricted-common-ports","Scope":{"ComplianceResourceTypes":["AWS::EC2::SecurityGroup"]},"Source":{"Owner":"AWS","SourceIdentifier":"RESTRICTED_INCOMING_TRAFFIC"},"InputParameters":"{\"blockedPort1\":\"20\",\"blockedPort2\":\"21\",\"blockedPort3\":\"3389\",\"blockedPort4\":\"3306\",\"blockedPort5\":\"4333\"}","MaximumExecutionFrequency":"TwentyFour_Hours"}}}""",
            line);
    }
}
