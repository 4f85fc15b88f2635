namespace CloudPI.Bolt;

/// <summary>Which failures are worth another attempt, and how long to wait: exponential back-off with jitter.</summary>
internal sealed class BoltRetryPolicy(BoltClientOptions options)
{
    public int MaxRetries => options.MaxRetries;

    /// <summary>Lost connections and Neo.TransientError.*; never authentication, syntax or time-outs.</summary>
    public static bool IsTransient(Exception error) =>
        error is BoltConnectionException || (error is CypherServerException server && server.IsTransient);

    public bool ShouldRetry(Exception error, int attempt) => attempt < MaxRetries && IsTransient(error);

    /// <summary>initial * 2^attempt capped at the maximum, scaled by a random factor in [0.5, 1.5) so clients do not retry in lockstep.</summary>
    public TimeSpan DelayFor(int attempt)
    {
        var exponential = options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, attempt);
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble()));
    }
}
