using System.Text.RegularExpressions;
using CloudPI.Commands;
using CloudPI.TestSupport;
using YamlDotNet.RepresentationModel;

namespace CloudPI.Deploy.Tests;

/// <summary>Dracon's Tekton conventions on every YAML file under deploy/.</summary>
public class TektonTests
{
    private const string Workspace = "$(workspaces.output.path)";
    private static readonly string[] DraconLabels = ["base", "source", "producer", "producer-aggregator", "enricher", "enricher-aggregator", "consumer"];
    private static readonly string[] SecretWords = ["PASSWORD", "SECRET", "TOKEN", "ACCESS_KEY", "CREDENTIAL", "API_KEY", "PRIVATE"];

    [Fact]
    public void Every_yaml_file_under_deploy_parses_into_at_least_one_document()
    {
        var files = Yaml.Files();
        Assert.Contains(files, f => f.EndsWith(Path.Combine("tekton", "example", "pipeline.yaml"), StringComparison.Ordinal));
        Assert.All(files, f => Assert.NotEmpty(Yaml.Load(f)));
    }

    [Fact]
    public void Every_tekton_document_is_a_v1beta1_task_pipeline_run_or_draconctl_kustomization()
    {
        var docs = Yaml.Tekton();
        Assert.Equal(7, docs.Count(d => d.Kind == "Task"));
        Assert.All(docs, d => Assert.True(
            (d.Root.Str("apiVersion") == "tekton.dev/v1beta1" && d.Kind is "Task" or "Pipeline" or "PipelineRun")
            || (d.Kind == "Kustomization" && d.Root.Str("apiVersion") == "kustomize.config.k8s.io/v1beta1"),
            $"{d}: unexpected document"));
    }

    public static TheoryData<string> TaskFiles() =>
        [.. Yaml.Tasks().Select(t => t.RelativePath)];

    [Theory]
    [MemberData(nameof(TaskFiles))]
    public void Task_follows_draconctl_naming_labels_params_and_workspace(string file)
    {
        var task = Yaml.Load(Path.Combine(RepoPaths.Root, file)).Single();
        var name = task.Name!;
        var label = task.Root.Map("metadata")!.Map("labels")?.Str("v1.dracon.ocurity.com/component");
        Assert.Contains(label, DraconLabels);
        Assert.StartsWith(label + "-", name, StringComparison.Ordinal);

        // Dracon's layout: components/<type folder>/<name without its type prefix>/task.yaml.
        Assert.Equal(Path.Combine(Yaml.ComponentFolder(label!), name[(label!.Length + 1)..], "task.yaml"), Path.GetRelativePath(Path.Combine("deploy", "tekton"), file));

        var spec = task.Root.Map("spec")!;
        var parameters = spec.Maps("params").Select(p => p.Str("name")!).ToList();
        Assert.All(parameters, p => Assert.StartsWith(name + "-", p, StringComparison.Ordinal));
        Assert.Equal(parameters.Count, parameters.Distinct().Count());
        Assert.All(spec.Maps("params"), p => Assert.Equal("string", p.Str("type")));

        Assert.Equal(["output"], spec.Maps("workspaces").Select(w => w.Str("name")!));

        // Every $(params.x) the task uses is one of its own params.
        var used = spec.Scalars().SelectMany(Yaml.ParamRefs).ToHashSet();
        Assert.Subset(parameters.ToHashSet(), used);

        Assert.NotEmpty(Steps(task));
        Assert.All(Steps(task), s => Assert.Equal("IfNotPresent", s.Str("imagePullPolicy")));
    }

    [Theory]
    [MemberData(nameof(TaskFiles))]
    public void Secrets_come_only_from_secretKeyRefs_named_by_params(string file)
    {
        var task = Yaml.Load(Path.Combine(RepoPaths.Root, file)).Single();
        var parameters = task.Root.Map("spec")!.Maps("params").ToDictionary(p => p.Str("name")!, p => p);
        foreach (var step in Steps(task))
        {
            foreach (var env in step.Maps("env"))
            {
                var envName = env.Str("name")!;
                var secretRef = env.Map("valueFrom")?.Map("secretKeyRef");
                if (SecretWords.Any(w => envName.Contains(w, StringComparison.Ordinal)))
                {
                    Assert.True(secretRef is not null, $"{task}: {envName} must come from a secretKeyRef");
                    Assert.Null(env.Str("value"));
                }

                if (secretRef is not null)
                {
                    var secretName = secretRef.Str("name")!;
                    var param = Assert.Single(Yaml.ParamRefs(secretName));
                    Assert.Equal($"$(params.{param})", secretName);
                    Assert.True(parameters.ContainsKey(param), $"{task}: {param} is not a param");
                }
            }

            // No secret value passed on the command line.
            Assert.All(Args(step), a => Assert.DoesNotMatch("(?i)--?[a-z-]*(password|secret|token)[a-z-]*=(?!NEO4J_PASSWORD$)", a));
        }

        // A param default never holds a secret: the ones about secrets name a Secret or a key in it.
        foreach (var (name, param) in parameters.Where(p => p.Key.Contains("password", StringComparison.Ordinal) || p.Key.Contains("credentials", StringComparison.Ordinal)))
        {
            Assert.True(name.EndsWith("-secret", StringComparison.Ordinal) || name.EndsWith("-secret-key", StringComparison.Ordinal), $"{task}: {name}");
        }
    }

    [Theory]
    [MemberData(nameof(TaskFiles))]
    public void Neo4j_password_env_var_flag_names_an_env_var_filled_from_a_secret(string file)
    {
        var task = Yaml.Load(Path.Combine(RepoPaths.Root, file)).Single();
        foreach (var step in Steps(task))
        {
            foreach (var arg in Args(step).Where(a => a.StartsWith("--neo4j-password-env-var=", StringComparison.Ordinal)))
            {
                var variable = arg.Split('=', 2)[1];
                var env = Assert.Single(step.Maps("env"), e => e.Str("name") == variable);
                Assert.NotNull(env.Map("valueFrom")?.Map("secretKeyRef"));
                Assert.Contains(Args(step), a => a.StartsWith("--neo4j-user=", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Components.Names), MemberType = typeof(Components))]
    public void Component_task_runs_its_image_and_passes_only_flags_its_executable_has(string executable)
    {
        var component = Components.Get(executable);
        var task = Yaml.Task(component.TaskName);
        Assert.Equal(component.Kind, task.Root.Map("metadata")!.Map("labels")!.Str("v1.dracon.ocurity.com/component"));
        var step = ComponentStep(component);
        Assert.Equal(component.Kind == "producer" ? "produce-issues" : "run-enricher", step.Str("name"));
        Assert.Equal(step, Steps(task)[0]);
        Assert.Empty(step.Seq("command")); // the image's ENTRYPOINT is the executable

        var flags = component.FlagNames();
        var args = Args(step);
        Assert.NotEmpty(args);
        Assert.All(args, a =>
        {
            Assert.StartsWith("-", a, StringComparison.Ordinal);
            var flag = a.Split('=', 2)[0];
            Assert.True(flags.Contains(flag), $"{task.Name}: {executable} has no option {flag}");
        });

        // With every param at its default (a placeholder where there is none), the executable's command parses the args.
        var resolved = Resolve(task, args, "/workspace/output").SelectMany(a => a.Split('=', 2)).ToArray();
        var parse = ComponentRoot.For(component.Factory()).Parse(resolved);
        Assert.Empty(parse.Errors);
    }

    /// <summary>
    /// Values as Tekton substitutes them: the workspace path, and each param's value given in
    /// <paramref name="values"/>, else its default, else "placeholder".
    /// </summary>
    internal static IReadOnlyList<string> Resolve(YamlDoc task, IEnumerable<string> texts, string workspace, IReadOnlyDictionary<string, string>? values = null)
    {
        var defaults = task.Root.Map("spec")!.Maps("params").ToDictionary(p => p.Str("name")!, p => p.Str("default") ?? "placeholder");
        string Value(string param) => values is not null && values.TryGetValue(param, out var value) ? value : defaults[param];
        return texts
            .Select(a => a.Replace(Workspace, workspace, StringComparison.Ordinal))
            .Select(a => Yaml.ParamRefs(a).Aggregate(a, (text, p) => text.Replace($"$(params.{p})", Value(p), StringComparison.Ordinal)))
            .ToList();
    }

    [Theory]
    [InlineData("producer-cloudpi-awsconfig", "cloudpi-aws-config")]
    [InlineData("producer-cloudpi-cartography", "cloudpi-cartography")]
    [InlineData("producer-cloudpi-pulumi", "cloudpi-pulumi")]
    public void Producer_writes_its_pb_under_dracon_producers(string taskName, string file)
    {
        var step = ComponentStep(Components.All.Single(c => c.TaskName == taskName));
        Assert.Contains($"-out={Workspace}/.dracon/producers/{file}.pb", Args(step));
    }

    [Fact]
    public void Producer_output_files_are_unique()
    {
        var outs = Yaml.Tasks().Where(t => Label(t) == "producer")
            .SelectMany(t => Steps(t).SelectMany(Args))
            .Where(a => a.StartsWith("-out=", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, outs.Count);
        Assert.Equal(outs.Count, outs.Distinct().Count());
    }

    [Theory]
    [InlineData("enricher-cloudpi-reachability", "cloudpi-reachability")]
    [InlineData("enricher-cloudpi-exploitability", "cloudpi-exploitability")]
    public void Enricher_reads_producers_and_writes_its_own_enrichers_folder(string taskName, string folder)
    {
        var step = Assert.Single(Steps(Yaml.Task(taskName)));
        Assert.Equal("run-enricher", step.Str("name"));
        var env = step.Maps("env").Where(e => e.Str("value") is not null).ToDictionary(e => e.Str("name")!, e => e.Str("value")!);
        Assert.Equal($"{Workspace}/.dracon/producers", env["READ_PATH"]);
        Assert.Equal($"{Workspace}/.dracon/enrichers/{folder}", env["WRITE_PATH"]);
    }

    [Theory]
    [InlineData("producer-cloudpi-cartography")]
    [InlineData("enricher-cloudpi-reachability")]
    [InlineData("enricher-cloudpi-exploitability")]
    [InlineData("source-cartography-sync")]
    public void Graph_tasks_take_neo4j_uri_user_database_and_password_secret_as_params(string taskName)
    {
        var task = Yaml.Task(taskName);
        var parameters = task.Root.Map("spec")!.Maps("params").Select(p => p.Str("name")).ToHashSet();
        foreach (var suffix in new[] { "neo4j-uri", "neo4j-user", "neo4j-database", "neo4j-password-secret", "neo4j-password-secret-key" })
        {
            Assert.Contains($"{taskName}-{suffix}", parameters);
        }

        var args = Steps(task).SelectMany(Args).ToList();
        Assert.Contains($"--neo4j-uri=$(params.{taskName}-neo4j-uri)", args);
        Assert.Contains($"--neo4j-database=$(params.{taskName}-neo4j-database)", args);
        Assert.Contains("--neo4j-password-env-var=NEO4J_PASSWORD", args);
    }

    [Theory]
    [InlineData("producer-cloudpi-awsconfig", "aws-region")]
    [InlineData("source-cartography-sync", "aws-regions")]
    public void Aws_tasks_take_regions_and_credentials_secret_as_params(string taskName, string regions)
    {
        var task = Yaml.Task(taskName);
        var parameters = task.Root.Map("spec")!.Maps("params").Select(p => p.Str("name")).ToHashSet();
        Assert.Contains($"{taskName}-{regions}", parameters);
        Assert.Contains($"{taskName}-aws-credentials-secret", parameters);
        var env = Steps(task).SelectMany(s => s.Maps("env")).ToList();
        foreach (var variable in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" })
        {
            var reference = Assert.Single(env, e => e.Str("name") == variable).Map("valueFrom")!.Map("secretKeyRef")!;
            Assert.Equal($"$(params.{taskName}-aws-credentials-secret)", reference.Str("name"));
            Assert.Equal("true", reference.Str("optional")); // absent Secret: the pod identity (IRSA) is used
        }
    }

    [Fact]
    public void Awsconfig_task_assumes_the_role_given_as_a_param()
    {
        var args = Steps(Yaml.Task("producer-cloudpi-awsconfig")).SelectMany(Args).ToList();
        Assert.Contains("--role-arn=$(params.producer-cloudpi-awsconfig-aws-role-arn)", args);
        Assert.Contains("--region=$(params.producer-cloudpi-awsconfig-aws-region)", args);
    }

    [Fact]
    public void Cartography_sync_is_a_source_task_running_cartography()
    {
        var task = Yaml.Task("source-cartography-sync");
        Assert.Equal("source", Label(task));
        var step = Assert.Single(Steps(task));
        var image = step.Str("image")!;
        var parameter = Assert.Single(Yaml.ParamRefs(image));
        var imageDefault = task.Root.Map("spec")!.Maps("params").Single(p => p.Str("name") == parameter).Str("default");
        Assert.Matches(@"^ghcr\.io/cartography-cncf/cartography:[0-9]+\.[0-9]+\.[0-9]+$", imageDefault); // pinned, never latest
        Assert.Contains("--selected-modules=$(params.source-cartography-sync-modules)", Args(step));
    }

    /// <summary>
    /// What <c>draconctl components package deploy/tekton</c> puts in the chart: every file named task.yaml below
    /// base/, sources/, producers/, enrichers/ and consumers/ (pkg/components GatherTasks); it sees nothing else.
    /// </summary>
    [Fact]
    public void Draconctl_package_finds_every_task_and_only_tasks()
    {
        var packaged = Yaml.PackagedTaskFiles();
        Assert.Equal(Yaml.Tasks().Select(t => t.RelativePath).Order(StringComparer.Ordinal), packaged.Select(f => Path.GetRelativePath(RepoPaths.Root, f)).Order(StringComparer.Ordinal));
        Assert.All(packaged, f => Assert.Single(Yaml.Load(f))); // draconctl decodes one object per file
        Assert.All(Components.All, c => Assert.Contains(Yaml.PackagedTasks(), t => t.Name == c.TaskName));
    }

    [Fact]
    public void Docs_package_deploy_tekton_into_the_release_the_kustomization_names()
    {
        var package = Deployment.PackageCommand().Split(' ');
        Assert.Equal("deploy/tekton", package[^1]);
        Assert.Equal(Deployment.ComponentsRelease, package[Array.IndexOf(package, "--name") + 1]);
        Assert.StartsWith($"helm upgrade --install {Deployment.ComponentsRelease} ./{Deployment.ComponentsRelease}-", Deployment.HelmCommand(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Cartography 0.140.0 takes the regions as one comma-separated --aws-regions value and deletes what it synced
    /// before in regions left out (cartography/cli.py); AWS_DEFAULT_REGION is the SDK's single region.
    /// </summary>
    [Fact]
    public void Cartography_sync_passes_the_regions_as_one_list_and_by_default_prunes_no_region()
    {
        var task = Yaml.Task("source-cartography-sync");
        var step = Assert.Single(Steps(task));
        var parameters = task.Root.Map("spec")!.Maps("params").ToDictionary(p => p.Str("name")!, p => p.Str("default"));
        Assert.Equal(["--aws-regions=$(params.source-cartography-sync-aws-regions)"], Args(step).Where(a => a.Contains("region", StringComparison.Ordinal)));
        Assert.Equal(string.Empty, parameters["source-cartography-sync-aws-regions"]); // empty: every enabled region

        var env = step.Maps("env").Where(e => e.Str("value") is not null).ToDictionary(e => e.Str("name")!, e => e.Str("value")!);
        Assert.Equal("$(params.source-cartography-sync-aws-default-region)", env["AWS_DEFAULT_REGION"]);
        Assert.Matches("^[a-z]{2}(-[a-z]+)+-[0-9]$", parameters["source-cartography-sync-aws-default-region"]);
        Assert.DoesNotContain(env.Values, v => v.Contains("aws-regions", StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_name_only_tasks_and_params_that_exist()
    {
        var names = Yaml.Tasks().SelectMany(t => t.Root.Map("spec")!.Maps("params").Select(p => p.Str("name")!).Append(t.Name!)).ToHashSet();
        var docs = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Append(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var doc in docs)
        {
            var mentioned = Regex.Matches(File.ReadAllText(doc), @"\b(?:producer-cloudpi|enricher-cloudpi|source-cartography-sync)[a-z0-9-]*[a-z0-9]").Select(m => m.Value);
            Assert.All(mentioned, m => Assert.True(names.Contains(m), $"{Path.GetFileName(doc)} names {m}, which is no task or param"));
        }
    }

    [Fact]
    public void Kustomization_takes_every_component_from_a_helm_release_in_draconctl_stage_order_with_a_base()
    {
        var kustomization = Yaml.Tekton().Single(d => d.Kind == "Kustomization");
        Assert.False(string.IsNullOrEmpty(kustomization.Root.Str("nameSuffix")));
        var components = kustomization.Root.Strings("components");

        // draconctl resolves a local path against its working directory, not the kustomization's: only releases here.
        Assert.All(components, c => Assert.StartsWith("pkg:helm/", c, StringComparison.Ordinal));
        var references = components.Select(c => c.Split('/')).Select(parts => (Release: parts[1], Task: parts[2])).ToList();
        var ours = Yaml.PackagedTasks().ToDictionary(t => t.Name!);
        var stages = references.Select(r =>
        {
            if (r.Release == Deployment.ComponentsRelease)
            {
                Assert.True(ours.ContainsKey(r.Task), $"{r.Task} is not in the chart draconctl packages from deploy/tekton");
                return Label(ours[r.Task]);
            }

            Assert.Equal("dracon-oss-components", r.Release);
            return DraconLabels.Single(l => r.Task == l || r.Task.StartsWith(l + "-", StringComparison.Ordinal) && !DraconLabels.Contains(r.Task));
        }).ToList();

        Assert.Equal("base", stages[0]);
        var order = stages.Select(s => Array.IndexOf(DraconLabels, s)).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(DraconLabels, stages.Distinct());
        Assert.Equal(ours.Keys.Order(StringComparer.Ordinal), references.Where(r => r.Release == Deployment.ComponentsRelease).Select(r => r.Task).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Pipeline_runs_stages_in_order_and_passes_every_task_param_from_a_declared_pipeline_param()
    {
        var pipeline = Yaml.ExamplePipeline();
        var spec = pipeline.Root.Map("spec")!;
        Assert.Equal(["output"], spec.Maps("workspaces").Select(w => w.Str("name")!));
        var declared = spec.Maps("params").Select(p => p.Str("name")!).ToHashSet();
        var localTasks = Yaml.Tasks().ToDictionary(t => t.Name!);
        var tasks = spec.Maps("tasks").ToList();
        var seen = new HashSet<string>();
        foreach (var task in tasks)
        {
            var name = task.Str("name")!;
            Assert.All(task.Strings("runAfter"), r => Assert.Contains(r, seen));
            Assert.Equal("output", Assert.Single(task.Maps("workspaces")).Str("workspace"));
            var passed = task.Maps("params").ToDictionary(p => p.Str("name")!, p => p.Str("value") ?? string.Empty);
            Assert.All(passed.Values.SelectMany(Yaml.ParamRefs), r => Assert.Contains(r, declared));
            if (localTasks.TryGetValue(task.Map("taskRef")!.Str("name")!, out var local))
            {
                var own = local.Root.Map("spec")!.Maps("params").Select(p => p.Str("name")!).ToHashSet();
                var ownPassed = passed.Keys.Where(k => k != "anchors" && !k.StartsWith("dracon_", StringComparison.Ordinal)).ToHashSet();
                Assert.Equal(own, ownPassed);
                Assert.All(own, p => Assert.Contains(p, declared));
                if (Label(local) == "producer")
                {
                    Assert.Equal("$(tasks.base.results.dracon-scan-id)", passed["dracon_scan_id"]);
                }
            }

            seen.Add(name);
        }

        Assert.Equal(
            ["base", "source-cartography-sync", "source-cloudpi-workspace", "producer-cloudpi-awsconfig", "producer-cloudpi-cartography", "producer-cloudpi-pulumi", "producer-aggregator",
             "enricher-cloudpi-reachability", "enricher-cloudpi-exploitability", "enricher-aggregator", "consumer-stdout-json"],
            tasks.Select(t => t.Str("name")!));
        Assert.Contains("source-cartography-sync", tasks.Single(t => t.Str("name") == "producer-cloudpi-cartography").Strings("runAfter"));
    }

    /// <summary>draconctl copies each task param (name, type, description, default), in task order, to the Pipeline.</summary>
    [Fact]
    public void Pipeline_declares_each_task_param_as_the_task_does()
    {
        static string Describe(YamlMappingNode p) => $"{p.Str("name")} | {p.Str("type")} | {p.Str("description")} | {p.Str("default") ?? "(none)"}";
        var declared = Yaml.ExamplePipeline().Root.Map("spec")!.Maps("params").Select(Describe).ToList();
        foreach (var task in Yaml.Tasks())
        {
            var own = task.Root.Map("spec")!.Maps("params").Select(Describe).ToList();
            Assert.Equal(own, declared.Where(d => d.StartsWith(task.Name + "-", StringComparison.Ordinal)));
        }
    }

    internal static string Label(YamlDoc task) =>
        task.Root.Map("metadata")!.Map("labels")!.Str("v1.dracon.ocurity.com/component")!;

    internal static IReadOnlyList<YamlMappingNode> Steps(YamlDoc task) => task.Root.Map("spec")!.Maps("steps").ToList();

    /// <summary>The step of a component's task that runs the component's image.</summary>
    internal static YamlMappingNode ComponentStep(Component component) =>
        Assert.Single(Steps(Yaml.Task(component.TaskName)), s => s.Str("image") == Images.Template(component.Executable));

    internal static IReadOnlyList<string> Args(YamlMappingNode step) => step.Strings("args");
}
