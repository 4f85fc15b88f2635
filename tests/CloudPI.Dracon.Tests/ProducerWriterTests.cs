using CloudPI.Dracon.Io;
using CloudPI.Dracon.Producers;
using CloudPI.TestSupport;
using Ocurity.Dracon.V1;

namespace CloudPI.Dracon.Tests;

public class ProducerWriterTests
{
    [Fact]
    public void Writes_source_from_the_marker_file_strips_the_workspace_and_leaves_uuid_empty()
    {
        using var temp = new TempDirectory();
        var sourceDirectory = temp.Combine("source-code");
        Directory.CreateDirectory(sourceDirectory);
        File.WriteAllText(Path.Combine(sourceDirectory, ".source.dracon"), "https://github.com/org/repo.git?ref=abc\n");
        var writer = new ProducerWriter(() => Issues.Response("x", "scan-1").ScanInfo, sourceDirectory);
        var issue = Issues.SshIssue();
        issue.Target = sourceDirectory + "/main.tf:3-4";
        issue.Uuid = "should-be-cleared";
        issue.Cvss = -0.0;
        var outPath = temp.Combine(".dracon", "producers", "tool.pb");

        writer.Write("tool", [issue], outPath);

        var written = DraconFile.ReadLaunchToolResponse(outPath);
        var only = Assert.Single(written.Issues);
        Assert.Equal("https://github.com/org/repo.git?ref=abc", only.Source);
        Assert.Equal("main.tf:3-4", only.Target);
        Assert.Equal(string.Empty, only.Uuid);
        Assert.False(double.IsNegative(only.Cvss));
        Assert.Equal("scan-1", written.ScanInfo.ScanUuid);
        Assert.Equal("tool", written.ToolName);
    }

    [Fact]
    public void Source_is_unknown_without_the_marker_file()
    {
        using var temp = new TempDirectory();
        var writer = new ProducerWriter(() => new ScanInfo(), temp.Combine("no-source"));
        var issue = Issues.SshIssue();
        issue.Source = "mine";

        var written = writer.Write("tool", [issue], temp.Combine("out.pb"));

        Assert.Equal("unknown", written.Issues[0].Source);
    }

    [Fact]
    public void Append_keeps_the_existing_scan_info_and_tool_name()
    {
        using var temp = new TempDirectory();
        var outPath = temp.Combine("out.pb");
        new ProducerWriter(() => Issues.Response("t", "first-scan").ScanInfo, temp.Path).Write("first", [Issues.SshIssue("a")], outPath);

        new ProducerWriter(() => Issues.Response("t", "second-scan").ScanInfo, temp.Path).Write("second", [Issues.SshIssue("b")], outPath, append: true);

        var written = DraconFile.ReadLaunchToolResponse(outPath);
        Assert.Equal("first", written.ToolName);
        Assert.Equal("first-scan", written.ScanInfo.ScanUuid);
        Assert.Equal(["a", "b"], written.Issues.Select(i => i.Target));
    }

    [Fact]
    public void Without_append_an_existing_file_is_replaced()
    {
        using var temp = new TempDirectory();
        var outPath = temp.Combine("out.pb");
        var writer = new ProducerWriter(() => new ScanInfo(), temp.Path);
        writer.Write("tool", [Issues.SshIssue("a")], outPath);

        writer.Write("tool", [Issues.SshIssue("b")], outPath);

        Assert.Equal(["b"], DraconFile.ReadLaunchToolResponse(outPath).Issues.Select(i => i.Target));
    }
}
