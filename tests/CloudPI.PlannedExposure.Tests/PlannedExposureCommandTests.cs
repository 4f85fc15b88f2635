using System.CommandLine;
using System.Text.Json;
using CloudPI.Commands;
using CloudPI.Commands.Producers;
using CloudPI.Dracon.Io;
using CloudPI.Graph.Apoc;
using CloudPI.Iac.Tests;
using CloudPI.TestSupport;
using Ocurity.Dracon.V1;

namespace CloudPI.PlannedExposure.Tests;

/// <summary><c>cloudpi producer planned-exposure</c> end to end: the bundled example, the gate's levels, a fresh stack.</summary>
public sealed class PlannedExposureCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var root = new RootCommand { CommonOptions.Debug, CommonOptions.LogFormat, new Command("producer") { PlannedExposureCommand.Create() } };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["producer", "planned-exposure", "--log-format", "json", .. args], root, "cloudpi", output, error);
        return (exitCode, output.ToString());
    }

    private static string Graph(TempDirectory temp)
    {
        var path = temp.Combine("live.jsonl");
        ApocJsonLinesWriter.WriteFile(LiveAccount.Build(), path);
        return path;
    }

    [Fact] // The README's example: one path opened, one closed, both printed with their paths; the gate fails.
    public async Task Bundled_example_prints_the_opened_and_the_closed_path_and_fails_the_gate()
    {
        using var temp = new TempDirectory();
        var (code, output) = await RunAsync(
            "-in", RepoPaths.Examples("pulumi", "planned-exposure-preview.json"), "--graph", RepoPaths.Examples("account", "graph.jsonl"),
            "-out", temp.Combine("planned.pb"), "--sarif-out", temp.Combine("planned.sarif"), "--summary-out", temp.Combine("summary.md"), "--project-dir", "infra");

        Assert.Equal(1, code);
        Assert.Contains("### Newly reachable (1)", output, StringComparison.Ordinal);
        Assert.Contains("internet → igw-0b94083aa31091a4e → rtb-0fb7b355736beca3f → acl-01cae85dcc08df0e7#100 → sg-0e9a8efc723bbe32d tcp/22 → i-planned-bastion", output, StringComparison.Ordinal);
        Assert.Contains("### No longer reachable (fixed by this change) (1)", output, StringComparison.Ordinal);
        Assert.Contains("was: `internet → igw-0b94083aa31091a4e → rtb-0fb7b355736beca3f → acl-01cae85dcc08df0e7#100 → sg-0e9a8efc723bbe32d tcp/22 → i-0d039a49b5763eee9`", output, StringComparison.Ordinal);
        Assert.Contains("still open to 203.0.113.0/24 only", output, StringComparison.Ordinal);
        Assert.Equal(output, File.ReadAllText(temp.Combine("summary.md")));

        var response = DraconFile.ReadLaunchToolResponse(temp.Combine("planned.pb"));
        Assert.Equal("cloudpi-planned-exposure", response.ToolName);
        Assert.All(response.Issues, i => Assert.Equal("planned-exposure", i.Type));
        var opened = Assert.Single(response.Issues, i => i.Severity == Severity.High);
        Assert.EndsWith("::bastion", opened.Target, StringComparison.Ordinal);
        Assert.EndsWith("::legacy-ssh-host", Assert.Single(response.Issues, i => i.Severity == Severity.Info).Target, StringComparison.Ordinal);

        // The SARIF result sits on the line that declares the instance opening the path.
        using var sarif = JsonDocument.Parse(File.ReadAllBytes(temp.Combine("planned.sarif")));
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("planned-exposure", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("infra/index.ts", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(14, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact] // Closing a path never fails the gate; an opened one passes only when planned-exposure is made advisory.
    public async Task Closing_never_fails_and_the_level_is_configurable_like_the_other_checks()
    {
        using var temp = new TempDirectory();
        var graph = Graph(temp);
        File.WriteAllText(temp.Combine("closes.json"), new PreviewBuilder().Add(PulumiTypes.NetworkAclRule, "deny_ssh",
            """{"networkAclId":"acl-default","ruleNumber":50,"egress":false,"protocol":"tcp","ruleAction":"deny","cidrBlock":"0.0.0.0/0","fromPort":22,"toPort":22}""").Json());
        File.WriteAllText(temp.Combine("opens.json"), new PreviewBuilder().Add(PulumiTypes.SecurityGroupRule, "web_in",
            """{"type":"ingress","securityGroupId":"sg-closed","protocol":"tcp","fromPort":8443,"toPort":8443,"cidrBlocks":["0.0.0.0/0"]}""").Json());
        File.WriteAllText(temp.Combine("advisory.json"), """{"planned-exposure":"advisory"}""");

        Assert.Equal(0, (await RunAsync("-in", temp.Combine("closes.json"), "--graph", graph)).ExitCode);
        Assert.Equal(1, (await RunAsync("-in", temp.Combine("opens.json"), "--graph", graph)).ExitCode);
        Assert.Equal(1, (await RunAsync("-in", temp.Combine("opens.json"), "--graph", graph, "--enforcement", "recommended")).ExitCode);
        var (code, output) = await RunAsync("-in", temp.Combine("opens.json"), "--graph", graph, "--policy-config", temp.Combine("advisory.json"));
        Assert.Equal(0, code);
        Assert.Contains("**Gate: pass**", output, StringComparison.Ordinal);
    }

    [Fact] // A weakness made exploitable on a reachable host and a newly public bucket both fail the gate and have their sections.
    public async Task A_newly_exploitable_host_and_a_newly_public_bucket_fail_the_gate()
    {
        using var temp = new TempDirectory();
        var graph = Graph(temp);
        var policy = JsonSerializer.Serialize("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::assets/*"}]}""");
        File.WriteAllText(temp.Combine("preview.json"), new PreviewBuilder()
            .Add(PulumiTypes.Instance, "shop", """{"metadataOptions":{"httpTokens":"optional"}}""", op: "update", id: "i-shop")
            .Add(PulumiTypes.BucketPolicy, "assets_policy", $$"""{"bucket":"assets","policy":{{policy}}}""").Json());

        var (code, output) = await RunAsync("-in", temp.Combine("preview.json"), "--graph", graph, "-out", temp.Combine("planned.pb"));

        Assert.Equal(1, code);
        Assert.Contains("### Newly exploitable (already reachable) (1)", output, StringComparison.Ordinal);
        Assert.Contains("**i-shop** on `tcp/443` — made exploitable by `shop`", output, StringComparison.Ordinal);
        Assert.Contains("**assets** on `tcp/443` — opened by `assets_policy`", output, StringComparison.Ordinal);
        Assert.Equal(2, DraconFile.ReadLaunchToolResponse(temp.Combine("planned.pb")).Issues.Count(i => i.Severity > Severity.Info));
    }

    [Fact] // An undecided path does not block unless asked to, and names the value that decides it.
    public async Task An_undecided_path_blocks_only_with_fail_on_unknown()
    {
        using var temp = new TempDirectory();
        var graph = Graph(temp);
        File.WriteAllText(temp.Combine("unknown.json"), new PreviewBuilder().Add(PulumiTypes.SecurityGroupRule, "partner_in",
            $$"""{"type":"ingress","securityGroupId":"sg-closed","protocol":"tcp","fromPort":9000,"toPort":9000,"cidrBlocks":["{{PreviewBuilder.Unknown}}"]}""").Json());

        var (code, output) = await RunAsync("-in", temp.Combine("unknown.json"), "--graph", graph);
        Assert.Equal(0, code);
        Assert.Contains("partner_in.cidrBlocks (unknown before deployment)", output, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("-in", temp.Combine("unknown.json"), "--graph", graph, "--fail-on-unknown")).ExitCode);
    }

    [Fact] // A fresh stack: no live graph, the preview alone is the graph.
    public async Task A_fresh_stack_is_judged_on_the_preview_alone()
    {
        using var temp = new TempDirectory();
        static string Urn(string type, string name) => PreviewBuilder.Urn(type, name);
        var vpc = Urn(PulumiTypes.Vpc, "main");
        var subnet = Urn(PulumiTypes.Subnet, "public");
        var igw = Urn(PulumiTypes.InternetGateway, "gw");
        var table = Urn(PulumiTypes.RouteTable, "public");
        var group = Urn(PulumiTypes.SecurityGroup, "web");
        const string unknown = PreviewBuilder.Unknown;
        File.WriteAllText(temp.Combine("fresh.json"), new PreviewBuilder()
            .Add(PulumiTypes.Vpc, "main", """{"cidrBlock":"10.1.0.0/16"}""")
            .Add(PulumiTypes.InternetGateway, "gw", $$"""{"vpcId":"{{unknown}}"}""", dependencies: $$"""{"vpcId":["{{vpc}}"]}""")
            .Add(PulumiTypes.Subnet, "public", $$"""{"vpcId":"{{unknown}}","cidrBlock":"10.1.0.0/24","mapPublicIpOnLaunch":true}""", dependencies: $$"""{"vpcId":["{{vpc}}"]}""")
            .Add(PulumiTypes.RouteTable, "public", $$"""{"vpcId":"{{unknown}}","routes":[{"cidrBlock":"0.0.0.0/0","gatewayId":"{{unknown}}"}]}""",
                dependencies: $$"""{"vpcId":["{{vpc}}"],"routes":["{{igw}}"]}""")
            .Add(PulumiTypes.RouteTableAssociation, "public", $$"""{"routeTableId":"{{unknown}}","subnetId":"{{unknown}}"}""",
                dependencies: $$"""{"routeTableId":["{{table}}"],"subnetId":["{{subnet}}"]}""")
            .Add(PulumiTypes.SecurityGroup, "web", $$"""{"vpcId":"{{unknown}}","ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"]}]}""",
                dependencies: $$"""{"vpcId":["{{vpc}}"]}""")
            .Add(PulumiTypes.Instance, "web", $$"""{"subnetId":"{{unknown}}","vpcSecurityGroupIds":["{{unknown}}"]}""",
                dependencies: $$"""{"subnetId":["{{subnet}}"],"vpcSecurityGroupIds":["{{group}}"]}""")
            .Add(PulumiTypes.Instance, "outside", """{"subnetId":"subnet-0existing","vpcSecurityGroupIds":["sg-0existing"],"associatePublicIpAddress":true}""")
            .Json());

        var (code, output) = await RunAsync("-in", temp.Combine("fresh.json"), "--fresh-stack");
        Assert.True(code == 1, output);
        Assert.Contains("**i-planned-web** on `tcp/443` — opened by `web`", output, StringComparison.Ordinal);
        Assert.Contains("internet → igw-planned-gw → rtb-planned-public → vpc-planned-main-default-acl#100 → sg-planned-web tcp/443 → i-planned-web", output, StringComparison.Ordinal);
        Assert.Contains("**i-planned-outside** on `all traffic` — reachability after the change is undecided", output, StringComparison.Ordinal);
    }

    [Theory] // Each CI sample runs the step, with options the command has.
    [InlineData("github-actions.yml")]
    [InlineData("buildspec.yml")]
    [InlineData("gitlab-ci.yml")]
    public void The_ci_samples_run_planned_exposure_with_options_the_command_accepts(string sample)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "ci", sample));
        var start = text.IndexOf("producer planned-exposure", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{sample} has no planned-exposure step");
        var invocation = text[start..text.IndexOf("planned-exposure.md", start, StringComparison.Ordinal)];
        var command = PlannedExposureCommand.Create();
        var accepted = command.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
        var used = System.Text.RegularExpressions.Regex.Matches(invocation, @"(?<=\s)--?[a-z][a-z0-9-]*").Select(m => m.Value).ToList();
        Assert.Contains("--neo4j-uri", used);
        Assert.All(used, option => Assert.Contains(option, accepted));
    }
}
