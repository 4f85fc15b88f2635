using System.Diagnostics;
using CloudPI.TestSupport;
using YamlDotNet.RepresentationModel;

namespace CloudPI.Deploy.Tests;

/// <summary>
/// deploy/tekton/fanout: one PipelineRun of the example pipeline per account of an organisation, printed by
/// pipelineruns.sh or started by the matrix pipeline it generates (matrix-pipeline.yaml).
/// </summary>
public class FanOutTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "deploy", "tekton", "fanout", "pipelineruns.sh");
    private static readonly string[] AccountParams = ["producer-cloudpi-cartography-accounts", "enricher-cloudpi-reachability-accounts", "enricher-cloudpi-exploitability-accounts"];

    [Fact]
    public async Task One_pipeline_run_per_account_scoping_every_graph_task_to_that_account()
    {
        var (exitCode, output, _) = await RunAsync(["--regions", "eu-west-1,us-east-1", "111122223333", "444455556666"]);

        Assert.Equal(0, exitCode);
        var runs = Parse(output);
        Assert.Equal(2, runs.Count);
        var pipeline = Yaml.ExamplePipeline();
        var declared = pipeline.Root.Map("spec")!.Maps("params").ToDictionary(p => p.Str("name")!, p => p);
        foreach (var (run, account) in runs.Zip(["111122223333", "444455556666"]))
        {
            Assert.Equal("tekton.dev/v1beta1", run.Str("apiVersion"));
            Assert.Equal("PipelineRun", run.Str("kind"));
            var spec = run.Map("spec")!;
            Assert.Equal(pipeline.Name, spec.Map("pipelineRef")!.Str("name"));
            var values = spec.Maps("params").ToDictionary(p => p.Str("name")!, p => p.Str("value")!);
            Assert.All(values.Keys, name => Assert.True(declared.ContainsKey(name), $"{name} is not a param of {pipeline.Name}"));
            Assert.All(AccountParams, name => Assert.Equal(account, values[name]));
            Assert.Equal($"account:{account}", values["base-scan-tags"]);
            Assert.Equal($"arn:aws:iam::{account}:role/cloudpi-awsconfig-read", values["producer-cloudpi-awsconfig-aws-role-arn"]);
            Assert.Equal("eu-west-1,us-east-1", values["producer-cloudpi-awsconfig-aws-region"]);
            // Params without a default must be given, or Tekton refuses the run.
            Assert.All(declared.Values.Where(p => p.Str("default") is null), p => Assert.Contains(p.Str("name")!, values.Keys));
            Assert.Equal(["output"], spec.Maps("workspaces").Select(w => w.Str("name")!));
            Assert.Equal("1654", spec.Map("podTemplate")!.Map("securityContext")!.Str("fsGroup"));
        }
    }

    [Fact]
    public void The_account_params_reach_the_account_flag_of_each_graph_task()
    {
        foreach (var param in AccountParams)
        {
            var task = Yaml.Task(param[..^"-accounts".Length]);
            Assert.Contains($"--account=$(params.{param})", TektonTests.Steps(task).SelectMany(TektonTests.Args));
            Assert.Equal(string.Empty, task.Root.Map("spec")!.Maps("params").Single(p => p.Str("name") == param).Str("default"));
        }
    }

    [Fact]
    public async Task Ids_on_stdin_work_and_a_bad_id_prints_no_run_at_all()
    {
        var fromStdin = await RunAsync(["-"], "111122223333\n444455556666\n");
        var bad = await RunAsync(["111122223333", "arn:aws:iam::1:root"]);

        Assert.Equal(2, Parse(fromStdin.Output).Count);
        Assert.Equal(2, bad.ExitCode);
        Assert.Empty(bad.Output);
        Assert.Contains("'arn:aws:iam::1:root' is not a 12-digit AWS account id", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_committed_matrix_pipeline_is_what_the_script_generates()
    {
        var (exitCode, output, _) = await RunAsync(["--matrix-pipeline"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(output, await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(Script)!, "matrix-pipeline.yaml")));
    }

    [Fact]
    public async Task The_matrix_pipeline_runs_its_task_once_per_account_and_starts_the_run_the_script_prints_for_it()
    {
        var pipeline = Yaml.Tekton().Single(d => d.Kind == "Pipeline" && d.Name == "dracon-cloudpi-organisation");
        var spec = pipeline.Root.Map("spec")!;
        var declared = spec.Maps("params").ToDictionary(p => p.Str("name")!, p => p);
        Assert.Equal("array", declared["accounts"].Str("type"));
        Assert.Null(declared["accounts"].Str("default"));

        var task = Assert.Single(spec.Maps("tasks"));
        var matrix = Assert.Single(task.Map("matrix")!.Maps("params"));
        Assert.Equal("account", matrix.Str("name"));
        Assert.Equal("$(params.accounts)", matrix.Str("value"));
        // Every param the task is given comes from a pipeline param, and the task declares each one it uses.
        var given = task.Maps("params").Append(matrix).ToDictionary(p => p.Str("name")!, p => p.Str("value")!);
        Assert.All(given.Values.SelectMany(Yaml.ParamRefs), name => Assert.Contains(name, declared.Keys));
        var taskSpec = task.Map("taskSpec")!;
        var taskParams = taskSpec.Maps("params").Select(p => p.Str("name")!).ToHashSet();
        Assert.Equal(given.Keys.ToHashSet(), taskParams);
        Assert.Subset(taskParams, taskSpec.Scalars().SelectMany(Yaml.ParamRefs).ToHashSet());

        // The run it creates, once Tekton substitutes one account's params, is the script's run for that account.
        var script = Assert.Single(taskSpec.Maps("steps")).Str("script")!;
        var embedded = script[(script.IndexOf("<<'RUN'\n", StringComparison.Ordinal) + "<<'RUN'\n".Length)..script.IndexOf("\nRUN\n", StringComparison.Ordinal)];
        var substituted = embedded.Replace("$(params.account)", "111122223333", StringComparison.Ordinal)
            .Replace("$(params.role-name)", "audit-read", StringComparison.Ordinal)
            .Replace("$(params.regions)", "eu-west-1,us-east-1", StringComparison.Ordinal);
        var (exitCode, expected, _) = await RunAsync(["--role-name", "audit-read", "--regions", "eu-west-1,us-east-1", "111122223333"]);
        Assert.Equal(0, exitCode);
        Assert.Equal(expected.TrimEnd('\n'), substituted);
        Assert.Contains("kubectl create -o name -f -", script, StringComparison.Ordinal);
        Assert.Contains("False) ", script, StringComparison.Ordinal); // a failed account run fails the organisation's
    }

    private static List<YamlMappingNode> Parse(string output)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? stdin = null)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin ?? string.Empty);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
