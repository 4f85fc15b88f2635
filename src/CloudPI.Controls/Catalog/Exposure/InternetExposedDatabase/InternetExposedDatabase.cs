using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Exposure;

/// <summary>Decided on the Cartography graph by the reachability engine; no AWS Config rule checks this.</summary>
public static class InternetExposedDatabase
{
    public static Control Control { get; } = new()
    {
        Id = "internet-exposed-database",
        Title = "Database is reachable from the internet",
        Description = "A publicly accessible RDS instance or Redshift cluster can be reached from the whole internet on its endpoint port.",
        Severity = ControlSeverity.Critical,
        Service = "Exposure",
        ResourceTypes = ["AWS::RDS::DBInstance", "AWS::Redshift::Cluster"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Turn off public accessibility, move the database to private subnets, and admit its port only from application security groups.",
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
