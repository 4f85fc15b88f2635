namespace CloudPI.Graph.Tests;

public class PropertyGraphTests
{
    private static PropertyGraph SmallAccount()
    {
        var builder = new PropertyGraphBuilder();
        builder.AddNode("0", ["AWSAccount"], [new("id", "111122223333"), new("inscope", true)]);
        builder.AddNode("1", ["EC2Instance", "AWSEC2Instance"], [new("id", "i-0abc"), new("arn", "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc"), new("port", 22)]);
        builder.AddNode("2", ["AWSEC2SecurityGroup"], [new("id", "sg-0123"), new("tags", new[] { "a", "b" })]);
        builder.AddNode("3", ["AWSEC2SecurityGroup"], [new("id", "sg-0456")]);
        builder.AddRelationship("10", "RESOURCE", "0", "1");
        builder.AddRelationship("11", "MEMBER_OF_EC2_SECURITY_GROUP", "1", "2", [new("lastupdated", 1755000000L)]);
        builder.AddRelationship("12", "MEMBER_OF_EC2_SECURITY_GROUP", "1", "3");
        builder.AddRelationship("13", "ALLOWS_TRAFFIC_FROM", "2", "3");
        return builder.Build();
    }

    [Fact]
    public void Finds_nodes_by_external_id_cartography_id_and_arn()
    {
        var graph = SmallAccount();

        Assert.True(graph.TryGetNodeByExternalId("1", out var byExternal));
        Assert.True(graph.TryFindById("i-0abc", out var byId));
        Assert.True(graph.TryFindByArn("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", out var byArn));
        Assert.True(graph.TryFind("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", out var byEither));
        Assert.Equal(byExternal, byId);
        Assert.Equal(byId, byArn);
        Assert.Equal(byId, byEither);
        Assert.False(graph.TryFind("i-missing", out _));
    }

    /// <summary>A node's id, kept from the index pass, reads as its <c>id</c> property does: a string id, else none.</summary>
    [Fact]
    public void A_nodes_id_is_its_id_property_when_that_is_a_string()
    {
        var builder = new PropertyGraphBuilder();
        builder.AddNode("1", ["EC2Instance"], [new("name", "web"), new("id", "i-0abc")]);
        builder.AddNode("2", ["AWSAccount"], [new("id", 111122223333L)]);
        builder.AddNode("3", ["Tag"], [new("key", "env")]);
        var graph = builder.Build();

        Assert.Equal(new string?[] { "i-0abc", null, null }, graph.Nodes.Select(n => n.Id).ToArray());
        Assert.All(graph.Nodes, n => Assert.Equal(n.Properties.GetString("id"), n.Id));
    }

    /// <summary>Every node a key names, by id first and then by ARN, once each: the usual single node, one node named by
    /// both, two nodes (one by id, another by ARN), and a key several nodes carry.</summary>
    [Fact]
    public void Finds_every_node_a_key_names_by_id_then_arn_once_each()
    {
        var builder = new PropertyGraphBuilder();
        builder.AddNode("0", ["AWSRole"], [new("id", "arn:aws:iam::1:role/a"), new("arn", "arn:aws:iam::1:role/a")]);
        builder.AddNode("1", ["AWSInstanceProfile"], [new("id", "shared"), new("arn", "arn:aws:iam::1:instance-profile/p")]);
        builder.AddNode("2", ["AWSRole"], [new("id", "r-2"), new("arn", "shared")]);
        builder.AddNode("3", ["AWSPrincipal"], [new("id", "many")]);
        builder.AddNode("4", ["AWSPrincipal"], [new("id", "many")]);
        builder.AddNode("5", ["AWSPrincipal"], [new("id", "x"), new("arn", "many")]);
        var graph = builder.Build();

        Assert.Equal(["0"], graph.FindAll("arn:aws:iam::1:role/a").Select(n => n.ExternalId));
        Assert.Equal(["1", "2"], graph.FindAll("shared").Select(n => n.ExternalId));
        Assert.Equal(["3", "4", "5"], graph.FindAll("many").Select(n => n.ExternalId));
        Assert.Equal(["1"], graph.FindAll("arn:aws:iam::1:instance-profile/p").Select(n => n.ExternalId));
        Assert.Empty(graph.FindAll("missing"));

        // Ids and ARNs share one table: each look-up still reads only the property it names, and "id, else ARN" prefers the id.
        Assert.True(graph.TryFind("shared", out var byId));
        Assert.Equal("1", byId.ExternalId);
        Assert.True(graph.TryFindByArn("shared", out var byArn));
        Assert.Equal("2", byArn.ExternalId);
        Assert.False(graph.TryFindById("arn:aws:iam::1:instance-profile/p", out _));
        Assert.True(graph.TryFind("arn:aws:iam::1:instance-profile/p", out var profile));
        Assert.Equal("1", profile.ExternalId);
        Assert.False(graph.TryFindByArn("r-2", out _));
        Assert.False(graph.TryFind("missing", out _));
    }

    [Fact]
    public void Lists_nodes_by_label_with_sorted_labels()
    {
        var graph = SmallAccount();

        Assert.Equal(["sg-0123", "sg-0456"], graph.NodesWithLabel("AWSEC2SecurityGroup").Select(n => n.Id));
        Assert.Equal(["AWSEC2Instance", "EC2Instance"], graph.GetNode(1).Labels);
        Assert.Empty(graph.NodesWithLabel("NoSuchLabel"));
    }

    [Fact]
    public void Follows_relationships_by_type_and_direction()
    {
        var graph = SmallAccount();
        graph.TryFindById("i-0abc", out var instance);
        graph.TryFindById("sg-0456", out var target);

        Assert.Equal(["sg-0123", "sg-0456"], instance.Neighbors("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Outgoing).Select(n => n.Id));
        Assert.Empty(instance.Neighbors("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Incoming));
        Assert.Equal(["111122223333"], instance.Neighbors("RESOURCE", Direction.Incoming).Select(n => n.Id));
        Assert.Equal(["i-0abc", "sg-0123"], target.Neighbors("MEMBER_OF_EC2_SECURITY_GROUP", Direction.Incoming)
            .Concat(target.Neighbors("ALLOWS_TRAFFIC_FROM", Direction.Both)).Select(n => n.Id));
        Assert.Equal(3, instance.Relationships(Direction.Both).Count());
    }

    [Fact]
    public void Normalises_property_values()
    {
        var graph = SmallAccount();
        graph.TryFindById("i-0abc", out var instance);
        graph.TryFindById("sg-0123", out var group);

        Assert.IsType<long>(instance["port"]);
        Assert.Equal(22, instance.Properties.GetLong("port"));
        Assert.Equal(["a", "b"], group.Properties.GetStringList("tags"));
        Assert.Null(instance["missing"]);
        Assert.Equal("arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", instance.Arn);
        Assert.Equal(1755000000L, graph.RelationshipsWithType("MEMBER_OF_EC2_SECURITY_GROUP").First()["lastupdated"]);
    }

    [Fact]
    public void Rejects_duplicate_nodes_and_unknown_relationship_ends()
    {
        var builder = new PropertyGraphBuilder();
        builder.AddNode("1", ["A"]);

        Assert.Throws<ArgumentException>(() => builder.AddNode("1", ["B"]));
        var error = Assert.Throws<KeyNotFoundException>(() => builder.AddRelationship("9", "R", "1", "99"));
        Assert.Contains("\"99\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_count_labels_and_relationship_types()
    {
        var stats = GraphStatistics.Compute(SmallAccount());

        Assert.Equal(4, stats.NodeCount);
        Assert.Equal(4, stats.RelationshipCount);
        Assert.Equal(new NameCount("AWSEC2SecurityGroup", 2), stats.NodesPerLabel[0]);
        Assert.Contains(new NameCount("EC2Instance", 1), stats.NodesPerLabel);
        Assert.Equal(new NameCount("MEMBER_OF_EC2_SECURITY_GROUP", 2), stats.RelationshipsPerType[0]);
        Assert.Equal(3, stats.RelationshipsPerType.Count);
    }
}
