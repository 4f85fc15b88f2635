using System.Diagnostics;
using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

/// <summary>
/// SIGTERM / SIGINT against the real process: one line, its own exit code, and no temporary file left (a 632 MB
/// hidden .tmp was left before). Runs the CLI the solution build produced.
/// </summary>
public class SignalTests
{
    private static string Cli => Tests.Cli.ExecutablePath;

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_signal_while_an_output_is_written_stops_cleanly_and_leaves_nothing(string signal, int exitCode)
    {
        Assert.True(File.Exists(Cli), $"{Cli} is missing: build the solution in Release first (CI does)");
        using var temp = new TempDirectory();
        await SignalWhileWritingAsync(["graph", "synth", "--resources", "300000", "--out", temp.Combine("g.jsonl")], temp.Path, signal, exitCode);
    }

    /// <summary>The enricher analyses ahead of its writer on other threads: a signal while it writes stops both and leaves nothing.</summary>
    [Fact]
    public async Task A_signal_while_an_enricher_analyses_and_writes_stops_cleanly_and_leaves_nothing()
    {
        Assert.True(File.Exists(Cli), $"{Cli} is missing: build the solution in Release first (CI does)");
        using var temp = new TempDirectory();
        var graph = temp.Combine("g.jsonl");
        Assert.Equal(0, (await Tests.Cli.RunAsync("graph", "synth", "--resources", "60000", "--out", graph)).ExitCode);
        Assert.Equal(0, (await Tests.Cli.RunAsync("producer", "cartography", "--graph", graph, "-out", temp.Combine("found.pb"))).ExitCode);
        var found = CloudPI.Dracon.Io.DraconFile.ReadLaunchToolResponse(temp.Combine("found.pb"));
        for (var i = 0; i < found.Issues.Count; i++)
        {
            found.Issues[i].Uuid = $"signal:{i}";
        }

        var producers = temp.Combine("producers");
        Directory.CreateDirectory(producers);
        CloudPI.Dracon.Io.DraconFile.Write(Path.Combine(producers, "cloudpi-cartography.tagged.pb"), found);
        var output = temp.Combine("enriched");
        Directory.CreateDirectory(output);

        await SignalWhileWritingAsync(["enricher", "exploitability", "--graph", graph, "-read_path", producers, "-write_path", output], output, "TERM", 143);
    }

    /// <summary>
    /// Runs the CLI with <paramref name="arguments"/>, sends <paramref name="signal"/> once a temporary file appears in
    /// <paramref name="output"/> (the write is under way), and checks the exit code, the last line and that nothing is left.
    /// </summary>
    private static async Task SignalWhileWritingAsync(string[] arguments, string output, string signal, int exitCode)
    {
        var start = new ProcessStartInfo("dotnet", [Cli, .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Directory.EnumerateFiles(output, "*.tmp").Any() && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, $"cloudpi {string.Join(' ', arguments)} ended before it could be signalled: give it more work");
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync();

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Equal($"cloudpi: stopped by SIG{signal}; no partial output was left", (await error).Trim().Split('\n')[^1]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }
}
