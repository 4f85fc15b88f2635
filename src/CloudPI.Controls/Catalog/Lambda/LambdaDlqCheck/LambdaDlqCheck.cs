using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Lambda;

/// <summary>Lambda functions should have a dead-letter queue for failed asynchronous invocations.</summary>
public static class LambdaDlqCheck
{
    public static Control Control { get; } = new()
    {
        Id = "lambda-dlq-check",
        Title = "Lambda function has no dead-letter queue",
        Description = "No dead-letter queue (SQS or SNS) is configured, so asynchronous events that still fail after the retries are dropped silently.",
        Severity = ControlSeverity.Medium,
        Service = "Lambda",
        ResourceTypes = ["AWS::Lambda::Function"],
        Risk = RiskKind.Availability,
        Remediation = "Configure a dead-letter target (aws lambda update-function-configuration --function-name <fn> --dead-letter-config TargetArn=<queue-or-topic-arn>), grant the role sqs:SendMessage or sns:Publish, and alarm on its depth.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("LAMBDA_DLQ_CHECK", "lambda-dlq-check", ConfigRuleTrigger.ConfigurationChange)
                {
                    Parameters =
                    [
                        new("dlqArns", "CSV", true),
                    ],
                },
            ],
            ProwlerChecks = ["awslambda_function_no_dead_letter_queue"],
            CheckovIds = ["CKV_AWS_116"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
