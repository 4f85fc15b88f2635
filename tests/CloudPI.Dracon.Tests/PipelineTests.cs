using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;
using CloudPI.TestSupport;
using Ocurity.Dracon.V1;
using Serilog.Core;

namespace CloudPI.Dracon.Tests;

/// <summary>Producer → tagger → two enrichers → aggregator, on disk, with the file names Dracon uses.</summary>
public class PipelineTests
{
    [Fact]
    public void Tagger_stamps_scan_id_and_a_v4_uuid_and_names_the_file_after_the_tool()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("producers", "a.pb"), Issues.Response("cloudpi-aws-config", "scan-7", Issues.SshIssue(), Issues.SshIssue()));

        var written = new Tagger(Logger.None).Tag(temp.Combine("producers"), temp.Combine("producers"));

        var path = Assert.Single(written);
        Assert.Equal("cloudpi-aws-config.tagged.pb", Path.GetFileName(path));
        var tagged = DraconFile.ReadLaunchToolResponse(path);
        Assert.All(tagged.Issues, issue =>
        {
            Assert.StartsWith("scan-7:", issue.Uuid, StringComparison.Ordinal);
            var guid = Guid.Parse(issue.Uuid["scan-7:".Length..]);
            Assert.Equal(4, guid.Version);
        });
        Assert.Equal(2, tagged.Issues.Select(i => i.Uuid).Distinct().Count());
    }

    [Fact]
    public void Tagger_run_twice_does_not_retag_its_own_output()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("a.pb"), Issues.Response("tool", "s", Issues.SshIssue()));
        var tagger = new Tagger(Logger.None);

        tagger.Tag(temp.Path, temp.Path);
        var second = tagger.Tag(temp.Path, temp.Path);

        Assert.Equal(["a.pb", "tool.tagged.pb"], temp.Files());
        Assert.Single(DraconFile.ReadLaunchToolResponse(Assert.Single(second)).Issues);
    }

    [Fact]
    public void Tagger_without_scan_id_writes_colon_uuid()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("a.pb"), Issues.Response("tool", string.Empty, Issues.SshIssue()));

        var tagged = DraconFile.ReadLaunchToolResponse(new Tagger(Logger.None, () => Guid.Empty).Tag(temp.Path, temp.Path)[0]);

        Assert.Equal(":00000000-0000-0000-0000-000000000000", tagged.Issues[0].Uuid);
    }

    [Fact]
    public void Tag_enrich_aggregate_round_trip_merges_annotations_by_uuid()
    {
        using var temp = new TempDirectory();
        var producers = temp.Combine(".dracon", "producers");
        var enrichers = temp.Combine(".dracon", "enrichers");
        DraconFile.Write(Path.Combine(producers, "aws.pb"), Issues.Response("aws", "scan", Issues.SshIssue("r1"), Issues.SshIssue("r2")));
        DraconFile.Write(Path.Combine(producers, "iac.pb"), Issues.Response("iac", "scan", Issues.SshIssue("urn:1")));
        new Tagger(Logger.None).Tag(producers, producers);

        RunEnricher(producers, Path.Combine(enrichers, "reachability"), "reachability", i => new() { ["cloudpi.reachable"] = i.Target == "r1" ? "true" : "false" });
        RunEnricher(producers, Path.Combine(enrichers, "exploitability"), "exploitability", i => new() { ["cloudpi.priority"] = "50", ["cloudpi.reachable"] = "conflict" });
        var aggregated = new EnrichmentAggregator(Logger.None).Aggregate(enrichers, enrichers);

        Assert.Equal(["aws.enriched.aggregated.pb", "iac.enriched.aggregated.pb"], aggregated.Select(Path.GetFileName));
        var aws = DraconFile.ReadEnriched(aggregated[0]);
        var tagged = DraconFile.ReadLaunchToolResponse(Path.Combine(producers, "aws.tagged.pb"));
        Assert.Equal(tagged, aws.OriginalResults);
        Assert.Equal(tagged.Issues.Select(i => i.Uuid), aws.Issues.Select(i => i.RawIssue.Uuid));
        // Files are merged in lexical order (exploitability/ before reachability/) and the first value of a key wins.
        Assert.Equal("conflict", aws.Issues[0].Annotations["cloudpi.reachable"]);
        Assert.Equal("50", aws.Issues[0].Annotations["cloudpi.priority"]);
        Assert.True(File.Exists(Path.Combine(enrichers, "reachability", "aws.raw.pb")));
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(producers, "aws.tagged.pb")),
            File.ReadAllBytes(Path.Combine(enrichers, "reachability", "aws.raw.pb")));
    }

    [Fact]
    public void Aggregator_takes_dedup_fields_from_the_highest_count()
    {
        using var temp = new TempDirectory();
        var tagged = Issues.Response("tool", "s", Issues.SshIssue());
        tagged.Issues[0].Uuid = "s:1";
        WriteEnriched(temp.Combine("a", "tool.dedup.enriched.pb"), tagged, new EnrichedIssue { RawIssue = tagged.Issues[0], Count = 1, Hash = "h1" });
        WriteEnriched(temp.Combine("b", "tool.other.enriched.pb"), tagged, new EnrichedIssue { RawIssue = tagged.Issues[0], Count = 3, Hash = "h3", FalsePositive = true });

        var merged = DraconFile.ReadEnriched(new EnrichmentAggregator(Logger.None).Aggregate(temp.Path, temp.Path)[0]).Issues.Single();

        Assert.Equal(3UL, merged.Count);
        Assert.Equal("h3", merged.Hash);
        Assert.True(merged.FalsePositive);
    }

    [Fact]
    public void Enricher_writer_refuses_a_missing_issue_or_a_changed_uuid()
    {
        using var temp = new TempDirectory();
        var original = Issues.Response("tool", "s", Issues.SshIssue(), Issues.SshIssue());
        original.Issues[0].Uuid = "s:1";
        original.Issues[1].Uuid = "s:2";

        Assert.Throws<InvalidOperationException>(() => EnricherFiles.Write(temp.Path, "x", original, [new EnrichedIssue { RawIssue = original.Issues[0] }]));
        var swapped = new[] { new EnrichedIssue { RawIssue = original.Issues[1] }, new EnrichedIssue { RawIssue = original.Issues[0] } };
        Assert.Throws<InvalidOperationException>(() => EnricherFiles.Write(temp.Path, "x", original, swapped));
        var empty = new[] { new EnrichedIssue { RawIssue = original.Issues[0] }, new EnrichedIssue { RawIssue = original.Issues[1], Annotations = { ["k"] = string.Empty } } };
        Assert.Contains("annotation 'k' of issue s:2 has an empty key or value", Assert.Throws<InvalidOperationException>(() => EnricherFiles.Write(temp.Path, "x", original, empty)).Message, StringComparison.Ordinal);
        Assert.Empty(temp.Files());
    }

    private static void RunEnricher(string readPath, string writePath, string name, Func<Issue, Dictionary<string, string>> annotate)
    {
        foreach (var input in EnricherFiles.ReadTagged(readPath))
        {
            var enriched = input.Response.Issues.Select(issue =>
            {
                var e = new EnrichedIssue { RawIssue = issue };
                e.Annotations.Add(annotate(issue));
                return e;
            }).ToList();
            EnricherFiles.Write(writePath, name, input.Response, enriched);
        }
    }

    private static void WriteEnriched(string path, LaunchToolResponse original, EnrichedIssue issue) =>
        DraconFile.Write(path, new EnrichedLaunchToolResponse { OriginalResults = original, Issues = { issue } });
}
