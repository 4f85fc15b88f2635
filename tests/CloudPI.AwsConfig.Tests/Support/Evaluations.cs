using CloudPI.Aws;
using CloudPI.Controls;
using CloudPI.AwsConfig;

namespace CloudPI.AwsConfig.Tests.Support;

internal static class Evaluations
{
    public const string Account = "800868000056";
    public const string Region = "us-east-1";

    public static readonly DateTimeOffset Invoked = new(2026, 11, 20, 6, 0, 0, 123, TimeSpan.Zero);
    public static readonly DateTimeOffset Recorded = new(2026, 11, 20, 6, 0, 2, 456, TimeSpan.Zero);

    public static ConfigIssueMapper Mapper { get; } = new(new ConfigRuleResolver(ControlCatalog.Default));

    public static ConfigEvaluation NonCompliant(string rule, string type, string id, Source? source = null) => new()
    {
        ConfigRuleName = rule,
        ResourceType = type,
        ResourceId = id,
        ComplianceType = ComplianceTypes.NonCompliant,
        AccountId = Account,
        Region = Region,
        ConfigRuleInvokedTime = Invoked,
        ResultRecordedTime = Recorded,
        RuleSource = source,
    };

    public static Source Managed(string identifier) => new() { Owner = ConfigRuleOwners.Aws, SourceIdentifier = identifier };
}
