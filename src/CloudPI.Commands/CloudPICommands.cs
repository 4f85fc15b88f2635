using System.CommandLine;
using CloudPI.Commands.Dracon;
using CloudPI.Commands.Enrichers;
using CloudPI.Commands.Graph;
using CloudPI.Commands.Producers;
using CloudPI.Commands.Report;

namespace CloudPI.Commands;

/// <summary>The whole <c>cloudpi</c> command tree. Component executables reuse its sub-commands as their root.</summary>
public static class CloudPICommands
{
    public const string ProgramName = "cloudpi";

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand(
            "CloudPI: contextual cloud-security analysis for Dracon pipelines. Producers gather AWS misconfigurations, "
            + "enrichers decide which ones an attacker can reach and use, and rank them.")
        {
            CommonOptions.Debug,
            CommonOptions.LogFormat,
            ScanCommand.Create(),
            DraconCommands.Create(),
            ReportCommand.Create(),
            ControlsCommand.Create(),
            ProducerCommands.Create(),
            GraphCommands.Create(),
            EnricherCommands.Create(),
        };
        return root;
    }
}
