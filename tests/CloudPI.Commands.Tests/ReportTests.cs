using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CloudPI.Commands.Report;
using CloudPI.Controls;
using CloudPI.TestSupport;
using NJsonSchema;

namespace CloudPI.Commands.Tests;

/// <summary>The README's scan of the bundled example, run once for every report test.</summary>
public sealed class ExampleScan : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string Root => _temp.Path;

    public string Enrichers => _temp.Combine(".dracon", "enrichers");

    public string Combine(params string[] parts) => _temp.Combine(parts);

    public async Task InitializeAsync()
    {
        string[] awsConfig = [.. Directory.GetFiles(RepoPaths.Examples("awsconfig"), "*.json").Order(StringComparer.Ordinal)];
        var result = await Cli.RunAsync(
            ["scan", "--graph", RepoPaths.Examples("account", "graph.jsonl"), "--awsconfig-in", .. awsConfig, "--aws-account-id", "800868000056",
             "--aws-regions", "us-east-1", "--pulumi-in", RepoPaths.Examples("pulumi", "preview-show-sames.json"),
             "--policy-config", RepoPaths.Examples("pulumi", "policy-config.json"), "--out", _temp.Path]);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}

public sealed partial class ReportTests(ExampleScan scan) : IClassFixture<ExampleScan>
{
    private static readonly Lazy<Task<JsonSchema>> SarifSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "tests", "CloudPI.Iac.Tests", "Sarif", "sarif-schema-2.1.0.json")));

    private static readonly Lazy<Task<JsonSchema>> OcsfSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "tests", "CloudPI.Commands.Tests", "Ocsf", "detection_finding-1.1.0.schema.json")));

    private static readonly Lazy<Task<JsonSchema>> FindingsSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "docs", "schemas", "cloudpi-findings.schema.json")));

    private ReportModel Model(FindingFilter? filter = null) =>
        ReportModel.Build(scan.Enrichers, 50, filter ?? FindingFilter.None, CloudPI.Enrichers.Muting.MuteList.Empty, DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<(string Text, string Log)> ReportAsync(string format, params string[] extra)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("out." + format);
        var result = await Cli.RunAsync(["report", scan.Enrichers, "--out", path, "--format", format, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        return (File.ReadAllText(path), result.Error);
    }

    [ChromiumFact]
    public async Task The_html_report_works_offline_in_a_real_browser_with_rendered_diagrams_and_a_search_that_filters()
    {
        var screenshots = Path.Combine(RepoPaths.Root, "out", "report-browser");
        Directory.CreateDirectory(screenshots);
        var screenshot = Path.Combine(screenshots, "report.png");

        var output = await NodeTool.RunAsync("report-browser", "check.mjs", string.Empty, [scan.Combine("report.html"), "restricted-ssh", screenshot]);

        var page = JsonDocument.Parse(output).RootElement;
        var findings = Model().Findings.Count;
        Assert.Empty(page.GetProperty("consoleErrors").EnumerateArray());
        Assert.Empty(page.GetProperty("outside").EnumerateArray()); // nothing tried to leave the file
        Assert.Equal(findings, page.GetProperty("findings").GetInt32()); // every finding is on the page
        Assert.Equal(findings, page.GetProperty("before").GetInt32());
        Assert.Equal(Model().Findings.Count(f => f.HasPath), page.GetProperty("diagrams").GetInt32());
        Assert.Equal(0, page.GetProperty("emptyDiagrams").GetInt32());
        Assert.True(page.GetProperty("firstDiagramVisible").GetBoolean());
        Assert.Equal(0, page.GetProperty("rawMermaid").GetInt32());
        var searched = page.GetProperty("afterSearch").GetInt32();
        Assert.InRange(searched, 1, findings - 1);
        Assert.True(page.GetProperty("everyShownMatches").GetBoolean());
        Assert.Equal($"{searched} of {findings} findings shown", page.GetProperty("shownText").GetString());
        Assert.Equal(page.GetProperty("criticalExpected").GetInt32(), page.GetProperty("criticalOnly").GetInt32());
        Assert.True(File.Exists(screenshot));
    }

    [Fact]
    public void The_html_report_needs_no_network_and_forbids_it()
    {
        var html = File.ReadAllText(scan.Combine("report.html"));

        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(SourceOrHref(), html);
        Assert.DoesNotContain("<pre class=\"mermaid\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_and_html_carry_the_same_content_for_every_finding()
    {
        var model = Model();
        var markdown = File.ReadAllText(scan.Combine("report.md"));
        var html = System.Net.WebUtility.HtmlDecode(File.ReadAllText(scan.Combine("report.html")));

        Assert.Contains(model.Headline(), markdown, StringComparison.Ordinal);
        Assert.Contains(model.Headline(), html, StringComparison.Ordinal);
        foreach (var scope in model.Scope.Tools.Concat(model.Scope.Accounts).Append(MarkdownReport.Started(model.Scope)))
        {
            Assert.Contains(scope, markdown, StringComparison.Ordinal);
            Assert.Contains(scope, html, StringComparison.Ordinal);
        }

        foreach (var finding in model.Findings)
        {
            Assert.Contains(finding.Issue.Target, markdown, StringComparison.Ordinal);
            Assert.Contains(finding.Issue.Target, html, StringComparison.Ordinal);
        }

        foreach (var finding in model.Active.Take(model.Top))
        {
            string[] facts =
            [
                $"severity {finding.Severity}", string.Join(", ", finding.Tools), finding.Reason ?? string.Empty, finding.Fix ?? string.Empty,
                finding.Path ?? string.Empty, .. finding.ExploitabilityReasons,
            ];
            Assert.All(facts, fact =>
            {
                Assert.Contains(fact, markdown, StringComparison.Ordinal);
                Assert.Contains(fact, html, StringComparison.Ordinal);
            });
        }

        // The open-SSH group is reported by the graph and by AWS Config: one finding with both sources.
        var merged = Assert.Single(model.Findings, f => f.Control == "restricted-ssh" && f.Tools.Count == 2);
        Assert.Equal(["cloudpi-aws-config", "cloudpi-cartography"], merged.Tools);
        Assert.Equal(2, merged.Uuids.Distinct().Count());
    }

    [Fact]
    public void Findings_below_the_top_are_all_listed_collapsed()
    {
        var model = Model();
        var markdown = File.ReadAllText(scan.Combine("report.md"));
        var html = File.ReadAllText(scan.Combine("report.html"));

        Assert.True(model.Findings.Count > model.Top);
        Assert.Contains($"<details><summary>{model.Findings.Count - model.Top} more findings with lower priority</summary>", markdown, StringComparison.Ordinal);
        Assert.Equal(model.Findings.Count, Regex.Count(html, "<details class=\"finding\""));
        Assert.Equal(model.Top, Regex.Count(html, "<details class=\"finding\"[^>]* open>"));
    }

    [Fact]
    public async Task Json_export_lists_every_finding_and_validates_against_its_schema()
    {
        var (json, _) = await ReportAsync("json");

        Assert.Empty((await FindingsSchema.Value).Validate(json).Select(e => e.ToString()));
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(Model().Findings.Count, root.GetProperty("findings").GetArrayLength());
        Assert.Equal(Model().Findings.Count, root.GetProperty("summary").GetProperty("findings").GetInt32());
        var first = root.GetProperty("findings")[0];
        Assert.Equal(Model().Findings[0].Issue.Target, first.GetProperty("target").GetString());
        Assert.True(first.GetProperty("annotations").TryGetProperty("cloudpi.priority.score", out _));
    }

    [Fact]
    public async Task Csv_export_has_one_row_per_finding_and_quotes_per_rfc_4180()
    {
        var (csv, _) = await ReportAsync("csv");

        var rows = ParseCsv(csv);
        Assert.Equal(FindingExports.CsvColumns, rows[0]);
        Assert.Equal(Model().Findings.Count, rows.Count - 1);
        Assert.All(rows, row => Assert.Equal(FindingExports.CsvColumns.Count, row.Count));
        Assert.Equal(Model().Findings.Select(f => f.Issue.Target), rows.Skip(1).Select(r => r[5]));
    }

    [Fact]
    public async Task Sarif_export_is_valid_against_the_official_schema()
    {
        var (sarif, _) = await ReportAsync("sarif");

        Assert.Empty((await SarifSchema.Value).Validate(sarif).Select(e => e.ToString()));
        var run = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];
        Assert.Equal(Model().Findings.Count, run.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Ocsf_export_is_a_valid_list_of_detection_findings()
    {
        var (ocsf, _) = await ReportAsync("ocsf");

        Assert.Empty((await OcsfSchema.Value).Validate(ocsf).Select(e => e.ToString()));
        var events = JsonDocument.Parse(ocsf).RootElement;
        Assert.Equal(Model().Findings.Count, events.GetArrayLength());
        Assert.All(events.EnumerateArray(), e => Assert.Equal(2004, e.GetProperty("class_uid").GetInt32()));
    }

    [Theory]
    [InlineData("class_uid", "2003")]
    [InlineData("severity_id", "7")]
    [InlineData("finding_info", "{}")]
    [InlineData("findng_info", "{}")]
    public async Task The_ocsf_schema_check_catches_a_broken_event(string attribute, string json)
    {
        var (ocsf, _) = await ReportAsync("ocsf");
        var events = System.Text.Json.Nodes.JsonNode.Parse(ocsf)!.AsArray();
        events[0]![attribute] = System.Text.Json.Nodes.JsonNode.Parse(json);

        Assert.NotEmpty((await OcsfSchema.Value).Validate(events.ToJsonString()));
    }

    [Fact]
    public async Task Filters_keep_only_the_severity_account_and_control_asked_for()
    {
        var (high, _) = await ReportAsync("json", "--min-severity", "high");
        var (ssh, _) = await ReportAsync("json", "--control", "restricted-ssh", "--account", "800868000056");

        var highFindings = JsonDocument.Parse(high).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(highFindings);
        Assert.All(highFindings, f => Assert.Contains(f.GetProperty("severity").GetString(), new[] { "HIGH", "CRITICAL" }));
        Assert.Equal(Model().Findings.Count(f => f.Issue.Severity >= Ocurity.Dracon.V1.Severity.High), highFindings.Count);
        var sshFindings = JsonDocument.Parse(ssh).RootElement.GetProperty("findings").EnumerateArray().ToList();
        var single = Assert.Single(sshFindings);
        Assert.Equal("restricted-ssh", single.GetProperty("control").GetString());
        Assert.Equal(["account 800868000056", "control restricted-ssh"], JsonDocument.Parse(ssh).RootElement.GetProperty("scan").GetProperty("filters").EnumerateArray().Select(e => e.GetString()!).Order());
    }

    [Fact]
    public async Task Muted_findings_are_annotated_counted_and_kept_and_an_expired_entry_warns()
    {
        using var temp = new TempDirectory();
        var mutes = temp.Combine("mutes.yaml");
        File.WriteAllText(mutes, """
            mutes:
              - control: restricted-ssh
                resource: "arn:aws:ec2:*:800868000056:security-group/*"
                account: "800868000056"
                reason: Bastion host, accepted until the VPN lands (SEC-42)
                expires: 2999-12-31
              - control: ec2-imdsv2-check
                resource: "*"
                reason: Old exception
                expires: 2001-01-01
            """);

        var (json, _) = await ReportAsync("json", "--mute-file", mutes);
        var (markdown, _) = await ReportAsync("md", "--mute-file", mutes);
        var log = (await Cli.RunProcessAsync("report", scan.Enrichers, "--out", temp.Combine("report.md"), "--mute-file", mutes, "--log-format", "json")).Error;

        var root = JsonDocument.Parse(json).RootElement;
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(Model().Findings.Count, findings.Count); // kept
        var muted = Assert.Single(findings, f => f.TryGetProperty("muted", out _));
        Assert.Equal("restricted-ssh", muted.GetProperty("control").GetString());
        Assert.Equal("2999-12-31", muted.GetProperty("muted").GetProperty("until").GetString());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("muted").GetInt32());
        Assert.Equal(findings.Count, muted.GetProperty("rank").GetInt32()); // ranked after every unmuted finding
        Assert.DoesNotContain(findings, f => f.GetProperty("control").GetString() == "ec2-imdsv2-check" && f.TryGetProperty("muted", out _));
        var warning = Assert.Single(log.Split('\n'), line => line.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal));
        Assert.Contains("Mute entry expired on", warning, StringComparison.Ordinal);
        Assert.Contains("Old exception", warning, StringComparison.Ordinal);
        Assert.Contains("## Muted findings (1)", markdown, StringComparison.Ordinal);
        Assert.Contains("Bastion host, accepted until the VPN lands (SEC-42)", markdown, StringComparison.Ordinal);
        Assert.Contains("**Expired mute entry**", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mutes:\n  - resource: '*'\n", "mutes[0] (line 2): 'reason' is required")]
    [InlineData("mutes:\n  - resource: '*'\n    reason: x\n    expires: soon\n", "'expires' must be a date YYYY-MM-DD (got 'soon')")]
    [InlineData("mutes:\n  - resource: '*'\n    reason: x\n    resorce: y\n", "unknown field 'resorce'")]
    [InlineData("- resource: '*'\n", "expected a top-level 'mutes:' list")]
    public async Task A_bad_mute_file_is_one_line_naming_the_file_and_entry_and_writes_nothing(string yaml, string expected)
    {
        using var temp = new TempDirectory();
        var mutes = temp.Combine("mutes.yaml");
        File.WriteAllText(mutes, yaml);

        var result = await Cli.RunAsync("report", scan.Enrichers, "--out", temp.Combine("report.md"), "--mute-file", mutes);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"{mutes}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal(["mutes.yaml"], temp.Files());
    }

    [Fact]
    public async Task A_baseline_shows_only_what_is_new_since_the_earlier_run()
    {
        using var previous = new TempDirectory();
        var cartography = Directory.GetFiles(scan.Enrichers, "cloudpi-cartography.enriched.aggregated.pb").Single();
        File.Copy(cartography, previous.Combine(Path.GetFileName(cartography)));
        var before = ReportModel.Read(previous.Path).Findings.Select(f => f.Key).ToHashSet();

        var (same, _) = await ReportAsync("json", "--baseline", scan.Enrichers);
        var (json, _) = await ReportAsync("json", "--baseline", previous.Path);

        Assert.Equal(0, JsonDocument.Parse(same).RootElement.GetProperty("findings").GetArrayLength());
        var root = JsonDocument.Parse(json).RootElement;
        var expected = Model().Findings.Where(f => !before.Contains(f.Key)).Select(f => f.Issue.Target).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("target").GetString()));
        Assert.Equal(before.Count, root.GetProperty("baseline").GetProperty("previous").GetInt32());
        Assert.Equal(0, root.GetProperty("baseline").GetProperty("resolved").GetInt32());
    }

    [Fact]
    public async Task Compliance_shows_pass_and_fail_per_cis_and_fsbp_requirement()
    {
        var (markdown, _) = await ReportAsync("md", "--compliance");

        Assert.Contains("## Compliance", markdown, StringComparison.Ordinal);
        // restricted-ssh carries Security Hub EC2.13, which checks CIS 1.2.0 4.1; the example has open SSH.
        Assert.Matches(@"\| 4\.1 \| Ensure no security groups allow ingress from 0\.0\.0\.0/0 to port 22 \| EC2\.13 \| `restricted-ssh` \| FAIL \| \d+ \|", markdown);
        Assert.Contains("### AWS Foundational Security Best Practices v1.0.0:", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| EC2\.8 \| [^|]+ \| EC2\.8 \| `ec2-imdsv2-check` \| FAIL \|", markdown);
        Assert.Matches(@"\| [^|]+ \| [^|]+ \| [^|]+ \| [^|]+ \| PASS \| 0 \|", markdown);
    }

    [Fact]
    public async Task Controls_list_shows_the_catalog_with_every_mapping_as_json_and_markdown()
    {
        var json = await Cli.RunAsync("controls", "list", "--format", "json");
        var md = await Cli.RunAsync("controls", "list");

        Assert.Equal(0, json.ExitCode);
        var controls = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        Assert.Equal(ControlCatalog.Default.Controls.Select(c => c.Id), controls.Select(c => c.GetProperty("id").GetString()));
        var ssh = controls.Single(c => c.GetProperty("id").GetString() == "restricted-ssh");
        Assert.Contains("INCOMING_SSH_DISABLED", ssh.GetProperty("configRuleIdentifiers").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(ssh.GetProperty("frameworks").EnumerateArray(), f => f.GetProperty("requirement").GetString() == "4.1");
        Assert.Equal(ControlCatalog.Default.Controls.Count + 2, md.Output.Trim().Split('\n').Length);
        Assert.Contains("| `restricted-ssh` | HIGH |", md.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_drawn_on_a_terminal_and_erased()
    {
        using var terminal = new StringWriter();
        using (var progress = new TerminalProgress("enricher: issues", 10, terminal))
        {
            progress.Report(10);
        }

        Assert.Equal("\renricher: issues 10/10 (100%)\r\u001b[2K", terminal.ToString());
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(field.ToString()); // the last record ends with CRLF
        return rows;
    }

    [GeneratedRegex("""(src|href)\s*=\s*["'](https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex SourceOrHref();
}
