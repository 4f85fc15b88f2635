namespace CloudPI.Catalog.Tests.Cases;

/// <summary>rds-instance-deletion-protection-enabled: an RDS instance, as Cartography stores it and as Pulumi declares it.</summary>
internal sealed class RdsInstanceDeletionProtectionEnabledCases : IControlCases
{
    public string ControlId => "rds-instance-deletion-protection-enabled";

    public IReadOnlyList<ControlCase> Cases =>
    [
        Instance("deletion protection off", Expected.Fail, "false"),
        Instance("deletion protection on", Expected.Pass, "true"),
        new("deletion protection not declared (AWS defaults to off)", Expected.Fail, Pulumi: p => p.Add("aws:rds/instance:Instance", "db", "{}"), PulumiResource: "db"),
        new("deletion protection not synced (not decided)", Expected.Pass, g => g.Node("db-1", ["AWSRDSInstance", "RDSInstance"]), "db-1"),
    ];

    private static ControlCase Instance(string name, Expected expected, string protection) =>
        new(name, expected,
            g => g.Node("db-1", ["AWSRDSInstance", "RDSInstance"], ("deletion_protection", bool.Parse(protection))), "db-1",
            p => p.Add("aws:rds/instance:Instance", "db", $$"""{"deletionProtection":{{protection}}}"""), "db",
            ExploitabilityStatus.NotExploitable);
}
