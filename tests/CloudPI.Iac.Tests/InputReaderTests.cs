using System.Text;
using CloudPI.Iac.Checks;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Model;
using CloudPI.Iac.Reading;
using CloudPI.TestSupport;

namespace CloudPI.Iac.Tests;

public sealed class InputReaderTests
{
    private static IacStack Read(string content, string file = "input.json") => IacInputReader.Read(Encoding.UTF8.GetBytes(content), file);

    [Theory]
    [InlineData("preview-show-sames.json", InputFormat.PreviewDigest, true)]
    [InlineData("preview.json", InputFormat.PreviewDigest, false)]
    [InlineData("stack-export.json", InputFormat.StackExport, true)]
    [InlineData("engine-events.jsonl", InputFormat.EngineEvents, true)]
    public void Examples_are_recognised_from_content(string file, InputFormat format, bool listsEveryResource)
    {
        var stack = IacInputReader.ReadFile(RepoPaths.Examples("pulumi", file));
        Assert.Equal(format, stack.Format);
        Assert.Equal(listsEveryResource, stack.ListsEveryResource);
        Assert.Contains(stack.Resources, r => r.Type == "aws:eks/cluster:Cluster");
    }

    [Fact]
    public void Preview_skips_deletions_and_keeps_dependencies_provider_and_config()
    {
        var stack = Read("""
            {"config":{"aws:region":"eu-west-1"},
             "steps":[
              {"op":"delete","urn":"urn:pulumi:dev::p::aws:s3/bucket:Bucket::gone","oldState":{"urn":"urn:pulumi:dev::p::aws:s3/bucket:Bucket::gone","type":"aws:s3/bucket:Bucket"}},
              {"op":"create","urn":"urn:pulumi:dev::p::aws:ec2/flowLog:FlowLog::f","newState":{"type":"aws:ec2/flowLog:FlowLog","urn":"urn:pulumi:dev::p::aws:ec2/flowLog:FlowLog::f",
                "inputs":{"vpcId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","__defaults":[]},"provider":"urn:pulumi:dev::p::pulumi:providers:aws::default_6_0_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                "dependencies":["urn:pulumi:dev::p::aws:ec2/vpc:Vpc::main"],"propertyDependencies":{"vpcId":["urn:pulumi:dev::p::aws:ec2/vpc:Vpc::main"]}},"detailedDiff":null}],
             "changeSummary":{"create":1,"delete":1}}
            """);
        var flowLog = Assert.Single(stack.Resources);
        Assert.Equal("f", flowLog.Name);
        Assert.True(flowLog.Property("vpcId").IsUnknown);
        Assert.Equal("urn:pulumi:dev::p::pulumi:providers:aws::default_6_0_0", flowLog.ProviderUrn);
        Assert.Equal(["urn:pulumi:dev::p::aws:ec2/vpc:Vpc::main"], flowLog.PropertyDependencies["vpcId"]);
        Assert.Equal("eu-west-1", stack.Config["aws:region"]);
        Assert.True(stack.ListsEveryResource);
    }

    [Fact]
    public void Stack_export_skips_pending_deletes_and_reads_outputs_with_inputs()
    {
        var stack = IacInputReader.ReadFile(RepoPaths.Examples("pulumi", "stack-export.json"));
        Assert.DoesNotContain(stack.Resources, r => r.Name == "bucket_old");
        var vpc = Assert.Single(stack.Resources, r => r.Name == "vpc_main");
        Assert.Equal("sg-0def1", vpc.Property("defaultSecurityGroupId").String); // an output
        Assert.Equal("10.0.0.0/16", vpc.Property("cidrBlock").String); // an input
    }

    [Fact]
    public void Stack_export_secrets_are_unknown_unless_shown()
    {
        var stack = Read("""
            {"version":3,"deployment":{"manifest":{},"resources":[
              {"urn":"urn:pulumi:dev::p::aws:eks/cluster:Cluster::hidden","type":"aws:eks/cluster:Cluster","inputs":{"tags":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","ciphertext":"AAAA"}}},
              {"urn":"urn:pulumi:dev::p::aws:eks/cluster:Cluster::shown","type":"aws:eks/cluster:Cluster","inputs":{"tags":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"{\"Name\":\"a\",\"env\":\"b\"}"}}}]}}
            """);
        var results = new EksResourcesTaggedCheck().Evaluate(stack, PolicyConfig.Default.Parameters(new EksResourcesTaggedCheck())).ToList();
        Assert.Equal(Verdict.Unknown, Assert.Single(results, r => r.Resource.Name == "hidden").Verdict);
        Assert.Equal(Verdict.Pass, Assert.Single(results, r => r.Resource.Name == "shown").Verdict);
    }

    [Theory]
    [InlineData("""{"version":2,"deployment":{"resources":[]}}""", "input.json: $.version: expected a stack export of deployment version 3 or 4")]
    [InlineData("""{"steps":[{"urn":"x"}]}""", "input.json: $.steps[0].op: missing")]
    [InlineData("""{"steps":[{"op":"create","newState":{"type":"t"}}]}""", "input.json: $.steps[0].newState.urn: missing")]
    [InlineData("""{"steps":{}}""", "input.json: $.steps: expected an array")]
    [InlineData("""{"hello":"world"}""", "input.json: not a Pulumi file")]
    [InlineData("", "input.json: empty file")]
    [InlineData("{\"steps\":[{\"op\":\"create\",", "input.json: line 1: malformed or truncated JSON")]
    [InlineData("{\n  \"steps\": [\n    {\"op\": \"create\"\n", "input.json: line 4: malformed or truncated JSON")]
    public void Malformed_and_truncated_inputs_name_the_file_and_place(string content, string expected)
    {
        var error = Assert.Throws<IacFormatException>(() => Read(content));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Truncated_engine_event_stream_names_the_line()
    {
        var lines = File.ReadAllLines(RepoPaths.Examples("pulumi", "engine-events.jsonl"));
        var truncated = string.Join('\n', lines.Take(5)) + "\n" + lines[5][..40];
        var error = Assert.Throws<IacFormatException>(() => Read(truncated, "events.jsonl"));
        Assert.StartsWith("events.jsonl: line 6: malformed or truncated engine event", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_events_give_resources_policy_violations_and_encrypted_secrets_as_unknown()
    {
        var stack = IacInputReader.ReadFile(RepoPaths.Examples("pulumi", "engine-events.jsonl"));
        Assert.All(stack.Resources, r => Assert.Empty(r.PropertyDependencies)); // events carry none
        var kms = Assert.Single(stack.PolicyViolations, v => v.PolicyName == "kms-no-automatic-rotation");
        Assert.Equal("Checks KMS key rotation.\nKey rotation is disabled for key_bad", kms.Message); // colour markup stripped
        Assert.Equal("crossguard:aws-python/kms-no-automatic-rotation", kms.RuleId);
        Assert.True(kms.IsMandatory);
        Assert.Equal("high", Assert.Single(stack.PolicyViolations, v => !v.IsMandatory).Severity);

        var eksBad = Assert.Single(stack.Resources, r => r.Name == "eks_bad");
        Assert.True(eksBad.Property("tags")["env"].IsUnknown); // {"ciphertext":"[secret]"}
    }

    [Fact]
    public void Engine_events_cannot_link_new_resources_so_stack_level_checks_are_unknown()
    {
        var evaluation = IacEvaluation.Run(IacInputReader.ReadFile(RepoPaths.Examples("pulumi", "engine-events.jsonl")), PolicyConfig.Default);
        var flowLogs = evaluation.Findings.Where(f => f.Result.Control.Id == "vpc-flow-logs-enabled").ToDictionary(f => f.Result.Resource.Name, f => f.Result.Verdict);
        Assert.Equal(Verdict.Pass, flowLogs["vpc_main"]); // linked by the known VPC id
        Assert.Equal(Verdict.Unknown, flowLogs["vpc_accept"]); // its flow log's vpcId is unknown and events carry no dependencies
    }

    [Fact]
    public void Preview_without_sames_makes_stack_level_checks_on_unchanged_resources_unknown()
    {
        static Dictionary<string, Verdict> FlowLogs(string file) =>
            IacEvaluation.Run(IacInputReader.ReadFile(RepoPaths.Examples("pulumi", file)), PolicyConfig.Default).Findings
                .Where(f => f.Result.Control.Id == "s3-bucket-ssl-requests-only").ToDictionary(f => f.Result.Resource.Name, f => f.Result.Verdict);
        Assert.Equal(Verdict.Fail, FlowLogs("preview-show-sames.json")["bucket_logs"]);
        Assert.DoesNotContain("bucket_logs", FlowLogs("preview.json").Keys); // unchanged, so not listed at all
        Assert.Equal(Verdict.Pass, FlowLogs("preview.json")["bucket_private"]);
    }
}
