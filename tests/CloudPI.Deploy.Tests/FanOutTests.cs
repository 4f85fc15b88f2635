using System.Diagnostics;
using CloudPI.TestSupport;
using YamlDotNet.RepresentationModel;

namespace CloudPI.Deploy.Tests;

/// <summary>deploy/tekton/fanout/pipelineruns.sh: one PipelineRun of the example pipeline per account of an organisation.</summary>
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
        var pipeline = Yaml.Tekton().Single(d => d.Kind == "Pipeline");
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
