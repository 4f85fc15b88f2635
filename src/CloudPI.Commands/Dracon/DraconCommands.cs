using System.CommandLine;
using CloudPI.Dracon.Enrichers;
using CloudPI.Dracon.Io;
using CloudPI.Dracon.Pipeline;

namespace CloudPI.Commands.Dracon;

/// <summary><c>cloudpi dracon ...</c>: look inside Dracon files, and do locally what Dracon's tagger and aggregator do.</summary>
public static class DraconCommands
{
    public static Command Create() =>
        new("dracon", "Inspect Dracon files and run the tagger and enricher-aggregator locally.")
        {
            CreateDump(),
            CreateTag(),
            CreateAggregate(),
        };

    private static Command CreateDump()
    {
        var file = new Argument<string>("FILE") { Description = "A .pb file: LaunchToolResponse or EnrichedLaunchToolResponse (detected)." };
        var format = new Option<string>("--format", "-format")
        {
            Description = "json (protobuf JSON) or text (a readable table).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("json", "text");
        var command = new Command("dump", "Print a Dracon .pb file as protobuf JSON or a readable table.") { file, format };
        command.SetHandler((parseResult, context) =>
        {
            var path = parseResult.GetRequiredValue(file);
            var message = DraconFile.Read(path);
            if (parseResult.GetValue(format) == "json")
            {
                DraconDump.WriteJson(message, context.Output);
            }
            else
            {
                DraconDump.WriteText(path, message, context.Output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateTag()
    {
        var (directory, readPath, writePath) = PathOptions();
        var command = new Command(
            "tag",
            "Stamp every issue of the producer files under DIR with '<scan id>:<uuid>' and write <tool>.tagged.pb, as Dracon's tagger does.")
        {
            directory,
            readPath,
            writePath,
        };
        command.SetHandler((parseResult, context) =>
        {
            var (read, write) = ResolvePaths(parseResult, directory, readPath, writePath);
            new Tagger(context.Logger).Tag(read, write);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateAggregate()
    {
        var (directory, readPath, writePath) = PathOptions();
        var command = new Command(
            "aggregate",
            "Merge the enriched files under DIR per tool by issue uuid and write <tool>.enriched.aggregated.pb, as Dracon's enricher-aggregator does.")
        {
            directory,
            readPath,
            writePath,
        };
        command.SetHandler((parseResult, context) =>
        {
            var (read, write) = ResolvePaths(parseResult, directory, readPath, writePath);
            new EnrichmentAggregator(context.Logger).Aggregate(read, write);
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Argument<string?> Directory, Option<string?> ReadPath, Option<string?> WritePath) PathOptions() =>
    (
        CommandArguments.RejectingOptionLikeValues(new Argument<string?>("DIR")
        {
            Description = "Directory to read recursively (default: -read_path, else $READ_PATH).",
            Arity = ArgumentArity.ZeroOrOne,
        }),
        new Option<string?>("--read-path", "-read_path")
        {
            Description = "Same as DIR (Dracon's flag).",
        },
        new Option<string?>("--write-path", "-write_path", "--out")
        {
            Description = "Where to write (default: $WRITE_PATH, else the read directory).",
        }
    );

    private static (string Read, string Write) ResolvePaths(
        ParseResult parseResult, Argument<string?> directory, Option<string?> readPath, Option<string?> writePath)
    {
        if (FirstNonEmpty(parseResult.GetValue(directory)) is { } given && FirstNonEmpty(parseResult.GetValue(readPath)) is { } flag && given != flag)
        {
            throw new UsageException($"two read paths: DIR '{given}' and -read_path '{flag}'; give one");
        }

        var read = FirstNonEmpty(parseResult.GetValue(directory), parseResult.GetValue(readPath), Environment.GetEnvironmentVariable(EnricherFiles.ReadPathVariable))
            ?? throw new UsageException("read path is undefined: give DIR, -read_path or set READ_PATH");
        var write = FirstNonEmpty(parseResult.GetValue(writePath), Environment.GetEnvironmentVariable(EnricherFiles.WritePathVariable)) ?? read;
        return (read, write);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
