using System.CommandLine;
using CloudPI.Commands;
using CloudPI.Commands.Producers;

namespace CloudPI.Iac.Tests;

/// <summary>Runs <c>cloudpi producer pulumi</c> in-process on a root of its own and captures what it prints.</summary>
internal static class PulumiCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { CommonOptions.Debug, CommonOptions.LogFormat, new Command("producer") { PulumiProducerCommand.Create() } };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(["producer", "pulumi", "--log-format", "json", .. args], root, "cloudpi", output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
