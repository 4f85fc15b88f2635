using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Lambda;

/// <summary>Lambda functions should match the expected runtime, role, memory size and timeout.</summary>
public static class LambdaFunctionSettingsCheck
{
    public static Control Control { get; } = new()
    {
        Id = "lambda-function-settings-check",
        Title = "Lambda function settings do not match the required values",
        Description = "The function's runtime, execution role, memory size or timeout differs from the values the rule requires; usually this means a deprecated runtime that no longer receives security patches.",
        Severity = ControlSeverity.Medium,
        Service = "Lambda",
        ResourceTypes = ["AWS::Lambda::Function"],
        Risk = RiskKind.Hygiene,
        Remediation = "Update the function to a supported runtime and the required settings (aws lambda update-function-configuration --function-name <fn> --runtime <runtime> --timeout <s> --memory-size <mb>), test, and publish a new version.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("LAMBDA_FUNCTION_SETTINGS_CHECK", "lambda-function-settings-check", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("runtime", "CSV", false),
                        new("role", "String", true),
                        new("memorySize", "int", true, "128"),
                        new("timeout", "int", true, "3"),
                    ],
                },
            ],
            // Approximate mapping: Prowler checks only the runtime part of these settings.
            ProwlerChecks = ["awslambda_function_using_supported_runtimes"],
            ProwlerLegacyChecks = ["extra762"],
            SecurityHubControls = ["Lambda.2"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
