using CloudPI.Reachability;
using CloudPI.Controls.Network;

namespace CloudPI.Reachability.Tests;

/// <summary>Traffic as the reachability annotations write it, and read back by a later enricher.</summary>
public class TrafficQueryTests
{
    [Theory]
    [InlineData("all traffic")]
    [InlineData("tcp/22")]
    [InlineData("tcp/20-21")]
    [InlineData("udp/53")]
    [InlineData("icmp")]
    public void What_is_written_reads_back_the_same(string text)
    {
        var parsed = TrafficQuery.TryParse(text);

        Assert.NotNull(parsed);
        Assert.Equal(text, parsed.Value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("tcp")]
    [InlineData("tcp/22-20")]
    [InlineData("tcp/70000")]
    [InlineData("tcp/1-2-3")]
    [InlineData("smtp/25")]
    public void Other_text_is_not_traffic(string text) => Assert.Null(TrafficQuery.TryParse(text));
}
