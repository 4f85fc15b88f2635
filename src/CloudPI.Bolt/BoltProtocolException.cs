namespace CloudPI.Bolt;

/// <summary>The bytes received do not follow Bolt or PackStream: a malformed, truncated or unexpected message.</summary>
public sealed class BoltProtocolException : Exception
{
    public BoltProtocolException(string message)
        : base(message)
    {
    }

    public BoltProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
