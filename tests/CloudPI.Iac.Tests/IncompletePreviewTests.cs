using System.Text;
using CloudPI.Iac.Config;
using CloudPI.Iac.Evaluation;
using CloudPI.Iac.Model;
using CloudPI.Iac.Reading;
using CloudPI.TestSupport;

namespace CloudPI.Iac.Tests;

/// <summary>
/// A preview that failed or is incomplete never passes the gate: the resources that would have failed are missing
/// from it. Shapes follow Pulumi's own recorded engine event streams (pkg/engine/lifecycletest/testdata).
/// </summary>
public sealed class IncompletePreviewTests
{
    private const string Vpc = "aws:ec2/vpc:Vpc";
    private static readonly string VpcUrn = PreviewBuilder.Urn(Vpc, "main");

    private static IacStack Read(string content, string file = "input.json") => IacInputReader.Read(Encoding.UTF8.GetBytes(content), file);

    private static string[] ExampleEvents() => File.ReadAllLines(RepoPaths.Examples("pulumi", "engine-events.jsonl"));

    private static string Events(params string[] lines) => string.Join('\n', lines);

    private static string Prelude => """{"sequence":1,"timestamp":1,"preludeEvent":{"config":{}}}""";

    private static string VpcCreated => $$$"""{"sequence":2,"timestamp":2,"resourcePreEvent":{"metadata":{"op":"create","urn":"{{{VpcUrn}}}","type":"{{{Vpc}}}","old":null,"new":{"urn":"{{{VpcUrn}}}","type":"{{{Vpc}}}","inputs":{}},"provider":""},"planning":true}}""";

    private static string Summary(string resourceChanges, string result = "succeeded") =>
        $$$"""{"sequence":8,"timestamp":8,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":1,"resourceChanges":{{{resourceChanges}}},"PolicyPacks":{},"isPreview":true,"result":"{{{result}}}"}}""";

    private static string Cancel => """{"sequence":9,"timestamp":9,"cancelEvent":{}}""";

    /// <summary>The engine's closing verdict: no URN, coloured prefix and message.</summary>
    private static string PreviewFailed => """{"sequence":7,"timestamp":7,"diagnosticEvent":{"prefix":"<{%fg 1%}>error: <{%reset%}>","message":"<{%reset%}>preview failed<{%reset%}>\n","color":"raw","severity":"error"}}""";

    [Fact] // Pulumi ends every stream with a cancelEvent, a successful one too.
    public void A_finished_stream_ending_with_its_cancel_event_is_complete()
    {
        Assert.Empty(Read(Events(Prelude, VpcCreated, Summary("""{"create":1}"""), Cancel)).IncompleteReasons);
        Assert.Empty(IacInputReader.ReadFile(RepoPaths.Examples("pulumi", "engine-events.jsonl")).IncompleteReasons);
    }

    [Fact]
    public void A_stream_cut_before_its_summary_is_incomplete()
    {
        var events = ExampleEvents();
        var cut = events.TakeWhile(line => !line.Contains("\"summaryEvent\"", StringComparison.Ordinal));
        var reason = Assert.Single(Read(string.Join('\n', cut), "events.jsonl").IncompleteReasons);
        Assert.Contains("summaryEvent", reason, StringComparison.Ordinal);
        Assert.Single(Read(Events(Prelude, VpcCreated)).IncompleteReasons);
    }

    [Fact] // A resource whose preview failed is announced, then not counted: it is missing from what was checked.
    public void Error_diagnostics_that_are_not_policy_violations_make_the_preview_incomplete()
    {
        var failed = $$$"""{"sequence":3,"timestamp":3,"diagnosticEvent":{"urn":"{{{VpcUrn}}}","prefix":"<{%fg 1%}>error: <{%reset%}>","message":"<{%reset%}>Preview failed: creating EC2 VPC: InvalidParameterValue: invalid CIDR<{%reset%}>\n","color":"raw","severity":"error"}}""";
        var reason = Assert.Single(Read(Events(Prelude, VpcCreated, failed, PreviewFailed, Summary("{}", "failed"), Cancel)).IncompleteReasons);
        Assert.Contains($"{VpcUrn}: Preview failed: creating EC2 VPC: InvalidParameterValue: invalid CIDR", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("<{%", reason, StringComparison.Ordinal);

        var warning = failed.Replace("\"severity\":\"error\"", "\"severity\":\"warning\"", StringComparison.Ordinal);
        Assert.Empty(Read(Events(Prelude, VpcCreated, warning, Summary("""{"create":1}"""), Cancel)).IncompleteReasons);
    }

    [Fact] // A mandatory CrossGuard violation makes Pulumi close with "preview failed": that is the gate's failure, not a gap.
    public void The_closing_preview_failed_is_explained_by_a_mandatory_policy_violation_and_only_by_one()
    {
        var violation = $$$"""{"sequence":5,"timestamp":5,"policyEvent":{"resourceUrn":"{{{VpcUrn}}}","message":"no flow log\n","color":"never","policyName":"vpc-flow","policyPackName":"pack","policyPackVersion":"1","policyPackVersionTag":"1","enforcementLevel":"mandatory"}}""";
        var explained = Read(Events(Prelude, VpcCreated, violation, PreviewFailed, Summary("""{"create":1}""", "failed"), Cancel));
        Assert.Empty(explained.IncompleteReasons);
        Assert.Equal(GateVerdict.Blocked, IacEvaluation.Run(explained, PolicyConfig.Default).Gate(failOnUnknown: false));

        var unexplained = Read(Events(Prelude, VpcCreated, PreviewFailed, Summary("""{"create":1}""", "failed"), Cancel));
        Assert.Contains("preview failed", Assert.Single(unexplained.IncompleteReasons), StringComparison.Ordinal);
    }

    [Fact] // As Pulumi writes it when the program or the first resource failed: errors, no steps, no counts.
    public void A_digest_with_errors_and_no_steps_is_incomplete()
    {
        var stack = Read("""
            {"config":{"aws:region":"eu-west-1"},
             "diagnostics":[
              {"urn":"urn:pulumi:dev::infra::pulumi:pulumi:Stack::infra-dev","message":"error: Program failed with an unhandled exception:\nTypeError: cannot read 'id'\n","severity":"error"},
              {"message":"error: preview failed\n","severity":"error"}],
             "duration":1200000000}
            """);
        Assert.Empty(stack.Resources);
        Assert.Contains(stack.IncompleteReasons, r => r.Contains("Program failed with an unhandled exception: TypeError: cannot read 'id'", StringComparison.Ordinal));
        Assert.Equal(GateVerdict.Incomplete, IacEvaluation.Run(stack, PolicyConfig.Parse("""{"all":"advisory"}""", "p.json")).Gate(failOnUnknown: false));
    }

    [Fact]
    public void A_digest_whose_summary_counts_more_steps_than_it_lists_is_incomplete()
    {
        var json = new PreviewBuilder().Add(Vpc, "main", "{}").Json().Replace("\"create\":1", "\"create\":3", StringComparison.Ordinal);
        var reason = Assert.Single(Read(json).IncompleteReasons);
        Assert.Contains("3 create", reason, StringComparison.Ordinal);
        Assert.Contains("lists 1", reason, StringComparison.Ordinal);

        // Unchanged resources left out without --show-sames are not a gap: the checks they decide are unknown.
        var withoutSames = new PreviewBuilder().Add(Vpc, "main", "{}").WithoutSames().Build();
        Assert.Empty(withoutSames.IncompleteReasons);
        Assert.False(withoutSames.ListsEveryResource);
    }

    [Fact]
    public void A_digest_without_its_change_summary_is_incomplete()
    {
        var json = new PreviewBuilder().Add(Vpc, "main", "{}").Json();
        var withoutSummary = json[..json.IndexOf(",\"duration\"", StringComparison.Ordinal)] + "}";
        Assert.Contains("changeSummary", Assert.Single(Read(withoutSummary).IncompleteReasons), StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_stream_whose_summary_counts_more_steps_than_it_announces_is_incomplete() =>
        Assert.Contains("2 create", Assert.Single(Read(Events(Prelude, VpcCreated, Summary("""{"create":2}"""), Cancel)).IncompleteReasons), StringComparison.Ordinal);

    [Fact]
    public void Stack_exports_and_the_bundled_previews_are_complete()
    {
        foreach (var file in (string[])["preview-show-sames.json", "preview.json", "stack-export.json", "engine-events.jsonl"])
        {
            Assert.Empty(IacInputReader.ReadFile(RepoPaths.Examples("pulumi", file)).IncompleteReasons);
        }
    }
}
