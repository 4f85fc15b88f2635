namespace CloudPI.Catalog.Tests.Cases;

/// <summary>internet-exposed-load-balancer: an application load balancer in a public subnet.</summary>
internal sealed class InternetExposedLoadBalancerCases : IControlCases
{
    public string ControlId => "internet-exposed-load-balancer";

    public IReadOnlyList<ControlCase> Cases =>
    [
        new("an internet-facing balancer open on its listener", Expected.Fail,
            g => g.PublicNetwork().SecurityGroup("sg-lb").Inbound("sg-lb", "tcp", 443, 443, "0.0.0.0/0").BalancerV2("alb-1", "application", "internet-facing", [443], ["subnet-1"], "sg-lb"), "alb-1"),
        new("an internal balancer", Expected.Pass,
            g => g.PublicNetwork().SecurityGroup("sg-lb").Inbound("sg-lb", "tcp", 443, 443, "0.0.0.0/0").BalancerV2("alb-1", "application", "internal", [443], ["subnet-1"], "sg-lb"), "alb-1"),
    ];
}
