using System.Runtime;
using CloudPI.Graph.Apoc;

namespace CloudPI.Graph.Tests;

/// <summary>A no-collection region is process-wide: these tests run alone, or another test's graph load may hold it while they look.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideGcCollection
{
    public const string Name = "process-wide GC settings";
}

[Collection(ProcessWideGcCollection.Name)]
public class CollectionPauseTests
{
    [Fact]
    public void A_collection_pause_ends_with_its_load_also_when_the_load_fails_or_another_holds_the_pause()
    {
        Assert.Equal(42, CollectionPause.Run(32L << 20, () => 42));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        Assert.Throws<InvalidDataException>(() => CollectionPause.Run<int>(32L << 20, () => throw new InvalidDataException()));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);

        Assert.Equal(7, CollectionPause.Run(32L << 20, () => CollectionPause.Run(32L << 20, () => 7)));
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
