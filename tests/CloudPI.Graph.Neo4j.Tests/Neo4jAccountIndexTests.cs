using System.Text;
using CloudPI.Bolt;
using CloudPI.Bolt.Testing;
using CloudPI.Bolt.Testing.Cartography;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Cartography;
using CloudPI.TestSupport;
using Serilog.Core;

namespace CloudPI.Graph.Neo4j.Tests;

/// <summary>
/// Planning an organisation from Neo4j: which account an issue target's node belongs to, and which accounts an account
/// can assume roles in (transitively), and whose data its roles may reach; then one account's load, naming it only by parameter.
/// </summary>
public class Neo4jAccountIndexTests
{
    [Fact]
    public async Task Owners_come_from_resource_edges_and_shared_or_ambiguous_keys_belong_to_no_account()
    {
        var queries = new List<(string Text, IReadOnlyDictionary<string, object?> Parameters)>();
        await using var server = BoltTestServer.Start(Serve(queries).ServeAsync);
        await using var client = new BoltClient(new BoltClientOptions { Uri = server.UriFor() });

        var index = await Neo4jAccountIndex.BuildAsync(client, ["i-1", "arn:aws:iam::222222222222:role/r", "0.0.0.0/0", "dup", "111111111111"]);

        Assert.Equal(["111111111111", "222222222222", "333333333333"], index.Accounts);
        Assert.True(index.TryFindOwner("i-1", out var instance));
        Assert.Equal("111111111111", instance);
        Assert.True(index.TryFindOwner("arn:aws:iam::222222222222:role/r", out var role));
        Assert.Equal("222222222222", role);
        Assert.True(index.TryFindOwner("111111111111", out var account));
        Assert.Equal("111111111111", account);
        Assert.True(index.TryFindOwner("0.0.0.0/0", out var shared));
        Assert.Null(shared);
        Assert.True(index.TryFindOwner("dup", out var ambiguous));
        Assert.Null(ambiguous);
        Assert.False(index.TryFindOwner("i-unknown", out _));
        Assert.Equal(["222222222222", "333333333333"], index.Assumable("111111111111"));
        Assert.Equal(["333333333333"], index.Assumable("222222222222"));
        Assert.Empty(index.Assumable("333333333333"));
        var keys = Assert.IsAssignableFrom<IReadOnlyList<object?>>(queries.Single(q => q.Text == CartographyQueries.KeyOwners.Text).Parameters["keys"]);
        Assert.Contains("i-1", keys);
    }

    [Fact]
    public async Task An_account_is_loaded_with_its_id_and_the_accounts_it_can_assume_as_parameters()
    {
        var queries = new List<(string Text, IReadOnlyDictionary<string, object?> Parameters)>();
        await using var server = BoltTestServer.Start(Serve(queries).ServeAsync);
        await using var client = new BoltClient(new BoltClientOptions { Uri = server.UriFor() });
        var index = await Neo4jAccountIndex.BuildAsync(client, []);

        var graph = await index.LoadAsync(client, "111111111111", followAssumedRoles: true, Logger.None);

        Assert.Equal(2, graph.NodeCount);
        Assert.Equal(1, graph.RelationshipCount);
        var scoped = queries.Where(q => q.Text == CartographyQueries.AccountNodes.Text || q.Text == CartographyQueries.AccountRelationships.Text).ToList();
        Assert.Equal(2, scoped.Count);
        Assert.All(scoped, q =>
        {
            Assert.Equal("111111111111", q.Parameters["account"]);
            Assert.Equal(new object?[] { "222222222222", "333333333333" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(q.Parameters["assumed"]));
            Assert.Equal(new object?[] { "333333333333" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(q.Parameters["assumedWithData"]));
        });
        var asked = Assert.Single(queries, q => q.Text == CartographyQueries.AssumedDataAccounts.Text);
        Assert.Equal(new object?[] { "222222222222", "333333333333" }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(asked.Parameters["assumed"]));
    }

    [Fact]
    public async Task An_assumed_account_contributes_its_roles_policies_statements_and_what_they_may_reach_not_its_compute_or_network()
    {
        var (part, neo4j) = await LoadAnalysedPartAsync(AssumedAccountOrganisation.Lines);

        var ids = part.Nodes.Select(n => n.Id!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(AssumedAccountOrganisation.AnalysedPart, ids);
        Assert.All(AssumedAccountOrganisation.LeftOut.Concat(AssumedAccountOrganisation.DataOfB), id => Assert.DoesNotContain(id, ids));
        Assert.True(part.TryFind("role-b", out var b));
        Assert.Equal("statement-of-b", Assert.Single(Assert.Single(b.Neighbors("POLICY", Direction.Outgoing)).Neighbors("STATEMENT", Direction.Outgoing)).Id);
        Assert.Equal(["queue-of-b", "role-c"], b.Neighbors("CAN_WRITE", Direction.Outgoing).Concat(b.Neighbors("STS_ASSUMEROLE_ALLOW", Direction.Outgoing)).Select(n => n.Id));
        // What an assumed account contributes is named by parameter, as the accounts are.
        var scoped = neo4j.Runs.Single(r => r.Text == CartographyQueries.AccountNodes.Text);
        Assert.Equal(["222222222222", "444444444444"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(scoped.Parameters["assumed"]));
        Assert.Equal(AssumedAccount.Labels, Assert.IsAssignableFrom<IReadOnlyList<object?>>(scoped.Parameters["assumedLabels"]).Cast<string>());
        Assert.Equal(AssumedAccount.DataLabels, Assert.IsAssignableFrom<IReadOnlyList<object?>>(scoped.Parameters["assumedDataLabels"]).Cast<string>());
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(scoped.Parameters["assumedWithData"]));
    }

    [Theory]
    [MemberData(nameof(AssumedAccountOrganisation.StatementsOfB), MemberType = typeof(AssumedAccountOrganisation))]
    public async Task An_assumed_account_contributes_its_buckets_and_keys_only_when_a_role_reachable_from_the_analysed_account_may_reach_data(string statement, bool reachesData)
    {
        var (part, neo4j) = await LoadAnalysedPartAsync(AssumedAccountOrganisation.WhereBMay(statement));

        var ids = part.Nodes.Select(n => n.Id!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(AssumedAccountOrganisation.AnalysedPart.Concat(reachesData ? AssumedAccountOrganisation.DataOfB : []).Order(StringComparer.Ordinal), ids);
        // Which assumed accounts' data may be reached is asked by parameters too (the actions, lower-cased), then passed on.
        var asked = neo4j.Runs.Single(r => r.Text == CartographyQueries.AssumedDataAccounts.Text);
        Assert.Equal(AssumedAccountOrganisation.Analysed, asked.Parameters["account"]);
        Assert.Equal(DataActions.Lowered, Assert.IsAssignableFrom<IReadOnlyList<object?>>(asked.Parameters["dataActions"]).Cast<string>());
        var scoped = neo4j.Runs.Single(r => r.Text == CartographyQueries.AccountNodes.Text);
        Assert.Equal(reachesData ? ["222222222222"] : [], Assert.IsAssignableFrom<IReadOnlyList<object?>>(scoped.Parameters["assumedWithData"]).Cast<string>());
        if (reachesData)
        {
            Assert.True(part.TryFind("bucket-of-b", out var bucket));
            Assert.Equal("DataClassification:Sensitive", Assert.Single(bucket.Neighbors("TAGGED", Direction.Outgoing)).Id);
            Assert.Equal("222222222222", Assert.Single(bucket.Neighbors("RESOURCE", Direction.Incoming)).Id);
        }
    }

    [Fact]
    public void The_account_scope_follows_exactly_the_data_access_relationships_an_assumed_account_contributes_by()
    {
        var pattern = $"[:{string.Join('|', AssumedAccount.DataAccessTypes)}]";

        Assert.Contains(pattern, CartographyQueries.AccountNodes.Text, StringComparison.Ordinal);
        Assert.Contains(pattern, CartographyQueries.AccountRelationships.Text, StringComparison.Ordinal);
    }

    /// <summary>111's part of <paramref name="lines"/> (the assumed-account organisation), from a simulated Neo4j holding it.</summary>
    private static async Task<(PropertyGraph Part, SimulatedCartographyNeo4j Neo4j)> LoadAnalysedPartAsync(string lines)
    {
        var graph = ApocJsonLinesReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(lines)), "organisation");
        var neo4j = new SimulatedCartographyNeo4j(graph);
        await using var server = BoltTestServer.Start(neo4j.Server.ServeAsync);
        await using var client = new BoltClient(new BoltClientOptions { Uri = server.UriFor() });
        var index = await Neo4jAccountIndex.BuildAsync(client, []);
        return (await index.LoadAsync(client, AssumedAccountOrganisation.Analysed, followAssumedRoles: true, Logger.None), neo4j);
    }

    /// <summary>Three accounts: 1 can assume into 2, 2 into 3; 0.0.0.0/0 is owned by none; "dup" is an id in two accounts.</summary>
    private static SimulatedNeo4j Serve(List<(string Text, IReadOnlyDictionary<string, object?> Parameters)> queries) => new()
    {
        Query = run =>
        {
            var text = (string)run.Fields[0]!;
            queries.Add((text, (IReadOnlyDictionary<string, object?>)run.Fields[1]!));
            if (text == CartographyQueries.AccountSummary.Text)
            {
                return SimulatedResult.Of(["account", "name", "inscope", "lastupdated"], [["111111111111", null, null, null], ["222222222222", null, null, null], ["333333333333", null, null, null]]);
            }

            if (text == CartographyQueries.KeyOwners.Text)
            {
                return SimulatedResult.Of(["id", "arn", "account", "owners"],
                [
                    ["i-1", "arn:aws:ec2:us-east-1:111111111111:instance/i-1", false, new object?[] { "111111111111" }],
                    ["AROA1", "arn:aws:iam::222222222222:role/r", false, new object?[] { "222222222222" }],
                    ["0.0.0.0/0", null, false, Array.Empty<object?>()],
                    ["dup", null, false, new object?[] { "111111111111" }],
                    ["dup", null, false, new object?[] { "222222222222" }],
                    ["111111111111", null, true, Array.Empty<object?>()],
                ]);
            }

            if (text == CartographyQueries.AssumeRoleAccounts.Text)
            {
                return SimulatedResult.Of(["source", "target"], [["111111111111", "222222222222"], ["222222222222", "333333333333"]]);
            }

            if (text == CartographyQueries.AssumedDataAccounts.Text)
            {
                return SimulatedResult.Of(["account"], [["333333333333"]]);
            }

            if (text == CartographyQueries.AccountNodes.Text)
            {
                return SimulatedResult.Of(["id", "labels", "properties"], [["n1", new object?[] { "AWSAccount" }, new Dictionary<string, object?> { ["id"] = "111111111111" }], ["n2", new object?[] { "AWSEC2Instance" }, new Dictionary<string, object?> { ["id"] = "i-1" }]]);
            }

            return text == CartographyQueries.AccountRelationships.Text
                ? SimulatedResult.Of(["id", "type", "start", "end", "properties"], [["r1", "RESOURCE", "n1", "n2", new Dictionary<string, object?>()], ["r2", "TAGGED", "n2", "outside", new Dictionary<string, object?>()]])
                : SimulatedResult.Fail("Neo.ClientError.Statement.SyntaxError", "unexpected query");
        },
    };
}
