using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Rds;

/// <summary>RDS DB instances must not be publicly accessible.</summary>
public static class RdsInstancePublicAccessCheck
{
    public static Control Control { get; } = new()
    {
        Id = "rds-instance-public-access-check",
        Title = "RDS DB instance is publicly accessible",
        Description = "The DB instance has PubliclyAccessible set, so its endpoint resolves to a public address and the database listener can be reached from the internet wherever security groups allow it.",
        Severity = ControlSeverity.Critical,
        Service = "RDS",
        ResourceTypes = ["AWS::RDS::DBInstance"],
        // Exposures stay empty: the listener port depends on the engine and configuration, so the analysis takes it from the
        // resource (Endpoint.Port / endpoint_port) instead of the catalog.
        Risk = RiskKind.PublicAccess,
        Remediation = "Turn public access off (aws rds modify-db-instance --db-instance-identifier <db> --no-publicly-accessible --apply-immediately; Terraform publicly_accessible = false) and place the instance in private subnets.",
        Mappings = new()
        {
            ConfigRules = [new("RDS_INSTANCE_PUBLIC_ACCESS_CHECK", "rds-instance-public-access-check", ConfigRuleTrigger.ConfigurationChange)],
            ProwlerChecks = ["rds_instance_no_public_access"],
            ProwlerLegacyChecks = ["extra78"],
            CheckovIds = ["CKV_AWS_17"],
            SecurityHubControls = ["RDS.2"],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
