using CloudPI.Dracon.Io;
using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

public class ScanCommandTests
{
    [Fact]
    public async Task Scan_of_producer_results_alone_tags_them_and_leaves_earlier_files_outside_dracon_alone()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("stale.txt"), "kept");
        Directory.CreateDirectory(temp.Combine(".dracon", "producers"));
        File.WriteAllText(temp.Combine(".dracon", "producers", "stale.pb"), "from an earlier run");

        var result = await Cli.RunAsync("scan", "--producer-results", RepoPaths.Examples("dracon"), "--out", temp.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            [".dracon/producers/cloudpi-aws-config.pb", ".dracon/producers/cloudpi-aws-config.tagged.pb", "stale.txt"],
            temp.Files());
        var tagged = DraconFile.ReadLaunchToolResponse(temp.Combine(".dracon", "producers", "cloudpi-aws-config.tagged.pb"));
        Assert.NotEmpty(tagged.Issues.Single().Uuid);
        Assert.Contains("restricted-ssh", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_of_the_bundled_account_runs_the_whole_chain_and_ranks_reachable_findings_first()
    {
        using var temp = new TempDirectory();

        var result = await Cli.RunAsync(
            "scan", "--graph", RepoPaths.Examples("account", "graph.jsonl"), "--producer-results", RepoPaths.Examples("dracon"),
            "--pulumi-in", RepoPaths.Examples("pulumi", "preview-show-sames.json"), "--out", temp.Path);

        Assert.Equal(0, result.ExitCode);
        var files = temp.Files();
        Assert.Contains(".dracon/producers/cloudpi-pulumi.tagged.pb", files);
        Assert.Contains(".dracon/enrichers/cloudpi-pulumi.enriched.aggregated.pb", files);
        Assert.Contains(".dracon/producers/cloudpi-cartography.tagged.pb", files);
        Assert.Contains(".dracon/enrichers/reachability/cloudpi-cartography.reachability.enriched.pb", files);
        Assert.Contains(".dracon/enrichers/exploitability/cloudpi-aws-config.exploitability.enriched.pb", files);
        Assert.Contains(".dracon/enrichers/cloudpi-cartography.enriched.aggregated.pb", files);
        Assert.Contains("report.md", files);
        Assert.Contains("report.html", files);
        var aggregated = DraconFile.ReadEnriched(temp.Combine(".dracon", "enrichers", "cloudpi-cartography.enriched.aggregated.pb"));
        Assert.All(aggregated.Issues, issue =>
        {
            Assert.True(issue.Annotations.ContainsKey("cloudpi.reachable"));
            Assert.True(issue.Annotations.ContainsKey("cloudpi.priority.score"));
        });
        var top = aggregated.Issues.OrderByDescending(i => int.Parse(i.Annotations["cloudpi.priority.score"], System.Globalization.CultureInfo.InvariantCulture)).First();
        Assert.Equal("true", top.Annotations["cloudpi.reachable"]);
        Assert.StartsWith("internet → igw-", top.Annotations["cloudpi.reachability.path"], StringComparison.Ordinal);
        Assert.Contains("path: internet → igw-", result.Output, StringComparison.Ordinal);
        Assert.Contains("```mermaid", File.ReadAllText(temp.Combine("report.md")), StringComparison.Ordinal);
    }

    [Fact] // In a scan the gate's verdicts are findings: a cut-short preview is reported and the chain goes on.
    public async Task Scan_reports_an_incomplete_preview_and_goes_on_with_what_it_lists()
    {
        using var input = new TempDirectory();
        using var temp = new TempDirectory();
        var events = input.Combine("events.jsonl");
        File.WriteAllLines(events, File.ReadAllLines(RepoPaths.Examples("pulumi", "engine-events.jsonl")).TakeWhile(l => !l.Contains("\"summaryEvent\"", StringComparison.Ordinal)));

        var result = await Cli.RunAsync("scan", "--pulumi-in", events, "--out", temp.Path);

        // The scan goes on with what the preview lists, and ends partial (exit 3): its input was incomplete.
        Assert.Equal(ExitCodes.Partial, result.ExitCode);
        Assert.Contains("Gate: INCOMPLETE", result.Output, StringComparison.Ordinal);
        Assert.NotEmpty(DraconFile.ReadLaunchToolResponse(temp.Combine(".dracon", "producers", "cloudpi-pulumi.tagged.pb")).Issues);
    }

    [Fact]
    public async Task The_readme_scan_of_the_bundled_example_ranks_its_top_ten_with_ten_distinct_scores_and_merges_producers()
    {
        using var temp = new TempDirectory();
        string[] awsConfig = [.. Directory.GetFiles(RepoPaths.Examples("awsconfig"), "*.json").Order(StringComparer.Ordinal)];

        var result = await Cli.RunAsync(
            ["scan", "--graph", RepoPaths.Examples("account", "graph.jsonl"), "--awsconfig-in", .. awsConfig, "--aws-account-id", "800868000056",
             "--aws-regions", "us-east-1", "--pulumi-in", RepoPaths.Examples("pulumi", "preview-show-sames.json"),
             "--policy-config", RepoPaths.Examples("pulumi", "policy-config.json"), "--out", temp.Path]);

        Assert.Equal(0, result.ExitCode);
        var report = File.ReadAllLines(temp.Combine("report.md"));
        // The report opens with the attack paths; the ranked findings follow.
        var top = report.SkipWhile(l => l != "## Findings by priority").Where(l => l.StartsWith("### ", StringComparison.Ordinal)).Take(10)
            .Select(l => int.Parse(l[(l.IndexOf('[', StringComparison.Ordinal) + 1)..l.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(10, top.Count);
        Assert.Equal(10, top.Distinct().Count());
        Assert.Equal(top.OrderDescending(), top);
        // The open-SSH group is reported by the graph and by AWS Config: one entry, both sources.
        Assert.Single(report, l => l.StartsWith("- **Control:** `restricted-ssh` (cloudpi-aws-config, cloudpi-cartography)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_hands_the_mute_file_to_the_enrichers_and_the_filters_and_baseline_to_the_report()
    {
        using var temp = new TempDirectory();
        var mutes = temp.Combine("mutes.yaml");
        File.WriteAllText(mutes, "mutes:\n  - control: restricted-ssh\n    resource: \"*\"\n    reason: accepted for the test\n");
        string[] scanArgs = ["scan", "--graph", RepoPaths.Examples("account", "graph.jsonl"), "--producer-results", RepoPaths.Examples("dracon"), "--mute-file", mutes];

        var first = await Cli.RunAsync([.. scanArgs, "--out", temp.Combine("first")]);
        var second = await Cli.RunAsync([.. scanArgs, "--min-severity", "critical", "--control", "internet-exposed-instance", "--baseline", temp.Combine("first"), "--out", temp.Combine("second")]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        var aggregated = DraconFile.ReadEnriched(temp.Combine("first", ".dracon", "enrichers", "cloudpi-cartography.enriched.aggregated.pb"));
        var muted = aggregated.Issues.Where(i => i.Annotations.ContainsKey("cloudpi.muted")).ToList();
        Assert.NotEmpty(muted);
        Assert.All(muted, i => Assert.Equal("accepted for the test", i.Annotations["cloudpi.muted"]));
        Assert.Equal(muted.Count, aggregated.Issues.Count(i => i.Annotations["cloudpi.control"] == "restricted-ssh"));
        var report = File.ReadAllText(temp.Combine("second", "report.md"));
        Assert.Contains("filters severity ≥ CRITICAL, control internet-exposed-instance", report, StringComparison.Ordinal);
        Assert.Contains("- **Baseline:** only findings new since", report, StringComparison.Ordinal);
        Assert.StartsWith("0 findings", second.Output.Split('\n').First(l => l.Contains("findings, highest priority first", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_scan_with_the_vulnerability_inputs_prints_the_attack_paths_first_and_the_report_opens_with_them()
    {
        using var temp = new TempDirectory();
        string[] awsConfig = [.. Directory.GetFiles(RepoPaths.Examples("awsconfig"), "*.json").Order(StringComparer.Ordinal)];

        var result = await Cli.RunAsync(
            ["scan", "--graph", RepoPaths.Examples("account", "graph.jsonl"), "--awsconfig-in", .. awsConfig, "--aws-account-id", "800868000056",
             "--aws-regions", "us-east-1", "--pulumi-in", RepoPaths.Examples("pulumi", "preview-show-sames.json"),
             "--policy-config", RepoPaths.Examples("pulumi", "policy-config.json"), "--producer-results", RepoPaths.Examples("vulnerabilities"),
             "--scanned-image", "trivy=" + VulnerabilityExamples.ExampleImage, "--out", temp.Path]);

        Assert.True(result.ExitCode == 0, result.Error);
        var printed = result.Output[result.Output.IndexOf(" attack paths, the most urgent first:", StringComparison.Ordinal)..];
        Assert.True(printed.IndexOf("Fix first: ", StringComparison.Ordinal) < printed.IndexOf("findings, highest priority first", StringComparison.Ordinal));
        var first = printed.Split('\n')[2];
        Assert.Contains("] exposure × vulnerability × identity × data", first, StringComparison.Ordinal);
        Assert.Contains("+ vulnerability ", printed.Split('\n')[4], StringComparison.Ordinal);
        var report = File.ReadAllLines(temp.Combine("report.md"));
        Assert.Equal("## Attack paths: what to fix first", report.First(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.StartsWith("**The one change that breaks the most paths:** ", report.First(l => l.StartsWith("**", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(report, l => l.StartsWith("- [", StringComparison.Ordinal) && l.Contains("CVE-2024-6387 - openssh-server on ", StringComparison.Ordinal));
        Assert.Contains("<h2>Attack paths: what to fix first</h2>", File.ReadAllText(temp.Combine("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_hands_its_neo4j_timeout_to_every_stage()
    {
        using var temp = new TempDirectory();
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start(); // accepts connections and never answers the Bolt handshake
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Cli.RunAsync("scan", "--neo4j-uri", $"bolt://127.0.0.1:{port}", "--neo4j-timeout", "1", "--out", temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cloudpi: load graph failed:", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed} (the default 30 s connect timeout was used)");
    }

    [Fact]
    public async Task A_partial_producer_run_lets_the_scan_go_on_and_makes_the_scan_partial()
    {
        using var temp = new TempDirectory();
        var ssh = File.ReadAllText(RepoPaths.Examples("awsconfig", "restricted-ssh.json")).TrimEnd();
        var truncated = temp.Combine("page.json");
        File.WriteAllText(truncated, ssh[..ssh.LastIndexOf('}')] + ", \"NextToken\": \"eyJ0b2tlbiI6IDF9\"}");

        var result = await Cli.RunAsync("scan", "--awsconfig-in", truncated, "--aws-account-id", "800868000056", "--aws-regions", "us-east-1", "--out", temp.Combine("out"));

        Assert.True(result.ExitCode == ExitCodes.Partial, result.Error);
        var tagged = DraconFile.ReadLaunchToolResponse(temp.Combine("out", ".dracon", "producers", "cloudpi-aws-config.tagged.pb"));
        Assert.Equal("restricted-ssh", Assert.Single(tagged.Issues).Type);
    }

    [Fact]
    public async Task Scan_without_inputs_is_a_usage_error()
    {
        using var temp = new TempDirectory();

        var result = await Cli.RunAsync("scan", "--out", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(temp.Files());
    }

    [Fact]
    public async Task A_failing_stage_stops_the_scan_with_the_stage_named()
    {
        using var temp = new TempDirectory();
        var bad = temp.Combine("bad.jsonl");
        File.WriteAllText(bad, "not json\n");

        var result = await Cli.RunAsync("scan", "--graph", bad, "--out", temp.Combine("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cloudpi: load graph failed: " + bad + ":1:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_reads_the_graph_once_and_every_stage_analyses_it()
    {
        var cli = Path.Combine(RepoPaths.Root, "src", "CloudPI.Cli", "bin", "Release", "net10.0", "cloudpi.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing: build the solution in Release first (CI does)");
        using var temp = new TempDirectory();

        var result = await ExternalProcess.RunAsync(
            "dotnet", [cli, "scan", "--graph", RepoPaths.Examples("account", "graph.jsonl"), "--out", temp.Path, "--log-format", "json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        var events = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(events, line => line.Contains("Loading the graph from", StringComparison.Ordinal));
        Assert.Contains(events, line => line.Contains("failing controls found", StringComparison.Ordinal));
        Assert.Contains(events, line => line.Contains("\"Stage\":\"enricher exploitability\"", StringComparison.Ordinal));
        Assert.True(File.Exists(temp.Combine("report.md")));
    }

    [Fact]
    public async Task Scan_passes_allow_empty_graph_to_its_stages_and_refuses_an_empty_graph_without_it()
    {
        using var temp = new TempDirectory();
        var empty = temp.Combine("empty.jsonl");
        File.WriteAllText(empty, string.Empty);

        var refused = await Cli.RunAsync("scan", "--graph", empty, "--out", temp.Combine("refused"));
        var allowed = await Cli.RunAsync("scan", "--graph", empty, "--allow-empty-graph", "--out", temp.Combine("allowed"));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(empty, refused.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-empty-graph", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("refused", "report.md")));
        Assert.True(allowed.ExitCode == 0, allowed.Error);
        Assert.StartsWith("0 findings", allowed.Output, StringComparison.Ordinal);
    }
}
