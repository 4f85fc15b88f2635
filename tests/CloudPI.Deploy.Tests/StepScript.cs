using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace CloudPI.Deploy.Tests;

/// <summary>Runs a task step's script under /bin/sh (busybox's sh in the cluster) with the step's env, as Tekton would.</summary>
internal static class StepScript
{
    /// <summary>The Tekton variable for the exit code of a task's first step, produce-issues.</summary>
    public const string ProducerExitCodePath = "$(steps.step-produce-issues.exitCode.path)";

    /// <summary>Runs the step after produce-issues (which runs with onError: continue), given the exit code Tekton recorded for it.</summary>
    public static async Task<int> RunAfterProducerAsync(string taskName, string workspace, int producerExit, IReadOnlyDictionary<string, string> paramValues)
    {
        var task = Yaml.Task(taskName);
        var exitCodeFile = Path.Combine(workspace, "exitCode"); // outside .dracon: Tekton keeps it under /tekton/steps
        await File.WriteAllTextAsync(exitCodeFile, producerExit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await RunAsync(task, TektonTests.Steps(task)[1], workspace, paramValues, new Dictionary<string, string> { [ProducerExitCodePath] = exitCodeFile });
    }

    /// <param name="task">The task the step belongs to.</param>
    /// <param name="step">The step.</param>
    /// <param name="workspace">The folder standing for the output workspace; the script is written there too.</param>
    /// <param name="paramValues">Values for the task's params (the others take their defaults).</param>
    /// <param name="variables">Other Tekton variables in the script (e.g. a step's exit code path) and their values.</param>
    public static async Task<int> RunAsync(YamlDoc task, YamlMappingNode step, string workspace, IReadOnlyDictionary<string, string>? paramValues = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var text = (variables ?? new Dictionary<string, string>()).Aggregate(step.Str("script")!, (script, v) => script.Replace(v.Key, v.Value, StringComparison.Ordinal));
        var script = Path.Combine(workspace, $"{step.Str("name")}.sh");
        await File.WriteAllTextAsync(script, text);

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var env in step.Maps("env"))
        {
            start.Environment[env.Str("name")!] = TektonTests.Resolve(task, [env.Str("value")!], workspace, paramValues).Single();
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        _ = await stdout + await stderr;
        return process.ExitCode;
    }
}
