using System.Text.RegularExpressions;
using CloudPI.TestSupport;
using YamlDotNet.RepresentationModel;

namespace CloudPI.Deploy.Tests;

/// <summary>One YAML document of a file under deploy/.</summary>
public sealed record YamlDoc(string RelativePath, YamlMappingNode Root)
{
    public string? Kind => Root.Str("kind");

    public string? Name => Root.Map("metadata")?.Str("name");

    public override string ToString() => $"{RelativePath} ({Kind} {Name})";
}

internal static partial class Yaml
{
    public static string Deploy => Path.Combine(RepoPaths.Root, "deploy");

    public static IReadOnlyList<string> Files() =>
        Directory.EnumerateFiles(Deploy, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<YamlDoc> Load(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        var relative = Path.GetRelativePath(RepoPaths.Root, file);
        return stream.Documents
            .Where(d => d.RootNode is YamlMappingNode)
            .Select(d => new YamlDoc(relative, (YamlMappingNode)d.RootNode))
            .ToList();
    }

    public static IReadOnlyList<YamlDoc> Tekton() =>
        Files().Where(f => f.Contains($"{Path.DirectorySeparatorChar}tekton{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(Load)
            .ToList();

    /// <summary>The Dracon pipeline draconctl generates (deploy/tekton/example/pipeline.yaml); the fan-out pipeline starts it per account.</summary>
    public static YamlDoc ExamplePipeline() => Tekton().Single(d => d.Kind == "Pipeline" && d.Name == "dracon-cloudpi");

    public static IReadOnlyList<YamlDoc> Tasks() => Tekton().Where(d => d.Kind == "Task").ToList();

    public static YamlDoc Task(string name) => Tasks().Single(t => t.Name == name);

    /// <summary>The folders <c>draconctl components package</c> searches (ocurity/dracon pkg/components GatherTasks).</summary>
    public static readonly string[] PackageFolders = ["base", "sources", "producers", "enrichers", "consumers"];

    /// <summary>Where a task of a component type lives under deploy/tekton, as in Dracon's components/ folder.</summary>
    public static string ComponentFolder(string label) => label switch
    {
        "base" => "base",
        "producer-aggregator" => "producers",
        "enricher-aggregator" => "enrichers",
        _ => label + "s",
    };

    /// <summary>The files <c>draconctl components package deploy/tekton</c> packages: every task.yaml below its folders.</summary>
    public static IReadOnlyList<string> PackagedTaskFiles() =>
        PackageFolders.Select(f => Path.Combine(Deploy, "tekton", f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "task.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<YamlDoc> PackagedTasks() => PackagedTaskFiles().SelectMany(Load).ToList();

    public static YamlMappingNode? Map(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    public static IEnumerable<YamlNode> Seq(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode seq ? seq.Children : [];

    public static IEnumerable<YamlMappingNode> Maps(this YamlMappingNode node, string key) => node.Seq(key).OfType<YamlMappingNode>();

    public static string? Str(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    public static IReadOnlyList<string> Strings(this YamlMappingNode node, string key) =>
        [.. node.Seq(key).OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty)];

    /// <summary>Every scalar in the tree (values and keys), for reference checks.</summary>
    public static IEnumerable<string> Scalars(this YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value is null ? [] : [s.Value],
        YamlSequenceNode seq => seq.Children.SelectMany(Scalars),
        YamlMappingNode map => map.Children.SelectMany(kv => kv.Key.Scalars().Concat(kv.Value.Scalars())),
        _ => [],
    };

    /// <summary>The <c>$(params.x)</c> names a text refers to.</summary>
    public static IEnumerable<string> ParamRefs(string text) => ParamRef().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\$\(params\.([A-Za-z0-9_.\-]+)\)")]
    private static partial Regex ParamRef();
}
