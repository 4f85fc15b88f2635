using System.Text;
using CloudPI.Graph.Apoc;

namespace CloudPI.Graph.Tests;

public class ApocRoundTripTests
{
    [Fact]
    public void Writer_output_reads_back_to_the_same_graph_and_bytes()
    {
        var original = Apoc.Parse(
            """{"type":"node","id":"1","labels":["EC2Instance","AWSEC2Instance"],"properties":{"id":"i-1","port":22,"ratio":1.0,"tags":["a","b"],"where":{"crs":"cartesian","x":1.5,"y":2},"text":"ü+<\"","none":null}}""",
            """{"type":"node","id":"2"}""",
            """{"type":"relationship","id":"3","label":"R","properties":{"port":443},"start":{"id":"1"},"end":{"id":"2"}}""");

        var firstBytes = Apoc.Write(original);
        var reread = ApocJsonLinesReader.Read(new MemoryStream(firstBytes), "written.json");
        var secondBytes = Apoc.Write(reread);

        Assert.Equal(firstBytes, secondBytes);
        var node = reread.GetNode(0);
        Assert.Equal(["AWSEC2Instance", "EC2Instance"], node.Labels);
        Assert.Equal(22L, node["port"]);
        Assert.Equal(1.0, node["ratio"]);
        Assert.Equal("ü+<\"", node["text"]);
        Assert.Equal(443L, Assert.Single(reread.Relationships)["port"]);
    }

    [Fact]
    public void Writer_puts_nodes_first_with_sorted_labels_and_keys()
    {
        var builder = new PropertyGraphBuilder();
        builder.AddNode("a", ["Zeta", "Alpha"], [new("z", 1), new("a", "x")]);
        builder.AddNode("b", []);
        builder.AddRelationship("r", "LINK", "a", "b");
        var lines = Encoding.UTF8.GetString(Apoc.Write(builder.Build())).Split('\n');

        Assert.Equal(
            [
                """{"type":"node","id":"a","labels":["Alpha","Zeta"],"properties":{"a":"x","z":1}}""",
                """{"type":"node","id":"b"}""",
                """{"type":"relationship","id":"r","label":"LINK","start":{"id":"a","labels":["Alpha","Zeta"]},"end":{"id":"b"}}""",
                "",
            ],
            lines);
    }

    [Fact]
    public void WriteFile_replaces_the_target_and_leaves_no_temporary_file()
    {
        using var directory = new TempDirectory();
        var path = directory.File("graph.json");
        File.WriteAllText(path, "old content");

        ApocJsonLinesWriter.WriteFile(Apoc.Parse("""{"type":"node","id":"1"}"""), path);

        Assert.Equal("""{"type":"node","id":"1"}""" + "\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void WriteFile_failure_leaves_no_partial_or_temporary_file()
    {
        using var directory = new TempDirectory();
        // The final rename fails because a directory already has the target's name.
        var path = directory.File("graph.json");
        Directory.CreateDirectory(path);

        var error = Record.Exception(() => ApocJsonLinesWriter.WriteFile(Apoc.Parse("""{"type":"node","id":"1"}"""), path));

        Assert.True(error is IOException or UnauthorizedAccessException, error?.ToString());
        Assert.Empty(Directory.GetFiles(directory.Path));
    }
}
