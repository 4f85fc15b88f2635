using System.Runtime.Versioning;
using CloudPI.TestSupport;
using YamlDotNet.RepresentationModel;

namespace CloudPI.Deploy.Tests;

/// <summary>
/// Dracon's components run as root and write 0600 files (the tagger's *.tagged.pb); CloudPI's images run as the
/// Dockerfiles' USER. What makes the two work together is the kubelet's fsGroup change when a pod mounts the
/// workspace (every file and folder gets the group and g+rw), which needs Kubernetes, so it is not run here. These
/// tests check its inputs: each CloudPI step runs as its image's uid:gid, the example PipelineRun sets that gid as
/// fsGroup with the change policy that redoes it at every mount, and nothing else runs privileged.
/// </summary>
public class PermissionTests
{
    [Theory]
    [MemberData(nameof(Components.Names), MemberType = typeof(Components))]
    public void Component_step_runs_as_its_images_user_with_a_read_only_root(string executable)
    {
        var component = Components.Get(executable);
        var (uid, gid) = ImageUser(component.Kind);
        var context = TektonTests.ComponentStep(component).Map("securityContext")!;
        Assert.Equal(uid, context.Str("runAsUser"));
        Assert.Equal(gid, context.Str("runAsGroup"));
        Assert.Equal("true", context.Str("readOnlyRootFilesystem")); // the tasks mount an emptyDir at /tmp
    }

    [Theory]
    [MemberData(nameof(TektonTests.TaskFiles), MemberType = typeof(TektonTests))]
    public void Every_step_runs_non_root_without_privilege_escalation_or_capabilities(string file)
    {
        var task = Yaml.Load(Path.Combine(RepoPaths.Root, file)).Single();
        Assert.All(TektonTests.Steps(task), step =>
        {
            var context = step.Map("securityContext");
            Assert.True(context is not null, $"{task}: step {step.Str("name")} has no securityContext");
            Assert.Equal("true", context.Str("runAsNonRoot"));
            Assert.Equal("false", context.Str("allowPrivilegeEscalation"));
            Assert.Equal(["ALL"], context.Map("capabilities")!.Strings("drop"));
        });
    }

    [Fact]
    public void Example_run_gives_the_workspace_the_group_cloudpi_runs_as_at_every_mount()
    {
        var pod = ExampleRun().Root.Map("spec")!.Map("podTemplate")!.Map("securityContext")!;
        var gids = new[] { "producer", "enricher" }.Select(kind => ImageUser(kind).Gid).Distinct();
        Assert.Equal(Assert.Single(gids), pod.Str("fsGroup"));
        Assert.Equal("Always", pod.Str("fsGroupChangePolicy")); // OnRootMismatch would leave later 0600 files alone

        // Pod-level users would apply to Dracon's components too, which run as root.
        Assert.All(new[] { "runAsUser", "runAsGroup", "runAsNonRoot" }, key => Assert.Null(pod.Str(key)));

        // The enrichers' primary group is the group the tagger's files get.
        Assert.All(Components.All, c => Assert.Equal(pod.Str("fsGroup"), TektonTests.ComponentStep(c).Map("securityContext")!.Str("runAsGroup")));
    }

    /// <summary>
    /// A folder a root component creates while a CloudPI task of the same stage runs would stay 0755 root; the source
    /// stage's workspace task makes the shared ones first, group-writable and setgid.
    /// </summary>
    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes; the step runs on Linux
    public async Task Workspace_task_makes_the_folders_cloudpi_writes_into_group_writable_before_the_producers()
    {
        var task = Yaml.Task("source-cloudpi-workspace");
        Assert.Equal("source", TektonTests.Label(task));
        var step = Assert.Single(TektonTests.Steps(task));
        using var workspace = new TempDirectory();

        Assert.Equal(0, await StepScript.RunAsync(task, step, workspace.Path));
        Assert.Equal(0, await StepScript.RunAsync(task, step, workspace.Path)); // a workspace used before
        var shared = new[] { ".dracon", ".dracon/producers", ".dracon/enrichers" }.Select(f => workspace.Combine(f)).ToList();
        Assert.All(shared, folder =>
        {
            var mode = File.GetUnixFileMode(folder);
            Assert.True(mode.HasFlag(UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.SetGroup), $"{folder}: {mode}");
        });

        // They are the folders the producers write their .pb into and the enrichers make their own folder in.
        foreach (var component in Components.All)
        {
            var componentStep = TektonTests.ComponentStep(component);
            var written = component.Kind == "producer"
                ? TektonTests.Args(componentStep).Single(a => a.StartsWith("-out=", StringComparison.Ordinal))["-out=".Length..]
                : componentStep.Maps("env").Single(e => e.Str("name") == "WRITE_PATH").Str("value")!;
            var parent = Path.GetDirectoryName(TektonTests.Resolve(Yaml.Task(component.TaskName), [written], workspace.Path).Single());
            Assert.Contains(parent, shared);
        }
    }

    [Fact]
    public void Example_run_starts_the_generated_pipeline_with_every_param_it_requires()
    {
        var spec = ExampleRun().Root.Map("spec")!;
        var pipeline = Yaml.ExamplePipeline();
        var kustomization = Yaml.Tekton().Single(d => d.Kind == "Kustomization");
        Assert.Equal(pipeline.Name, spec.Map("pipelineRef")!.Str("name"));
        Assert.Equal("dracon" + kustomization.Root.Str("nameSuffix"), pipeline.Name);

        var declared = pipeline.Root.Map("spec")!.Maps("params").ToList();
        var given = spec.Maps("params").Select(p => p.Str("name")!).ToList();
        Assert.Subset(declared.Select(p => p.Str("name")!).ToHashSet(), given.ToHashSet());
        Assert.Subset(given.ToHashSet(), declared.Where(p => p.Str("default") is null).Select(p => p.Str("name")!).ToHashSet());

        var workspace = Assert.Single(spec.Maps("workspaces"));
        Assert.Equal("output", workspace.Str("name"));
        Assert.Equal(["ReadWriteOnce"], workspace.Map("volumeClaimTemplate")!.Map("spec")!.Strings("accessModes")); // fresh per run
    }

    [Fact]
    public void Docs_start_the_example_run_that_ships()
    {
        var create = Assert.Single(Deployment.Commands("kubectl create"));
        Assert.Equal(ExampleRun().RelativePath, Deployment.Flag(create, "-f"));
    }

    private static YamlDoc ExampleRun() => Yaml.Tekton().Single(d => d.Kind == "PipelineRun");

    /// <summary>The uid and gid of a Dockerfile's final USER instruction.</summary>
    private static (string Uid, string Gid) ImageUser(string kind)
    {
        var user = DockerfileTests.Parse($"Dockerfile.{kind}")[^1].Instructions.Single(i => i.Name == "USER").Args.Split(':');
        return (user[0], user[1]);
    }
}
