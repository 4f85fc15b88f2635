using CloudPI.Dracon.Enrichers;
using CsCheck;
using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Tests;

public class AnnotatedIssueTests
{
    private static Issue Raw(string uuid) => new() { Target = "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc", Type = "ec2-imdsv2-check", Title = "IMDSv2 → off", Severity = Severity.High, Uuid = uuid, Description = new string('d', 300) };

    private static EnrichedIssue Decoded(AnnotatedIssue annotated) => EnrichedIssue.Parser.ParseFrom(annotated.Encode().Bytes.Span);

    [Fact]
    public void Its_bytes_equal_the_enriched_issue_with_the_same_annotations_in_the_same_order()
    {
        // Keys and values of any length (one- and two-byte length prefixes, past the first buffer) and any text, including non-ASCII.
        var text = Gen.String[Gen.Char, 1, 3000];
        Gen.Select(text, Gen.Select(text, text).List[0, 12]).Sample((uuid, annotations) =>
        {
            var distinct = annotations.DistinctBy(a => a.Item1).ToList();
            var annotated = new AnnotatedIssue(Raw(uuid));
            var expected = new EnrichedIssue { RawIssue = Raw(uuid) };
            foreach (var (key, value) in distinct)
            {
                annotated.Set(key, value);
                expected.Annotations[key] = value;
            }

            var encoded = annotated.Encode();
            Assert.Equal(expected.ToByteArray(), encoded.Bytes.ToArray());
            Assert.Equal(uuid, encoded.RawIssueUuid);
            Assert.Null(encoded.EmptyAnnotation);
        });
    }

    [Fact]
    public void An_encoded_issue_gives_its_array_back_once_written_and_is_empty_after()
    {
        var annotated = new AnnotatedIssue(Raw("u-1"));
        annotated.Set("cloudpi.control", "ec2-imdsv2-check");
        var encoded = annotated.Encode();
        var decoded = EnrichedIssue.Parser.ParseFrom(encoded.Bytes.Span);

        encoded.Release();
        encoded.Release(); // released once: a second call gives nothing back twice

        Assert.Equal("ec2-imdsv2-check", decoded.Annotations["cloudpi.control"]);
        Assert.True(encoded.Bytes.IsEmpty);
        Assert.Equal("u-1", encoded.RawIssueUuid);
    }

    [Fact]
    public void A_json_value_is_written_as_readable_compact_json_and_reads_back()
    {
        var annotated = new AnnotatedIssue(Raw("u-1"));
        annotated.Set("cloudpi.control", "ec2-imdsv2-check");
        annotated.SetJson("cloudpi.hops", "internet → igw-1", static (json, hop) =>
        {
            json.WriteStartArray();
            json.WriteStringValue(hop);
            // A value written inside another's callback gets a writer of its own.
            var inner = new AnnotatedIssue(Raw("u-2"));
            inner.SetJson("nested", "x", static (nested, value) => nested.WriteStringValue(value));
            Assert.Equal("\"x\"", inner.Get("nested"));
            json.WriteEndArray();
        });

        Assert.Equal("[\"internet → igw-1\"]", annotated.Get("cloudpi.hops"));
        Assert.Equal("ec2-imdsv2-check", annotated.Get("cloudpi.control"));
        Assert.Null(annotated.Get("cloudpi.other"));
        var enriched = Decoded(annotated);
        Assert.Equal(["cloudpi.control", "cloudpi.hops"], enriched.Annotations.Keys);
        Assert.Equal("[\"internet → igw-1\"]", enriched.Annotations["cloudpi.hops"]);
        Assert.Equal("u-1", enriched.RawIssue.Uuid);
    }

    [Fact]
    public void A_value_given_in_utf8_is_written_as_the_same_text_set_as_a_string_would_be()
    {
        // Shared JSON (a blast radius's) written once and copied into each issue, past the first buffer too.
        var value = "{\"roles\":[\"admin → s3\"]," + new string('x', 5_000) + "}";
        var annotated = new AnnotatedIssue(Raw("u-1"));
        annotated.Set("cloudpi.before", "b");
        annotated.SetUtf8("cloudpi.blast_radius", System.Text.Encoding.UTF8.GetBytes(value));
        annotated.Set("cloudpi.after", "a");
        var expected = new EnrichedIssue { RawIssue = Raw("u-1") };
        expected.Annotations["cloudpi.before"] = "b";
        expected.Annotations["cloudpi.blast_radius"] = value;
        expected.Annotations["cloudpi.after"] = "a";

        Assert.Equal(value, annotated.Get("cloudpi.blast_radius"));
        Assert.Equal(expected.ToByteArray(), annotated.Encode().Bytes.ToArray());
    }

    [Fact]
    public void A_json_value_larger_than_the_first_buffer_is_written_whole()
    {
        var annotated = new AnnotatedIssue(Raw("u-1"));
        annotated.Set("cloudpi.before", new string('b', 3000));
        annotated.SetJson("cloudpi.large", 5_000, static (json, count) =>
        {
            json.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                json.WriteStringValue($"sg-{i} → tcp/{i}");
            }

            json.WriteEndArray();
        });

        var expected = "[" + string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"sg-{i} → tcp/{i}\"")) + "]";
        Assert.Equal(expected, Decoded(annotated).Annotations["cloudpi.large"]);
    }

    [Fact]
    public void An_empty_annotation_is_recorded_for_the_writer_to_refuse()
    {
        var annotated = new AnnotatedIssue(Raw("u-1"));
        annotated.Set("cloudpi.fine", "yes");
        annotated.Set("cloudpi.empty", string.Empty);
        Assert.Equal("cloudpi.empty", annotated.Encode().EmptyAnnotation);
    }

    [Fact]
    public void An_annotation_is_set_once_and_an_encoded_issue_is_done()
    {
        var annotated = new AnnotatedIssue(Raw("u-1"));
        annotated.Set("cloudpi.control", "a");
        Assert.Throws<InvalidOperationException>(() => annotated.Set("cloudpi.control", "b"));
        annotated.Encode();
        Assert.Throws<ObjectDisposedException>(() => annotated.Set("cloudpi.other", "c"));
        Assert.Throws<ObjectDisposedException>(() => annotated.Encode());
    }
}
