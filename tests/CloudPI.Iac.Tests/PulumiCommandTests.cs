using System.Globalization;
using System.Text.Json;
using CloudPI.Dracon.Io;
using CloudPI.TestSupport;
using Ocurity.Dracon.V1;

namespace CloudPI.Iac.Tests;

/// <summary><c>cloudpi producer pulumi</c> end to end: outputs, exit codes, and no output on bad input.</summary>
public sealed class PulumiCommandTests
{
    private static string Example(string file) => RepoPaths.Examples("pulumi", file);

    [Fact]
    public async Task Example_writes_every_output_and_fails_the_gate()
    {
        using var temp = new TempDirectory();
        var (code, output, _) = await PulumiCli.RunAsync(
            "-in", Example("preview-show-sames.json"), "-out", temp.Combine("pulumi.pb"),
            "--sarif-out", temp.Combine("pulumi.sarif"), "--metrics-out", temp.Combine("metrics.json"),
            "--policy-config", Example("policy-config.json"), "--project-dir", "infra");

        Assert.Equal(1, code);
        Assert.Contains("restricted-ssh", output, StringComparison.Ordinal);
        Assert.Contains("Gate: FAIL", output, StringComparison.Ordinal);
        var response = DraconFile.ReadLaunchToolResponse(temp.Combine("pulumi.pb"));
        Assert.Equal("cloudpi-pulumi", response.ToolName);
        Assert.Contains(response.Issues, i => i.Type == "sqs-queue-no-public-access" && i.Target.EndsWith("::queue_public", StringComparison.Ordinal));
        using var sarif = JsonDocument.Parse(File.ReadAllBytes(temp.Combine("pulumi.sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.All(
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray(),
            r => Assert.StartsWith("infra/", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal));
        using var metrics = JsonDocument.Parse(File.ReadAllBytes(temp.Combine("metrics.json")));
        Assert.Contains(metrics.RootElement.EnumerateArray(), d => d.GetProperty("MetricName").GetString() == "restricted-ssh");
    }

    [Fact]
    public async Task Advisory_only_failures_pass_the_gate()
    {
        using var temp = new TempDirectory();
        var config = temp.Combine("advisory.json");
        File.WriteAllText(config, """{"all":"advisory"}""");
        var (code, output, _) = await PulumiCli.RunAsync("-in", Example("stack-export.json"), "--policy-config", config);
        Assert.Equal(0, code);
        Assert.Contains("Gate: PASS", output, StringComparison.Ordinal);
    }

    [Fact] // The design: "even if one check fails, the build process is halted", hygiene checks included.
    public async Task By_default_any_failing_check_blocks_and_a_config_or_the_recommended_preset_relaxes_it()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("preview.json");
        File.WriteAllText(input, new PreviewBuilder().Add("aws:kms/key:Key", "key", """{"description":"never rotated"}""").Json());
        File.WriteAllText(temp.Combine("advisory.json"), """{"all":"advisory"}""");
        File.WriteAllText(temp.Combine("kms.json"), """{"cmk-backing-key-rotation-enabled":"mandatory"}""");

        var (code, output, _) = await PulumiCli.RunAsync("-in", input);
        Assert.Equal(1, code);
        Assert.Contains("FAIL    mandatory cmk-backing-key-rotation-enabled", output, StringComparison.Ordinal);
        Assert.Equal(0, (await PulumiCli.RunAsync("-in", input, "--policy-config", temp.Combine("advisory.json"))).ExitCode);
        Assert.Equal(0, (await PulumiCli.RunAsync("-in", input, "--enforcement", "recommended")).ExitCode);
        Assert.Equal(1, (await PulumiCli.RunAsync("-in", input, "--enforcement", "recommended", "--policy-config", temp.Combine("kms.json"))).ExitCode);
    }

    [Fact] // The undecidable links, the unchanged VPC named by a literal id and the private bucket, through every output.
    public async Task Sarif_metrics_and_dracon_issues_agree_with_the_summary_table()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("preview.json");
        File.WriteAllText(input, new PreviewBuilder()
            .AddUnchanged("aws:ec2/vpc:Vpc", "kept", "{}", id: "vpc-0a1", outputs: """{"id":"vpc-0a1"}""")
            .Add("aws:ec2/flowLog:FlowLog", "kept_flow", """{"vpcId":"vpc-0a1","trafficType":"ALL"}""", dependencies: """{"vpcId":[]}""")
            .Add("aws:ec2/vpc:Vpc", "main", "{}")
            .Add("aws:ec2/flowLog:FlowLog", "secret_flow", """{"vpcId":"[secret]","trafficType":"ALL"}""", dependencies: """{"vpcId":[]}""")
            .Add("aws:s3/bucketV2:BucketV2", "private", """{"acl":"private"}""")
            .Add("aws:kms/key:Key", "key", "{}")
            .Json());
        var (code, output, _) = await PulumiCli.RunAsync(
            "-in", input, "-out", temp.Combine("p.pb"), "--sarif-out", temp.Combine("p.sarif"), "--metrics-out", temp.Combine("m.json"));

        Assert.Equal(1, code);
        var table = output.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^(\S+)\s+(mandatory|advisory)\s+(\d+)\s+(\d+)\s+(\d+)\s*$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => (Fail: int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), Unknown: int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)));
        Assert.Equal((0, 1), table["vpc-flow-logs-enabled"]); // main: the secret flow log may be its own; kept: named by its old id
        Assert.All(table.Where(t => t.Key.StartsWith("s3-bucket-", StringComparison.Ordinal) && t.Key.Contains("public", StringComparison.Ordinal)), t => Assert.Equal((0, 0), t.Value));

        var issues = DraconFile.ReadLaunchToolResponse(temp.Combine("p.pb")).Issues;
        using var sarif = JsonDocument.Parse(File.ReadAllBytes(temp.Combine("p.sarif")));
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        using var metrics = JsonDocument.Parse(File.ReadAllBytes(temp.Combine("m.json")));
        foreach (var (control, (fail, unknown)) in table)
        {
            Assert.Equal(fail, issues.Count(i => i.Type == control && i.Severity != Severity.Info));
            Assert.Equal(unknown, issues.Count(i => i.Type == control && i.Severity == Severity.Info));
            Assert.Equal(fail, results.Count(r => r.GetProperty("ruleId").GetString() == control && r.GetProperty("level").GetString() == "error"));
            Assert.Equal(unknown, results.Count(r => r.GetProperty("ruleId").GetString() == control + "/undecided" && r.GetProperty("level").GetString() == "note"));
            Assert.Equal(fail, metrics.RootElement.EnumerateArray().Count(d => d.GetProperty("MetricName").GetString() == control));
        }
    }

    [Fact]
    public async Task Fail_on_unknown_counts_undecided_mandatory_checks()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("preview.json");
        File.WriteAllText(input, new PreviewBuilder().Add("aws:sqs/queue:Queue", "q", $$"""{"policy":"{{PreviewBuilder.Unknown}}"}""").Json());
        Assert.Equal(0, (await PulumiCli.RunAsync("-in", input)).ExitCode);
        Assert.Equal(1, (await PulumiCli.RunAsync("-in", input, "--fail-on-unknown")).ExitCode);
    }

    [Fact]
    public async Task Engine_events_report_crossguard_violations_too()
    {
        using var temp = new TempDirectory();
        var (code, output, _) = await PulumiCli.RunAsync("-in", Example("engine-events.jsonl"), "-out", temp.Combine("p.pb"), "--policy-config", Example("policy-config.json"));
        Assert.Equal(1, code);
        Assert.Contains("crossguard:aws-python/kms-no-automatic-rotation", output, StringComparison.Ordinal);
        var response = DraconFile.ReadLaunchToolResponse(temp.Combine("p.pb"));
        Assert.Contains(response.Issues, i => i.Type == "crossguard:pulumi-awsguard/ec2-instance-no-public-ip");
    }

    [Fact] // A cut-short stream never passes, whatever the levels; what it lists is still written and reported.
    public async Task An_incomplete_preview_exits_with_its_own_code_naming_why_after_writing_the_outputs()
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("events.jsonl");
        File.WriteAllLines(input, File.ReadAllLines(Example("engine-events.jsonl")).TakeWhile(l => !l.Contains("\"summaryEvent\"", StringComparison.Ordinal)));
        File.WriteAllText(temp.Combine("advisory.json"), """{"all":"advisory"}""");

        var (code, output, _) = await PulumiCli.RunAsync("-in", input, "-out", temp.Combine("p.pb"), "--sarif-out", temp.Combine("p.sarif"), "--policy-config", temp.Combine("advisory.json"));

        Assert.Equal(CloudPI.Commands.ExitCodes.IncompletePreview, code);
        Assert.NotEqual(CloudPI.Commands.ExitCodes.Usage, code);
        Assert.Contains("Gate: INCOMPLETE", output, StringComparison.Ordinal);
        Assert.Contains("summaryEvent", output, StringComparison.Ordinal);
        Assert.NotEmpty(DraconFile.ReadLaunchToolResponse(temp.Combine("p.pb")).Issues);
        Assert.True(File.Exists(temp.Combine("p.sarif")));
    }

    [Theory]
    [InlineData("truncated", "preview.json: line 4: malformed or truncated JSON")]
    [InlineData("config", "bad-config.json: restricted-ssh: 'sometimes' is not an enforcement level")]
    [InlineData("namespace", "--metrics-namespace must not use the reserved AWS/ prefix")]
    [InlineData("missing", "cannot read")]
    [InlineData("preset", "Argument 'strict' not recognized. Must be one of")]
    [InlineData("project-dir", "--project-dir '/repo/infra' must be relative to the repository root")]
    public async Task Bad_input_is_a_usage_error_with_one_line_and_no_output_files(string problem, string expected)
    {
        using var temp = new TempDirectory();
        var input = temp.Combine("preview.json");
        File.WriteAllText(input, problem == "truncated" ? File.ReadAllText(Example("preview.json"))[..80] : File.ReadAllText(Example("preview.json")));
        File.WriteAllText(temp.Combine("bad-config.json"), """{"restricted-ssh":"sometimes"}""");
        string[] args = problem switch
        {
            "config" => ["--policy-config", temp.Combine("bad-config.json")],
            "namespace" => ["--metrics-namespace", "AWS/Pulumi"],
            "preset" => ["--enforcement", "strict"],
            "project-dir" => ["--project-dir", "/repo/infra"],
            _ => [],
        };
        var before = temp.Files();
        var (code, _, error) = await PulumiCli.RunAsync(
        [
            "-in", problem == "missing" ? temp.Combine("nope.json") : input,
            "-out", temp.Combine("out.pb"), "--sarif-out", temp.Combine("out.sarif"), "--metrics-out", temp.Combine("m.json"), .. args,
        ]);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("cloudpi: ", StringComparison.Ordinal));
        Assert.Equal(before, temp.Files());
    }

    [Fact]
    public async Task Append_adds_to_an_existing_producer_file_and_stale_metric_chunks_are_removed()
    {
        using var temp = new TempDirectory();
        var metrics = temp.Combine("metrics.json");
        File.WriteAllText(CloudPI.Iac.Output.CloudWatchMetrics.ChunkPath(metrics, 1), "[]"); // left by an earlier, larger run
        string[] args = ["-in", Example("preview-show-sames.json"), "-out", temp.Combine("p.pb"), "--metrics-out", metrics];
        await PulumiCli.RunAsync(args);
        var once = DraconFile.ReadLaunchToolResponse(temp.Combine("p.pb")).Issues.Count;
        await PulumiCli.RunAsync([.. args, "-append"]);

        Assert.Equal(2 * once, DraconFile.ReadLaunchToolResponse(temp.Combine("p.pb")).Issues.Count);
        Assert.False(File.Exists(CloudPI.Iac.Output.CloudWatchMetrics.ChunkPath(metrics, 1)));
    }

    [Fact]
    public async Task Missing_input_option_is_a_usage_error() =>
        Assert.Equal(2, (await PulumiCli.RunAsync()).ExitCode);
}
