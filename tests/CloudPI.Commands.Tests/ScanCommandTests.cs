using CloudPI.Dracon.Io;
using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

public class ScanCommandTests
{
    [Fact]
    public async Task Scan_of_the_bundled_example_lays_out_the_workspace_as_dracon_does()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("stale.txt"), "kept");
        Directory.CreateDirectory(temp.Combine(".dracon", "producers"));
        File.WriteAllText(temp.Combine(".dracon", "producers", "stale.pb"), "from an earlier run");

        var result = await Cli.RunAsync("scan", "--producer-results", RepoPaths.Examples("dracon"), "--out", temp.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [".dracon/producers/cloudpi-aws-config.pb", ".dracon/producers/cloudpi-aws-config.tagged.pb", "stale.txt"],
            temp.Files());
        var tagged = DraconFile.ReadLaunchToolResponse(temp.Combine(".dracon", "producers", "cloudpi-aws-config.tagged.pb"));
        Assert.NotEmpty(tagged.Issues.Single().Uuid);
        Assert.Contains("restricted-ssh", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_without_inputs_is_a_usage_error()
    {
        using var temp = new TempDirectory();

        var result = await Cli.RunAsync("scan", "--out", temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(temp.Files());
    }
}
