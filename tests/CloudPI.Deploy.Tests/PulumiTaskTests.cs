using CloudPI.Commands;
using CloudPI.TestSupport;
using YamlDotNet.RepresentationModel;

namespace CloudPI.Deploy.Tests;

/// <summary>
/// producer-cloudpi-pulumi: step produce-issues runs the gate with onError: continue, step gate decides from its exit
/// code. Exit 1 with the issues written (a mandatory check failed) passes the task only with soft-fail on; any other
/// failure fails it. The gate step's script runs here under /bin/sh, as busybox runs it.
/// </summary>
public class PulumiTaskTests
{
    private const string TaskName = "producer-cloudpi-pulumi";
    private const string SoftFail = TaskName + "-soft-fail";

    [Fact]
    public void Producer_step_continues_into_a_gate_step_that_soft_fails_only_when_asked()
    {
        var task = Yaml.Task(TaskName);
        var steps = TektonTests.Steps(task);
        Assert.Equal(["produce-issues", "gate"], steps.Select(s => s.Str("name")!));
        Assert.Equal("continue", steps[0].Str("onError"));
        Assert.Null(steps[1].Str("onError"));
        Assert.Matches(@"^docker\.io/library/busybox:[0-9]+\.[0-9]+$", steps[1].Str("image"));
        Assert.Contains(StepScript.ProducerExitCodePath, steps[1].Str("script"), StringComparison.Ordinal);

        var param = task.Root.Map("spec")!.Maps("params").Single(p => p.Str("name") == SoftFail);
        Assert.Equal("false", param.Str("default"));
        var env = Env(steps[1]);
        Assert.Equal($"$(params.{SoftFail})", env["SOFT_FAIL"]);
        Assert.Equal(TektonTests.Args(steps[0]).Single(a => a.StartsWith("-out=", StringComparison.Ordinal))["-out=".Length..], env["OUT"]);
    }

    [Theory]
    [InlineData(0, "false", true, 0)]
    [InlineData(0, "true", true, 0)]
    [InlineData(1, "false", true, 1)] // the gate failed, soft-fail off: the task fails
    [InlineData(1, "true", true, 0)] // the gate failed, soft-fail on: the issues go on
    [InlineData(1, "true", false, 1)] // exit 1 without the issues: a failure (say an unwritable workspace), not the gate
    [InlineData(2, "true", false, 2)] // bad input or command line
    [InlineData(2, "true", true, 2)] // a stale file does not make it the gate
    [InlineData(3, "true", true, 3)] // any other code (an incomplete preview is to get its own): the task fails with it
    [InlineData(143, "true", true, 143)]
    [InlineData(1, "yes", true, 1)] // only "true" turns it on
    public async Task Gate_step_passes_exit_1_with_issues_only_with_soft_fail_on(int producerExit, string softFail, bool issuesWritten, int expected)
    {
        using var workspace = new TempDirectory();
        if (issuesWritten)
        {
            Directory.CreateDirectory(workspace.Combine(".dracon", "producers"));
            await File.WriteAllBytesAsync(workspace.Combine(".dracon", "producers", "cloudpi-pulumi.pb"), [0x0a, 0x00]);
        }

        Assert.Equal(expected, await RunGateAsync(workspace, producerExit, softFail));
    }

    /// <summary>The producer step as the task runs it, on the bundled example preview and on a missing one.</summary>
    [Theory]
    [InlineData("preview-show-sames.json", "false", ExitCodes.Failure, ExitCodes.Failure)]
    [InlineData("preview-show-sames.json", "true", ExitCodes.Failure, ExitCodes.Success)]
    [InlineData(null, "true", ExitCodes.Usage, ExitCodes.Usage)]
    public async Task Task_fails_on_a_missing_preview_and_soft_fails_the_gate_only_when_asked(string? example, string softFail, int producerExit, int taskExit)
    {
        using var workspace = new TempDirectory();
        if (example is not null)
        {
            Directory.CreateDirectory(workspace.Combine("source-code"));
            File.Copy(Path.Combine(RepoPaths.Root, "examples", "pulumi", example), workspace.Combine("source-code", "preview.json"));
        }

        var task = Yaml.Task(TaskName);
        var component = Components.Get("cloudpi-producer-pulumi");
        var args = TektonTests.Resolve(task, TektonTests.Args(TektonTests.Steps(task)[0]), workspace.Path).ToArray();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, ComponentRoot.For(component.Factory()), component.Executable, output, error);

        Assert.True(producerExit == exit, error.ToString());
        Assert.Equal(example is not null, File.Exists(workspace.Combine(".dracon", "producers", "cloudpi-pulumi.pb")));
        Assert.Equal(taskExit, await RunGateAsync(workspace, exit, softFail));
    }

    private static Task<int> RunGateAsync(TempDirectory workspace, int producerExit, string softFail) =>
        StepScript.RunAfterProducerAsync(TaskName, workspace.Path, producerExit, new Dictionary<string, string> { [SoftFail] = softFail });

    internal static Dictionary<string, string> Env(YamlMappingNode step) =>
        step.Maps("env").ToDictionary(e => e.Str("name")!, e => e.Str("value")!);
}
