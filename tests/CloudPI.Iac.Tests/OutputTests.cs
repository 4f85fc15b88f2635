using System.Text;
using System.Text.Json;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Output;
using CloudPI.Iac.Reading;
using CloudPI.TestSupport;
using Ocurity.Dracon.V1;

namespace CloudPI.Iac.Tests;

public sealed class OutputTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 30, 0, TimeSpan.Zero);

    private static IacEvaluation Example(string file = "preview-show-sames.json") =>
        IacEvaluation.Run(IacInputReader.ReadFile(RepoPaths.Examples("pulumi", file)), PolicyConfig.Default);

    [Fact]
    public void Dracon_issues_carry_urn_control_severity_and_the_failing_property()
    {
        var issues = DraconIssues.From(Example()).ToList();
        var ssh = Assert.Single(issues, i => i.Type == "restricted-ssh" && i.Target.EndsWith("::sg_ssh_open", StringComparison.Ordinal));
        Assert.Equal("urn:pulumi:dev::infra::aws:ec2/securityGroup:SecurityGroup::sg_ssh_open", ssh.Target);
        Assert.Equal(Severity.High, ssh.Severity);
        Assert.Equal(Confidence.High, ssh.Confidence);
        Assert.Contains("Property: ingress[1].cidrBlocks.", ssh.Description, StringComparison.Ordinal);
        Assert.Contains("Enforcement: mandatory.", ssh.Description, StringComparison.Ordinal);
        Assert.Contains("Remediation: ", ssh.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(issues, i => i.Target.EndsWith("::key_good", StringComparison.Ordinal)); // passes are not issues
    }

    [Fact]
    public void Unknowns_are_info_issues_with_low_confidence_and_policy_events_keep_their_names()
    {
        var issues = DraconIssues.From(Example("engine-events.jsonl")).ToList();
        Assert.Contains(issues, i => i.Severity == Severity.Info && i.Confidence == Confidence.Low && i.Title.EndsWith("(undecided before deployment)", StringComparison.Ordinal));
        var policy = Assert.Single(issues, i => i.Type == "crossguard:aws-python/kms-no-automatic-rotation");
        Assert.Equal(Severity.High, policy.Severity); // no severity in the event: from its mandatory level
        Assert.Equal("urn:pulumi:dev::infra::aws:kms/key:Key::key_bad", policy.Target);
        Assert.Equal(Severity.High, Assert.Single(issues, i => i.Type == "crossguard:pulumi-awsguard/ec2-instance-no-public-ip").Severity);
    }

    [Fact]
    public void Metrics_follow_cloudwatch_shape_and_limits()
    {
        var data = CloudWatchMetrics.Data(Example("engine-events.jsonl"), new CommitAuthor("Zoë Ünïcode\u0007", ""));
        var chunk = Assert.Single(CloudWatchMetrics.Chunks(data, Now));
        using var document = JsonDocument.Parse(chunk);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.Contains(document.RootElement.EnumerateArray(), d => d.GetProperty("MetricName").GetString() == "kms-no-automatic-rotation");
        foreach (var datum in document.RootElement.EnumerateArray())
        {
            AssertValidDatum(datum);
        }

        var first = document.RootElement[0].GetProperty("Dimensions");
        Assert.Equal(["Status", "Author", "Email"], first.EnumerateArray().Select(d => d.GetProperty("Name").GetString()));
        Assert.Equal("Zo? ?n?code", first[1].GetProperty("Value").GetString()); // ASCII only, control characters removed
        Assert.Equal("unknown", first[2].GetProperty("Value").GetString()); // never empty (the sample sent null)
        Assert.Contains(document.RootElement.EnumerateArray(), d => d.GetProperty("Dimensions")[0].GetProperty("Value").GetString() == "Failed");
        Assert.Contains(document.RootElement.EnumerateArray(), d => d.GetProperty("Dimensions")[0].GetProperty("Value").GetString() == "Advisory");
    }

    private static void AssertValidDatum(JsonElement datum)
    {
        Assert.InRange(datum.GetProperty("MetricName").GetString()!.Length, 1, 255);
        Assert.Equal(1, datum.GetProperty("Value").GetDouble());
        Assert.Equal("Count", datum.GetProperty("Unit").GetString());
        Assert.Equal("2026-01-15T10:30:00Z", datum.GetProperty("Timestamp").GetString());
        var dimensions = datum.GetProperty("Dimensions").EnumerateArray().ToList();
        Assert.InRange(dimensions.Count, 1, 30);
        foreach (var dimension in dimensions)
        {
            var name = dimension.GetProperty("Name").GetString()!;
            var value = dimension.GetProperty("Value").GetString()!;
            Assert.InRange(name.Length, 1, 255);
            Assert.False(name.StartsWith(':'));
            Assert.InRange(value.Length, 1, 1024);
            Assert.True(value.All(c => c is >= ' ' and <= '~'), value);
            Assert.False(string.IsNullOrWhiteSpace(value));
        }
    }

    [Fact]
    public void Metrics_are_split_at_1000_datums_and_1_MB()
    {
        var many = Enumerable.Range(0, 2500).Select(i => new CloudWatchMetrics.Datum($"m{i}", "Failed", new CommitAuthor("a", "e"))).ToList();
        var chunks = CloudWatchMetrics.Chunks(many, Now);
        Assert.Equal([1000, 1000, 500], chunks.Select(c => JsonDocument.Parse(c).RootElement.GetArrayLength()));

        var huge = Enumerable.Range(0, 1000).Select(i => new CloudWatchMetrics.Datum($"m{i}", "Failed", new CommitAuthor(new string('x', 1024), new string('y', 1024)))).ToList();
        var bigChunks = CloudWatchMetrics.Chunks(huge, Now);
        Assert.True(bigChunks.Count > 1);
        Assert.All(bigChunks, c => Assert.InRange(c.Length, 2, CloudWatchMetrics.MaxRequestBytes));
        Assert.Equal(1000, bigChunks.Sum(c => JsonDocument.Parse(c).RootElement.GetArrayLength()));

        Assert.Equal("[]", Encoding.UTF8.GetString(Assert.Single(CloudWatchMetrics.Chunks([], Now))));
        Assert.Equal(["m.json", "m.json.2.json", "m.json.3.json"], Enumerable.Range(0, 3).Select(i => CloudWatchMetrics.ChunkPath("m.json", i)));
    }

    [Theory]
    [InlineData("Pulumi Policy Metrics", null)]
    [InlineData("", "must be 1 to 255 characters")]
    [InlineData(":ns", "must not start with ':'")]
    [InlineData("AWS/EC2", "must not use the reserved AWS/ prefix")]
    public void Metrics_namespace_rules(string metricsNamespace, string? problem) =>
        Assert.Equal(problem, CloudWatchMetrics.NamespaceProblem(metricsNamespace));

    [Fact]
    public void Commit_author_comes_from_ci_then_git_then_unknown()
    {
        static string? None(string _) => null;
        Assert.Equal(new CommitAuthor("jane", "jane@example.com"), CommitAuthor.Resolve(v => v switch { "GITLAB_USER_NAME" => "jane", "GITLAB_USER_EMAIL" => "jane@example.com", _ => null }, None));
        Assert.Equal(new CommitAuthor("octocat", "o@example.com"), CommitAuthor.Resolve(v => v == "GITHUB_ACTOR" ? "octocat" : null, f => f == "%ae" ? "o@example.com" : "Someone"));
        Assert.Equal(new CommitAuthor("Dev", "dev@example.com"), CommitAuthor.Resolve(v => v == "AUTHOR" ? "null" : null, f => f == "%an" ? "Dev" : "dev@example.com"));
        Assert.Equal(new CommitAuthor("codepipeline/infra", "unknown"), CommitAuthor.Resolve(v => v == "CODEBUILD_INITIATOR" ? "codepipeline/infra" : null, None));
        Assert.Equal(new CommitAuthor("unknown", "unknown"), CommitAuthor.Resolve(None, None));
    }

    [Fact]
    public void Sarif_has_the_required_fields_and_consistent_rule_indexes()
    {
        var evaluation = Example("engine-events.jsonl");
        var controls = IacChecks.All.SelectMany(c => c.Controls).ToList();
        using var sarif = JsonDocument.Parse(SarifLog.Write(evaluation, controls, ProjectDirectory.RepositoryRoot));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifLog.SchemaUri, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("cloudpi-pulumi", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(rules.Count, rules.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        var ssh = Assert.Single(rules, r => r.GetProperty("id").GetString() == "restricted-ssh");
        Assert.Equal("RestrictedSsh", ssh.GetProperty("name").GetString());
        Assert.Equal("Security group allows SSH from the internet", ssh.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("high", ssh.GetProperty("properties").GetProperty("severity").GetString());
        Assert.Contains("Remediation:", ssh.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(rules[index].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.Contains(result.GetProperty("level").GetString(), (string[])["error", "warning", "note"]);
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray());
            Assert.StartsWith("urn:pulumi:", Assert.Single(location.GetProperty("logicalLocations").EnumerateArray()).GetProperty("fullyQualifiedName").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "crossguard:aws-python/kms-no-automatic-rotation" && r.GetProperty("level").GetString() == "error");
        Assert.Contains(results, r => r.GetProperty("level").GetString() == "note"); // undecided
    }

    [Fact]
    public void Gate_blocks_on_mandatory_failures_only_and_optionally_on_unknowns()
    {
        Assert.Equal(GateVerdict.Blocked, Example().Gate(failOnUnknown: false));
        var advisoryOnly = IacEvaluation.Run(IacInputReader.ReadFile(RepoPaths.Examples("pulumi", "preview-show-sames.json")), PolicyConfig.Parse("""{"all":"advisory"}""", "p.json"));
        Assert.Equal(GateVerdict.Passed, advisoryOnly.Gate(failOnUnknown: true));

        var unknownOnly = new PreviewBuilder().Add("aws:sqs/queue:Queue", "q", $$"""{"policy":"{{PreviewBuilder.Unknown}}"}""").Build();
        var evaluation = IacEvaluation.Run(unknownOnly, PolicyConfig.Default);
        Assert.Equal(GateVerdict.Passed, evaluation.Gate(failOnUnknown: false));
        Assert.Equal(GateVerdict.Blocked, evaluation.Gate(failOnUnknown: true));
    }

    [Fact] // Every check is mandatory by default, so the public-S3 controls must not fail a private bucket.
    public void A_private_bucket_created_without_an_explicit_block_passes_the_mandatory_public_controls()
    {
        var evaluation = IacEvaluation.Run(new PreviewBuilder().Add("aws:s3/bucketV2:BucketV2", "b", """{"acl":"private"}""").Build(), PolicyConfig.Default);
        var publicControls = evaluation.Findings.Where(f => f.Result.Control.Id.Contains("public", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, publicControls.Count);
        Assert.All(publicControls, f => Assert.Equal(Verdict.Pass, f.Result.Verdict));
        Assert.All(publicControls, f => Assert.Equal(EnforcementLevel.Mandatory, f.Level));
    }
}
