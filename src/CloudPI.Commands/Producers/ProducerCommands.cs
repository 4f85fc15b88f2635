using System.CommandLine;

namespace CloudPI.Commands.Producers;

/// <summary><c>cloudpi producer ...</c>: Dracon producers.</summary>
public static class ProducerCommands
{
    public static Command Create() =>
        new("producer", "Dracon producers: gather findings and write a LaunchToolResponse.")
        {
            AwsConfigProducerCommand.Create(),
            CartographyProducerCommand.Create(),
            PulumiProducerCommand.Create(),
            PlannedExposureCommand.Create(),
        };
}
