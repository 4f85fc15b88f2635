using System.IO.Compression;
using System.Text;
using CloudPI.Dracon.Io;
using CloudPI.TestSupport;
using Google.Protobuf;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Tests;

/// <summary>
/// The enrichers' output, byte for byte, against what the code wrote before the analysis was made faster: the
/// Cartography producer's findings on the bundled example and on a small synthetic account, given fixed uuids,
/// through each enricher. Set CLOUDPI_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
/// </summary>
public class VerdictGoldenTests
{
    private static readonly string GoldenDirectory = Path.Combine(RepoPaths.Root, "tests", "CloudPI.Commands.Tests", "Golden");

    [Theory]
    [InlineData("example", "reachability")]
    [InlineData("example", "exploitability")]
    [InlineData("synthetic-1500", "reachability")]
    [InlineData("synthetic-1500", "exploitability")]
    public async Task Enricher_output_is_identical_to_the_golden_output(string account, string enricher)
    {
        using var temp = new TempDirectory();
        var graph = GraphFile(temp, account);
        var producers = temp.Combine("producers");
        Directory.CreateDirectory(producers);
        var produced = await Cli.RunAsync("producer", "cartography", "--graph", graph, "-out", temp.Combine("produced.pb"));
        Assert.Equal(0, produced.ExitCode);
        var tagged = DraconFile.ReadLaunchToolResponse(temp.Combine("produced.pb"));
        tagged.ScanInfo.ScanStartTime = null;
        for (var i = 0; i < tagged.Issues.Count; i++)
        {
            tagged.Issues[i].Uuid = $"golden:{i}";
        }

        DraconFile.Write(Path.Combine(producers, "cloudpi-cartography.tagged.pb"), tagged);

        var result = await Cli.RunAsync("enricher", enricher, "--graph", graph, "-read_path", producers, "-write_path", temp.Combine("out"));

        Assert.Equal(0, result.ExitCode);
        var enriched = DraconFile.ReadEnriched(temp.Combine("out", $"cloudpi-cartography.{enricher}.enriched.pb"));
        var actual = Lines(enriched.Issues);
        var goldenFile = Path.Combine(GoldenDirectory, $"{account}.{enricher}.jsonl.gz");
        if (Environment.GetEnvironmentVariable("CLOUDPI_UPDATE_GOLDEN") == "1")
        {
            WriteCompressed(goldenFile, actual);
        }

        var expected = ReadCompressed(goldenFile);
        Assert.True(tagged.Issues.Count > 100, $"only {tagged.Issues.Count} findings");
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"issue {i} differs:\nexpected {expected[i]}\nactual   {actual[i]}");
        }
    }

    private static string GraphFile(TempDirectory temp, string account)
    {
        if (account == "example")
        {
            return RepoPaths.Examples("account", "graph.jsonl");
        }

        var path = temp.Combine($"{account}.jsonl");
        using var compressed = new GZipStream(File.OpenRead(Path.Combine(GoldenDirectory, $"{account}.jsonl.gz")), CompressionMode.Decompress);
        using var file = File.Create(path);
        compressed.CopyTo(file);
        return path;
    }

    /// <summary>One protobuf JSON line per enriched issue, annotations in key order (a map's order is not the output's meaning).</summary>
    private static List<string> Lines(IEnumerable<EnrichedIssue> issues) => issues.Select(issue =>
    {
        var sorted = new EnrichedIssue { RawIssue = issue.RawIssue };
        foreach (var (key, value) in issue.Annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            sorted.Annotations[key] = value;
        }

        return JsonFormatter.Default.Format(sorted);
    }).ToList();

    private static void WriteCompressed(string path, List<string> lines)
    {
        using var file = File.Create(path);
        using var compressed = new GZipStream(file, CompressionLevel.SmallestSize);
        compressed.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

    private static List<string> ReadCompressed(string path)
    {
        using var compressed = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(compressed, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
