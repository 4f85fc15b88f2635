using System.Text.Json;
using CloudPI.Dracon.Io;
using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

public class DraconCommandTests
{
    public static TheoryData<string> SharedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.SharedData("dracon-pb"), "*.pb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SharedFiles))]
    public async Task Dump_prints_every_shared_file_as_json_and_text(string fileName)
    {
        var path = RepoPaths.SharedData("dracon-pb", fileName);
        var expected = DraconFile.Read(path);

        var json = await Cli.RunAsync("dracon", "dump", path, "--format", "json");
        var text = await Cli.RunAsync("dracon", "dump", "-format=text", path);

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        var issues = expected.Kind == DraconMessageKind.LaunchToolResponse ? root.GetProperty("issues") : root.GetProperty("issues");
        Assert.Equal(expected.ToolName, expected.Kind == DraconMessageKind.LaunchToolResponse
            ? root.GetProperty("toolName").GetString()
            : root.GetProperty("originalResults").GetProperty("toolName").GetString());
        Assert.Equal(IssueCount(expected), issues.GetArrayLength());

        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith($"{path}: {expected.Kind}, tool {expected.ToolName}, {IssueCount(expected)} issues", text.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, text.Error);
    }

    [Fact]
    public async Task Tag_then_aggregate_through_the_cli_with_dracon_flags()
    {
        using var temp = new TempDirectory();
        var producers = temp.Combine("producers");
        Directory.CreateDirectory(producers);
        File.Copy(RepoPaths.Examples("dracon", "cloudpi-aws-config.pb"), Path.Combine(producers, "cloudpi-aws-config.pb"));

        var tag = await Cli.RunAsync("dracon", "tag", "-read_path=" + producers, "-write_path", producers);

        Assert.Equal(0, tag.ExitCode);
        var tagged = DraconFile.ReadLaunchToolResponse(Path.Combine(producers, "cloudpi-aws-config.tagged.pb"));
        Assert.StartsWith("5b0b6a3e-2f4d-4f6e-9c8a-0d1e2f3a4b5c:", tagged.Issues[0].Uuid, StringComparison.Ordinal);

        var enrichers = temp.Combine("enrichers");
        CloudPI.Dracon.Enrichers.EnricherFiles.Write(
            Path.Combine(enrichers, "demo"), "demo", tagged,
            [new Ocurity.Dracon.V1.EnrichedIssue { RawIssue = tagged.Issues[0], Annotations = { ["cloudpi.reachable"] = "true" } }]);
        var aggregate = await Cli.RunAsync("dracon", "aggregate", enrichers);

        Assert.Equal(0, aggregate.ExitCode);
        var merged = DraconFile.ReadEnriched(Path.Combine(enrichers, "cloudpi-aws-config.enriched.aggregated.pb"));
        Assert.Equal("true", merged.Issues.Single().Annotations["cloudpi.reachable"]);
        var dump = await Cli.RunAsync("dracon", "dump", Path.Combine(enrichers, "cloudpi-aws-config.enriched.aggregated.pb"));
        Assert.Contains("cloudpi.reachable: true", dump.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_one_line_and_exit_1()
    {
        var result = await Cli.RunAsync("dracon", "dump", "/nonexistent.pb");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("cloudpi: /nonexistent.pb: file not found\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Debug_shows_the_stack_trace()
    {
        var result = await Cli.RunAsync("dracon", "dump", "/nonexistent.pb", "--debug");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DraconFormatException", result.Error, StringComparison.Ordinal);
        Assert.Contains(" at ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dracon", "dump")]
    [InlineData("dracon", "dump", "x.pb", "--format", "xml")]
    [InlineData("dracon", "nosuch")]
    [InlineData("dracon", "tag", "--no-such-flag")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await Cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cloudpi: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_of_a_directory_without_pb_files_fails_and_writes_nothing()
    {
        using var temp = new TempDirectory();

        var result = await Cli.RunAsync("dracon", "tag", temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"cloudpi: {temp.Path}: no producer .pb files found\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Empty(temp.Files());
    }

    [Fact]
    public async Task Unwritable_write_path_fails_with_one_line_and_leaves_no_output()
    {
        using var temp = new TempDirectory();
        File.Copy(RepoPaths.Examples("dracon", "cloudpi-aws-config.pb"), temp.Combine("in.pb"));
        File.WriteAllText(temp.Combine("blocker"), "a file, not a directory");
        var writePath = temp.Combine("blocker", "out");

        var result = await Cli.RunAsync("dracon", "tag", temp.Path, "-write_path", writePath);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"cloudpi: {Path.Combine(writePath, "cloudpi-aws-config.tagged.pb")}: cannot write:", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Equal(["blocker", "in.pb"], temp.Files());
    }

    [Fact]
    public async Task Help_reads_well_and_exits_0()
    {
        var result = await Cli.RunAsync("dracon", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dump", result.Output, StringComparison.Ordinal);
        Assert.Contains("aggregate", result.Output, StringComparison.Ordinal);
    }

    private static int IssueCount(DraconMessage message) =>
        message.AsLaunchToolResponse?.Issues.Count ?? message.AsEnriched!.Issues.Count;
}
