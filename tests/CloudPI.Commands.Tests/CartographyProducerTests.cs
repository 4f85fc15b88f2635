using CloudPI.Dracon.Io;
using CloudPI.Graph.Apoc;
using CloudPI.Graph.Synthetic;
using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

public class CartographyProducerTests
{
    [Fact]
    public async Task Exposure_findings_match_the_synthetic_ground_truth_where_cartography_is_wrong()
    {
        using var temp = new TempDirectory();
        var account = SyntheticAccountGenerator.Generate(400, seed: 5);
        var graphFile = temp.Combine("graph.jsonl");
        ApocJsonLinesWriter.WriteFile(account.Graph, graphFile);

        var result = await Cli.RunAsync("producer", "cartography", "--graph", graphFile, "-out", temp.Combine("out.pb"));

        Assert.Equal(0, result.ExitCode);
        var issues = DraconFile.ReadLaunchToolResponse(temp.Combine("out.pb")).Issues;
        var exposedInstances = issues.Where(i => i.Type == "internet-exposed-instance").Select(i => i.Target.Split('/')[^1]).ToHashSet();
        foreach (var expectation in account.Expectations.Where(e => e.Label == "AWSEC2Instance" && e.Archetype is "split-cidr-ssh" or "nacl-blocked-ssh" or "office-allowlist" or "public-ip-no-igw-route" or "rdp-stopped" or "web-direct"))
        {
            Assert.True(expectation.InternetExposed == exposedInstances.Contains(expectation.ResourceId), $"{expectation.Archetype} {expectation.ResourceId}: expected exposed={expectation.InternetExposed}");
        }

        Assert.All(issues, issue => Assert.Equal("unknown", issue.Source));
        var trust = Assert.Single(issues, i => i.Type == "iam-role-third-party-trust");
        Assert.EndsWith("role/vendor-audit", trust.Target, StringComparison.Ordinal);
        Assert.Equal("cloudpi-cartography", DraconFile.ReadLaunchToolResponse(temp.Combine("out.pb")).ToolName);
    }

    [Fact]
    public async Task Since_reports_only_resources_added_or_changed_after_the_previous_run()
    {
        using var temp = new TempDirectory();
        var state = temp.Combine("state.json");
        var original = RepoPaths.Examples("account", "graph.jsonl");

        await Cli.RunAsync("producer", "cartography", "--graph", original, "-out", temp.Combine("first.pb"), "--since", state);
        await Cli.RunAsync("producer", "cartography", "--graph", original, "-out", temp.Combine("second.pb"), "--since", state);
        var changedGraph = temp.Combine("changed.jsonl");
        var lines = File.ReadAllLines(original);
        var volume = Array.FindIndex(lines, l => l.Contains("\"AWSEBSVolume\"", StringComparison.Ordinal) && l.Contains("\"encrypted\":false", StringComparison.Ordinal));
        lines[volume] = lines[volume].Replace("\"size\":", "\"size_changed\":", StringComparison.Ordinal);
        File.WriteAllLines(changedGraph, lines);
        var third = await Cli.RunAsync("producer", "cartography", "--graph", changedGraph, "-out", temp.Combine("third.pb"), "--since", state);

        Assert.Equal(0, third.ExitCode);
        Assert.True(DraconFile.ReadLaunchToolResponse(temp.Combine("first.pb")).Issues.Count > 100);
        Assert.Empty(DraconFile.ReadLaunchToolResponse(temp.Combine("second.pb")).Issues);
        var changed = Assert.Single(DraconFile.ReadLaunchToolResponse(temp.Combine("third.pb")).Issues);
        Assert.Equal("encrypted-volumes", changed.Type);
    }

    [Fact]
    public async Task A_corrupt_state_file_is_one_clear_line_and_no_output()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("state.json"), "{\"nope\":1}");

        var result = await Cli.RunAsync("producer", "cartography", "--graph", RepoPaths.Examples("account", "graph.jsonl"), "-out", temp.Combine("out.pb"), "--since", temp.Combine("state.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"cloudpi: {temp.Combine("state.json")}: not a CloudPI --since state file", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("out.pb")));
    }
}
