using System.CommandLine;
using CloudPI.Commands.Dracon;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;

namespace CloudPI.Commands;

/// <summary>
/// <c>cloudpi scan</c>: the Dracon chain run locally in one command, with the output folder laid out as Dracon
/// lays out its workspace (<c>.dracon/producers</c>, <c>.dracon/enrichers</c>). Stages run in Dracon's order:
/// producers, tagger, then a summary of what was found.
/// </summary>
public static class ScanCommand
{
    public static Command Create()
    {
        var producerResults = new Option<string[]>("--producer-results")
        {
            Description = "Directories (or files) of existing producer .pb outputs to feed into the chain, e.g. results of other Dracon producers.",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out", "-out")
        {
            Description = "Output folder; its .dracon/ sub-folder is recreated on each run.",
            Required = true,
        };
        var command = new Command("scan", "Run the whole chain locally: producers → tag → summary.") { producerResults, output };
        command.SetHandler((parseResult, context) =>
        {
            var inputs = parseResult.GetValue(producerResults) ?? [];
            if (inputs.Length == 0)
            {
                throw new UsageException("nothing to scan: give at least one input (--producer-results)");
            }

            var layout = new WorkspaceLayout(parseResult.GetRequiredValue(output));
            layout.Reset();
            var log = context.Logger;

            log.Information("Stage 1/3 producers: collecting results into {Path}", layout.Producers);
            foreach (var file in inputs.SelectMany(ExpandProducerResults))
            {
                var response = DraconFile.ReadLaunchToolResponse(file);
                DraconFile.Write(Path.Combine(layout.Producers, DraconFile.FileStem(response.ToolName) + ".pb"), response);
            }

            log.Information("Stage 2/3 tag: stamping issue uuids");
            var tagged = new Tagger(log).Tag(layout.Producers, layout.Producers);

            log.Information("Stage 3/3 summary");
            foreach (var file in tagged)
            {
                DraconDump.WriteText(Path.GetRelativePath(layout.Root, file), DraconFile.Read(file), context.Output);
            }

            log.Information("Done: results under {Path}", layout.Dracon);
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<string> ExpandProducerResults(string path) =>
        File.Exists(path) ? [path] : DraconFile.Find(path, ".pb");
}
