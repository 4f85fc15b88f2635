using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.TestSupport;
using CsCheck;
using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Tests;

public class IssueBytesTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char, 0, 300];

    // Any severity, named or not (an unknown enum value is kept, and a negative one is a ten-byte varint), and the
    // fields around it set or left out.
    private static readonly Gen<Severity> AnySeverity = Gen.OneOf(Gen.Int[0, 5], Gen.Int[6, 300], Gen.Int[int.MinValue, -1]).Select(v => (Severity)v);

    private static readonly Gen<Issue> AnyIssue =
        Gen.Select(Text, Text, Text, AnySeverity, Gen.Double[0, 10], Gen.Int[0, 4], Text, Gen.Int[0, 900].Array[0, 3]).Select(
            (target, type, title, severity, cvss, confidence, uuid, cwe) =>
            {
                var issue = new Issue { Target = target, Type = type, Title = title, Severity = severity, Cvss = cvss, Confidence = (Confidence)confidence, Uuid = uuid };
                issue.Cwe.AddRange(cwe);
                return issue;
            });

    [Fact]
    public void Each_issue_is_the_bytes_protobuf_writes_for_it()
    {
        AnyIssue.List[0, 20].Sample(issues =>
        {
            var bytes = IssueBytes.Of(issues)!;

            Assert.Equal(issues.Count, bytes.Count);
            for (var i = 0; i < issues.Count; i++)
            {
                Assert.Equal(issues[i].ToByteArray(), bytes[i].ToArray());
            }
        });
    }

    [Fact]
    public void Issues_past_the_bytes_kept_are_not_encoded_ahead()
    {
        Issue[] issues = [new() { Uuid = "u-1", Description = new string('d', 100) }, new() { Uuid = "u-2", Description = new string('d', 100) }];
        var size = issues.Sum(i => i.CalculateSize());

        Assert.Null(IssueBytes.Of(issues, maxBytes: size - 1));
        Assert.Equal(2, IssueBytes.Of(issues, maxBytes: size)!.Count);
    }

    [Fact]
    public void An_issue_written_with_another_severity_is_the_bytes_of_the_issue_with_that_severity()
    {
        Gen.Select(AnyIssue, AnySeverity).Sample((issue, severity) =>
        {
            var encoded = issue.ToByteArray();
            var expected = issue.Clone();
            expected.Severity = severity;
            var written = new byte[IssueBytes.SizeWithSeverity(encoded, severity)];

            var length = IssueBytes.WriteWithSeverity(encoded, severity, written);

            Assert.Equal(expected.ToByteArray(), written);
            Assert.Equal(written.Length, length);
        });
    }

    [Fact]
    public void An_issue_with_fields_this_version_does_not_know_keeps_them_beside_its_new_severity()
    {
        var known = new Issue { Target = "t", Type = "x", Severity = Severity.Low, Uuid = "u" };
        // Field 99 (a string), as a newer producer might write: protobuf keeps it, after the known fields.
        var withUnknown = Issue.Parser.ParseFrom([.. known.ToByteArray(), 0x9A, 0x06, 0x02, (byte)'h', (byte)'i']);
        var expected = withUnknown.Clone();
        expected.Severity = Severity.Critical;
        var encoded = withUnknown.ToByteArray();
        var written = new byte[IssueBytes.SizeWithSeverity(encoded, Severity.Critical)];

        IssueBytes.WriteWithSeverity(encoded, Severity.Critical, written);

        Assert.Equal(expected.ToByteArray(), written);
    }

    [Fact]
    public void An_annotated_issue_given_its_bytes_or_a_new_severity_encodes_as_the_issue_it_stands_for()
    {
        Gen.Select(AnyIssue, AnySeverity).Sample((issue, severity) =>
        {
            var adjusted = issue.Clone();
            adjusted.Severity = severity;
            var expected = new EnrichedIssue { RawIssue = adjusted, Annotations = { ["cloudpi.control"] = "ec2-imdsv2-check" } }.ToByteArray();

            foreach (var annotated in (AnnotatedIssue[])[new(issue), new(issue, issue.ToByteArray())])
            {
                annotated.SetSeverity(severity);
                annotated.Set("cloudpi.control", "ec2-imdsv2-check");
                var encoded = annotated.Encode();

                Assert.Equal(expected, encoded.Bytes.ToArray());
                Assert.Equal(issue.Uuid, encoded.RawIssueUuid);
            }

            // Read as it was: the severity is changed in what is written, not in the issue.
            Assert.Equal(issue.ToByteArray(), new AnnotatedIssue(issue).Raw.ToByteArray());
        });
    }

    [Fact]
    public void Files_written_from_issues_encoded_ahead_are_the_files_written_from_the_issues()
    {
        // Scan tags, a scan target and a field this version does not know: all of them written where protobuf puts them.
        var original = Issues.Response("tool", "s", Issues.SshIssue(), Issues.SshIssue("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-2"), new Issue { Uuid = "s:3" });
        original.ScanInfo.ScanTags["team"] = "platform";
        original.ScanTarget = "account 111122223333";
        original = LaunchToolResponse.Parser.ParseFrom([.. original.ToByteArray(), 0xA2, 0x06, 0x01, (byte)'x']);
        using var temp = new TempDirectory();

        var written = new List<byte[]>();
        foreach (var issueBytes in (IssueBytes?[])[null, IssueBytes.Of(original.Issues)])
        {
            var into = temp.Combine(issueBytes is null ? "encoded-here" : "encoded-ahead");
            using var files = new AtomicFileSet();
            var (enriched, raw) = EnricherFiles.Stage(
                files, into, "tool", "reachability", original, original.Issues.Select(i => EncodedIssue.Of(new EnrichedIssue { RawIssue = i })), issueBytes);
            files.Commit();
            written.Add([.. File.ReadAllBytes(enriched), .. File.ReadAllBytes(raw)]);
        }

        Assert.Equal(written[0], written[1]);
        var read = EnrichedLaunchToolResponse.Parser.ParseFrom(File.ReadAllBytes(temp.Combine("encoded-ahead", "tool.reachability.enriched.pb")));
        Assert.Equal(original, read.OriginalResults);
        Assert.Equal(original.ToByteArray(), read.OriginalResults.ToByteArray());
    }
}
