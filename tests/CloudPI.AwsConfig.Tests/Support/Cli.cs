using System.CommandLine;
using CloudPI.Commands;
using CloudPI.Commands.Producers;
using CloudPI.Dracon.Io;

namespace CloudPI.AwsConfig.Tests.Support;

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

    /// <summary>A live read with Config at <paramref name="stub"/>: the exit code, stderr, and the issues written to
    /// <paramref name="output"/> as "type target" (none when nothing was written).</summary>
    public static async Task<(int ExitCode, string Error, IReadOnlyList<string> Issues)> ReadLiveAsync(ConfigStub stub, string output, params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(["--endpoint-url", stub.Endpoint.ToString(), "-out", output, .. args]);
        var issues = File.Exists(output) ? DraconFile.ReadLaunchToolResponse(output).Issues.Select(i => $"{i.Type} {i.Target}").ToList() : [];
        return (exitCode, error, issues);
    }
}
