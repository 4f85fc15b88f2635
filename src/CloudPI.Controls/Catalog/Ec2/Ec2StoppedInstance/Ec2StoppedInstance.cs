using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Ec2;

/// <summary>Instances stopped for longer than the allowed number of days (default 30) should be terminated or restarted.</summary>
public static class Ec2StoppedInstance
{
    public static Control Control { get; } = new()
    {
        Id = "ec2-stopped-instance",
        Title = "EC2 instance has been stopped for too long",
        Description = "The instance has been stopped for longer than the allowed period (30 days by default); forgotten instances keep their volumes, old software and permissions and can be restarted unpatched.",
        Severity = ControlSeverity.Low,
        Service = "EC2",
        ResourceTypes = ["AWS::EC2::Instance"],
        Risk = RiskKind.Hygiene,
        Remediation = "Confirm with the owner that the instance is no longer needed, snapshot its volumes if required, and terminate it (aws ec2 terminate-instances --instance-ids <id>); otherwise restart and patch it.",
        Mappings = new()
        {
            ConfigRules =
            [
                new("EC2_STOPPED_INSTANCE", "ec2-stopped-instance", ConfigRuleTrigger.Periodic)
                {
                    Parameters =
                    [
                        new("AllowedDays", "int", true, "30"),
                    ],
                },
            ],
            ProwlerChecks = ["ec2_instance_stopped_older_than_specific_days"],
            SecurityHubControls = ["EC2.4"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
