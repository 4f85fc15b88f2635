using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB instances should accept IAM database authentication.</summary>
public static class RdsInstanceIamAuthenticationEnabled
{
    public static Control Control { get; } = new()
    {
        Id = "rds-instance-iam-authentication-enabled",
        Title = "RDS DB instance does not use IAM authentication",
        Description = "IAM database authentication is off, so every client uses long-lived database passwords that are stored in configuration and rarely rotated.",
        Severity = ControlSeverity.Medium,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBInstance"],
        Risk = RiskKind.PrivilegeExposure,
        Remediation = "Enable it (aws rds modify-db-instance --db-instance-identifier <db> --enable-iam-database-authentication --apply-immediately; Terraform iam_database_authentication_enabled = true) and move clients to rds:connect tokens.",
        Mappings = new()
        {
            ConfigRules = [new("RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED", "rds-instance-iam-authentication-enabled", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["rds_instance_iam_authentication_enabled"],
            CheckovIds = ["CKV_AWS_161"],
            SecurityHubControls = ["RDS.10"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
