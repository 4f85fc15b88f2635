namespace CloudPI.Dracon.Io;

/// <summary>
/// The process was asked to stop (SIGINT, SIGTERM): set once by the program's entry, observed where outputs are
/// written, so that an interrupted write removes its temporary file and renames nothing into place.
/// </summary>
public static class ProcessInterruption
{
    private static CancellationToken _token;

    public static CancellationToken Token => _token;

    /// <summary>Called by the entry point with the token its signal handlers cancel.</summary>
    public static void ObserveSignals(CancellationToken token) => _token = token;
}
