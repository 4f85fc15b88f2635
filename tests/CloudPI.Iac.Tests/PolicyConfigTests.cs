using CloudPI.Controls;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;

namespace CloudPI.Iac.Tests;

public sealed class PolicyConfigTests
{
    [Fact]
    public void Every_check_control_comes_from_the_catalog()
    {
        string[] expected =
        [
            "cmk-backing-key-rotation-enabled", "restricted-ssh", "vpc-default-security-group-closed", "vpc-flow-logs-enabled", "encrypted-volumes",
            "rds-instance-deletion-protection-enabled", "rds-cluster-deletion-protection-enabled", "s3-bucket-public-read-prohibited",
            "s3-bucket-public-write-prohibited", "s3-bucket-level-public-access-prohibited", "eks-cluster-log-enabled", "eks-secrets-encrypted",
            "eks-resources-tagged", "s3-bucket-ssl-requests-only", "s3-bucket-server-side-encryption-enabled", "sqs-queue-no-public-access",
        ];
        var controls = IacChecks.All.SelectMany(c => c.Controls).ToList();
        Assert.Equal(expected, controls.Select(c => c.Id));
        Assert.All(controls, c => Assert.Same(ControlCatalog.Default.Resolve(c.Id), c));
        Assert.Equal(13, IacChecks.All.Count);
    }

    [Fact] // The design: "even if one check fails, the build process is halted".
    public void Without_a_config_every_check_is_mandatory() =>
        Assert.All(IacChecks.All.SelectMany(c => c.Controls), c => Assert.Equal(EnforcementLevel.Mandatory, PolicyConfig.Default.Level(c.Id)));

    [Fact]
    public void The_recommended_preset_makes_internet_exposure_mandatory_and_the_rest_advisory()
    {
        var config = PolicyConfig.For(EnforcementPreset.Recommended);
        string[] mandatory = ["restricted-ssh", "s3-bucket-public-read-prohibited", "s3-bucket-public-write-prohibited", "s3-bucket-level-public-access-prohibited", "sqs-queue-no-public-access"];
        Assert.Equal(mandatory, IacChecks.All.SelectMany(c => c.Controls).Where(c => config.Level(c.Id) == EnforcementLevel.Mandatory).Select(c => c.Id));
        Assert.Equal(EnforcementLevel.Mandatory, config.Level("planned-exposure"));
        Assert.Equal(EnforcementLevel.Advisory, config.Level("encrypted-volumes"));
        Assert.Equal(EnforcementLevel.Advisory, config.Level("eks-resources-tagged"));
    }

    [Fact]
    public void A_config_relaxes_or_tightens_the_preset_it_starts_from()
    {
        var relaxed = PolicyConfig.Parse("""{"all":"advisory","restricted-ssh":"mandatory"}""", "policy.json");
        Assert.Equal(EnforcementLevel.Advisory, relaxed.Level("vpc-flow-logs-enabled"));
        Assert.Equal(EnforcementLevel.Mandatory, relaxed.Level("restricted-ssh"));

        var tightened = PolicyConfig.Parse("""{"encrypted-volumes":"mandatory","eks-resources-tagged":{"requiredTags":["Name"]}}""", "policy.json", EnforcementPreset.Recommended);
        Assert.Equal(EnforcementLevel.Mandatory, tightened.Level("encrypted-volumes"));
        Assert.Equal(EnforcementLevel.Advisory, tightened.Level("eks-resources-tagged")); // parameters only: the preset's level stays
        Assert.Equal(EnforcementLevel.Advisory, tightened.Level("vpc-flow-logs-enabled"));
    }

    [Fact]
    public void Presets_are_found_by_name()
    {
        Assert.Same(EnforcementPreset.Mandatory, EnforcementPreset.Find("mandatory"));
        Assert.Same(EnforcementPreset.Recommended, EnforcementPreset.Find("recommended"));
        Assert.Null(EnforcementPreset.Find("strict"));
    }

    [Fact]
    public void All_applies_first_then_entries_and_sample_names_and_remediate()
    {
        var config = PolicyConfig.Parse("""
            {"all":"mandatory",
             "s3-ssl-requests-policy":"advisory",
             "rds_deletion_protection_policy":{"enforcementLevel":"disabled"},
             "eks-cluster-tags_policy":{"enforcementLevel":"remediate","requiredTags":["Name","env","owner"]},
             "eks-cluster-default-logs":{"requiredLogTypes":["api","audit","authenticator"]},
             "environments":["dev"]}
            """, "policy.json");
        Assert.Equal(EnforcementLevel.Mandatory, config.Level("encrypted-volumes"));
        Assert.Equal(EnforcementLevel.Advisory, config.Level("s3-bucket-ssl-requests-only"));
        Assert.Equal(EnforcementLevel.Disabled, config.Level("rds-instance-deletion-protection-enabled"));
        Assert.Equal(EnforcementLevel.Disabled, config.Level("rds-cluster-deletion-protection-enabled"));
        Assert.Equal(EnforcementLevel.Mandatory, config.Level("eks-resources-tagged"));
        Assert.Equal(EnforcementLevel.Mandatory, config.Level("eks-cluster-log-enabled")); // parameters only: the "all" level stays
        Assert.Equal(["Name", "env", "owner"], config.Parameters(new EksResourcesTaggedCheck()).StringList("requiredTags"));
    }

    [Theory]
    [InlineData("""{"restricted-ssh":"blocking"}""", "policy.json: restricted-ssh: 'blocking' is not an enforcement level (mandatory, advisory, remediate or disabled)")]
    [InlineData("""{"all":{"enforcementLevel":"strict"}}""", "policy.json: all: 'strict' is not an enforcement level")]
    [InlineData("""{"no-such-check":"advisory"}""", "policy.json: no-such-check: unknown check (known: cmk-backing-key-rotation-enabled,")]
    [InlineData("""{"eks-resources-tagged":{"requiredTags":"Name"}}""", "policy.json: eks-resources-tagged.requiredTags: expected an array of non-empty strings")]
    [InlineData("""{"eks-resources-tagged":{"requiredTags":[]}}""", "policy.json: eks-resources-tagged.requiredTags: expected at least one value")]
    [InlineData("""{"eks-cluster-log-enabled":{"requiredLogTypes":["api","kubelet"]}}""", "policy.json: eks-cluster-log-enabled.requiredLogTypes: 'kubelet' is not one of api, audit, authenticator, controllerManager, scheduler")]
    [InlineData("""{"restricted-ssh":{"ports":[22]}}""", "policy.json: restricted-ssh.ports: unknown parameter (accepted: enforcementLevel only)")]
    [InlineData("""{"encrypted-volumes":{"acceptEncryptionByDefault":"yes"}}""", "policy.json: encrypted-volumes.acceptEncryptionByDefault: expected true or false")]
    [InlineData("""{"all":{"requiredTags":["Name"]}}""", "policy.json: all.requiredTags: unknown parameter")]
    [InlineData("""{"restricted-ssh":3}""", "policy.json: restricted-ssh: expected a level string or an object")]
    [InlineData("""["mandatory"]""", "policy.json: expected a JSON object")]
    [InlineData("""{"all":""", "policy.json: line 1: malformed JSON")]
    public void Bad_configs_give_one_clear_error_naming_file_and_key(string json, string expected)
    {
        var error = Assert.Throws<PolicyConfigException>(() => PolicyConfig.Parse(json, "policy.json"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
