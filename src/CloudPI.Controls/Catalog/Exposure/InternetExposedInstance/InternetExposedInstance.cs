using System.Runtime.CompilerServices;

namespace CloudPI.Controls.Catalog.Exposure;

/// <summary>Decided on the Cartography graph by the reachability engine; no AWS Config rule checks this.</summary>
public static class InternetExposedInstance
{
    public static Control Control { get; } = new()
    {
        Id = "internet-exposed-instance",
        Title = "EC2 instance is reachable from the internet",
        Description = "The instance can be reached from the whole internet on at least one port, through its public address or a load balancer, with routes, NACLs and security groups all open.",
        Severity = ControlSeverity.High,
        Service = "Exposure",
        ResourceTypes = ["AWS::EC2::Instance"],
        Exposures = [NetworkExposure.AnyTraffic],
        Risk = RiskKind.NetworkExposure,
        Remediation = "Remove the public address or the internet-open inbound rules, or put the service behind a load balancer that admits only the ports it serves.",
        // Other tools' names for the same question asked per port: their findings resolve here (the path is computed
        // for any traffic, and names the ports that get in).
        Mappings = new()
        {
            ProwlerChecks =
            [
                "ec2_instance_internet_facing_with_instance_profile",
                .. new[]
                {
                    "cassandra", "elasticsearch_kibana", "ftp", "kafka", "kerberos", "ldap", "memcached", "mongodb", "mysql", "oracle",
                    "postgresql", "rdp", "redis", "sqlserver", "ssh", "telnet",
                }.Select(service => $"ec2_instance_port_{service}_exposed_to_internet"),
            ],
        },
    };

    [ModuleInitializer]
    internal static void Register() => BuiltInControls.Register(Control);
}
