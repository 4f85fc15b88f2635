using CloudPI.Graph.Apoc;
using CloudPI.Graph.Synthetic;
using CloudPI.TestSupport;

namespace CloudPI.Graph.Tests;

public class ApocAccountIndexTests
{
    private static string Lines(params string[] lines) => string.Join('\n', lines);

    /// <summary>Two accounts: 111 with a role that may assume a role of 222 and trusts 333's root; an IP range rule in each.</summary>
    private static readonly string SmallOrganisation = Lines(
        """{"type":"node","id":"0","labels":["AWSAccount"],"properties":{"id":"111111111111","inscope":true}}""",
        """{"type":"node","id":"1","labels":["AWSAccount"],"properties":{"id":"222222222222","inscope":true}}""",
        """{"type":"node","id":"2","labels":["AWSAccount"],"properties":{"id":"333333333333","inscope":true}}""",
        """{"type":"node","id":"3","labels":["AWSRole"],"properties":{"id":"arn:aws:iam::111111111111:role/a","arn":"arn:aws:iam::111111111111:role/a"}}""",
        """{"type":"node","id":"4","labels":["AWSRole"],"properties":{"id":"arn:aws:iam::222222222222:role/b","arn":"arn:aws:iam::222222222222:role/b"}}""",
        """{"type":"node","id":"5","labels":["S3Bucket"],"properties":{"id":"bucket-of-b","arn":"arn:aws:s3:::bucket-of-b"}}""",
        """{"type":"node","id":"6","labels":["AWSRootPrincipal"],"properties":{"id":"arn:aws:iam::333333333333:root"}}""",
        """{"type":"node","id":"7","labels":["EC2Instance"],"properties":{"id":"i-of-c"}}""",
        """{"type":"node","id":"8","labels":["IpRule"],"properties":{"id":"rule-of-a"}}""",
        """{"type":"node","id":"9","labels":["IpRule"],"properties":{"id":"rule-of-c"}}""",
        """{"type":"node","id":"10","labels":["IpRange"],"properties":{"id":"0.0.0.0/0"}}""",
        """{"type":"node","id":"11","labels":["AWSPolicyStatement"],"properties":{"id":"statement-of-a"}}""",
        """{"type":"relationship","id":"0","label":"RESOURCE","start":{"id":"0"},"end":{"id":"3"}}""",
        """{"type":"relationship","id":"1","label":"RESOURCE","start":{"id":"1"},"end":{"id":"4"}}""",
        """{"type":"relationship","id":"2","label":"RESOURCE","start":{"id":"1"},"end":{"id":"5"}}""",
        """{"type":"relationship","id":"3","label":"RESOURCE","start":{"id":"2"},"end":{"id":"6"}}""",
        """{"type":"relationship","id":"4","label":"RESOURCE","start":{"id":"2"},"end":{"id":"7"}}""",
        """{"type":"relationship","id":"5","label":"STS_ASSUMEROLE_ALLOW","start":{"id":"3"},"end":{"id":"4"}}""",
        """{"type":"relationship","id":"6","label":"TRUSTS_AWS_PRINCIPAL","start":{"id":"3"},"end":{"id":"6"}}""",
        """{"type":"relationship","id":"7","label":"MEMBER_OF","start":{"id":"8"},"end":{"id":"10"}}""",
        """{"type":"relationship","id":"8","label":"MEMBER_OF","start":{"id":"9"},"end":{"id":"10"}}""",
        """{"type":"relationship","id":"9","label":"RULE","start":{"id":"3"},"end":{"id":"8"}}""",
        """{"type":"relationship","id":"10","label":"RULE","start":{"id":"7"},"end":{"id":"9"}}""",
        """{"type":"relationship","id":"11","label":"STATEMENT","start":{"id":"3"},"end":{"id":"11"}}""");

    [Fact]
    public void An_account_loads_its_nodes_shared_nodes_the_roles_and_data_of_the_accounts_it_may_assume_into_and_only_the_far_end_of_other_cross_account_edges()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("org.jsonl"), SmallOrganisation);
        var index = ApocAccountIndex.Build(temp.File("org.jsonl"), ["bucket-of-b", "i-of-c", "statement-of-a", "nowhere"]);

        Assert.True(index.Partitionable);
        Assert.Equal(["111111111111", "222222222222", "333333333333"], index.Accounts);
        Assert.True(index.TryFindOwner("bucket-of-b", out var bucketOwner));
        Assert.Equal("222222222222", bucketOwner);
        Assert.True(index.TryFindOwner("statement-of-a", out var statementOwner));
        Assert.Equal("111111111111", statementOwner);
        Assert.False(index.TryFindOwner("nowhere", out _));

        var first = index.Load(["111111111111"]);
        var ids = first.Nodes.Select(n => n.Id).ToHashSet();
        // Role b is assumable from a: 222's role comes, not its bucket (b has no policy that could reach it). 333's
        // root principal is trusted by a: that node and its account node only, not 333's instance or its rule. The
        // shared IP range comes, with a's rule only.
        Assert.Equal(
            ["0.0.0.0/0", "111111111111", "222222222222", "333333333333", "arn:aws:iam::111111111111:role/a", "arn:aws:iam::222222222222:role/b", "arn:aws:iam::333333333333:root", "rule-of-a", "statement-of-a"],
            ids.Order(StringComparer.Ordinal));
        Assert.Single(first.NodesWithLabel("IpRange").Single().Neighbors("MEMBER_OF", Direction.Incoming));
        Assert.True(first.TryFind("arn:aws:iam::333333333333:root", out var root));
        Assert.Equal("333333333333", root.Neighbors("RESOURCE", Direction.Incoming).Single().Id);

        // Edges into an account are followed the same way: 333 sees the role of 111 that trusts its root, not 111's rule.
        var third = index.Load(["333333333333"]);
        Assert.Equal(
            ["0.0.0.0/0", "111111111111", "333333333333", "arn:aws:iam::111111111111:role/a", "arn:aws:iam::333333333333:root", "i-of-c", "rule-of-c"],
            third.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>The ranges worked out for every account in one reused workspace (kept, then loaded once the index is
    /// gone) give each account exactly the graph its own load gives, whatever account came before it.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Each_accounts_ranges_from_one_workspace_load_the_same_part_as_its_own_load(bool followAssumedRoles)
    {
        using var temp = new TempDirectory();
        foreach (var (name, text) in new[] { ("small.jsonl", SmallOrganisation), ("assumed.jsonl", AssumedAccountOrganisation.Lines) })
        {
            var file = temp.File(name);
            File.WriteAllText(file, text);
            var index = ApocAccountIndex.Build(file, []);
            // Every account twice, so each one follows a different account than the first time.
            var accounts = index.Accounts.Concat(index.Accounts.Reverse()).ToList();

            var kept = index.RangesOfEach(accounts, followAssumedRoles).Select(each => (each.Account, Ranges: each.Ranges.ToList())).ToList();

            Assert.Equal(accounts, kept.Select(k => k.Account));
            foreach (var (account, ranges) in kept)
            {
                var (own, fromRanges) = (index.Load([account], followAssumedRoles), ApocAccountIndex.LoadRanges(file, ranges));
                Assert.Equal(own.Nodes.Select(n => n.Id), fromRanges.Nodes.Select(n => n.Id));
                Assert.Equal(own.Relationships.Select(Edge), fromRanges.Relationships.Select(Edge));
            }
        }

        static string Edge(GraphRelationship r) => $"{r.Start.Id} {r.Type} {r.End.Id}";
    }

    [Fact]
    public void An_assumed_account_contributes_its_roles_policies_statements_and_what_they_may_reach_not_its_compute_or_network()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("org.jsonl"), AssumedAccountOrganisation.Lines);
        var index = ApocAccountIndex.Build(temp.File("org.jsonl"), []);

        var part = index.Load([AssumedAccountOrganisation.Analysed]);

        var ids = part.Nodes.Select(n => n.Id!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(AssumedAccountOrganisation.AnalysedPart, ids);
        Assert.All(AssumedAccountOrganisation.LeftOut.Concat(AssumedAccountOrganisation.DataOfB), id => Assert.DoesNotContain(id, ids));
        // What the identity analysis walks is joined up: a's chain to c, b's policy to its statement.
        Assert.True(part.TryFind("role-a", out var a));
        var b = Assert.Single(a.Neighbors("STS_ASSUMEROLE_ALLOW", Direction.Outgoing));
        Assert.Equal("role-c", Assert.Single(b.Neighbors("STS_ASSUMEROLE_ALLOW", Direction.Outgoing)).Id);
        Assert.Equal("statement-of-b", Assert.Single(Assert.Single(b.Neighbors("POLICY", Direction.Outgoing)).Neighbors("STATEMENT", Direction.Outgoing)).Id);
        Assert.Single(part.NodesWithLabel("AWSIpRange").Single().Neighbors("MEMBER_OF_IP_RULE", Direction.Outgoing));

        // An analysis that walks no blast radius takes an assume-role edge as any other: role b and 222's account node only.
        var network = index.Load([AssumedAccountOrganisation.Analysed], followAssumedRoles: false).Nodes.Select(n => n.Id!).ToList();
        Assert.Contains("role-b", network);
        Assert.Contains("222222222222", network);
        Assert.DoesNotContain("policy-of-b", network);
        Assert.DoesNotContain("bucket-of-b", network);
        Assert.DoesNotContain("role-c", network);
    }

    [Theory]
    [MemberData(nameof(AssumedAccountOrganisation.StatementsOfB), MemberType = typeof(AssumedAccountOrganisation))]
    public void An_assumed_account_contributes_its_buckets_and_keys_only_when_a_role_reachable_from_the_analysed_account_may_reach_data(string statement, bool reachesData)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("org.jsonl"), AssumedAccountOrganisation.WhereBMay(statement));
        var index = ApocAccountIndex.Build(temp.File("org.jsonl"), []);

        var part = index.Load([AssumedAccountOrganisation.Analysed]);

        var ids = part.Nodes.Select(n => n.Id!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(AssumedAccountOrganisation.AnalysedPart.Concat(reachesData ? AssumedAccountOrganisation.DataOfB : []).Order(StringComparer.Ordinal), ids);
        if (reachesData)
        {
            // The bucket comes joined to its tag and its account, which rate the data and say whose it is.
            Assert.True(part.TryFind("bucket-of-b", out var bucket));
            Assert.Equal("DataClassification:Sensitive", Assert.Single(bucket.Neighbors("TAGGED", Direction.Outgoing)).Id);
            Assert.Equal("222222222222", Assert.Single(bucket.Neighbors("RESOURCE", Direction.Incoming)).Id);
        }
    }

    [Fact]
    public void An_account_loads_the_same_lines_when_nodes_and_relationships_interleave_and_a_line_is_longer_than_64_kilobytes()
    {
        // Not APOC's order (every node, then every relationship): a relationship follows the nodes it joins, and
        // account 222's nodes come between 111's. The index finds each record's line from where its kind's lines run.
        var longDescription = new string('x', 70_000);
        var interleaved = Lines(
            """{"type":"node","id":"0","labels":["AWSAccount"],"properties":{"id":"111111111111"}}""",
            """{"type":"node","id":"1","labels":["EC2Instance"],"properties":{"id":"i-a1"}}""",
            """{"type":"relationship","id":"0","label":"RESOURCE","start":{"id":"0"},"end":{"id":"1"}}""",
            """{"type":"node","id":"2","labels":["AWSAccount"],"properties":{"id":"222222222222"}}""",
            $$$"""{"type":"node","id":"3","labels":["EC2Instance"],"properties":{"id":"i-b1","description":"{{{longDescription}}}"}}""",
            """{"type":"relationship","id":"1","label":"RESOURCE","start":{"id":"2"},"end":{"id":"3"}}""",
            $$$"""{"type":"node","id":"4","labels":["EC2Instance"],"properties":{"id":"i-a2","description":"{{{longDescription}}}"}}""",
            """{"type":"relationship","id":"2","label":"RESOURCE","start":{"id":"0"},"end":{"id":"4"}}""",
            """{"type":"node","id":"5","labels":["IpRange"],"properties":{"id":"0.0.0.0/0"}}""",
            """{"type":"relationship","id":"3","label":"MEMBER_OF","start":{"id":"4"},"end":{"id":"5"}}""",
            """{"type":"relationship","id":"4","label":"MEMBER_OF","start":{"id":"3"},"end":{"id":"5"}}""",
            """{"type":"relationship","id":"5","label":"PEERS_WITH","start":{"id":"1"},"end":{"id":"3"}}""");
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("org.jsonl"), interleaved);
        var index = ApocAccountIndex.Build(temp.File("org.jsonl"), []);

        var first = index.Load(["111111111111"]);
        // 111's nodes, the shared range, and across the peering edge 222's instance with its account node.
        Assert.Equal(["0.0.0.0/0", "111111111111", "222222222222", "i-a1", "i-a2", "i-b1"], first.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.True(first.TryFind("i-a2", out var a2));
        Assert.Equal(longDescription, a2.Properties.GetString("description"));
        Assert.True(first.TryFind("i-b1", out var b1));
        Assert.Equal(longDescription, b1.Properties.GetString("description"));
        // Every relationship between two loaded nodes, 222's own included: 0 to 5 but none missing.
        Assert.Equal(6, first.RelationshipCount);

        var second = index.Load(["222222222222"]);
        Assert.Equal(["0.0.0.0/0", "111111111111", "222222222222", "i-a1", "i-b1"], second.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["MEMBER_OF", "PEERS_WITH", "RESOURCE", "RESOURCE"], second.Relationships.Select(r => r.Type).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_account_loads_the_same_lines_when_a_few_lines_are_longer_than_the_bits_most_lengths_are_packed_in()
    {
        // 300 short lines make a few bits a length the cheapest; the three 2 KB lines (two instances of account 111 and
        // the range only one of them joins, so 111's too) are then kept aside.
        var padding = new string('p', 2_000);
        var lines = new List<string>
        {
            """{"type":"node","id":"0","labels":["AWSAccount"],"properties":{"id":"111111111111"}}""",
            """{"type":"node","id":"1","labels":["AWSAccount"],"properties":{"id":"222222222222"}}""",
            $$$"""{"type":"node","id":"2","labels":["IpRange"],"properties":{"id":"0.0.0.0/0","note":"{{{padding}}}"}}""",
        };
        for (var i = 3; i < 303; i++)
        {
            var note = i is 100 or 200 ? padding : "x";
            lines.Add($$$"""{"type":"node","id":"{{{i}}}","labels":["EC2Instance"],"properties":{"id":"i-{{{i}}}","note":"{{{note}}}"}}""");
        }

        for (var i = 3; i < 303; i++)
        {
            lines.Add($$$"""{"type":"relationship","id":"{{{i}}}","label":"RESOURCE","start":{"id":"{{{i % 2}}}"},"end":{"id":"{{{i}}}"}}""");
        }

        lines.Add("""{"type":"relationship","id":"1000","label":"MEMBER_OF","start":{"id":"100"},"end":{"id":"2"}}""");
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("org.jsonl"), Lines([.. lines]));
        var index = ApocAccountIndex.Build(temp.File("org.jsonl"), []);

        var first = index.Load(["222222222222"]);
        var second = index.Load(["111111111111"]);

        // Account 222 owns the odd instances, 111 the even ones (100 and 200 among them) and the range.
        Assert.Equal(150 + 1, first.NodeCount);
        Assert.Equal(150 + 2, second.NodeCount);
        Assert.Equal(150 + 1, second.RelationshipCount);
        Assert.True(second.TryFind("i-100", out var long100));
        Assert.True(second.TryFind("i-200", out var long200));
        Assert.True(second.TryFind("0.0.0.0/0", out var range));
        Assert.Equal(padding, long100.Properties.GetString("note"));
        Assert.Equal(padding, long200.Properties.GetString("note"));
        Assert.Equal(padding, range.Properties.GetString("note"));
        Assert.True(first.TryFind("i-101", out var short101));
        Assert.Equal("x", short101.Properties.GetString("note"));
    }

    [Fact]
    public void An_array_layout_file_is_not_partitioned()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("org.json"), "[" + SmallOrganisation.Replace("}\n{", "},\n{", StringComparison.Ordinal) + "]");

        Assert.False(ApocAccountIndex.Build(temp.File("org.json"), []).Partitionable);
    }

    [Fact]
    public void A_bad_line_is_reported_with_the_file_and_line()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("bad.jsonl"), Lines("""{"type":"node","id":"0","labels":["AWSAccount"],"properties":{"id":"1"}}""", """{"type":"relationship","id":"0","label":"R","start":{"id":"0"},"end":{"id":"9"}}"""));

        var error = Assert.Throws<GraphFormatException>(() => ApocAccountIndex.Build(temp.File("bad.jsonl"), []));

        Assert.Contains("bad.jsonl", error.Message, StringComparison.Ordinal);
        Assert.Contains("2", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown node id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synthetic_organisation_loads_one_account_with_the_peered_vpc_and_trusted_root_of_the_first()
    {
        using var temp = new TempDirectory();
        var organisation = SyntheticAccountGenerator.Generate(400, 3, accounts: 3);
        File.WriteAllBytes(temp.File("org.jsonl"), Apoc.Write(organisation.Graph));
        var index = ApocAccountIndex.Build(temp.File("org.jsonl"), []);

        var second = index.Load([organisation.AccountIds[1]]);

        Assert.InRange(second.NodeCount, organisation.Graph.NodeCount / 4, organisation.Graph.NodeCount / 2);
        Assert.True(second.TryFind($"arn:aws:iam::{organisation.AccountIds[0]}:root", out _));
        var peering = Assert.Single(second.NodesWithLabel("AWSPeeringConnection"));
        var accepter = Assert.Single(peering.Neighbors("ACCEPTER_VPC", Direction.Outgoing));
        Assert.Equal(organisation.AccountIds[0], accepter.Neighbors("RESOURCE", Direction.Incoming).Single().Id);
        Assert.DoesNotContain(second.NodesWithLabel("AWSEC2Instance"), i => i.Arn!.Contains(organisation.AccountIds[0], StringComparison.Ordinal));
    }
}
