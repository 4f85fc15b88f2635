using CloudPI.Dracon.Producers;
using Microsoft.Extensions.Time.Testing;

namespace CloudPI.Dracon.Tests;

public class ScanEnvironmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Values_are_trimmed_like_the_base_task_output()
    {
        var info = ScanEnvironment.Create("5b0b6a3e-2f4d-4f6e-9c8a-0d1e2f3a4b5c\n", "2024-10-18T10:00:00Z\n", "{\"team\":\"cloud\"}\n", new FakeTimeProvider(Now));

        Assert.Equal("5b0b6a3e-2f4d-4f6e-9c8a-0d1e2f3a4b5c", info.ScanUuid);
        Assert.Equal(new DateTimeOffset(2024, 10, 18, 10, 0, 0, TimeSpan.Zero), info.ScanStartTime.ToDateTimeOffset());
        Assert.Equal(0, info.ScanStartTime.Nanos);
        Assert.Equal("cloud", info.ScanTags["team"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-10-18")]
    public void Missing_or_bad_time_falls_back_to_now(string? time)
    {
        var info = ScanEnvironment.Create(null, time, null, new FakeTimeProvider(Now));

        Assert.Equal(Now, info.ScanStartTime.ToDateTimeOffset());
        Assert.Equal(string.Empty, info.ScanUuid);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"a\":1}")]
    public void Bad_tags_become_an_empty_map(string tags)
    {
        Assert.Empty(ScanEnvironment.Create("id", null, tags, new FakeTimeProvider(Now)).ScanTags);
    }
}
