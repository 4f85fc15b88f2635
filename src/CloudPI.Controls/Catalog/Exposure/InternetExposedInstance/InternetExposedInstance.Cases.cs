namespace CloudPI.Catalog.Tests.Cases;

/// <summary>internet-exposed-instance: an instance in a public subnet, reachable or not.</summary>
internal sealed class InternetExposedInstanceCases : IControlCases
{
    public string ControlId => "internet-exposed-instance";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("a public instance whose group admits tcp/22 from anywhere", Expected.Fail,
            g => g.PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "0.0.0.0/0").Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1"), "i-1"),
        new("a public instance whose group admits only a private range", Expected.Pass,
            g => g.PublicNetwork().SecurityGroup("sg-1").Inbound("sg-1", "tcp", 22, 22, "10.0.0.0/8").Instance("i-1", "subnet-1", "54.0.0.1", "running", "sg-1"), "i-1"),
    ];
}
