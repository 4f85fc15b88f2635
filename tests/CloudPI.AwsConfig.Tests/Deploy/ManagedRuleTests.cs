using System.Text.Json;
using CloudPI.Aws;
using CloudPI.Controls;
using CloudPI.AwsConfig;
using CloudPI.TestSupport;

namespace CloudPI.AwsConfig.Tests.Deploy;

public sealed class ManagedRuleTests
{
    private static ManagedRule Rule(string identifier) => ManagedRuleData.Find(identifier)!;

    [Fact]
    public void The_embedded_data_is_the_shared_managed_rule_catalogue()
    {
        using var shared = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.SharedData("aws-config-managed-rules.json")));

        Assert.Equal(
            shared.RootElement.EnumerateArray().Select(r => (r.GetProperty("name").GetString(), r.GetProperty("id").GetString())),
            ManagedRuleData.All.Select(r => ((string?)r.Name, (string?)r.Identifier)));
    }

    [Fact]
    public void Every_managed_rule_belongs_to_a_control_of_the_catalog()
    {
        Assert.All(ManagedRuleData.All, rule => Assert.NotNull(ControlCatalog.Default.FindByConfigRuleIdentifier(rule.Identifier)));
    }

    [Fact]
    public void A_change_triggered_rule_is_scoped_to_its_resource_types_without_a_frequency()
    {
        var rule = Rule("ENCRYPTED_VOLUMES").ToConfigRule();

        Assert.Equal("encrypted-volumes", rule.ConfigRuleName);
        Assert.Equal(ConfigRuleOwners.Aws, rule.Source?.Owner);
        Assert.Equal("ENCRYPTED_VOLUMES", rule.Source?.SourceIdentifier);
        Assert.Equal(["AWS::EC2::Volume"], rule.Scope?.ComplianceResourceTypes);
        Assert.Null(rule.MaximumExecutionFrequency);
        Assert.Null(rule.InputParameters);
    }

    [Fact]
    public void A_periodic_account_level_rule_has_a_frequency_and_no_scope()
    {
        var rule = Rule("EC2_EBS_ENCRYPTION_BY_DEFAULT").ToConfigRule();

        Assert.Null(rule.Scope);
        Assert.Equal(MaximumExecutionFrequencies.TwentyFourHours, rule.MaximumExecutionFrequency);
    }

    [Fact]
    public void Parameters_with_defaults_are_sent_as_strings_in_a_JSON_string()
    {
        var rule = Rule("RESTRICTED_INCOMING_TRAFFIC").ToConfigRule();

        Assert.Equal("""{"blockedPort1":"20","blockedPort2":"21","blockedPort3":"3389","blockedPort4":"3306","blockedPort5":"4333"}""", rule.InputParameters);
        Assert.Equal(["AWS::EC2::SecurityGroup"], rule.Scope?.ComplianceResourceTypes);
        Assert.Equal(MaximumExecutionFrequencies.TwentyFourHours, rule.MaximumExecutionFrequency);
    }

    [Fact]
    public void Only_rules_with_a_required_parameter_lacking_a_default_cannot_be_deployed()
    {
        Assert.Equal(
            ["ECS_NO_ENVIRONMENT_SECRETS secretKeys", "LAMBDA_FUNCTION_SETTINGS_CHECK runtime", "EKS_CLUSTER_SUPPORTED_VERSION oldestVersionSupported"],
            ManagedRuleData.All.Where(r => r.MissingRequiredParameter is not null).Select(r => $"{r.Identifier} {r.MissingRequiredParameter!.Name}"));
    }

    [Fact]
    public void Services_select_the_managed_rules_of_their_controls_and_ec2_includes_ebs_and_security_groups()
    {
        var resolver = new ConfigRuleResolver(ControlCatalog.Default);

        var ec2 = new ControlScope(resolver, ["ec2"]).ManagedRules(ManagedRuleData.All).Select(r => r.Identifier).ToList();
        var rds = new ControlScope(resolver, ["RDS"]).ManagedRules(ManagedRuleData.All).ToList();

        Assert.Contains("EC2_IMDSV2_CHECK", ec2);
        Assert.Contains("ENCRYPTED_VOLUMES", ec2);
        Assert.Contains("INCOMING_SSH_DISABLED", ec2);
        Assert.DoesNotContain("VPC_FLOW_LOGS_ENABLED", ec2);
        Assert.NotEmpty(rds);
        Assert.All(rds, r => Assert.StartsWith("AWS::RDS::", r.ResourceTypes[0], StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new ControlScope(resolver, ["dynamodb"]));
    }
}
