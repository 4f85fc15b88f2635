using System.Text.Json;
using System.Text.RegularExpressions;
using CloudPI.TestSupport;

namespace CloudPI.Deploy.Tests;

/// <summary>
/// No Docker engine runs in CI, so the Dockerfiles are checked as text: they must build with deploy/publish.sh (the
/// command <see cref="PackagingTests"/> runs), end on a shell-less, non-root, one-shot image, and know the components.
/// </summary>
public partial class DockerfileTests
{
    public static TheoryData<string, string> Dockerfiles() => new()
    {
        { "Dockerfile.producer", "producer" },
        { "Dockerfile.enricher", "enricher" },
    };

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Build_stage_runs_deploy_publish_sh_for_the_component_argument(string file, string kind)
    {
        var stages = Parse(file);
        Assert.Equal(2, stages.Count);
        var build = stages[0];
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0(-[a-z]+)? AS build$", build.From);
        var run = Assert.Single(build.Instructions, i => i.Name == "RUN" && i.Args.Contains("deploy/publish.sh", StringComparison.Ordinal));
        Assert.Matches(@"deploy/publish\.sh ""\$\{COMPONENT\}"" /out ""\$\{rid\}""", run.Args);
        Assert.Contains(build.Instructions, i => i.Name == "COPY" && i.Args == ". .");
        Assert.Contains(build.Instructions, i => i.Name == "ARG" && i.Args == "COMPONENT");

        // The default component is one of this kind that publish.sh knows.
        var defaultComponent = Assert.Single(GlobalArgs(file), a => a.StartsWith("COMPONENT=", StringComparison.Ordinal))["COMPONENT=".Length..];
        Assert.Equal(kind, Components.Get(defaultComponent).Kind);
        Assert.Contains(defaultComponent, PublishScript.ComponentsToProjects().Keys);

        // Every component of this kind is named in the file's usage comment.
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));
        Assert.All(Components.All.Where(c => c.Kind == kind), c => Assert.Contains(c.Executable, text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Final_stage_is_chiseled_non_root_shell_free_and_one_shot(string file, string kind)
    {
        _ = kind;
        var final = Parse(file)[^1];
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/runtime-deps:10\.0-[a-z]+-chiseled(-extra)? AS final$", final.From);
        Assert.DoesNotContain(final.Instructions, i => i.Name is "RUN" or "SHELL" or "HEALTHCHECK" or "CMD");
        var user = Assert.Single(final.Instructions, i => i.Name == "USER").Args;
        Assert.Matches(@"^[1-9][0-9]*:[1-9][0-9]*$", user);
        var entrypoint = Assert.Single(final.Instructions, i => i.Name == "ENTRYPOINT").Args;
        var exec = JsonSerializer.Deserialize<string[]>(entrypoint)!; // exec form: no shell needed
        Assert.Equal(["/app/component"], exec);
        Assert.Equal("--from=build /app/component /app/component", Assert.Single(final.Instructions, i => i.Name == "COPY").Args);
        Assert.Contains(final.Instructions, i => i.Name == "ARG" && i.Args == "COMPONENT"); // for the title label
        Assert.DoesNotContain(final.Instructions, i => i.Name == "VOLUME"); // the workspace is mounted by Tekton
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Final_stage_carries_the_oci_labels(string file, string kind)
    {
        var labels = string.Join(' ', Parse(file)[^1].Instructions.Where(i => i.Name == "LABEL").Select(i => i.Args));
        foreach (var key in new[] { "title", "description", "source", "licenses", "version" })
        {
            Assert.Matches($@"org\.opencontainers\.image\.{key}=""[^""]+""", labels);
        }

        Assert.Contains(@"org.opencontainers.image.title=""${COMPONENT}""", labels, StringComparison.Ordinal);
        Assert.Contains(kind, labels, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_script_maps_exactly_the_five_executables_to_their_projects()
    {
        var map = PublishScript.ComponentsToProjects();
        Assert.Equal(Components.All.Select(c => c.Executable).Order(), map.Keys.Order());
        foreach (var component in Components.All)
        {
            Assert.Equal(component.Project, map[component.Executable]);
            var project = Path.Combine(RepoPaths.Root, "src", component.Project);
            var csproj = File.ReadAllText(Path.Combine(project, component.Project + ".csproj"));
            Assert.Contains($"<AssemblyName>{component.Executable}</AssemblyName>", csproj, StringComparison.Ordinal);
            Assert.Contains(@"<Import Project=""../Executables.props"" />", csproj, StringComparison.Ordinal);
            var program = File.ReadAllText(Path.Combine(project, "Program.cs"));
            Assert.Contains($"ComponentRoot.For(", program, StringComparison.Ordinal);
            Assert.Contains(component.FactoryCall, program, StringComparison.Ordinal);
            Assert.Contains($"\"{component.Executable}\"", program, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Publish_script_publishes_release_native_aot_for_the_runtime_with_warnings_as_errors()
    {
        var command = PublishScript.PublishCommand();
        Assert.StartsWith("dotnet publish \"$root/src/$project/$project.csproj\"", command, StringComparison.Ordinal);
        foreach (var flag in new[] { "--configuration Release", "--runtime \"$rid\"", "--output \"$outdir\"", "-p:PublishAot=\"${CLOUDPI_PUBLISH_AOT:-true}\"", "-warnaserror" })
        {
            Assert.Contains(flag, command, StringComparison.Ordinal);
        }

        var props = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Executables.props"));
        foreach (var property in new[] { "<PublishAot>true</PublishAot>", "<InvariantGlobalization>true</InvariantGlobalization>", "<StripSymbols>true</StripSymbols>", "<PublishTrimmed>true</PublishTrimmed>" })
        {
            Assert.Contains(property, props, StringComparison.Ordinal);
        }
    }

    internal sealed record Instruction(string Name, string Args);

    internal sealed record Stage(string From, List<Instruction> Instructions);

    /// <summary>The Dockerfile's instructions by stage (continuation lines joined, comments dropped).</summary>
    internal static List<Stage> Parse(string file)
    {
        var stages = new List<Stage>();
        foreach (var (name, args) in Instructions(file))
        {
            if (name == "FROM")
            {
                stages.Add(new Stage(args, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add(new Instruction(name, args));
            }
        }

        return stages;
    }

    private static List<string> GlobalArgs(string file) =>
        Instructions(file).TakeWhile(i => i.Name != "FROM").Where(i => i.Name == "ARG").Select(i => i.Args).ToList();

    private static List<(string Name, string Args)> Instructions(string file)
    {
        var result = new List<(string, string)>();
        var current = string.Empty;
        foreach (var raw in File.ReadAllLines(Path.Combine(RepoPaths.Root, file)))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1].Trim() + " ";
                continue;
            }

            current += line;
            var match = InstructionLine().Match(current);
            Assert.True(match.Success, $"{file}: cannot parse '{current}'");
            result.Add((match.Groups[1].Value.ToUpperInvariant(), Regex.Replace(match.Groups[2].Value.Trim(), @"\s+", " ")));
            current = string.Empty;
        }

        return result;
    }

    [GeneratedRegex(@"^([A-Za-z]+)\s+(.*)$")]
    private static partial Regex InstructionLine();
}

internal static partial class PublishScript
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "deploy", "publish.sh");

    public static Dictionary<string, string> ComponentsToProjects() =>
        CaseLine().Matches(File.ReadAllText(Path)).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    /// <summary>The exec'd dotnet publish command, continuation lines joined.</summary>
    public static string PublishCommand()
    {
        var lines = File.ReadAllLines(Path);
        var start = Array.FindIndex(lines, l => l.StartsWith("exec dotnet publish", StringComparison.Ordinal));
        Assert.True(start >= 0, "publish.sh has no 'exec dotnet publish'");
        var parts = new List<string>();
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            parts.Add(line.TrimEnd('\\').Trim());
            if (!line.EndsWith('\\'))
            {
                break;
            }
        }

        return string.Join(' ', parts)["exec ".Length..];
    }

    [GeneratedRegex(@"^\s*(cloudpi-[a-z-]+)\)\s+project=(CloudPI\.[A-Za-z.]+) ;;", RegexOptions.Multiline)]
    private static partial Regex CaseLine();
}
