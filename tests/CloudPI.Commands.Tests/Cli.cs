namespace CloudPI.Commands.Tests;

/// <summary>Runs the real cloudpi command tree in-process and captures what it prints.</summary>
internal static class Cli
{
    /// <summary>The CLI the solution build produced, for tests that need the real process (its signals, its stderr logs).</summary>
    public static string ExecutablePath => Path.Combine(CloudPI.TestSupport.RepoPaths.Root, "src", "CloudPI.Cli", "bin", "Release", "net10.0", "cloudpi.dll");

    /// <summary>Runs the built CLI as its own process: what it logs on stderr is captured too.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(params string[] args)
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: build the solution in Release first (CI does)");
        return await CloudPI.TestSupport.ExternalProcess.RunAsync("dotnet", [ExecutablePath, .. args]);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, CloudPICommands.CreateRoot(), CloudPICommands.ProgramName, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
