using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Lambda;

/// <summary>Lambda function resource policies must not allow invocation by anyone.</summary>
public static class LambdaFunctionPublicAccessProhibited
{
    public static Control Control { get; } = new()
    {
        Id = "lambda-function-public-access-prohibited",
        Title = "Lambda function policy allows public access",
        Description = "The function's resource-based policy grants access to every principal (\"*\") without a restricting condition, so any AWS account can invoke the function.",
        Severity = ControlSeverity.Critical,
        Service = "Lambda",
        ResourceTypes = ["AWS::Lambda::Function"],
        Risk = RiskKind.PublicAccess,
        Remediation = "Remove the public statement (aws lambda remove-permission --function-name <fn> --statement-id <sid>) and grant invoke rights only to specific principals, with aws:SourceArn or aws:SourceAccount conditions for service principals.",
        Mappings = new()
        {
            ConfigRules = [new("LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", "lambda-function-public-access-prohibited", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["awslambda_function_not_publicly_accessible"],
            ProwlerLegacyChecks = ["extra798"],
            CheckovIds = ["CKV_AWS_301"],
            SecurityHubControls = ["Lambda.1"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
