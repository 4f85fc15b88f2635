namespace CloudPI.AwsConfig.Tests.Support;

/// <summary>
/// Answers for <see cref="ConfigStub"/> in the botocore model's shapes (botocore/data/config/2014-11-12/service-2.json),
/// for the compliance operations moto 5.2.1 lacks: PascalCase members, epoch-second timestamps, camelCase
/// BatchGetResourceConfig.
/// </summary>
internal static class ConfigAnswers
{
    public const string Account = "111122223333";
    public const double Invoked = 1763618400.25; // 2025-11-20T06:00:00.250Z
    public const double Recorded = 1763618402.5;

    /// <summary>
    /// A small account: in eu-west-1 restricted-ssh flags sg-1 and a Security Hub rule flags an RDS instance that Config
    /// reports by DbiResourceId (db-ABC, ARN from BatchGetResourceConfig); in us-east-1 encrypted-volumes flags vol-1.
    /// </summary>
    public static StubResponse SmallAccount(StubRequest request) => SmallAccount(request, Invoked, Recorded);

    /// <summary><see cref="SmallAccount(StubRequest)"/> re-evaluated at other times.</summary>
    public static StubResponse SmallAccount(StubRequest request, double invoked, double recorded) => (request.Operation, request.SigningRegion) switch
    {
        ("DescribeComplianceByConfigRule", "eu-west-1") => NonCompliantRules("restricted-ssh", "securityhub-rds-instance-public-access-check-a1b2"),
        ("DescribeComplianceByConfigRule", _) => NonCompliantRules("encrypted-volumes"),
        ("DescribeConfigRules", "eu-west-1") => StubResponse.Ok(new
        {
            ConfigRules = new[] { Rule("restricted-ssh", "AWS", "INCOMING_SSH_DISABLED"), Rule("securityhub-rds-instance-public-access-check-a1b2", "AWS", "RDS_INSTANCE_PUBLIC_ACCESS_CHECK") },
        }),
        ("DescribeConfigRules", _) => StubResponse.Ok(new { ConfigRules = new[] { Rule("encrypted-volumes", "AWS", "ENCRYPTED_VOLUMES") } }),
        ("GetComplianceDetailsByConfigRule", _) => RuleName(request) switch
        {
            "restricted-ssh" => Results("restricted-ssh", "AWS::EC2::SecurityGroup", ["sg-1"], invoked: invoked, recorded: recorded),
            "encrypted-volumes" => Results("encrypted-volumes", "AWS::EC2::Volume", ["vol-1"], invoked: invoked, recorded: recorded),
            var rule => Results(rule, "AWS::RDS::DBInstance", ["db-ABC"], invoked: invoked, recorded: recorded),
        },
        ("BatchGetResourceConfig", _) => StubResponse.Ok(new
        {
            baseConfigurationItems = new[]
            {
                new { arn = $"arn:aws:rds:eu-west-1:{Account}:db:orders", resourceType = "AWS::RDS::DBInstance", resourceId = "db-ABC", resourceName = "orders", awsRegion = "eu-west-1" },
            },
            unprocessedResourceKeys = Array.Empty<object>(),
        }),
        _ => StubResponse.Error(400, "InvalidParameterValueException", $"unexpected {request.Operation}"),
    };

    /// <summary>The issues of <see cref="SmallAccount(StubRequest)"/> as "type target".</summary>
    public static readonly string[] SmallAccountIssues =
    [
        $"encrypted-volumes arn:aws:ec2:us-east-1:{Account}:volume/vol-1",
        $"rds-instance-public-access-check arn:aws:rds:eu-west-1:{Account}:db:orders",
        $"restricted-ssh arn:aws:ec2:eu-west-1:{Account}:security-group/sg-1",
    ];

    public static string Token(StubRequest request) =>
        request.Json.TryGetProperty("NextToken", out var token) ? token.GetString()! : "";

    public static string RuleName(StubRequest request) => request.Json.GetProperty("ConfigRuleName").GetString()!;

    /// <summary>DescribeComplianceByConfigRule filtered to NON_COMPLIANT: the rules with non-compliant resources.</summary>
    public static StubResponse NonCompliantRules(params string[] rules) => StubResponse.Ok(new
    {
        ComplianceByConfigRules = rules.Select(rule => new { ConfigRuleName = rule, Compliance = new { ComplianceType = "NON_COMPLIANT" } }),
    });

    public static object Rule(string name, string owner, string identifier) => new
    {
        ConfigRuleName = name,
        ConfigRuleArn = $"arn:aws:config:eu-west-1:{Account}:config-rule/config-rule-{name.Length}",
        Source = new { Owner = owner, SourceIdentifier = identifier },
        ConfigRuleState = "ACTIVE",
    };

    public static StubResponse Results(string rule, string type, string[] ids, string? nextToken = null, double invoked = Invoked, double recorded = Recorded) => StubResponse.Ok(new
    {
        EvaluationResults = ids.Select(id => new
        {
            EvaluationResultIdentifier = Identifier(rule, type, id, invoked),
            ComplianceType = "NON_COMPLIANT",
            ResultRecordedTime = recorded,
            ConfigRuleInvokedTime = invoked,
        }),
        NextToken = nextToken,
    });

    public static object Identifier(string rule, string type, string id, double ordering = Invoked) => new
    {
        EvaluationResultQualifier = new { ConfigRuleName = rule, ResourceType = type, ResourceId = id, EvaluationMode = "DETECTIVE" },
        OrderingTimestamp = ordering,
    };
}
