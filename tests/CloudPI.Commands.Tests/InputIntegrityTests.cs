using CloudPI.Dracon.Io;
using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

/// <summary>
/// Inputs that used to pass as something they are not, with exit 0: an empty graph taken for a clean account, bytes
/// that are not UTF-8 replaced silently, two results of one tool written over each other, a stale report beside a
/// failed scan (issue 14).
/// </summary>
public class InputIntegrityTests
{
    private static string Example => RepoPaths.Examples("account", "graph.jsonl");

    [Fact]
    public async Task An_empty_or_node_less_graph_is_refused_unless_allowed()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.Combine("empty.jsonl"), []);

        var refused = await Cli.RunAsync("producer", "cartography", "--graph", temp.Combine("empty.jsonl"), "-out", temp.Combine("out.pb"));
        var allowed = await Cli.RunAsync("producer", "cartography", "--graph", temp.Combine("empty.jsonl"), "-out", temp.Combine("allowed.pb"), "--allow-empty-graph");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"cloudpi: {temp.Combine("empty.jsonl")}: the graph has no nodes (an empty export, the wrong file or account?); give --allow-empty-graph to analyse it as an empty account\n", refused.Error.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(temp.Combine("out.pb")));
        Assert.Equal(0, allowed.ExitCode);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_in_a_graph_are_refused_with_line_and_offset()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadLines(Example).Take(3).ToList();
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var at = Array.IndexOf(bytes, (byte)'s', System.Text.Encoding.UTF8.GetByteCount(lines[0] + "\n" + lines[1] + "\n"));
        bytes[at] = 0xFF; // inside line 3
        File.WriteAllBytes(temp.Combine("bad.jsonl"), bytes);

        var result = await Cli.RunAsync("graph", "stats", "--graph", temp.Combine("bad.jsonl"));

        Assert.Equal(1, result.ExitCode);
        var column = at - System.Text.Encoding.UTF8.GetByteCount(lines[0] + "\n" + lines[1] + "\n");
        Assert.Equal($"cloudpi: {temp.Combine("bad.jsonl")}:3: invalid UTF-8 at byte offset {at} (byte {column + 1} of the line)\n", result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_in_criticality_rules_are_a_usage_error_naming_line_and_offset()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.Combine("rules.yaml"), [.. "default: medium\nrules:\n  - tag: environment\n    values: [pr"u8, 0xFF, .. "od]\n    level: high\n"u8]);
        File.WriteAllBytes(temp.Combine("tool.tagged.pb"), File.ReadAllBytes(RepoPaths.Examples("dracon", "cloudpi-aws-config.pb")));

        var result = await Cli.RunAsync("enricher", "exploitability", "--graph", Example, "-read_path", temp.Path, "-write_path", temp.Combine("x"), "--criticality-rules", temp.Combine("rules.yaml"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"cloudpi: {temp.Combine("rules.yaml")}: invalid UTF-8 at line 4, byte offset 59\n", result.Error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(temp.Combine("x")));
    }

    [Fact]
    public async Task Two_producer_results_of_one_tool_are_both_scanned()
    {
        using var temp = new TempDirectory();
        var copy = temp.Combine("again", "cloudpi-aws-config.pb");
        Directory.CreateDirectory(temp.Combine("again"));
        File.Copy(RepoPaths.Examples("dracon", "cloudpi-aws-config.pb"), copy);

        var result = await Cli.RunAsync("scan", "--producer-results", RepoPaths.Examples("dracon"), copy, "--out", temp.Combine("out"));

        Assert.Equal(0, result.ExitCode);
        var tagged = DraconFile.ReadLaunchToolResponse(temp.Combine("out", ".dracon", "producers", "cloudpi-aws-config.tagged.pb"));
        Assert.Equal(2, tagged.Issues.Count);
    }

    [Fact]
    public async Task A_failed_scan_leaves_no_report_of_an_earlier_run_beside_its_workspace()
    {
        using var temp = new TempDirectory();
        var first = await Cli.RunAsync("scan", "--graph", Example, "--out", temp.Path);
        File.WriteAllBytes(temp.Combine("empty.jsonl"), []);

        var second = await Cli.RunAsync("scan", "--graph", temp.Combine("empty.jsonl"), "--out", temp.Path);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.False(File.Exists(temp.Combine("report.md")));
        Assert.False(File.Exists(temp.Combine("report.html")));
    }

    [Fact]
    public async Task A_second_scan_on_the_same_directory_is_refused_while_the_first_runs()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("report.md"), "the first scan's");

        using (new WorkspaceLayout(temp.Path).Lock())
        {
            var second = await Cli.RunAsync("scan", "--graph", Example, "--out", temp.Path);

            Assert.Equal(1, second.ExitCode);
            Assert.Equal($"cloudpi: {temp.Path}: another scan is writing this directory ({temp.Combine(".cloudpi-scan.lock")} is held); wait for it or choose another --out\n", second.Error.ReplaceLineEndings("\n"));
            Assert.Equal("the first scan's", File.ReadAllText(temp.Combine("report.md")));
        }

        Assert.False(File.Exists(temp.Combine(".cloudpi-scan.lock")));
    }
}
