using CloudPI.Commands.Enrichers;
using CloudPI.Dracon.Enrichers;
using Ocurity.Dracon.V1;

namespace CloudPI.Commands.Tests;

/// <summary>Enriched issues spilled to a temporary file in any order, from several threads, come back in input order, and the file goes with them.</summary>
public class SpilledIssuesTests
{
    [Fact]
    public void Issues_added_out_of_order_from_several_threads_are_read_back_in_input_order_and_the_file_leaves_no_name_behind()
    {
        var counts = new[] { 300, 0, 57 };
        static EnrichedIssue Issue(int input, int index) => new()
        {
            RawIssue = new Issue { Uuid = $"u-{input}-{index}", Target = $"arn:aws:s3:::bucket-{input}-{index}", Description = new string('x', index % 17) },
            Annotations = { ["cloudpi.reachable"] = (index % 2 == 0).ToString() },
        };

        string path;
        using (var spilled = new SpilledIssues(counts))
        {
            path = spilled.FilePath;
            var positions = counts.SelectMany((count, input) => Enumerable.Range(0, count).Select(index => (input, index))).Reverse().ToArray();
            Parallel.ForEach(positions, at => spilled.Add(at.input, at.index, EncodedIssue.Of(Issue(at.input, at.index))));

            for (var input = 0; input < counts.Length; input++)
            {
                var read = spilled.Read(input).ToList();
                Assert.Equal(Enumerable.Range(0, counts[input]).Select(index => Issue(input, index)), read.Select(e => EnrichedIssue.Parser.ParseFrom(e.Bytes.Span)));
                // What the writer checks comes back without parsing: the uuid, and whether some annotation is empty.
                Assert.All(read, e => Assert.Null(e.EmptyAnnotation));
                Assert.Equal(Enumerable.Range(0, counts[input]).Select(index => Issue(input, index).RawIssue.Uuid), read.Select(e => e.RawIssueUuid));
            }

            // Unix: the name went when the file opened, so a killed run leaves nothing; Windows deletes it on dispose.
            Assert.Equal(OperatingSystem.IsWindows(), File.Exists(path));
        }

        Assert.False(File.Exists(path));
    }
}
