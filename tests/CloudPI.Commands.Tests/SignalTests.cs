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
        var start = new ProcessStartInfo("dotnet", [Cli, "graph", "synth", "--resources", "300000", "--out", temp.Combine("g.jsonl")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();

        // Signal once the temporary file exists: the write is under way.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Directory.EnumerateFiles(temp.Path, "*.tmp").Any() && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync();

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Equal($"cloudpi: stopped by SIG{signal}; no partial output was left", (await error).Trim().Split('\n')[^1]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
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

        var start = new ProcessStartInfo("dotnet", [Cli, "enricher", "exploitability", "--graph", graph, "-read_path", producers, "-write_path", output])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();

        // The enriched file's temporary exists from the first chunk analysed to the last written.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Directory.EnumerateFiles(output, "*.tmp").Any() && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.False(process.HasExited, $"the enricher ended before it could be signalled ({found.Issues.Count} issues): give it more");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync();

        Assert.Equal(143, process.ExitCode);
        Assert.Equal("cloudpi: stopped by SIGTERM; no partial output was left", (await error).Trim().Split('\n')[^1]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }
}
