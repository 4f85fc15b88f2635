namespace CloudPI.Catalog.Tests.Cases;

/// <summary>internet-exposed-database: an RDS instance in a public subnet whose group admits its port from anywhere.</summary>
internal sealed class InternetExposedDatabaseCases : IControlCases
{
    public string ControlId => "internet-exposed-database";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("publicly accessible", Expected.Fail,
            g => g.PublicNetwork().SecurityGroup("sg-db").Inbound("sg-db", "tcp", 5432, 5432, "0.0.0.0/0").Rds("db-1", true, 5432, ["subnet-1"], "sg-db"), "db-1"),
        new("not publicly accessible", Expected.Pass,
            g => g.PublicNetwork().SecurityGroup("sg-db").Inbound("sg-db", "tcp", 5432, 5432, "0.0.0.0/0").Rds("db-1", false, 5432, ["subnet-1"], "sg-db"), "db-1"),
    ];
}
