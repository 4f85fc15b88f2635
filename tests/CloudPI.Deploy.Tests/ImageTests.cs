using System.Text.RegularExpressions;
using CloudPI.TestSupport;

namespace CloudPI.Deploy.Tests;

/// <summary>
/// The task images are Helm templates, as Dracon's components are: the registry comes from the chart value
/// image.registry (default ghcr.io/cloudpi), the tag from the chart's appVersion, which
/// <c>draconctl components package --version</c> sets.
/// </summary>
public class ImageTests
{
    [Fact]
    public void The_only_template_expressions_in_the_tasks_are_the_image_registry_and_version()
    {
        foreach (var file in Yaml.PackagedTaskFiles())
        {
            var lines = File.ReadAllLines(file);
            var templated = lines.Where(l => l.Contains("{{", StringComparison.Ordinal) || l.Contains("}}", StringComparison.Ordinal)).ToList();
            var task = Yaml.Load(file).Single();
            var component = Components.All.SingleOrDefault(c => c.TaskName == task.Name);
            if (component is null)
            {
                Assert.Empty(templated); // Helm renders every file of the chart: no stray braces elsewhere
                continue;
            }

            Assert.Equal($"    image: '{Images.Template(component.Executable)}'", Assert.Single(templated));
        }
    }

    /// <summary>The documented commands package the project's version and set the registry the images are pushed to.</summary>
    [Fact]
    public void Docs_package_the_project_version_and_build_the_images_the_tasks_name()
    {
        var version = Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;
        var package = Deployment.PackageCommand();
        Assert.Equal(version, Deployment.Flag(package, "--version")); // the images' tag: an empty appVersion renders "image:"
        var helm = Deployment.HelmCommand();
        Assert.Contains($"./{Deployment.ComponentsRelease}-{Deployment.Flag(package, "--chart-version")}.tgz", helm, StringComparison.Ordinal);
        var registry = Deployment.Flag(helm, "--set").Split('=', 2);
        Assert.Equal("image.registry", registry[0]); // draconctl's chart has no values.yaml: Helm needs the value set
        Assert.Equal(Images.DefaultRegistry, registry[1]);

        foreach (var file in new[] { "Dockerfile.producer", "Dockerfile.enricher" })
        {
            Assert.Contains(DockerfileTests.Parse(file)[^1].Instructions, i => i.Name == "ARG" && i.Args == $"VERSION={version}");
        }

        var builds = Deployment.Commands("docker build");
        Assert.NotEmpty(builds);
        foreach (var build in builds)
        {
            var component = Components.Get(Regex.Match(build, "--build-arg COMPONENT=([^ ]+)").Groups[1].Value);
            Assert.Contains($"--build-arg VERSION={version}", build, StringComparison.Ordinal);
            Assert.Equal(Images.Render(Images.Template(component.Executable), registry[1], version), Deployment.Flag(build, "-t"));
        }
    }
}

/// <summary>Dracon's image template (components/*/task.yaml) with CloudPI's registry and image names.</summary>
internal static class Images
{
    public const string DefaultRegistry = "ghcr.io/cloudpi";

    private const string RegistryExpression = $"{{{{ default \"{DefaultRegistry}\" .Values.image.registry }}}}";
    private const string VersionExpression = "{{ .Chart.AppVersion }}";

    public static string Template(string executable) => $"{RegistryExpression}/{executable}:{VersionExpression}";

    /// <summary>What Helm makes of a template, given image.registry and the chart's appVersion.</summary>
    public static string Render(string template, string registry, string appVersion) =>
        template.Replace(RegistryExpression, registry, StringComparison.Ordinal).Replace(VersionExpression, appVersion, StringComparison.Ordinal);
}
