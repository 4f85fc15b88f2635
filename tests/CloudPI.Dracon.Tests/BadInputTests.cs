using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;
using CloudPI.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Serilog.Core;

namespace CloudPI.Dracon.Tests;

/// <summary>Every bad input gives one clear message naming the file, and never a partial output file.</summary>
public class BadInputTests
{
    [Fact]
    public void Missing_file()
    {
        var ex = Assert.Throws<DraconFormatException>(() => DraconFile.Read("/nonexistent/x.pb"));
        Assert.Equal("/nonexistent/x.pb: file not found (no such directory)", ex.Message);
    }

    [Fact]
    public void Empty_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("empty.pb");
        File.WriteAllBytes(path, []);

        var ex = Assert.Throws<DraconFormatException>(() => DraconFile.Read(path));

        Assert.Equal($"{path}: empty file (0 bytes): not a Dracon message", ex.Message);
    }

    /// <summary>A pipe is read whole, not as a stream, and its bad content is named as a file's is.</summary>
    [Theory]
    [InlineData(0, "empty file (0 bytes): not a Dracon message")]
    [InlineData(150, "not a readable Dracon file: truncated or corrupt protobuf")]
    public async Task Empty_or_truncated_pipe_is_named_as_a_file_is(int length, string error)
    {
        using var temp = new TempDirectory();
        var pipe = InteropTests.NamedPipe(temp, "piped.pb");
        var writer = Task.Run(() => File.WriteAllBytes(pipe, Convert.FromHexString(InteropTests.ReferenceVectorHex)[..length]));

        var ex = Assert.Throws<DraconFormatException>(() => DraconFile.Read(pipe));
        await writer;

        Assert.StartsWith($"{pipe}: {error}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("truncated.pb");
        var bytes = Convert.FromHexString(InteropTests.ReferenceVectorHex);
        File.WriteAllBytes(path, bytes[..150]);

        var ex = Assert.Throws<DraconFormatException>(() => DraconFile.Read(path));

        Assert.StartsWith($"{path}: not a readable Dracon file: truncated or corrupt protobuf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_file_is_not_protobuf()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("results.pb");
        File.WriteAllText(path, "{\"issues\": []}\n");

        var ex = Assert.Throws<DraconFormatException>(() => DraconFile.Read(path));

        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_protobuf_message_is_not_a_dracon_message()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("timestamp.pb");
        File.WriteAllBytes(path, Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddDays(9000)).ToByteArray());

        var ex = Assert.Throws<DraconFormatException>(() => DraconFile.Read(path));

        Assert.Equal($"{path}: not a Dracon LaunchToolResponse or EnrichedLaunchToolResponse (neither scan_info nor original_results is present)", ex.Message);
    }

    [Fact]
    public void Enriched_file_where_a_launch_response_is_expected()
    {
        var path = RepoPaths.SharedData("dracon-pb", "components_enrichers_reachability_test_testdata_expectations_pip-safety.reachability.enriched.pb");

        var ex = Assert.Throws<DraconFormatException>(() => DraconFile.ReadLaunchToolResponse(path));

        Assert.Equal($"{path}: expected a LaunchToolResponse (producer or tagged output) but the file holds an EnrichedLaunchToolResponse", ex.Message);
    }

    [Fact]
    public void Launch_response_where_an_enriched_file_is_expected()
    {
        var path = RepoPaths.SharedData("dracon-pb", "components_producers_brakeman_examples_brakeman.pb");

        var ex = Assert.Throws<DraconFormatException>(() => DraconFile.ReadEnriched(path));

        Assert.Contains("expected an EnrichedLaunchToolResponse", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_with_no_pb_files()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("notes.txt"), "x");

        Assert.Equal($"{temp.Path}: no producer .pb files found", Assert.Throws<DraconFormatException>(() => new Tagger(Logger.None).Tag(temp.Path, temp.Path)).Message);
        Assert.Contains("no *.tagged.pb files found", Assert.Throws<DraconFormatException>(() => EnricherFiles.ReadTagged(temp.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("no *.enriched.pb files found", Assert.Throws<DraconFormatException>(() => new EnrichmentAggregator(Logger.None).Aggregate(temp.Path, temp.Path)).Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], temp.Files());
    }

    [Fact]
    public void Unwritable_output_leaves_nothing_behind()
    {
        using var temp = new TempDirectory();
        var blocker = temp.Combine("not-a-directory");
        File.WriteAllText(blocker, "a file where a directory should be");
        var outPath = Path.Combine(blocker, "out.pb");

        var ex = Assert.Throws<IOException>(() => DraconFile.Write(outPath, Issues.Response("t", "s")));

        Assert.StartsWith($"{outPath}: cannot write:", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["not-a-directory"], temp.Files());
    }

    [Fact]
    public void A_failure_while_writing_keeps_the_previous_file_whole()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("out.pb");
        File.WriteAllText(path, "previous");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            throw new InvalidOperationException("crash mid-write");
        }));

        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal(["out.pb"], temp.Files());
    }

    [Fact]
    public void A_malformed_file_stops_the_tagger_before_it_writes_anything()
    {
        using var temp = new TempDirectory();
        DraconFile.Write(temp.Combine("a.pb"), Issues.Response("good", "s", Issues.SshIssue()));
        File.WriteAllBytes(temp.Combine("b.pb"), Convert.FromHexString(InteropTests.ReferenceVectorHex)[..100]);

        var ex = Assert.Throws<DraconFormatException>(() => new Tagger(Logger.None).Tag(temp.Path, temp.Path));

        Assert.Contains("b.pb: not a readable Dracon file: truncated or corrupt protobuf", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["a.pb", "b.pb"], temp.Files());
    }
}
