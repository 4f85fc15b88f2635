using System.CommandLine;
using CloudPI.Commands;
using CloudPI.Commands.Producers;

namespace CloudPI.Producers.Tests.Support;

/// <summary>Runs <c>cloudpi producer awsconfig</c> in-process, in a root of its own (the lead wires it into the real tree).</summary>
internal static class Cli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand
        {
            CommonOptions.Debug,
            CommonOptions.LogFormat,
            new Command("producer") { AwsConfigProducerCommand.Create() },
        };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["producer", "awsconfig", .. args], root, "cloudpi", output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
