using CloudPI.Commands;
using CloudPI.TestSupport;

namespace CloudPI.Deploy.Tests;

/// <summary>
/// producer-cloudpi-awsconfig: a partial run (exit 3, the issues read written) no longer stops the pipeline unless
/// fail-on-partial is "true"; every other failure still fails the task. The accept-partial step's script runs here
/// under /bin/sh, as busybox runs it.
/// </summary>
public class AwsConfigTaskTests
{
    private const string TaskName = "producer-cloudpi-awsconfig";
    private const string FailOnPartial = TaskName + "-fail-on-partial";

    [Fact]
    public void Producer_step_continues_into_a_step_that_accepts_a_partial_run()
    {
        var task = Yaml.Task(TaskName);
        var steps = TektonTests.Steps(task);
        Assert.Equal(["produce-issues", "accept-partial"], steps.Select(s => s.Str("name")!));
        Assert.Equal("continue", steps[0].Str("onError"));
        Assert.Null(steps[1].Str("onError"));
        Assert.Matches(@"^docker\.io/library/busybox:[0-9]+\.[0-9]+$", steps[1].Str("image"));
        Assert.Contains(StepScript.ProducerExitCodePath, steps[1].Str("script"), StringComparison.Ordinal);

        var param = task.Root.Map("spec")!.Maps("params").Single(p => p.Str("name") == FailOnPartial);
        Assert.Equal("false", param.Str("default"));
        var env = PulumiTaskTests.Env(steps[1]);
        Assert.Equal($"$(params.{FailOnPartial})", env["FAIL_ON_PARTIAL"]);
        Assert.Equal(TektonTests.Args(steps[0]).Single(a => a.StartsWith("-out=", StringComparison.Ordinal))["-out=".Length..], env["OUT"]);
    }

    [Theory]
    [InlineData(ExitCodes.Success, "false", true, ExitCodes.Success)]
    [InlineData(ExitCodes.Partial, "false", true, ExitCodes.Success)] // the issues read go on
    [InlineData(ExitCodes.Partial, "true", true, ExitCodes.Partial)] // asked to fail on a partial read
    [InlineData(ExitCodes.Partial, "false", false, ExitCodes.Partial)] // exit 3 without an output is not a partial read
    [InlineData(ExitCodes.Failure, "false", true, ExitCodes.Failure)] // nothing read (every region failed)
    [InlineData(ExitCodes.Usage, "false", false, ExitCodes.Usage)]
    [InlineData(ExitCodes.Terminated, "false", true, ExitCodes.Terminated)]
    public async Task Accept_partial_step_passes_exit_3_with_issues_unless_asked_to_fail(int producerExit, string failOnPartial, bool issuesWritten, int expected)
    {
        using var workspace = new TempDirectory();
        if (issuesWritten)
        {
            Directory.CreateDirectory(workspace.Combine(".dracon", "producers"));
            await File.WriteAllBytesAsync(workspace.Combine(".dracon", "producers", "cloudpi-aws-config.pb"), [0x0a, 0x00]);
        }

        Assert.Equal(expected, await StepScript.RunAfterProducerAsync(TaskName, workspace.Path, producerExit, new Dictionary<string, string> { [FailOnPartial] = failOnPartial }));
    }
}
