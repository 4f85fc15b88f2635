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
    [InlineData("all traffic")]
    [InlineData("tcp/22")]
    [InlineData("tcp/1024-65535")]
    [InlineData("icmp")]
    [InlineData("47")]
    public void Is_written_in_place_as_its_text(string text)
    {
        var traffic = text == "47" ? new TrafficQuery(47, 0, 0) : TrafficQuery.TryParse(text)!.Value;

        Assert.Equal(text, traffic.ToString());
        Assert.Equal($"on {text}.", $"on {traffic}.");
        Assert.False(traffic.TryFormat(new char[text.Length - 1], out _, default, null));
        Assert.True(traffic.TryFormat(new char[text.Length], out var written, default, null));
        Assert.Equal(text.Length, written);
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
