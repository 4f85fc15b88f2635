using System.Runtime;

namespace CloudPI.Graph.Apoc;

/// <summary>
/// Loading a whole graph file is one burst of allocations that nearly all survive: collecting during it only copies
/// the new graph from generation to generation (measured: about a tenth of a 100k-resource load's CPU). So the load
/// asks the runtime for no collection over about the bytes it will allocate; past them, or once the load ends, the
/// collector runs as usual. Skipped for small files, and when another load already holds the pause.
/// </summary>
internal static class CollectionPause
{
    /// <summary>Below this the pause saves too little to matter.</summary>
    private const long MinimumBytes = 16L << 20;

    /// <summary>The most asked for: a larger load collects as usual once past it.</summary>
    private const long MaximumBytes = 256L << 20;

    /// <summary>Runs <paramref name="load"/>, expected to allocate about <paramref name="expectedBytes"/>, without collections.</summary>
    public static T Run<T>(long expectedBytes, Func<T> load)
    {
        var paused = expectedBytes >= MinimumBytes && TryStart(Math.Min(expectedBytes, MaximumBytes));
        try
        {
            return load();
        }
        finally
        {
            if (paused)
            {
                End();
            }
        }
    }

    private static bool TryStart(long bytes)
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return false;
        }

        try
        {
            return GC.TryStartNoGCRegion(bytes);
        }
        catch (InvalidOperationException)
        {
            // Another load started its pause in the meantime.
            return false;
        }
    }

    private static void End()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The load allocated past the pause, so a collection already ended it.
        }
    }
}
