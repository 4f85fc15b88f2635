using CloudPI.Dracon.Io;
using CloudPI.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Tests;

/// <summary>The enrichers against Dracon's enricher contract, on the bundled synthetic account.</summary>
public class EnricherCommandTests
{
    internal static readonly string Graph = RepoPaths.Examples("account", "graph.jsonl");

    [Theory]
    [InlineData("reachability")]
    [InlineData("exploitability")]
    public async Task Enricher_writes_one_enriched_issue_per_input_issue_with_uuids_and_original_results_intact(string enricher)
    {
        using var temp = new TempDirectory();
        var (producers, tagged) = WriteTagged(temp, MixedIssues());
        var write = temp.Combine("enrichers", enricher);

        var result = await Cli.RunAsync("enricher", enricher, "--graph", Graph, "-read_path=" + producers, "-write_path", write);

        Assert.Equal(0, result.ExitCode);
        var enriched = DraconFile.ReadEnriched(Path.Combine(write, $"mixed.{enricher}.enriched.pb"));
        Assert.Equal(tagged, enriched.OriginalResults);
        Assert.Equal(tagged.Issues.Select(i => i.Uuid), enriched.Issues.Select(i => i.RawIssue.Uuid));
        Assert.Equal(File.ReadAllBytes(Path.Combine(producers, "mixed.tagged.pb")), File.ReadAllBytes(Path.Combine(write, "mixed.raw.pb")));
        Assert.All(enriched.Issues, i => Assert.All(i.Annotations, a => Assert.StartsWith("cloudpi.", a.Key, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_producer_name_for_a_control_resolves_and_unresolved_issues_still_appear()
    {
        using var temp = new TempDirectory();
        var (producers, _) = WriteTagged(temp, MixedIssues());
        var write = temp.Combine("out");

        var result = await Cli.RunAsync("enricher", "reachability", "--graph", Graph, "-read_path", producers, "-write_path", write);

        Assert.Equal(0, result.ExitCode);
        var issues = DraconFile.ReadEnriched(Path.Combine(write, "mixed.reachability.enriched.pb")).Issues;
        Assert.Equal(["restricted-ssh", "restricted-ssh", "restricted-ssh", "restricted-ssh"], issues.Take(4).Select(i => i.Annotations["cloudpi.control"]));
        var unknownType = issues[4];
        Assert.Contains("matches no control", unknownType.Annotations["cloudpi.unresolved"], StringComparison.Ordinal);
        Assert.Equal("true", unknownType.Annotations["cloudpi.reachable"]); // no control: any traffic is asked about
        var missingTarget = issues[5];
        Assert.Contains("is not in the graph", missingTarget.Annotations["cloudpi.unresolved"], StringComparison.Ordinal);
        Assert.Equal("unknown", missingTarget.Annotations["cloudpi.reachable"]);
    }

    [Fact]
    public async Task Reachability_hops_are_the_paths_hops_in_order_for_machines()
    {
        using var temp = new TempDirectory();
        var (producers, _) = WriteTagged(temp, MixedIssues());
        var write = temp.Combine("out");

        var result = await Cli.RunAsync("enricher", "reachability", "--graph", Graph, "-read_path", producers, "-write_path", write);

        Assert.Equal(0, result.ExitCode);
        var withPaths = DraconFile.ReadEnriched(Path.Combine(write, "mixed.reachability.enriched.pb")).Issues
            .Where(i => i.Annotations.ContainsKey("cloudpi.reachability.path")).ToList();
        Assert.NotEmpty(withPaths);
        foreach (var issue in withPaths)
        {
            using var hops = System.Text.Json.JsonDocument.Parse(issue.Annotations["cloudpi.reachability.hops"]);
            var list = hops.RootElement.EnumerateArray().ToList();
            Assert.Equal("internet", list[0].GetProperty("kind").GetString());
            Assert.All(list, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("id").GetString())));
            // The compact path is the same hops, with "?" marking unknown ones and "✗" before the one that blocks.
            var path = issue.Annotations["cloudpi.reachability.path"].Replace(" ✗ ", " → ", StringComparison.Ordinal).Replace("? ", "", StringComparison.Ordinal);
            Assert.Equal(path, string.Join(" → ", list.Select(h => h.GetProperty("label").GetString())));
            var blocked = issue.Annotations["cloudpi.reachable"] == "false";
            Assert.Equal(blocked, list[^1].GetProperty("decision").GetString() == "denies");
        }
    }

    [Fact]
    public async Task Exploitability_adjusts_the_severity_and_keeps_the_original()
    {
        using var temp = new TempDirectory();
        var (producers, _) = WriteTagged(temp, MixedIssues());

        await Cli.RunAsync("enricher", "exploitability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("x"));

        var issue = DraconFile.ReadEnriched(temp.Combine("x", "mixed.exploitability.enriched.pb")).Issues[0];
        Assert.Equal("HIGH", issue.Annotations["cloudpi.severity.original"]);
        Assert.Equal((int)issue.RawIssue.Severity, SeverityFor(int.Parse(issue.Annotations["cloudpi.priority.score"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(string.IsNullOrEmpty(issue.Annotations["cloudpi.priority.reason"]));
        using var components = System.Text.Json.JsonDocument.Parse(issue.Annotations["cloudpi.priority.components"]);
        Assert.Equal(
            ["exploitability", "severity", "exposure", "identity", "data", "asset"],
            components.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal(
            int.Parse(issue.Annotations["cloudpi.priority.score"], System.Globalization.CultureInfo.InvariantCulture),
            components.RootElement.EnumerateArray().Sum(c => c.GetProperty("points").GetInt32()));
    }

    /// <summary>Reading an earlier run's verdicts back changes nothing of the enriched issue: the priority (its exposure
    /// term takes the port that gets in, tcp/22) and the reasons (an any-traffic question answered by one open port
    /// still says "all traffic", as when it is computed, whether the control names no port or names any traffic).</summary>
    [Fact]
    public async Task An_earlier_reachability_run_read_back_gives_every_annotation_computing_gives()
    {
        using var temp = new TempDirectory();
        // With a control whose one question is any traffic by name (an EKS endpoint open on tcp/443).
        var (producers, _) = WriteTagged(temp, [.. MixedIssues(), Issue("internet-exposed-cluster", "arn:aws:eks:us-east-1:800868000056:cluster/app000-k8s-19")]);
        await Cli.RunAsync("enricher", "reachability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("r"));

        await Cli.RunAsync("enricher", "exploitability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("computed"));
        await Cli.RunAsync("enricher", "exploitability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("read"), "--reachability-path", temp.Combine("r"));

        var computed = DraconFile.ReadEnriched(temp.Combine("computed", "mixed.exploitability.enriched.pb")).Issues;
        var read = DraconFile.ReadEnriched(temp.Combine("read", "mixed.exploitability.enriched.pb")).Issues;
        Assert.Equal(computed.Count, read.Count);
        for (var i = 0; i < computed.Count; i++)
        {
            Assert.Equal(computed[i].Annotations.OrderBy(a => a.Key, StringComparer.Ordinal), read[i].Annotations.OrderBy(a => a.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Exploitability_uses_the_verdicts_of_an_earlier_reachability_run_when_given()
    {
        using var temp = new TempDirectory();
        var (producers, _) = WriteTagged(temp, MixedIssues());
        await Cli.RunAsync("enricher", "reachability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("r"));
        var reachabilityFile = temp.Combine("r", "mixed.reachability.enriched.pb");
        var earlier = DraconFile.ReadEnriched(reachabilityFile);
        earlier.Issues[0].Annotations["cloudpi.reachable"] = "false"; // as if an earlier snapshot had the path closed
        earlier.Issues[0].Annotations["cloudpi.reachability.summary"] = "closed in the earlier run";
        DraconFile.Write(reachabilityFile, earlier);

        var result = await Cli.RunAsync("enricher", "exploitability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("x"), "--reachability-path", temp.Combine("r"));

        Assert.Equal(0, result.ExitCode);
        var issues = DraconFile.ReadEnriched(temp.Combine("x", "mixed.exploitability.enriched.pb")).Issues;
        Assert.Equal("false", issues[0].Annotations["cloudpi.exploitable"]);
        Assert.Contains("closed in the earlier run", issues[0].Annotations["cloudpi.exploitability.reasons"], StringComparison.Ordinal);
        Assert.Equal("true", issues[1].Annotations["cloudpi.exploitable"]);
    }

    [Fact]
    public async Task Missing_paths_and_bad_rules_are_usage_errors_with_nothing_written()
    {
        using var temp = new TempDirectory();
        var (producers, _) = WriteTagged(temp, MixedIssues());
        File.WriteAllText(temp.Combine("rules.yaml"), "default: extreme\n");

        var noPaths = await Cli.RunAsync("enricher", "reachability", "--graph", Graph);
        var badRules = await Cli.RunAsync("enricher", "exploitability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("x"), "--criticality-rules", temp.Combine("rules.yaml"));

        Assert.Equal(2, noPaths.ExitCode);
        Assert.Equal("cloudpi: read_path is undefined: give -read_path or set READ_PATH\n", noPaths.Error.ReplaceLineEndings("\n"));
        Assert.Equal(2, badRules.ExitCode);
        Assert.Equal($"cloudpi: {temp.Combine("rules.yaml")}: default: 'extreme' is not one of low, medium, high, critical\n", badRules.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(temp.Combine("x")));
    }

    [Fact]
    public async Task Cloud_ranges_are_read_from_the_providers_files_and_a_bad_one_is_a_usage_error_naming_it()
    {
        using var temp = new TempDirectory();
        var (producers, _) = WriteTagged(temp, MixedIssues());
        File.WriteAllText(temp.Combine("ip-ranges.json"), "{\"syncToken\":\"1\",\"prefixes\":[{\"ip_prefix\":\"3.5.140.0/22\",\"region\":\"ap-northeast-2\",\"service\":\"EC2\"}]}");
        File.WriteAllText(temp.Combine("bad.txt"), "3.5.140.0/22\n3.5.999.0/22\n");

        var good = await Cli.RunAsync("enricher", "exploitability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("x"), "--cloud-ranges", temp.Combine("ip-ranges.json"));
        var bad = await Cli.RunAsync("enricher", "exploitability", "--graph", Graph, "-read_path", producers, "-write_path", temp.Combine("y"), "--cloud-ranges", temp.Combine("bad.txt"));

        Assert.Equal(0, good.ExitCode);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal($"cloudpi: {temp.Combine("bad.txt")}: line 2: \"3.5.999.0/22\" is not a CIDR\n", bad.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(temp.Combine("y")));
    }

    private static int SeverityFor(int score) => score >= 80 ? 5 : score >= 60 ? 4 : score >= 40 ? 3 : score >= 20 ? 2 : 1;

    /// <summary>An open-SSH group of the example named four ways, an unknown type, and a target not in the graph.</summary>
    internal static Issue[] MixedIssues()
    {
        var graph = CloudPI.Graph.Apoc.ApocJsonLinesReader.ReadFile(Graph);
        var group = graph.Nodes.First(n => n.HasLabel("AWSEC2SecurityGroup") && n.Properties.GetString("name") == "ssh-open").Id!;
        return
        [
            Issue("restricted-ssh", group),
            Issue("INCOMING_SSH_DISABLED", $"arn:aws:ec2:us-east-1:800868000056:security-group/{group}"),
            Issue("ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22", group),
            Issue("CKV_AWS_24", group),
            Issue("custom-rule-nobody-knows", group),
            Issue("restricted-ssh", "sg-not-in-the-graph"),
        ];
    }

    private static Issue Issue(string type, string target) => new() { Type = type, Target = target, Title = type, Severity = Severity.High, Source = "unknown" };

    internal static (string Producers, LaunchToolResponse Tagged) WriteTagged(TempDirectory temp, Issue[] issues)
    {
        var producers = temp.Combine("producers");
        var tagged = new LaunchToolResponse
        {
            ToolName = "mixed",
            ScanInfo = new ScanInfo { ScanUuid = "scan", ScanStartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch) },
        };
        tagged.Issues.AddRange(issues.Select((issue, i) => { var copy = issue.Clone(); copy.Uuid = $"scan:{i}"; return copy; }));
        DraconFile.Write(Path.Combine(producers, "mixed.tagged.pb"), tagged);
        return (producers, tagged);
    }
}
