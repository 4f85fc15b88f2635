using CloudPI.Graph.Cartography;

namespace CloudPI.Graph.Tests;

public class CartographyViewTests
{
    private static CartographyView View(Action<PropertyGraphBuilder> build)
    {
        var builder = new PropertyGraphBuilder();
        build(builder);
        return new CartographyView(builder.Build());
    }

    [Fact]
    public void Resolves_current_legacy_and_both_label_generations_once_each()
    {
        var view = View(b =>
        {
            b.AddNode("1", ["AWSEC2Instance", "EC2Instance"], [new("id", "i-both"), new("state", "running")]);
            b.AddNode("2", ["EC2Instance"], [new("id", "i-legacy"), new("publicipaddress", "198.51.100.7")]);
            b.AddNode("3", ["AWSEC2Instance"], [new("id", "i-current")]);
            b.AddNode("4", ["EC2SecurityGroup"], [new("id", "sg-legacy"), new("name", "web")]);
            b.AddNode("5", ["AWSEC2SecurityGroup"], [new("id", "sg-current")]);
            b.AddRelationship("10", "MEMBER_OF_EC2_SECURITY_GROUP", "2", "4");
            b.AddRelationship("11", "MEMBER_OF_EC2_SECURITY_GROUP", "2", "5");
        });

        Assert.Equal(["i-both", "i-current", "i-legacy"], view.All<Ec2Instance>().Select(i => i.InstanceId).Order(StringComparer.Ordinal));
        Assert.True(view.TryFind<Ec2Instance>("i-legacy", out var legacy));
        Assert.Equal("198.51.100.7", legacy.PublicIpAddress);
        Assert.Equal(["sg-current", "sg-legacy"], legacy.SecurityGroups.Select(g => g.GroupId).Order(StringComparer.Ordinal));
        Assert.False(view.TryFind<SecurityGroup>("i-legacy", out _));
    }

    [Fact]
    public void Lists_related_nodes_of_their_kind_only_in_a_list_sized_for_the_relationships()
    {
        var view = View(b =>
        {
            b.AddNode("1", ["AWSEC2Instance"], [new("id", "i-1")]);
            b.AddNode("2", ["AWSEC2SecurityGroup"], [new("id", "sg-1")]);
            b.AddNode("3", ["AWSEC2SecurityGroup"], [new("id", "sg-2")]);
            b.AddNode("4", ["AWSEC2Subnet"], [new("id", "subnet-1")]);
            b.AddRelationship("10", "MEMBER_OF_EC2_SECURITY_GROUP", "1", "2");
            b.AddRelationship("11", "MEMBER_OF_EC2_SECURITY_GROUP", "1", "3");
            b.AddRelationship("12", "MEMBER_OF_EC2_SECURITY_GROUP", "1", "4"); // not a group: left out
        });

        Assert.True(view.TryFind<Ec2Instance>("i-1", out var instance));
        var groups = instance.SecurityGroups.ToList();

        Assert.Equal(["sg-1", "sg-2"], groups.Select(g => g.GroupId));
        Assert.Equal(3, groups.Capacity);
        Assert.Empty(instance.NetworkInterfaces.ToList());
    }

    [Fact]
    public void Shared_legacy_labels_do_not_leak_between_kinds()
    {
        var view = View(b =>
        {
            b.AddNode("1", ["LoadBalancer"], [new("id", "classic-legacy")]);
            b.AddNode("2", ["AWSLoadBalancerV2", "LoadBalancer", "LoadBalancerV2"], [new("id", "alb")]);
            b.AddNode("3", ["LoadBalancer", "LoadBalancerV2"], [new("id", "alb-legacy")]);
            b.AddNode("4", ["AWSEC2NetworkAclRule", "EC2NetworkAclRule", "IpPermissionInbound"], [new("id", "acl-1/inbound/100")]);
            b.AddNode("5", ["IpPermissionInbound", "IpRule"], [new("id", "sg-1/IpPermissions/2222tcp"), new("fromport", 22)]);
            b.AddNode("6", ["IpRule"], [new("id", "sg-1/IpPermissionsEgress/NoneNone-1")]);
        });

        Assert.Equal(["classic-legacy"], view.All<LoadBalancer>().Select(l => l.Node.Id));
        Assert.Equal(["alb", "alb-legacy"], view.All<LoadBalancerV2>().Select(l => l.Node.Id));
        Assert.Equal(["acl-1/inbound/100"], view.All<NetworkAclRule>().Select(r => r.Node.Id));
        Assert.Equal(["sg-1/IpPermissions/2222tcp"], view.NodesOf(CartographyKinds.InboundRule).Select(n => n.Id));
        var rules = view.All<SecurityGroupRule>().ToDictionary(r => r.Node.Id!, r => r.Inbound);
        Assert.True(rules["sg-1/IpPermissions/2222tcp"]);
        Assert.False(rules["sg-1/IpPermissionsEgress/NoneNone-1"]);
    }

    [Fact]
    public void Reads_typed_properties_relationships_and_tags()
    {
        var view = View(b =>
        {
            b.AddNode("1", ["AWSLoadBalancerV2"], [new("id", "alb.example"), new("scheme", "internet-facing"), new("type", "application")]);
            b.AddNode("2", ["AWSELBV2Listener"], [new("id", "arn:listener"), new("port", 443), new("protocol", "HTTPS"), new("targetgrouparn", "")]);
            b.AddNode("3", ["AWSEC2Instance"], [new("id", "i-1")]);
            b.AddNode("4", ["AWSTag", "Tag"], [new("id", "environment:prod"), new("key", "environment"), new("value", "prod")]);
            b.AddRelationship("10", "ELBV2_LISTENER", "1", "2");
            b.AddRelationship("11", "EXPOSE", "1", "3", [new("port", 8080), new("protocol", "HTTP")]);
            b.AddRelationship("12", "TAGGED", "3", "4");
        });

        var balancer = Assert.Single(view.All<LoadBalancerV2>());
        Assert.True(balancer.InternetFacing);
        Assert.Equal(443, Assert.Single(balancer.Listeners).Port);
        var exposed = Assert.Single(balancer.Exposes);
        Assert.Equal(8080, exposed.Port);
        var instance = Ec2Instance.Wrap(exposed.Target);
        Assert.Equal("prod", instance.TagValue("environment"));
        Assert.Single(instance.ExposedBy);
    }

    [Fact]
    public void A_tag_map_holds_each_key_once_with_its_first_value_and_an_untagged_node_has_an_empty_one()
    {
        var view = View(b =>
        {
            b.AddNode("1", ["AWSEC2Instance"], [new("id", "i-tagged")]);
            b.AddNode("2", ["AWSEC2Instance"], [new("id", "i-untagged")]);
            b.AddNode("3", ["AWSTag", "Tag"], [new("id", "environment:prod"), new("key", "environment"), new("value", "prod")]);
            b.AddNode("4", ["AWSTag", "Tag"], [new("id", "environment:dev"), new("key", "environment"), new("value", "dev")]);
            b.AddNode("5", ["AWSTag", "Tag"], [new("id", "owner"), new("key", "owner")]);
            b.AddRelationship("10", "TAGGED", "1", "3");
            b.AddRelationship("11", "TAGGED", "1", "4");
            b.AddNode("6", ["AWSTag", "Tag"], [new("id", "no key"), new("value", "orphan")]);
            b.AddRelationship("12", "TAGGED", "1", "5");
            b.AddRelationship("13", "TAGGED", "1", "6");
        });

        var tagged = view.All<Ec2Instance>().Single(i => i.Node.Id == "i-tagged").Node.TagMap();
        Assert.Equal(2, tagged.Count);
        Assert.Equal("prod", tagged["environment"]);
        Assert.Equal("", tagged["owner"]);
        Assert.Equal(["environment", "owner"], tagged.Keys);
        Assert.Equal([new("environment", "prod"), new KeyValuePair<string, string>("owner", "")], tagged);
        Assert.False(tagged.TryGetValue("Environment", out _)); // keys are compared as tagged; rules ignore case themselves
        Assert.Throws<KeyNotFoundException>(() => tagged["missing"]);
        Assert.Empty(view.All<Ec2Instance>().Single(i => i.Node.Id == "i-untagged").Node.TagMap());
    }
}
