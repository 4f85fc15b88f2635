using System.CommandLine;
using CloudPI.Commands;
using CloudPI.Commands.Enrichers;
using CloudPI.Commands.Producers;

namespace CloudPI.Deploy.Tests;

/// <summary>One shipped component: its executable, project, command factory and Tekton task.</summary>
public sealed record Component(string Executable, string Project, string Kind, string FactoryCall, Func<Command> Factory, string TaskName)
{
    /// <summary>Every flag spelling the executable accepts (names and aliases of every option, common ones included).</summary>
    public IReadOnlySet<string> FlagNames()
    {
        var root = ComponentRoot.For(Factory());
        return root.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet(StringComparer.Ordinal);
    }

    public override string ToString() => Executable;
}

public static class Components
{
    public static readonly IReadOnlyList<Component> All =
    [
        new("cloudpi-producer-awsconfig", "CloudPI.Producer.AwsConfig", "producer", "AwsConfigProducerCommand.Create()", AwsConfigProducerCommand.Create, "producer-cloudpi-awsconfig"),
        new("cloudpi-producer-cartography", "CloudPI.Producer.Cartography", "producer", "CartographyProducerCommand.Create()", CartographyProducerCommand.Create, "producer-cloudpi-cartography"),
        new("cloudpi-producer-pulumi", "CloudPI.Producer.Pulumi", "producer", "PulumiProducerCommand.Create()", PulumiProducerCommand.Create, "producer-cloudpi-pulumi"),
        new("cloudpi-enricher-reachability", "CloudPI.Enricher.Reachability", "enricher", "EnricherCommands.CreateReachability()", EnricherCommands.CreateReachability, "enricher-cloudpi-reachability"),
        new("cloudpi-enricher-exploitability", "CloudPI.Enricher.Exploitability", "enricher", "EnricherCommands.CreateExploitability()", EnricherCommands.CreateExploitability, "enricher-cloudpi-exploitability"),
    ];

    public static TheoryData<string> Names() => [.. All.Select(c => c.Executable)];

    public static Component Get(string executable) => All.Single(c => c.Executable == executable);
}
