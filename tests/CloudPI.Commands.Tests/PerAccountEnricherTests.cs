using System.Globalization;
using CloudPI.Bolt.Testing;
using CloudPI.Bolt.Testing.Cartography;
using CloudPI.Commands.Enrichers;
using CloudPI.Commands.Graph;
using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.Enrichers;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Neo4j;
using CloudPI.Graph.Synthetic;
using CloudPI.TestSupport;
using Ocurity.Dracon.V1;
using Serilog.Core;

namespace CloudPI.Commands.Tests;

/// <summary>
/// An organisation's graph analysed one account at a time gives, byte for byte, what the whole graph gives: on a
/// synthetic organisation with a cross-account trust and VPC peerings, with the Cartography producer's findings plus
/// issues on the cross-account role, on a peering connection, on an unknown resource and on no resource.
/// </summary>
public class PerAccountEnricherTests
{
    [Theory]
    [InlineData("reachability", 1)]
    [InlineData("exploitability", 1)]
    [InlineData("exploitability", 3)]
    public async Task Per_account_output_is_the_whole_graph_output(string enricher, int parallel)
    {
        using var temp = new TempDirectory();
        var (graph, producers, organisation) = await OrganisationAsync(temp);
        // The same graph in the ARRAY_JSON layout is never partitioned: loaded whole, as before.
        var whole = temp.Combine("org.json");
        File.WriteAllText(whole, "[" + string.Join(",\n", File.ReadAllLines(graph)) + "]\n");

        var perAccount = await Cli.RunAsync("enricher", enricher, "--graph", graph, "--accounts-parallel", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture), "-read_path", producers, "-write_path", temp.Combine("per-account"));
        var reference = await Cli.RunAsync("enricher", enricher, "--graph", whole, "-read_path", producers, "-write_path", temp.Combine("whole"));

        Assert.Equal(0, perAccount.ExitCode);
        Assert.Equal(0, reference.ExitCode);
        foreach (var tool in new[] { "cloudpi-cartography", "crafted" })
        {
            var expected = File.ReadAllBytes(temp.Combine("whole", $"{tool}.{enricher}.enriched.pb"));
            var actual = File.ReadAllBytes(temp.Combine("per-account", $"{tool}.{enricher}.enriched.pb"));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{tool}: per-account output differs from the whole graph's\n{Differences(expected, actual)}");
        }

        // The organisation really was split: one group per account with issues, the issues with no account last.
        var inputs = EnricherFiles.ReadTagged(producers);
        var partition = await AccountPartition.PlanAsync(new GraphInput { File = graph }, inputs, enricher == "exploitability", Logger.None, CancellationToken.None);
        Assert.NotNull(partition);
        Assert.Equal(organisation.AccountIds.Order(StringComparer.Ordinal), partition.Groups.Where(g => g.Account is not null).Select(g => g.Account!).Order(StringComparer.Ordinal));
        var unassigned = partition.Groups[^1];
        Assert.Null(unassigned.Account);
        Assert.Equal(2, unassigned.Issues.Count);
    }

    [Fact]
    public async Task The_debug_log_times_the_accounts_loads_apart_from_their_analyses()
    {
        using var temp = new TempDirectory();
        var (graph, producers, _) = await OrganisationAsync(temp);

        var run = await Cli.RunProcessAsync("enricher", "exploitability", "--graph", graph, "-read_path", producers, "-write_path", temp.Combine("out"), "--log-format", "json", "--debug");

        Assert.True(run.ExitCode == 0, run.Error);
        var phases = DebugEvents(run.Error, "Phase");
        Assert.DoesNotContain("load graph", phases.Keys);
        foreach (var phase in new[] { "load account graphs", "analyse account issues", "write enriched files", "load and analyse each account" })
        {
            Assert.True(phases.ContainsKey(phase), $"no '{phase}' phase in the debug log:\n{run.Error}");
            Assert.True(phases[phase].GetProperty("JitMilliseconds").GetInt64() >= 0);
        }

        // The accounts' loads and analyses are the parts of the per-account phase, each timed on its own.
        long Wall(string phase) => phases[phase].GetProperty("WallMilliseconds").GetInt64();
        Assert.True(Wall("load account graphs") > 0 && Wall("analyse account issues") > 0);
        Assert.InRange(Wall("load account graphs") + Wall("analyse account issues"), 1, Wall("load and analyse each account") + 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Each_accounts_part_is_collected_by_the_collection_after_its_issues(int parallel)
    {
        using var temp = new TempDirectory();
        var (graph, producers, organisation) = await OrganisationAsync(temp);

        var run = await Cli.RunProcessAsync(
            "enricher", "exploitability", "--graph", graph, "-read_path", producers, "-write_path", temp.Combine("out"),
            "--accounts-parallel", parallel.ToString(CultureInfo.InvariantCulture), "--log-format", "json", "--debug");

        Assert.True(run.ExitCode == 0, run.Error);
        var released = DebugEvents(run.Error, "Collected", key: "Account");

        // Every account with issues, and the issues of no account (analysed on the whole graph): a part still held when
        // the collection after it runs stays in memory under the next account's.
        Assert.Equal(organisation.AccountIds.Append("(none)").Order(StringComparer.Ordinal), released.Keys.Order(StringComparer.Ordinal));
        Assert.All(released, entry => Assert.True(entry.Value.GetProperty("Collected").GetBoolean(), $"account {entry.Key}'s part outlived its collection"));
        Assert.All(released.Values, entry => Assert.True(entry.GetProperty("HeapMegabytes").GetDouble() > 0));
    }

    [Theory]
    [InlineData("reachability", 1)]
    [InlineData("exploitability", 2)]
    public async Task From_neo4j_each_account_is_streamed_by_its_own_parameterised_queries_and_the_output_is_the_whole_graph_output(string enricher, int parallel)
    {
        using var temp = new TempDirectory();
        var (graph, producers, organisation) = await OrganisationAsync(temp);
        var neo4j = new SimulatedCartographyNeo4j(organisation.Graph);
        await using var server = BoltTestServer.Start(neo4j.Server.ServeAsync);

        var fromNeo4j = await Cli.RunAsync("enricher", enricher, "--neo4j-uri", server.UriFor().ToString(), "--accounts-parallel", parallel.ToString(System.Globalization.CultureInfo.InvariantCulture), "-read_path", producers, "-write_path", temp.Combine("neo4j"));
        var fromFile = await Cli.RunAsync("enricher", enricher, "--graph", graph, "-read_path", producers, "-write_path", temp.Combine("file"));

        Assert.True(fromNeo4j.ExitCode == 0, fromNeo4j.Error);
        Assert.Equal(0, fromFile.ExitCode);
        foreach (var tool in new[] { "cloudpi-cartography", "crafted" })
        {
            var expected = File.ReadAllBytes(temp.Combine("file", $"{tool}.{enricher}.enriched.pb"));
            var actual = File.ReadAllBytes(temp.Combine("neo4j", $"{tool}.{enricher}.enriched.pb"));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{tool}: per-account output from Neo4j differs from the whole file graph's\n{Differences(expected, actual)}");
        }

        // One node and one relationship query per account, each naming its account by parameter only; the whole graph
        // once, for the issues of no account; every account's scope smaller than the organisation.
        var scoped = neo4j.Runs.Where(r => r.Text == CartographyQueries.AccountNodes.Text || r.Text == CartographyQueries.AccountRelationships.Text).ToList();
        Assert.Equal(organisation.AccountIds.SelectMany(a => new[] { a, a }).Order(StringComparer.Ordinal), scoped.Select(r => (string)r.Parameters["account"]!).Order(StringComparer.Ordinal));
        Assert.All(CartographyQueries.All, query => Assert.DoesNotContain(organisation.AccountIds, query.Text.Contains));
        Assert.Single(neo4j.Runs, r => r.Text == CartographyQueries.Nodes.Text);
        Assert.Single(neo4j.Runs, r => r.Text == CartographyQueries.Relationships.Text);
        Assert.Equal(organisation.AccountIds.Count, neo4j.ScopeNodeCounts.Count);
        Assert.All(neo4j.ScopeNodeCounts, count => Assert.InRange(count, 1, organisation.Graph.NodeCount / 2));
    }

    [Fact]
    public async Task From_neo4j_with_account_filter_the_named_accounts_are_loaded_whole_as_before()
    {
        using var temp = new TempDirectory();
        var (_, producers, organisation) = await OrganisationAsync(temp);
        var neo4j = new SimulatedCartographyNeo4j(organisation.Graph);
        await using var server = BoltTestServer.Start(neo4j.Server.ServeAsync);

        var result = await Cli.RunAsync("enricher", "reachability", "--neo4j-uri", server.UriFor().ToString(), "--account", string.Join(',', organisation.AccountIds), "-read_path", producers, "-write_path", temp.Combine("out"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain(neo4j.Runs, r => r.Text == CartographyQueries.AccountNodes.Text);
        Assert.Single(neo4j.Runs, r => r.Text == CartographyQueries.Nodes.Text);
    }

    [Fact]
    public async Task A_role_of_another_account_that_a_workload_may_assume_is_in_its_blast_radius_when_its_account_is_analysed_alone()
    {
        using var temp = new TempDirectory();
        var (graph, producers, organisation) = await OrganisationAsync(temp);

        var result = await Cli.RunAsync("enricher", "exploitability", "--graph", graph, "-read_path", producers, "-write_path", temp.Combine("out"));

        // The first account's worker instances may assume the audit roles of the others: analysed on the first
        // account's part of the graph, their blast radius still reaches those roles, loaded from the other accounts.
        Assert.True(result.ExitCode == 0, result.Error);
        var issues = EnrichedLaunchToolResponse.Parser.ParseFrom(File.ReadAllBytes(temp.Combine("out", "cloudpi-cartography.exploitability.enriched.pb"))).Issues;
        var first = organisation.AccountIds[0];
        var reaching = issues.Where(i => i.RawIssue.Target.Contains($":{first}:", StringComparison.Ordinal)
            && i.Annotations.GetValueOrDefault("cloudpi.blast_radius", "").Contains("role/org-audit", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reaching);
        foreach (var other in organisation.AccountIds.Skip(1))
        {
            Assert.All(reaching, i => Assert.Contains($"arn:aws:iam::{other}:role/org-audit", i.Annotations["cloudpi.blast_radius"], StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_blast_radius_through_an_assumed_role_reaches_the_other_accounts_bucket_by_policy_when_its_account_is_analysed_alone(bool fromNeo4j)
    {
        // 111's role a may assume 222's role b, whose policy lets it read any object: a's blast radius reaches 222's
        // bucket, which the per-account load must bring although 222 is only assumed.
        using var temp = new TempDirectory();
        var lines = AssumedAccountOrganisation.WhereBMay("\"effect\":\"Allow\",\"action\":[\"s3:GetObject\"]");
        var graph = temp.Combine("org.jsonl");
        File.WriteAllText(graph, lines);
        var whole = temp.Combine("org.json");
        File.WriteAllText(whole, "[" + string.Join(",\n", File.ReadAllLines(graph)) + "]\n");
        var producers = temp.Combine("producers");
        Directory.CreateDirectory(producers);
        var crafted = new LaunchToolResponse { ToolName = "crafted", ScanInfo = new ScanInfo { ScanUuid = "assumed-data" } };
        crafted.Issues.Add(new Issue { Target = "arn:aws:iam::111111111111:role/a", Type = "iam-role-admin", Title = "role a", Uuid = "crafted:0" });
        crafted.Issues.Add(new Issue { Target = "arn:aws:ec2:us-east-1:333333333333:instance/i-of-333", Type = "ec2-imdsv2-required", Title = "another account", Uuid = "crafted:1" });
        DraconFile.Write(Path.Combine(producers, "crafted.tagged.pb"), crafted);
        var neo4j = new SimulatedCartographyNeo4j(ApocJsonLinesReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines)), "organisation"));
        await using var server = BoltTestServer.Start(neo4j.Server.ServeAsync);

        var perAccount = await Cli.RunAsync(
            ["enricher", "exploitability", .. fromNeo4j ? new[] { "--neo4j-uri", server.UriFor().ToString() } : new[] { "--graph", graph }, "-read_path", producers, "-write_path", temp.Combine("per-account")]);
        var reference = await Cli.RunAsync("enricher", "exploitability", "--graph", whole, "-read_path", producers, "-write_path", temp.Combine("whole"));

        Assert.True(perAccount.ExitCode == 0, perAccount.Error);
        Assert.Equal(0, reference.ExitCode);
        var expected = File.ReadAllBytes(temp.Combine("whole", "crafted.exploitability.enriched.pb"));
        var actual = File.ReadAllBytes(temp.Combine("per-account", "crafted.exploitability.enriched.pb"));
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"per-account output differs from the whole graph's\n{Differences(expected, actual)}");
        var blastRadius = EnrichedLaunchToolResponse.Parser.ParseFrom(expected).Issues[0].Annotations[AnnotationKeys.BlastRadius];
        Assert.Contains("bucket-of-b", blastRadius, StringComparison.Ordinal);
        // Analysed one account at a time (111, then 333): 111 with 222's data because b may read it.
        var partition = await AccountPartition.PlanAsync(new GraphInput { File = graph }, EnricherFiles.ReadTagged(producers), followAssumedRoles: true, Logger.None, CancellationToken.None);
        Assert.Equal(["111111111111", "333333333333"], Assert.IsType<AccountPartition>(partition).Groups.Select(g => g.Account));
        if (fromNeo4j)
        {
            var scoped = neo4j.Runs.Single(r => r.Text == CartographyQueries.AccountNodes.Text && (string)r.Parameters["account"]! == AssumedAccountOrganisation.Analysed);
            Assert.Equal(["222222222222"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(scoped.Parameters["assumedWithData"]).Cast<string>());
        }
    }

    [Fact]
    public async Task Accounts_parallel_below_one_is_a_usage_error()
    {
        var result = await Cli.RunAsync("enricher", "reachability", "--graph", "g.jsonl", "--accounts-parallel", "0", "-read_path", ".", "-write_path", ".");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--accounts-parallel must be at least 1", result.Error, StringComparison.Ordinal);
    }

    private static async Task<(string Graph, string Producers, SyntheticAccount Organisation)> OrganisationAsync(TempDirectory temp)
    {
        var organisation = SyntheticAccountGenerator.Generate(500, 5, accounts: 3);
        var graph = temp.Combine("org.jsonl");
        ApocJsonLinesWriter.WriteFile(organisation.Graph, graph);
        var producers = temp.Combine("producers");
        Directory.CreateDirectory(producers);

        var produced = await Cli.RunAsync("producer", "cartography", "--graph", graph, "-out", temp.Combine("produced.pb"));
        Assert.Equal(0, produced.ExitCode);
        var found = DraconFile.ReadLaunchToolResponse(temp.Combine("produced.pb"));
        Tag(found, "found");
        DraconFile.Write(Path.Combine(producers, "cloudpi-cartography.tagged.pb"), found);

        var second = organisation.AccountIds[1];
        var peering = organisation.Graph.NodesWithLabel("AWSPeeringConnection").First();
        var crafted = new LaunchToolResponse { ToolName = "crafted", ScanInfo = new ScanInfo { ScanUuid = "per-account" } };
        crafted.Issues.Add(new Issue { Target = $"arn:aws:iam::{second}:role/org-audit", Type = "iam-role-third-party-trust", Title = "cross-account trust" });
        crafted.Issues.Add(new Issue { Target = peering.Id!, Type = "vpc-peering", Title = "peering" });
        crafted.Issues.Add(new Issue { Target = "arn:aws:ec2:us-east-1:123456789012:instance/i-0notinthegraph", Type = "ec2-imdsv2-required", Title = "elsewhere" });
        crafted.Issues.Add(new Issue { Target = "public.ecr.aws/nginx/nginx:1.27", Type = "CVE-2024-0001", Title = "an image" });
        crafted.Issues.Add(new Issue { Target = $"arn:aws:ec2:us-east-1:{organisation.AccountIds[0]}:vpc/not-synced", Type = "vpc-flow-logs-enabled", Title = "first account, not synced" });
        Tag(crafted, "crafted");
        DraconFile.Write(Path.Combine(producers, "crafted.tagged.pb"), crafted);

        // The producer's findings span the accounts; the crafted ones reach across them and outside the graph.
        Assert.True(found.Issues.Count > 100, $"only {found.Issues.Count} findings");
        return (graph, producers, organisation);
    }

    /// <summary>The JSON log's events that have <paramref name="property"/>, by their <paramref name="key"/> (default: that property).</summary>
    private static Dictionary<string, System.Text.Json.JsonElement> DebugEvents(string log, string property, string? key = null) =>
        log.Split('\n')
            .Where(line => line.StartsWith('{'))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(entry => entry.TryGetProperty(property, out _))
            .ToDictionary(entry => entry.GetProperty(key ?? property).GetString()!, entry => entry.Clone());

    private static void Tag(LaunchToolResponse response, string prefix)
    {
        response.ScanInfo.ScanStartTime = null;
        for (var i = 0; i < response.Issues.Count; i++)
        {
            response.Issues[i].Uuid = $"{prefix}:{i}";
        }
    }

    private static string Differences(byte[] expected, byte[] actual)
    {
        var before = EnrichedLaunchToolResponse.Parser.ParseFrom(expected).Issues;
        var after = EnrichedLaunchToolResponse.Parser.ParseFrom(actual).Issues;
        return string.Join('\n', before.Zip(after).Where(p => !p.First.Equals(p.Second)).Take(3)
            .Select(p => $"{p.First.RawIssue.Uuid} {p.First.RawIssue.Target}: " + string.Join("; ", p.First.Annotations.Where(a => p.Second.Annotations.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key}: {a.Value} -> {p.Second.Annotations.GetValueOrDefault(a.Key)}"))));
    }
}
