using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudPI.Controls;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Model;
using CloudPI.Iac.Output;
using CloudPI.Iac.Reading;
using CloudPI.TestSupport;
using NJsonSchema;

namespace CloudPI.Iac.Tests;

/// <summary>
/// The SARIF output against the official SARIF 2.1.0 schema and what GitHub code scanning requires of an upload:
/// a repository-relative artifact location on every result, fingerprints, rule security severities, tool metadata.
/// </summary>
public sealed class SarifTests
{
    private static readonly IReadOnlyList<Control> AllControls = IacChecks.All.SelectMany(c => c.Controls).ToList();

    /// <summary>The OASIS schema, committed with its licence (Sarif/LICENSE.md).</summary>
    private static readonly Lazy<Task<JsonSchema>> OfficialSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepoPaths.Root, "tests", "CloudPI.Iac.Tests", "Sarif", "sarif-schema-2.1.0.json")));

    public static TheoryData<string> Examples => ["preview-show-sames.json", "preview.json", "engine-events.jsonl", "stack-export.json"];

    private static IacEvaluation Evaluate(string example) =>
        IacEvaluation.Run(IacInputReader.ReadFile(RepoPaths.Examples("pulumi", example)), PolicyConfig.Default);

    private static byte[] Write(IacEvaluation evaluation, string projectDirectory = "infra") =>
        SarifLog.Write(evaluation, AllControls, ProjectDirectory.Parse(projectDirectory));

    private static JsonElement Run(byte[] sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    private static List<JsonElement> Results(byte[] sarif) => Run(sarif).GetProperty("results").EnumerateArray().ToList();

    private static string Urn(JsonElement result) => result.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString()!;

    private static JsonElement PhysicalLocation(JsonElement result) => result.GetProperty("locations")[0].GetProperty("physicalLocation");

    private static string Fingerprint(JsonElement result) => result.GetProperty("partialFingerprints").GetProperty(SarifLog.FingerprintKey).GetString()!;

    /// <summary>GitHub's bands for <c>security-severity</c>.</summary>
    private static string GitHubSeverity(JsonElement rule)
    {
        var score = double.Parse(rule.GetProperty("properties").GetProperty("security-severity").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.InRange(score, 0.0, 10.0);
        return score >= 9.0 ? "critical" : score >= 7.0 ? "high" : score >= 4.0 ? "medium" : "low";
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Sarif_is_valid_against_the_official_sarif_2_1_0_schema(string example)
    {
        var schema = await OfficialSchema.Value;
        var sarif = Write(Evaluate(example));

        Assert.Empty(schema.Validate(Encoding.UTF8.GetString(sarif)).Select(e => e.ToString()));
        Assert.Equal(SarifLog.SchemaUri, JsonDocument.Parse(sarif).RootElement.GetProperty("$schema").GetString());
    }

    [Theory]
    [InlineData("level", "fatal")]
    [InlineData("message", null)]
    [InlineData("startLine", "0")]
    [InlineData("partialFingerprints", "1")]
    public async Task The_schema_check_catches_a_broken_result(string property, string? value)
    {
        var schema = await OfficialSchema.Value;
        var sarif = JsonNode.Parse(Write(Evaluate("engine-events.jsonl")))!;
        var result = sarif["runs"]![0]!["results"]![0]!.AsObject();
        switch (property)
        {
            case "level":
                result["level"] = value;
                break;
            case "message":
                result.Remove("message");
                break;
            case "startLine":
                result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"] = int.Parse(value!, CultureInfo.InvariantCulture);
                break;
            default:
                result["partialFingerprints"]![SarifLog.FingerprintKey] = int.Parse(value!, CultureInfo.InvariantCulture);
                break;
        }

        Assert.NotEmpty(schema.Validate(sarif.ToJsonString()));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_result_has_what_code_scanning_requires(string example)
    {
        var sarif = Write(Evaluate(example));
        var run = Run(sarif);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = Results(sarif);
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var physical = PhysicalLocation(result);
            var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.True(Uri.TryCreate(uri, UriKind.Relative, out _), uri);
            Assert.StartsWith("infra/", uri, StringComparison.Ordinal);
            Assert.True(physical.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.Matches("^[0-9a-f]{64}$", Fingerprint(result));
            Assert.Equal(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
        }

        Assert.Equal(results.Count, results.Select(Fingerprint).Distinct().Count());
        foreach (var rule in rules)
        {
            GitHubSeverity(rule);
            Assert.Contains("security", rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(SarifLog.HelpUri, rule.GetProperty("helpUri").GetString());
            Assert.True(Uri.IsWellFormedUriString(SarifLog.HelpUri, UriKind.Absolute));
        }
    }

    [Fact]
    public void Results_point_at_the_declaring_line_else_at_the_project_file()
    {
        var inRoot = Results(Write(Evaluate("preview-show-sames.json"), "."));
        var keyBad = PhysicalLocation(Assert.Single(inRoot, r => Urn(r).EndsWith("::key_bad", StringComparison.Ordinal)));
        Assert.Equal("__main__.py", keyBad.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(14, keyBad.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(1, keyBad.GetProperty("region").GetProperty("startColumn").GetInt32());
        var vpc = PhysicalLocation(inRoot.First(r => Urn(r).EndsWith("::vpc_noflow", StringComparison.Ordinal))); // no sourcePosition recorded
        Assert.Equal("Pulumi.yaml", vpc.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(1, vpc.GetProperty("region").GetProperty("startLine").GetInt32());

        var nested = Results(Write(Evaluate("preview-show-sames.json"), "./stacks\\web/"));
        Assert.Equal("stacks/web/__main__.py", PhysicalLocation(Assert.Single(nested, r => Urn(r).EndsWith("::key_bad", StringComparison.Ordinal))).GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("infra", "project:///src/index.ts#12,3", "infra/src/index.ts", 12, 3)]
    [InlineData("infra", "project:///index.ts#7", "infra/index.ts", 7, null)]
    [InlineData("infra", "project:///index.ts", "infra/index.ts", 1, null)]
    [InlineData("infra/", "project:///my%20app/main.go#4,1", "infra/my%20app/main.go", 4, 1)]
    [InlineData("a/../infra", "project:///../shared/lib.py#2,1", "shared/lib.py", 2, 1)]
    [InlineData("infra", "project:///../../outside.py#2,1", "infra/Pulumi.yaml", 1, null)]
    [InlineData("infra", "project:///src/index.ts#0", "infra/src/index.ts", 1, null)]
    [InlineData("infra", "file:///home/dev/lib/component.py#30,5", "infra/Pulumi.yaml", 1, null)]
    [InlineData(".", null, "Pulumi.yaml", 1, null)]
    [InlineData("", "project:///__main__.py#10,1", "__main__.py", 10, 1)]
    public void Pulumi_source_positions_become_repository_relative_locations(string projectDirectory, string? position, string uri, int line, int? column)
    {
        var resource = new IacResource { Urn = "urn:pulumi:dev::infra::aws:kms/key:Key::k", Type = "aws:kms/key:Key", Operation = "create", SourcePosition = position };
        Assert.Equal(new SourceLocation(uri, line, column), ProjectDirectory.Parse(projectDirectory).Locate(resource));
    }

    [Theory]
    [InlineData("/repo/infra", "must be relative to the repository root")]
    [InlineData("\\infra", "must be relative to the repository root")]
    [InlineData("C:/repo/infra", "must be relative to the repository root")]
    [InlineData("../infra", "leaves the repository")]
    [InlineData("infra/../..", "leaves the repository")]
    public void A_project_directory_must_be_inside_the_repository(string path, string problem) =>
        Assert.EndsWith(problem, Assert.Throws<FormatException>(() => ProjectDirectory.Parse(path)).Message, StringComparison.Ordinal);

    [Fact]
    public void Rules_carry_github_security_severity_and_undecided_results_have_low_rules_of_their_own()
    {
        var evaluation = Evaluate("engine-events.jsonl");
        var sarif = Write(evaluation);
        var rules = Run(sarif).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        foreach (var control in AllControls)
        {
            var expected = control.Severity == ControlSeverity.Info ? "low" : control.Severity.ToString().ToLowerInvariant();
            Assert.Equal(expected, GitHubSeverity(rules[control.Id]));
        }

        Assert.Equal("critical", GitHubSeverity(rules["sqs-queue-no-public-access"]));
        Assert.Equal("high", GitHubSeverity(rules["restricted-ssh"]));
        Assert.Equal("high", GitHubSeverity(rules["crossguard:aws-python/kms-no-automatic-rotation"])); // mandatory, no severity in the event

        var notes = Results(sarif).Where(r => r.GetProperty("level").GetString() == "note").ToList();
        Assert.NotEmpty(notes);
        Assert.All(notes, note =>
        {
            var ruleId = note.GetProperty("ruleId").GetString()!;
            Assert.EndsWith(SarifLog.UndecidedSuffix, ruleId, StringComparison.Ordinal);
            Assert.Equal("low", GitHubSeverity(rules[ruleId]));
            Assert.EndsWith("(undecided before deployment)", rules[ruleId].GetProperty("shortDescription").GetProperty("text").GetString(), StringComparison.Ordinal);
        });
        Assert.DoesNotContain(Results(sarif), r => r.GetProperty("level").GetString() != "note" && r.GetProperty("ruleId").GetString()!.EndsWith(SarifLog.UndecidedSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public void The_tool_names_cloudpi_its_version_and_home()
    {
        var driver = Run(Write(Evaluate("preview.json"))).GetProperty("tool").GetProperty("driver");
        Assert.Equal("cloudpi-pulumi", driver.GetProperty("name").GetString());
        Assert.Equal("https://github.com/cloudpi/cloudpi", driver.GetProperty("informationUri").GetString());
        var version = typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(version, driver.GetProperty("version").GetString());
        Assert.StartsWith("0.", version, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprints_follow_the_resource_not_the_line_nor_the_input_format()
    {
        var preview = File.ReadAllText(RepoPaths.Examples("pulumi", "preview-show-sames.json"));
        Assert.Contains("__main__.py#14,1", preview, StringComparison.Ordinal);
        var moved = IacEvaluation.Run(IacInputReader.Read(Encoding.UTF8.GetBytes(preview.Replace("__main__.py#14,1", "__main__.py#40,1", StringComparison.Ordinal)), "preview.json"), PolicyConfig.Default);

        static Dictionary<(string, string), string> ByRuleAndUrn(byte[] sarif) =>
            Results(sarif).ToDictionary(r => (r.GetProperty("ruleId").GetString()!, Urn(r)), Fingerprint);

        var original = ByRuleAndUrn(Write(Evaluate("preview-show-sames.json")));
        var afterMove = Results(Write(moved));
        Assert.Equal(40, PhysicalLocation(Assert.Single(afterMove, r => Urn(r).EndsWith("::key_bad", StringComparison.Ordinal))).GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(original, ByRuleAndUrn(Write(moved)));

        var export = ByRuleAndUrn(Write(Evaluate("stack-export.json")));
        var common = original.Keys.Intersect(export.Keys).ToList();
        Assert.NotEmpty(common);
        Assert.All(common, key => Assert.Equal(original[key], export[key]));
    }

    [Fact]
    public void Repeated_violations_of_one_policy_on_one_resource_keep_distinct_fingerprints()
    {
        const string Event = """{"sequence":1,"timestamp":1,"policyEvent":{"resourceUrn":"urn:pulumi:dev::infra::aws:kms/key:Key::k","message":"MESSAGE","color":"never","policyName":"p","policyPackName":"pack","policyPackVersion":"1","enforcementLevel":"advisory"}}""";
        var events = Event.Replace("MESSAGE", "first", StringComparison.Ordinal) + "\n" + Event.Replace("MESSAGE", "second", StringComparison.Ordinal) + "\n";
        var evaluation = IacEvaluation.Run(IacInputReader.Read(Encoding.UTF8.GetBytes(events), "events.jsonl"), PolicyConfig.Default);

        var results = Results(Write(evaluation)).Where(r => r.GetProperty("ruleId").GetString() == "crossguard:pack/p").ToList();
        Assert.Equal(2, results.Count);
        Assert.NotEqual(Fingerprint(results[0]), Fingerprint(results[1]));
        Assert.All(results, r => Assert.Equal("infra/Pulumi.yaml", PhysicalLocation(r).GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }
}
