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
}
