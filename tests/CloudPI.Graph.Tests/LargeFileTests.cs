using System.Globalization;
using CloudPI.Graph.Apoc;

namespace CloudPI.Graph.Tests;

public class LargeFileTests
{
    [Fact]
    public void A_million_line_file_loads()
    {
        const int nodes = 250_000;
        const int relationships = 750_000;
        using var directory = new TempDirectory();
        var path = directory.File("million.json");
        using (var writer = new StreamWriter(path))
        {
            for (var i = 0; i < nodes; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $$$"""{"type":"node","id":"{{{i}}}","labels":["AWSEC2Instance","EC2Instance"],"properties":{"id":"i-{{{i:x8}}}","state":"running","lastupdated":1755000000}}"""));
                writer.Write('\n');
            }

            for (var r = 0; r < relationships; r++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $$$"""{"type":"relationship","id":"{{{nodes + r}}}","label":"R{{{r % 7}}}","start":{"id":"{{{r % nodes}}}"},"end":{"id":"{{{(r * 7919L) % nodes}}}"}}"""));
                writer.Write('\n');
            }
        }

        // Load speed is measured by the graph-load benchmark, not asserted here.
        var graph = ApocJsonLinesReader.ReadFile(path);

        Assert.Equal(nodes, graph.NodeCount);
        Assert.Equal(relationships, graph.RelationshipCount);
        Assert.True(graph.TryFindById("i-0001e240", out var node));
        Assert.Equal("123456", node.ExternalId);
        Assert.Equal(3, node.Relationships(Direction.Outgoing).Count());
    }

    [Fact]
    public void A_line_longer_than_the_reader_accepts_is_refused_with_the_file_and_line()
    {
        // The real bound (half the largest array, about 1 GiB) is too large for a test; the same code path with a small one.
        var text = "{\"type\":\"node\",\"id\":\"0\",\"labels\":[\"AWSAccount\"],\"properties\":{\"id\":\"1\"}}\n"
            + "{\"type\":\"node\",\"id\":\"1\",\"labels\":[\"AWSTag\"],\"properties\":{\"value\":\"" + new string('x', 4096) + "\"}}\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        using var lines = new PooledLineReader(stream, initialBufferSize: 256, maxLineLength: 1024);

        var error = Assert.Throws<GraphFormatException>(() => ApocJsonLinesReader.ReadInto(lines, "huge.jsonl", new PropertyGraphBuilder()));

        Assert.StartsWith("huge.jsonl:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("longer than 1,024 bytes", error.Message, StringComparison.Ordinal);
    }
}
