namespace CloudPI.Commands.Tests;

/// <summary>Runs the real cloudpi command tree in-process and captures what it prints.</summary>
internal static class Cli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, CloudPICommands.CreateRoot(), CloudPICommands.ProgramName, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
