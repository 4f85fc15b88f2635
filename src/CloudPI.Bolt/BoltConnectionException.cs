namespace CloudPI.Bolt;

/// <summary>
/// The connection could not be opened or was lost (refused, reset, closed mid-message).
/// Derives from <see cref="IOException"/> because it is one; the client retries it only before any record was returned.
/// </summary>
public sealed class BoltConnectionException : IOException
{
    public BoltConnectionException(string message)
        : base(message)
    {
    }

    public BoltConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
