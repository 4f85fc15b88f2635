using System.Text;
using CloudPI.Graph.Apoc;

namespace CloudPI.Graph.Tests;

public class ApocJsonLinesReaderTests
{
    // The reference's example: relationship ends repeat the node properties.
    private const string AccountLine = """{"type":"node","id":"0","labels":["AWSAccount","Tenant"],"properties":{"id":"111122223333","inscope":true,"lastupdated":1755000000}}""";
    private const string InstanceLine = """{"type":"node","id":"7","labels":["AWSEC2Instance","ComputeInstance","EC2Instance"],"properties":{"id":"i-0abc","publicipaddress":"203.0.113.10","exposed_internet_type":["direct"]}}""";
    private const string ResourceLine = """{"type":"relationship","id":"3","label":"RESOURCE","properties":{"lastupdated":1755000000},"start":{"id":"0","labels":["AWSAccount","Tenant"],"properties":{"id":"111122223333","inscope":true,"lastupdated":1755000000}},"end":{"id":"7","labels":["AWSEC2Instance","ComputeInstance","EC2Instance"],"properties":{"id":"i-0abc","publicipaddress":"203.0.113.10","exposed_internet_type":["direct"]}}}""";

    [Fact]
    public void Reads_the_reference_example()
    {
        var graph = Apoc.Parse(AccountLine, InstanceLine, ResourceLine);

        Assert.Equal(2, graph.NodeCount);
        var relationship = Assert.Single(graph.Relationships);
        Assert.Equal("RESOURCE", relationship.Type);
        Assert.Equal("3", relationship.ExternalId);
        Assert.Equal("111122223333", relationship.Start.Id);
        Assert.Equal("i-0abc", relationship.End.Id);
        Assert.Equal(1755000000L, relationship["lastupdated"]);
        Assert.Equal(["direct"], relationship.End.Properties.GetStringList("exposed_internet_type"));
        Assert.Equal(true, relationship.Start["inscope"]);
    }

    [Fact]
    public void Reads_nodes_without_labels_or_properties_and_relationships_with_ids_only()
    {
        var graph = Apoc.Parse(
            """{"type":"node","id":"1"}""",
            """{"type":"node","id":"2","labels":["X"]}""",
            """{"type":"relationship","id":"5","label":"R","start":{"id":"1"},"end":{"id":"2"}}""");

        Assert.Empty(graph.GetNode(0).Labels);
        Assert.Equal(0, graph.GetNode(0).Properties.Count);
        var relationship = Assert.Single(graph.Relationships);
        Assert.Equal(0, relationship.Properties.Count);
        Assert.Equal("2", relationship.End.ExternalId);
    }

    [Fact]
    public void Does_not_depend_on_key_order()
    {
        var graph = Apoc.Parse(
            """{"properties":{"id":"a"},"labels":["A"],"id":"1","type":"node"}""",
            """{"id":"2","type":"node","labels":["B"]}""",
            """{"end":{"labels":["B"],"id":"2"},"start":{"properties":{"id":"a"},"id":"1"},"label":"R","properties":{"w":1},"id":"9","type":"relationship"}""");

        var relationship = Assert.Single(graph.Relationships);
        Assert.Equal("a", relationship.Start.Id);
        Assert.Equal("2", relationship.End.ExternalId);
    }

    [Fact]
    public void Keeps_value_types_big_integers_temporals_points_and_escapes()
    {
        var graph = Apoc.Parse(
            """{"type":"node","id":"1","properties":{"big":9007199254740993,"neg":-42,"ratio":0.5,"whole":2.0,"on":false,"none":null,"when":"2015-06-24T12:50:35.556+01:00","day":"2018-10-29","dur":"P5M1DT12H","list":[1,"a",true],"place":{"crs":"wgs-84","latitude":51.5,"longitude":-0.12,"height":null},"text":"line\nbreak \"quoted\" \u00e9","nested":[[1,2],[3]],"empty":""}}""");
        var node = graph.GetNode(0);

        Assert.Equal(9007199254740993L, node["big"]);
        Assert.Equal(-42L, node["neg"]);
        Assert.Equal(0.5, node["ratio"]);
        Assert.Equal(2.0, node["whole"]);
        Assert.Equal(false, node["on"]);
        Assert.True(node.Properties.ContainsKey("none"));
        Assert.Null(node["none"]);
        Assert.Equal("2015-06-24T12:50:35.556+01:00", node["when"]);
        Assert.Equal("2018-10-29", node["day"]);
        Assert.Equal("P5M1DT12H", node["dur"]);
        Assert.Equal(new object?[] { 1L, "a", true }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(node["list"]));
        var place = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(node["place"]);
        Assert.Equal("wgs-84", place["crs"]);
        Assert.Equal(51.5, place["latitude"]);
        Assert.Null(place["height"]);
        Assert.Equal("line\nbreak \"quoted\" é", node["text"]);
        Assert.Equal(2, Assert.IsAssignableFrom<IReadOnlyList<object?>>(node["nested"]).Count);
        Assert.Equal(string.Empty, node["empty"]);
    }

    [Fact]
    public void Reads_what_the_fast_reader_leaves_to_the_strict_one_and_escaped_names()
    {
        // 62 levels of arrays inside the properties: deeper than the fast reader goes, within what the strict one reads.
        var deep = new string('[', 62) + "7" + new string(']', 62);
        var graph = Apoc.Parse(
            $$$"""{"type":"node","id":"1","labels":["A\u0042"],"properties":{"deep":{{{deep}}},"k\u0065y":"v\/w"}}""",
            """{"type":"node","id":"2","properties":{"after":1}}""",
            """{"type":"relationship","id":"3","label":"R\u0031","start":{"id":"\u0031"},"end":{"id":"2"}}""");

        var node = graph.GetNode(0);
        var value = node["deep"];
        for (var level = 0; level < 62; level++)
        {
            value = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<object?>>(value));
        }

        Assert.Equal(7L, value);
        Assert.Equal(["AB"], node.Labels);
        Assert.Equal("v/w", node["key"]);
        Assert.Equal(1L, graph.GetNode(1)["after"]);
        var relationship = Assert.Single(graph.Relationships);
        Assert.Equal("R1", relationship.Type);
        Assert.Equal("1", relationship.Start.ExternalId);
    }

    [Fact]
    public void Accepts_crlf_blank_lines_bom_and_numeric_ids()
    {
        var text = "\uFEFF" + """{"type":"node","id":1,"labels":["A"]}""" + "\r\n\r\n" + """{"type":"node","id":"2"}""" + "\r\n"
            + """{"type":"relationship","id":3,"label":"R","start":{"id":1},"end":{"id":"2"}}""" + "\r\n";
        var graph = ApocJsonLinesReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "graph.json");

        Assert.Equal(2, graph.NodeCount);
        Assert.Equal("1", Assert.Single(graph.Relationships).Start.ExternalId);
    }

    [Fact]
    public void Accepts_array_json_one_element_per_line_or_all_on_one_line()
    {
        var perLine = Apoc.Parse(
            "[" + """{"type":"node","id":"1"}""" + ",",
            """{"type":"node","id":"2"}""" + ",",
            """{"type":"relationship","id":"3","label":"R","start":{"id":"1"},"end":{"id":"2"}}""" + "]");
        var oneLine = Apoc.Parse("""[{"type":"node","id":"1"},{"type":"node","id":"2"},{"type":"relationship","id":"3","label":"R","start":{"id":"1"},"end":{"id":"2"}}]""");

        Assert.Equal((2, 1), (perLine.NodeCount, perLine.RelationshipCount));
        Assert.Equal((2, 1), (oneLine.NodeCount, oneLine.RelationshipCount));
    }

    [Fact]
    public void Reads_lines_longer_than_the_buffer()
    {
        var longValue = new string('x', 200_000);
        var graph = Apoc.Parse($$$"""{"type":"node","id":"1","properties":{"policy":"{{{longValue}}}"}}""", """{"type":"node","id":"2"}""");

        Assert.Equal(longValue, graph.GetNode(0)["policy"]);
        Assert.Equal(2, graph.NodeCount);
    }

    [Theory]
    [InlineData("""{"type":"node","id":"3",""", 2, "invalid JSON")]
    [InlineData("""{"id":"3","labels":["A"]}""", 2, "record has no \"type\"")]
    [InlineData("""{"type":"edge","id":"3"}""", 2, "unknown type \"edge\"")]
    [InlineData("""{"type":"relationship","id":"4","label":"R","start":{"id":"1"},"end":{"id":"99"}}""", 2, "relationship refers to unknown node id \"99\"")]
    [InlineData("""{"type":"node","labels":["A"]}""", 2, "node has no \"id\"")]
    [InlineData("""{"type":"relationship","label":"R","start":{"id":"1"},"end":{"id":"1"}}""", 2, "relationship has no \"id\"")]
    [InlineData("""{"type":"relationship","id":"4","start":{"id":"1"},"end":{"id":"1"}}""", 2, "relationship has no \"label\"")]
    [InlineData("""{"type":"relationship","id":"4","label":"R","start":{"id":"1"}}""", 2, "relationship has no \"end\" node")]
    [InlineData("""{"type":"node","id":"1"}""", 2, "duplicate node id \"1\"")]
    [InlineData("""{"type":"node","id":"2"} {"type":"node","id":"3"}""", 2, "unexpected content after the record")]
    [InlineData("""[1,2]""", 2, "expected a JSON object")]
    public void Malformed_lines_name_the_file_and_line(string badLine, int line, string problem)
    {
        var error = Assert.Throws<GraphFormatException>(() => Apoc.Parse("""{"type":"node","id":"1"}""", badLine, """{"type":"node","id":"5"}"""));

        Assert.StartsWith($"graph.json:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.LineNumber);
        Assert.Equal("graph.json", error.SourceName);
    }

    [Fact]
    public void Counts_blank_lines_in_line_numbers()
    {
        var error = Assert.Throws<GraphFormatException>(() => Apoc.Parse("""{"type":"node","id":"1"}""", "", "", "{oops}"));

        Assert.Equal(4, error.LineNumber);
    }

    [Fact]
    public void File_errors_name_the_file()
    {
        using var directory = new TempDirectory();
        var path = directory.File("export.json");
        File.WriteAllText(path, """{"type":"node","id":"1"}""" + "\n" + """{"type":"node"}""" + "\n");

        var error = Assert.Throws<GraphFormatException>(() => ApocJsonLinesReader.ReadFile(path));

        Assert.Equal($"{path}:2: node has no \"id\"", error.Message);
    }
}
