using CloudPI.Graph.Cartography;
using CloudPI.Graph.Synthetic;

namespace CloudPI.Graph.Tests;

public class SyntheticAccountGeneratorTests
{
    private static readonly Lazy<SyntheticAccount> Account = new(() => SyntheticAccountGenerator.Generate(4000, 42));

    private static CartographyView View => new(Account.Value.Graph);

    private static IEnumerable<SyntheticExpectation> Of(string archetype) =>
        Account.Value.Expectations.Where(e => e.Archetype == archetype);

    [Fact]
    public void Same_seed_gives_identical_bytes_and_another_seed_differs()
    {
        var first = Apoc.Write(SyntheticAccountGenerator.Generate(1500, 7).Graph);
        var second = Apoc.Write(SyntheticAccountGenerator.Generate(1500, 7).Graph);
        var other = Apoc.Write(SyntheticAccountGenerator.Generate(1500, 8).Graph);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void An_organisation_is_accounts_that_own_their_own_resources_and_share_global_nodes()
    {
        var organisation = SyntheticAccountGenerator.Generate(600, 7, accounts: 3);
        var view = new CartographyView(organisation.Graph);
        var single = SyntheticAccountGenerator.Generate(600, 7);

        Assert.Equal(3, organisation.AccountIds.Distinct().Count());
        Assert.Equal(single.AccountId, organisation.AccountIds[0]);
        var owners = organisation.Graph.NodesWithLabel("AWSAccount").Where(a => a["inscope"] is true).ToList();
        Assert.Equal(organisation.AccountIds.Order(StringComparer.Ordinal), owners.Select(a => a.Id!).Order(StringComparer.Ordinal));
        Assert.All(owners, owner => Assert.InRange(owner.Neighbors("RESOURCE", Direction.Outgoing).Count(), single.ResourceCount * 0.9, single.ResourceCount * 1.2));
        Assert.Single(organisation.Graph.FindAll("arn:aws:iam::aws:policy/AdministratorAccess"));
        Assert.Single(organisation.Graph.FindAll("ec2.amazonaws.com"));
        Assert.Equal(3 * single.Expectations.Count, organisation.Expectations.Count);
        Assert.All(view.NodesOf(CartographyKinds.Ec2Instance), instance => Assert.Contains(organisation.AccountIds, id => instance.Arn!.Contains($":{id}:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4000)]
    [InlineData(30000)]
    public void Resource_count_is_close_to_the_request(int requested)
    {
        var account = SyntheticAccountGenerator.Generate(requested, 1);

        Assert.InRange(account.ResourceCount, requested * 0.9, requested * 1.1);
    }

    [Fact]
    public void Every_archetype_appears_equally_often_in_every_vpc()
    {
        var perArchetype = Account.Value.Expectations.GroupBy(e => e.Archetype).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(20, perArchetype.Count);
        Assert.InRange(perArchetype.Values.Max() - perArchetype.Values.Min(), 0, Account.Value.VpcCount);
    }

    [Theory]
    [InlineData("web-direct", true)]
    [InlineData("split-cidr-ssh", true)]
    [InlineData("alb-target", true)]
    [InlineData("nlb-target", true)]
    [InlineData("rds-public", true)]
    [InlineData("fargate-public", true)]
    [InlineData("s3-public", true)]
    [InlineData("rdp-stopped", false)]
    [InlineData("office-allowlist", false)]
    [InlineData("private-internal", false)]
    [InlineData("nacl-blocked-ssh", false)]
    [InlineData("public-ip-no-igw-route", false)]
    [InlineData("rds-private", false)]
    [InlineData("lambda-admin", false)]
    [InlineData("s3-private", false)]
    public void Fixed_archetypes_have_the_documented_exposure(string archetype, bool exposed)
    {
        Assert.NotEmpty(Of(archetype));
        Assert.All(Of(archetype), e => Assert.Equal(exposed, e.InternetExposed));
    }

    [Theory]
    [InlineData("sqs-queue")]
    [InlineData("redshift")]
    [InlineData("eks")]
    [InlineData("classic-elb-target")]
    public void Alternating_archetypes_are_half_exposed(string archetype)
    {
        var all = Of(archetype).ToList();
        var exposed = all.Count(e => e.InternetExposed);

        Assert.InRange(exposed, all.Count / 2 - 2, all.Count / 2 + 2);
    }

    [Fact]
    public void Cartography_flags_on_instances_and_eks_match_the_expectations()
    {
        var view = View;
        foreach (var expectation in Account.Value.Expectations.Where(e => e.Label is "AWSEC2Instance" or "AWSEKSCluster"))
        {
            Assert.True(view.Graph.TryFindById(expectation.ResourceId, out var node));
            Assert.Equal(expectation.CartographyFlagsIt, node.Properties.GetBool("exposed_internet") == true);
        }
    }

    [Fact]
    public void Directly_exposed_instances_are_running_with_a_public_ip_a_route_to_the_igw_and_an_open_range()
    {
        var view = View;
        foreach (var expectation in Of("web-direct").Concat(Of("ssh-bastion-admin").Where(e => e.InternetExposed)).Concat(Of("split-cidr-ssh")))
        {
            Assert.True(view.TryFind<Ec2Instance>(expectation.ResourceId, out var instance));
            Assert.Equal("running", instance.State);
            Assert.NotNull(instance.PublicIpAddress);
            Assert.True(RoutesToInternetGateway(Assert.Single(instance.Subnets)));
            var cidrs = instance.SecurityGroups.SelectMany(g => g.InboundRules).SelectMany(r => r.Ranges).Select(r => r.Cidr).ToHashSet();
            Assert.True(cidrs.Contains("0.0.0.0/0") || (cidrs.Contains("0.0.0.0/1") && cidrs.Contains("128.0.0.0/1")));
        }
    }

    [Fact]
    public void Blocked_instances_are_blocked_by_their_nacl_or_their_route()
    {
        var view = View;
        foreach (var expectation in Of("nacl-blocked-ssh"))
        {
            Assert.True(view.TryFind<Ec2Instance>(expectation.ResourceId, out var instance));
            var acl = Assert.Single(Assert.Single(instance.Subnets).NetworkAcls);
            Assert.Contains(acl.Rules, r => !r.Allows && !r.Egress && r.FromPort == 22 && r.RuleNumber < 100);
        }

        foreach (var expectation in Of("public-ip-no-igw-route"))
        {
            Assert.True(view.TryFind<Ec2Instance>(expectation.ResourceId, out var instance));
            Assert.NotNull(instance.PublicIpAddress);
            Assert.False(RoutesToInternetGateway(Assert.Single(instance.Subnets)));
        }
    }

    [Fact]
    public void Load_balancer_targets_are_exposed_by_internet_facing_balancers()
    {
        var view = View;
        foreach (var expectation in Of("alb-target").Concat(Of("nlb-target")))
        {
            Assert.True(view.TryFind<Ec2Instance>(expectation.ResourceId, out var instance));
            var edge = Assert.Single(instance.ExposedBy);
            Assert.True(LoadBalancerV2.Wrap(edge.Start).InternetFacing);
            Assert.NotNull(edge.Properties.GetLong("port"));
        }
    }

    [Fact]
    public void Bastions_differ_by_round_as_real_copies_do_admin_worker_kept_stopped_or_web_role()
    {
        var view = View;
        var roles = new List<string>();
        foreach (var expectation in Of("ssh-bastion-admin"))
        {
            Assert.True(view.TryFind<Ec2Instance>(expectation.ResourceId, out var instance));
            var role = Assert.Single(instance.AssumableRoles);
            Assert.Equal(role, Assert.Single(Assert.Single(instance.InstanceProfiles).Roles));
            var suffix = role.Name![(role.Name!.LastIndexOf('-') + 1)..];
            roles.Add(suffix);
            // Only the worker's bastion is kept stopped, and only a running bastion is exposed.
            Assert.Equal(suffix == "worker" ? "stopped" : "running", instance.State);
            Assert.Equal(instance.State == "running", expectation.InternetExposed);
            if (suffix == "deploy")
            {
                Assert.Contains(role.Policies.SelectMany(p => p.Statements), s => s.Allows && s.Action.Contains("*") && s.Resource.Contains("*"));
            }
        }

        Assert.Equal(["deploy", "web", "worker"], roles.Distinct().Order(StringComparer.Ordinal));
        Assert.True(Of("ssh-bastion-admin").Select(e => view.TryFind<Ec2Instance>(e.ResourceId, out var i) ? i.TagValue("criticality") : null).Distinct().Count() >= 3);
        Assert.All(view.All<Role>().Where(r => r.Name?.EndsWith("-worker", StringComparison.Ordinal) == true),
            worker => Assert.EndsWith("-deploy", Assert.Single(worker.CanAssume).Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Reproduces_the_real_graph_quirks()
    {
        var view = View;

        Assert.All(view.All<RouteTable>(), t => Assert.False(t.Node.Properties.ContainsKey("vpc_id")));
        Assert.All(view.All<RouteTable>(), t => Assert.Single(t.Vpcs));
        Assert.All(view.All<NetworkAcl>(), acl => Assert.Single(acl.Subnets));
        Assert.All(view.All<Elbv2Listener>(), l => Assert.Equal(string.Empty, l.Node.Properties.GetString("targetgrouparn")));
        Assert.All(view.All<LoadBalancer>(), lb => Assert.Empty(lb.Node.Neighbors("PART_OF_SUBNET", Direction.Outgoing)));
        Assert.All(view.All<RedshiftCluster>(), r => Assert.Empty(r.Node.Neighbors("PART_OF_SUBNET", Direction.Outgoing)));
        var ranges = view.All<IpRange>().Select(r => r.Cidr).ToList();
        Assert.Equal(ranges.Count, ranges.Distinct().Count());
        Assert.Contains(SecurityGroupTemplates.OfficeRange, ranges);
    }

    [Fact]
    public void Nodes_carry_both_label_generations()
    {
        var graph = Account.Value.Graph;
        var kinds = new[]
        {
            CartographyKinds.Ec2Instance, CartographyKinds.SecurityGroup, CartographyKinds.Subnet, CartographyKinds.RouteTable,
            CartographyKinds.NetworkAcl, CartographyKinds.NetworkInterface, CartographyKinds.LoadBalancerV2, CartographyKinds.RdsInstance,
            CartographyKinds.S3Bucket, CartographyKinds.KmsKey, CartographyKinds.EbsVolume, CartographyKinds.IpRange,
            CartographyKinds.InboundRule, CartographyKinds.EksCluster, CartographyKinds.SqsQueue, CartographyKinds.RedshiftCluster,
        };
        foreach (var kind in kinds)
        {
            var current = graph.NodesWithLabel(kind.CurrentLabel).ToList();
            Assert.NotEmpty(current);
            Assert.All(current, n => Assert.True(n.HasLabel(kind.LegacyLabel!), $"{n} lacks {kind.LegacyLabel}"));
        }
    }

    [Fact]
    public void Tags_classify_environment_and_data()
    {
        var view = View;

        Assert.All(view.All<Ec2Instance>(), i => Assert.Contains(i.TagValue("environment"), new[] { "prod", "dev" }));
        Assert.Contains(view.All<S3Bucket>(), b => b.TagValue("DataClassification") == "confidential");
        Assert.Contains(view.All<Ec2Instance>(), i => i.TagValue("criticality") == "high");
    }

    private static bool RoutesToInternetGateway(Subnet subnet)
    {
        var explicitTables = subnet.RouteTableAssociations.SelectMany(a => a.RouteTables).ToList();
        var tables = explicitTables.Count > 0
            ? explicitTables
            : Assert.Single(subnet.Vpcs).RouteTables.Where(t => t.Main).ToList();
        return tables.SelectMany(t => t.Routes)
            .Any(r => r.DestinationCidrBlock == "0.0.0.0/0" && r.GatewayId?.StartsWith("igw-", StringComparison.Ordinal) == true);
    }
}
