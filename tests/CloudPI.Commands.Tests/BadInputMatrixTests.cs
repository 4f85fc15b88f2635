using CloudPI.Dracon.Io;
using CloudPI.TestSupport;

namespace CloudPI.Commands.Tests;

/// <summary>
/// Every command × a bad input: one line that states the real problem and names the file or flag, the documented
/// exit code (2 for a wrong command line, 1 for bad input data), and nothing written (issue 14, section 3).
/// </summary>
public class BadInputMatrixTests
{
    private static string Example => RepoPaths.Examples("account", "graph.jsonl");

    public static TheoryData<string, string[], int, string> Cases => new()
    {
        { "directory for a graph", ["graph", "stats", "--graph", "{dir}"], 1, "{dir}: is a directory; expected a graph file" },
        { "empty graph to a producer", ["producer", "cartography", "--graph", "{empty}", "-out", "{out}/x.pb"], 1, "{empty}: the graph has no nodes" },
        { "http scheme", ["graph", "stats", "--neo4j-uri", "http://localhost:7474"], 2, "--neo4j-uri scheme 'http' is not Bolt" },
        { "zero timeout", ["graph", "stats", "--neo4j-uri", "bolt://localhost:7687", "--neo4j-timeout", "0"], 2, "--neo4j-timeout must be at least 1 second (got 0)" },
        { "password on the command line", ["graph", "stats", "--neo4j-uri", "bolt://localhost:7687", "--neo4j-password", "hunter2"], 2, "Unrecognized command or argument '--neo4j-password'." },
        { "negative top", ["report", "{dir}", "--out", "{out}/r.md", "--top", "-5"], 2, "--top must be at least 1 (got -5)" },
        { "negative top in scan", ["scan", "--graph", "{example}", "--top", "0", "--out", "{out}"], 2, "--top must be at least 1 (got 0)" },
        { "two read paths", ["dracon", "tag", "{dir}", "-read_path", "{out}"], 2, "two read paths: DIR '{dir}' and -read_path '{out}'; give one" },
        { "truncated enriched file", ["dracon", "aggregate", "{truncated}", "-write_path", "{out}"], 1, "{truncated}/x.enriched.pb: not a readable Dracon file: truncated or corrupt protobuf" },
        { "malformed reachability annotations", ["enricher", "exploitability", "--graph", "{example}", "-read_path", "{tagged}", "-write_path", "{out}", "--reachability-path", "{malformed}"], 1, "{malformed}/x.reachability.enriched.pb: issue " },
        { "truncated reachability output", ["enricher", "exploitability", "--graph", "{example}", "-read_path", "{tagged}", "-write_path", "{out}", "--reachability-path", "{truncatedreach}"], 1, "{truncatedreach}/x.reachability.enriched.pb: not a readable Dracon file: truncated or corrupt protobuf" },
        { "tagged file as reachability output", ["enricher", "exploitability", "--graph", "{example}", "-read_path", "{tagged}", "-write_path", "{out}", "--reachability-path", "{notenriched}"], 1, "{notenriched}/x.reachability.enriched.pb: expected an EnrichedLaunchToolResponse" },
        { "empty reachability output", ["enricher", "exploitability", "--graph", "{example}", "-read_path", "{tagged}", "-write_path", "{out}", "--reachability-path", "{emptyreach}"], 1, "{emptyreach}/x.reachability.enriched.pb: empty file (0 bytes)" },
        { "pulumi input that is not utf-8", ["producer", "pulumi", "-in", "{badpulumi}", "-out", "{out}/p.pb"], 2, "{badpulumi}: invalid UTF-8 at line 1, byte offset 3" },
        { "synth too large", ["graph", "synth", "--resources", "2000000", "--out", "{out}/g.jsonl"], 2, "--resources must be between 1 and 1,000,000" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_one_clear_line_with_its_exit_code_and_nothing_written(string name, string[] args, int exitCode, string message)
    {
        using var temp = new TempDirectory();
        var paths = Prepare(temp);
        string Fill(string text) => paths.Aggregate(text, (t, p) => t.Replace("{" + p.Key + "}", p.Value, StringComparison.Ordinal));

        var result = await Cli.RunAsync([.. args.Select(Fill)]);

        Assert.True(exitCode == result.ExitCode, $"{name}: exit {result.ExitCode}: {result.Error}");
        var lines = result.Error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('{')).ToList();
        Assert.StartsWith("cloudpi: " + Fill(message), lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(paths["out"]) && Directory.EnumerateFileSystemEntries(paths["out"]).Any(), $"{name}: wrote {paths["out"]}");
    }

    private static Dictionary<string, string> Prepare(TempDirectory temp)
    {
        Directory.CreateDirectory(temp.Combine("dir"));
        File.WriteAllBytes(temp.Combine("empty.jsonl"), []);
        File.WriteAllBytes(temp.Combine("truncated", "x.enriched.pb").EnsureDirectory(), File.ReadAllBytes(RepoPaths.Examples("dracon", "cloudpi-aws-config.pb"))[..40]);

        // A tagged file and a reachability output for it whose hops annotation is not JSON.
        var tagged = DraconFile.ReadLaunchToolResponse(RepoPaths.Examples("dracon", "cloudpi-aws-config.pb"));
        tagged.Issues[0].Uuid = "scan:1";
        DraconFile.Write(temp.Combine("tagged", "x.tagged.pb"), tagged);
        var malformed = new Ocurity.Dracon.V1.EnrichedLaunchToolResponse { OriginalResults = tagged };
        var issue = new Ocurity.Dracon.V1.EnrichedIssue { RawIssue = tagged.Issues[0] };
        issue.Annotations["cloudpi.reachable"] = "true";
        issue.Annotations["cloudpi.reachability.path"] = "internet → sg-1";
        issue.Annotations["cloudpi.reachability.hops"] = "[{not json";
        malformed.Issues.Add(issue);
        DraconFile.Write(temp.Combine("malformed", "x.reachability.enriched.pb"), malformed);

        var reachability = Google.Protobuf.MessageExtensions.ToByteArray(malformed);
        File.WriteAllBytes(temp.Combine("truncatedreach", "x.reachability.enriched.pb").EnsureDirectory(), reachability[..(reachability.Length - 7)]);
        DraconFile.Write(temp.Combine("notenriched", "x.reachability.enriched.pb").EnsureDirectory(), tagged);
        File.WriteAllBytes(temp.Combine("emptyreach", "x.reachability.enriched.pb").EnsureDirectory(), []);

        File.WriteAllBytes(temp.Combine("bad-preview.json"), [.. "{\"s"u8, 0xFF, .. "\": 1}"u8]);

        return new Dictionary<string, string>
        {
            ["badpulumi"] = temp.Combine("bad-preview.json"),
            ["dir"] = temp.Combine("dir"),
            ["empty"] = temp.Combine("empty.jsonl"),
            ["truncated"] = temp.Combine("truncated"),
            ["tagged"] = temp.Combine("tagged"),
            ["malformed"] = temp.Combine("malformed"),
            ["truncatedreach"] = temp.Combine("truncatedreach"),
            ["notenriched"] = temp.Combine("notenriched"),
            ["emptyreach"] = temp.Combine("emptyreach"),
            ["example"] = Example,
            ["out"] = temp.Combine("out"),
        };
    }
}

internal static class PathExtensions
{
    public static string EnsureDirectory(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
