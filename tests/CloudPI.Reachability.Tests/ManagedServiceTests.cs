using CloudPI.Reachability;

namespace CloudPI.Reachability.Tests;

/// <summary>Databases, Redshift and the EKS API endpoint.</summary>
public class ManagedServiceTests
{
    /// <summary>subnet-1 public; subnet-2 private (routed to a NAT); sg-db admits 5432 from anywhere.</summary>
    private static CartographyGraph Databases() =>
        new CartographyGraph().PublicNetwork().Subnet("subnet-2", "10.0.2.0/24")
            .RouteTable("rtb-private").Associate("rtb-private", "subnet-2").Route("rtb-private", "0.0.0.0/0", natGatewayId: "nat-1")
            .SecurityGroup("sg-db").Inbound("sg-db", "tcp", 5432, 5432, "0.0.0.0/0");

    [Fact]
    public void Publicly_accessible_rds_in_private_subnets_is_not_reachable()
    {
        var graph = Databases().Rds("db-private-subnets", publiclyAccessible: true, 5432, ["subnet-2"], "sg-db").Check();

        var result = graph.Reach("db-private-subnets", null);

        Assert.Equal(ReachabilityVerdict.NotReachable, result.Verdict);
        Assert.Equal("internet ✗ rtb-private", result.Path);
        Assert.Equal(CartographyAgreement.NotComparable, graph.Compare("db-private-subnets", null).Agreement);
    }

    /// <summary>subnet-a (public, us-east-1a) and subnet-b (private, us-east-1b) in one DB subnet group.</summary>
    private static CartographyGraph MixedSubnetGroup() =>
        Databases().Subnet("subnet-a", "10.0.3.0/24", zone: "us-east-1a").Associate("rtb-1", "subnet-a")
            .Subnet("subnet-b", "10.0.4.0/24", zone: "us-east-1b").Associate("rtb-private", "subnet-b");

    [Fact]
    public void Rds_is_placed_in_the_subnet_of_its_availability_zone()
    {
        var graph = MixedSubnetGroup()
            .RdsIn("db-private", "us-east-1b", publiclyAccessible: true, 5432, ["subnet-a", "subnet-b"], "sg-db")
            .RdsIn("db-public", "us-east-1a", publiclyAccessible: true, 5432, ["subnet-a", "subnet-b"], "sg-db")
            .Check();

        var inPrivate = graph.Reach("db-private", null);
        var inPublic = graph.Reach("db-public", null);

        Assert.Equal(ReachabilityVerdict.NotReachable, inPrivate.Verdict);
        Assert.Equal("internet ✗ rtb-private", inPrivate.Path);
        Assert.Contains(inPrivate.Evidence, s => s.Reason.Contains("db-private is in us-east-1b: of its DB subnet group (subnet-a, subnet-b) it sits in subnet-b", StringComparison.Ordinal));
        Assert.Equal(ReachabilityVerdict.Reachable, inPublic.Verdict);
    }

    [Fact]
    public void Rds_with_no_zone_in_a_mixed_subnet_group_is_unknown_not_reachable()
    {
        var graph = MixedSubnetGroup().Rds("db-1", publiclyAccessible: true, 5432, ["subnet-a", "subnet-b"], "sg-db").Check();

        var result = graph.Reach("db-1", NetworkExposure.Tcp(5432));

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Contains(result.Missing, m => m.Contains("which of subnet-a, subnet-b holds db-1 (the candidates disagree: subnet-a is open; subnet-b closes the path)", StringComparison.Ordinal));
    }

    [Fact]
    public void Databases_sharing_a_subnet_group_are_each_named_in_their_own_verdict()
    {
        // The sum of a subnet group's candidates is decided once for all its databases; each verdict still names its own.
        var graph = MixedSubnetGroup()
            .Rds("db-1", publiclyAccessible: true, 5432, ["subnet-a", "subnet-b"], "sg-db")
            .Rds("db-2", publiclyAccessible: true, 5432, ["subnet-a", "subnet-b"], "sg-db")
            .Check();

        var first = graph.Reach("db-1", NetworkExposure.Tcp(5432));
        var second = graph.Reach("db-2", NetworkExposure.Tcp(5432));

        Assert.Equal(ReachabilityVerdict.Unknown, second.Verdict);
        Assert.Contains(first.Missing, m => m.Contains("holds db-1 (the candidates disagree", StringComparison.Ordinal));
        Assert.Contains(second.Missing, m => m.Contains("holds db-2 (the candidates disagree", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Missing, m => m.Contains("db-1", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Evidence, s => s.Reason.Contains("db-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Publicly_accessible_rds_in_a_public_subnet_is_reachable_on_its_port_only()
    {
        var graph = Databases().Rds("db-1", publiclyAccessible: true, 5432, ["subnet-1"], "sg-db").Check();

        var any = graph.Reach("db-1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, any.Verdict);
        Assert.Equal("internet → igw-1 → rtb-1 → acl-1#100 → sg-db tcp/5432 → db-1", any.Path);
        Assert.Equal(["tcp/5432"], any.OpenPorts.Select(p => p.Traffic.ToString()));
        var ssh = graph.Ssh("db-1");
        Assert.Equal(ReachabilityVerdict.NotReachable, ssh.Verdict);
        Assert.Contains("accepts tcp/5432 only", ssh.Summary);
    }

    [Fact]
    public void Rds_that_is_not_publicly_accessible_is_not_reachable()
    {
        var graph = Databases().Rds("db-1", publiclyAccessible: false, 5432, ["subnet-1"], "sg-db").Check();

        Assert.Contains("not publicly accessible", graph.Reach("db-1", null).Summary);
    }

    [Fact]
    public void Redshift_without_subnet_edge_uses_its_vpc_subnets_and_default_port()
    {
        var graph = new CartographyGraph().PublicNetwork().SecurityGroup("sg-rs").Inbound("sg-rs", "tcp", 5439, 5439, "0.0.0.0/0")
            .Node("rs-1", ["AWSRedshiftCluster", "RedshiftCluster"], ("publicly_accessible", true))
            .Edge("rs-1", "MEMBER_OF_AWS_VPC", "vpc-1").Members("rs-1", "sg-rs").Check();

        var result = graph.Reach("rs-1", null);

        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Equal(["tcp/5439"], result.OpenPorts.Select(p => p.Traffic.ToString()));
        Assert.Contains(result.Evidence, e => e.Decision == EvidenceDecision.Note && e.Reason.Contains("no subnet edge"));
    }

    [Fact]
    public void Redshift_is_placed_by_its_zone_and_is_unknown_when_its_vpcs_subnets_disagree()
    {
        var graph = MixedSubnetGroup().SecurityGroup("sg-rs").Inbound("sg-rs", "tcp", 5439, 5439, "0.0.0.0/0")
            .Node("rs-zoned", ["AWSRedshiftCluster", "RedshiftCluster"], ("publicly_accessible", true), ("availability_zone", "us-east-1b"))
            .Edge("rs-zoned", "MEMBER_OF_AWS_VPC", "vpc-1").Members("rs-zoned", "sg-rs")
            .Node("rs-unplaced", ["AWSRedshiftCluster", "RedshiftCluster"], ("publicly_accessible", true))
            .Edge("rs-unplaced", "MEMBER_OF_AWS_VPC", "vpc-1").Members("rs-unplaced", "sg-rs")
            .Check();

        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Reach("rs-zoned", null).Verdict);
        var unplaced = graph.Reach("rs-unplaced", null);
        Assert.Equal(ReachabilityVerdict.Unknown, unplaced.Verdict);
        Assert.Contains(unplaced.Missing, m => m.StartsWith("which of subnet-1, subnet-2, subnet-a, subnet-b holds rs-unplaced", StringComparison.Ordinal));
    }

    [Fact]
    public void Eks_public_endpoint_is_reachable_and_names_the_missing_cidrs()
    {
        var graph = new CartographyGraph()
            .Node("eks-1", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", true))
            .Node("eks-2", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", true), ("public_access_cidrs", new[] { "203.0.113.0/24" }))
            .Node("eks-3", ["AWSEKSCluster", "EKSCluster"], ("endpoint_public_access", false)).Check();

        var open = graph.Reach("eks-1", NetworkExposure.Tcp(443));

        Assert.Equal(ReachabilityVerdict.Reachable, open.Verdict);
        Assert.Contains(open.Missing, m => m.Contains("public_access_cidrs"));
        Assert.Equal(ReachabilityVerdict.RestrictedExposure, graph.Reach("eks-2", null).Verdict);
        Assert.Equal(ReachabilityVerdict.NotReachable, graph.Reach("eks-3", null).Verdict);
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("eks-1", null).Agreement);
        Assert.Equal(CartographyAgreement.Agree, graph.Compare("eks-3", null).Agreement);
    }

    [Fact]
    public void Unmodelled_kinds_are_unknown_not_guessed()
    {
        var graph = new CartographyGraph().Node("table-1", ["AWSDynamoDBTable", "DynamoDBTable"]).Check();

        var result = graph.Reach("table-1", null);

        Assert.Equal(ReachabilityVerdict.Unknown, result.Verdict);
        Assert.Contains("not analysed", result.Missing.Single());
    }
}
