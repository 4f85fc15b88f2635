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
}
