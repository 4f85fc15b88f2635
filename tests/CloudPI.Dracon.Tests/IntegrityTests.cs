using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;
using CloudPI.TestSupport;
using Ocurity.Dracon.V1;
using Serilog.Core;

namespace CloudPI.Dracon.Tests;

/// <summary>
/// No finding silently lost or doubled between producers, tagger, enrichers and aggregator (issue 14: each case
/// exited 0 with a wrong result before).
/// </summary>
public class IntegrityTests
{
    [Fact]
    public void Tool_names_that_sanitise_to_one_file_name_keep_a_file_each()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("in", "a.pb"), Issues.Response("acme/scan", "s", Issues.SshIssue("r1")));
        DraconFile.Write(temp.Combine("in", "b.pb"), Issues.Response("acme-scan", "s", Issues.SshIssue("r2"), Issues.SshIssue("r3")));

        var written = new Tagger(Logger.None).Tag(temp.Combine("in"), temp.Combine("out"));

        Assert.Equal(2, written.Distinct().Count());
        var byTool = written.Select(DraconFile.ReadLaunchToolResponse).ToDictionary(r => r.ToolName, r => r.Issues.Count);
        Assert.Equal(new Dictionary<string, int> { ["acme/scan"] = 1, ["acme-scan"] = 2 }, byTool);
        Assert.All(written, path => Assert.Matches(@"^acme-scan-[0-9a-f]{8}\.tagged\.pb$", Path.GetFileName(path)));
    }

    [Fact]
    public void Two_tagged_files_of_one_tool_are_enriched_as_one_with_every_issue()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("read", "x", "tool.tagged.pb"), Issues.Response("tool", "s", Issues.SshIssue("r1")));
        DraconFile.Write(temp.Combine("read", "y", "tool.tagged.pb"), Issues.Response("tool", "s", Issues.SshIssue("r2"), Issues.SshIssue("r3")));

        var merged = Assert.Single(EnricherFiles.ReadTagged(temp.Combine("read")));

        Assert.Equal(["r1", "r2", "r3"], merged.Response.Issues.Select(i => i.Target));
        Assert.Equal(2, merged.Sources.Count);
    }

    [Fact]
    public void Issues_read_for_enrichment_share_the_texts_they_repeat_and_keep_their_own()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("read", "x", "tool.tagged.pb"), Issues.Response("tool", "s", Issues.SshIssue("r1"), Issues.SshIssue("r2")));
        DraconFile.Write(temp.Combine("read", "y", "tool.tagged.pb"), Issues.Response("tool", "s", Issues.SshIssue("r1")));

        var issues = Assert.Single(EnricherFiles.ReadTagged(temp.Combine("read"))).Response.Issues;

        Assert.Equal(["r1", "r2", "r1"], issues.Select(i => i.Target));
        Assert.Same(issues[0].Title, issues[1].Title);
        Assert.Same(issues[0].Type, issues[2].Type);
        Assert.Same(issues[0].Target, issues[2].Target);
        Assert.NotSame(issues[0].Target, issues[1].Target);
    }

    [Fact]
    public void Enricher_outputs_of_a_second_tagging_are_refused_instead_of_doubling_every_finding()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("producers", "tool.pb"), Issues.Response("tool", "scan", Issues.SshIssue("r1"), Issues.SshIssue("r2")));
        var tagger = new Tagger(Logger.None);
        tagger.Tag(temp.Combine("producers"), temp.Combine("first"));
        tagger.Tag(temp.Combine("producers"), temp.Combine("second")); // dracon tag run again between the enrichers
        Enrich(temp.Combine("first"), temp.Combine("enrichers", "reachability"), "reachability");
        Enrich(temp.Combine("second"), temp.Combine("enrichers", "exploitability"), "exploitability");

        var error = Assert.Throws<DraconFormatException>(() => new EnrichmentAggregator(Logger.None).Aggregate(temp.Combine("enrichers"), temp.Combine("out")));

        Assert.Contains("2 issues of tool appear under different uuids in tool.exploitability.enriched.pb and tool.reachability.enriched.pb", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public void Enriched_files_of_different_scans_are_refused_naming_both()
    {
        using var temp = new TempDirectory();
        foreach (var (scan, tool) in new[] { ("scan-1", "a"), ("scan-2", "b") })
        {
            DraconFile.Write(temp.Combine(scan, $"{tool}.pb"), Issues.Response(tool, scan, Issues.SshIssue()));
            new Tagger(Logger.None).Tag(temp.Combine(scan), temp.Combine(scan));
            Enrich(temp.Combine(scan), temp.Combine("enrichers", scan), "reachability");
        }

        var error = Assert.Throws<DraconFormatException>(() => new EnrichmentAggregator(Logger.None).Aggregate(temp.Combine("enrichers"), temp.Combine("out")));

        Assert.EndsWith("enriched files of 2 different scans; aggregate one scan at a time (scan 'scan-1': a.reachability.enriched.pb; scan 'scan-2': b.reachability.enriched.pb)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_findings_of_one_tagging_are_kept_as_they_are()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("producers", "tool.pb"), Issues.Response("tool", "scan", Issues.SshIssue("r1"), Issues.SshIssue("r1")));
        new Tagger(Logger.None).Tag(temp.Combine("producers"), temp.Combine("producers"));
        Enrich(temp.Combine("producers"), temp.Combine("enrichers", "reachability"), "reachability");
        Enrich(temp.Combine("producers"), temp.Combine("enrichers", "exploitability"), "exploitability");

        var aggregated = new EnrichmentAggregator(Logger.None).Aggregate(temp.Combine("enrichers"), temp.Combine("out"));

        Assert.Equal(2, DraconFile.ReadEnriched(Assert.Single(aggregated)).Issues.Count);
    }

    [Fact]
    public void A_set_of_outputs_appears_whole_or_not_at_all()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("first.md"), "previous run");
        Directory.CreateDirectory(temp.Combine("second.html")); // a directory where the second file must go

        var error = Assert.Throws<IOException>(() =>
        {
            using var files = new AtomicFileSet();
            files.AddBytes(temp.Combine("first.md"), "new"u8.ToArray());
            files.AddBytes(temp.Combine("second.html"), "new"u8.ToArray());
            files.Commit();
        });

        Assert.StartsWith(temp.Combine("second.html"), error.Message, StringComparison.Ordinal);
        // The first file was renamed before the second failed: removed, so no new half stands beside an old half.
        Assert.Equal(["second.html"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_enrichment_that_fails_while_the_raw_file_is_written_beside_it_leaves_neither_file()
    {
        using var temp = new TempDirectory();
        var original = Issues.Response("tool", "s", Issues.SshIssue(), Issues.SshIssue());

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            using var files = new AtomicFileSet();
            EnricherFiles.Stage(files, temp.Path, "tool", "reachability", original, FailsAfterFirst(original));
            files.Commit();
        });

        Assert.Equal("the analysis failed on the second issue", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));

        static IEnumerable<EncodedIssue> FailsAfterFirst(LaunchToolResponse original)
        {
            yield return EncodedIssue.Of(new EnrichedIssue { RawIssue = original.Issues[0] });
            throw new InvalidOperationException("the analysis failed on the second issue");
        }
    }

    [Fact]
    public void Staged_files_that_are_never_committed_leave_nothing_behind()
    {
        using var temp = new TempDirectory();

        using (var files = new AtomicFileSet())
        {
            files.AddBytes(temp.Combine("a.pb"), [1, 2, 3]);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_file_flushed_to_disk_in_parts_while_it_is_written_holds_every_byte_in_order()
    {
        using var temp = new TempDirectory();
        // 20 MB in uneven writes: early flushes start at 8 and 16 MB, in the middle of a write, with the stream's own
        // buffer holding a small write's bytes; a byte lost or reordered around them shows in the content.
        var expected = new byte[20 << 20];
        new Random(7).NextBytes(expected);
        var path = temp.Combine("large.pb");

        AtomicFile.Write(path, stream =>
        {
            for (var at = 0; at < expected.Length;)
            {
                var count = Math.Min(at % 3 == 0 ? 1_000_003 : 17, expected.Length - at);
                stream.Write(expected, at, count);
                at += count;
            }
        });

        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(path)));
        Assert.Equal(["large.pb"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    private static void Enrich(string readPath, string writePath, string name)
    {
        foreach (var input in EnricherFiles.ReadTagged(readPath))
        {
            EnricherFiles.Write(writePath, name, input.Response, [.. input.Response.Issues.Select(issue => new EnrichedIssue { RawIssue = issue })]);
        }
    }

    [Fact]
    public void An_output_over_protobufs_2_GiB_limit_is_refused_before_a_byte_is_written_naming_the_file()
    {
        using var temp = new TempDirectory();
        // 40 issues sharing one 60 MB description: 2.4 GB encoded, held in memory once.
        var big = Issues.SshIssue("r1");
        big.Description = new string('x', 60 * 1024 * 1024);
        var response = Issues.Response("tool", "s");
        for (var i = 0; i < 40; i++)
        {
            response.Issues.Add(big);
        }

        var path = temp.Combine("out", "tool.pb");
        var error = Assert.Throws<DraconFormatException>(() => DraconFile.Write(path, response));

        Assert.StartsWith(path + ": the output is over protobuf's 2 GiB message limit", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out")) && Directory.EnumerateFileSystemEntries(temp.Combine("out")).Any());
    }
}
