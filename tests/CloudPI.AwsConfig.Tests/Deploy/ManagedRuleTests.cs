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
    public void The_catalog_deploys_the_rules_of_the_shared_managed_rule_catalogue_with_their_trigger_types_and_parameters()
    {
        using var shared = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.SharedData("aws-config-managed-rules.json")));

        Assert.Equal(
            shared.RootElement.EnumerateArray().Select(Describe).Order(StringComparer.Ordinal),
            ManagedRuleData.All.Select(Describe).Order(StringComparer.Ordinal));
    }

    private static string Describe(JsonElement rule) =>
        $"{rule.GetProperty("id").GetString()} {rule.GetProperty("name").GetString()} {rule.GetProperty("trigger").GetString()} "
        + $"[{string.Join(",", rule.GetProperty("types").EnumerateArray().Select(t => t.GetString()))}] "
        + $"[{string.Join(",", rule.GetProperty("parameters").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}:{p.GetProperty("type").GetString()}:{p.GetProperty("optional").GetBoolean()}:{(p.TryGetProperty("default", out var value) ? value.GetString() : "-")}"))}]";

    private static string Describe(ManagedRule rule) =>
        $"{rule.Identifier} {rule.Name} {Trigger(rule.Trigger)} [{string.Join(",", rule.ResourceTypes)}] "
        + $"[{string.Join(",", rule.Parameters.Select(p => $"{p.Name}:{p.Type}:{p.Optional}:{p.Default ?? "-"}"))}]";

    private static string Trigger(ConfigRuleTrigger trigger) => trigger switch
    {
        ConfigRuleTrigger.ConfigurationChange => "change",
        ConfigRuleTrigger.Periodic => "periodic",
        _ => "change+periodic",
    };

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
            ["ECS_NO_ENVIRONMENT_SECRETS secretKeys", "EKS_CLUSTER_SUPPORTED_VERSION oldestVersionSupported", "LAMBDA_FUNCTION_SETTINGS_CHECK runtime"],
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
